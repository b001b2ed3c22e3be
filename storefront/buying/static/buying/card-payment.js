/* The card step of the checkout (/checkout/pay/): Stripe's Payment Element, or a stand-in's card element.
 *
 * The server put what Stripe.js needs on the form (data-*): the publishable key and the PaymentIntent's
 * client secret that Saleor's transactionInitialize answered, never a secret key. With the Payment
 * Element the shopper's card is confirmed with Stripe here, then the form goes back to the server, which
 * asks Saleor to process the transaction and places the order. A stand-in's Stripe.js (localstripe) has
 * only a card element: the card is tokenised here and the server has the app confirm the intent with it.
 * Errors are shown next to the card field, in the page's language (messages come from the server).
 */
(function () {
  "use strict";
  var form = document.getElementById("card-form");
  if (!form) { return; }
  var data = form.dataset;
  var errors = document.getElementById("card-errors");
  var button = document.getElementById("pay-button");

  function show(message) {
    errors.textContent = message;
    errors.hidden = false;
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }

  function messageFor(error) {
    var code = (error && (error.decline_code || error.code)) || "";
    if (/declin|insufficient|expired_card|lost|stolen/.test(code) || /declined/i.test((error && error.message) || "")) {
      return data.msgDeclined;
    }
    if (/incorrect|invalid|incomplete/.test(code) || (error && error.type === "validation_error")) {
      return data.msgInvalid;
    }
    if (/authentication/.test(code)) { return data.msgAuthentication; }
    return data.msgFailed;
  }

  if (typeof window.Stripe !== "function") {
    show(data.msgUnavailable);
    button.disabled = true;
    return;
  }

  var stripe = window.Stripe(data.publishableKey, {locale: data.locale});
  var paymentElement = data.element === "payment";
  var elements = paymentElement ? stripe.elements({clientSecret: data.clientSecret, locale: data.locale})
    : stripe.elements();
  var element = elements.create(paymentElement ? "payment" : "card");
  element.mount("#card-element");

  function back() {  // to the server: it processes the transaction with Saleor and places the order
    form.submit();
  }

  function busy() {
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
  }

  // the bank asks the shopper to confirm (3-D Secure): Stripe.js shows its step, then the server looks again
  function authenticate() {
    busy();
    var step = paymentElement ? stripe.handleNextAction({clientSecret: data.clientSecret})
      : stripe.confirmCardPayment(data.clientSecret);
    Promise.resolve(step).then(function () { back(); }, function () { back(); });
  }

  // back from a bank's page (Stripe's redirect), the payment is settled by the server
  if (/[?&]redirect_status=/.test(window.location.search) || data.authenticate === "1") {
    if (data.authenticate === "1") { authenticate(); } else { busy(); back(); }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (button.disabled) { return; }
    busy();
    errors.hidden = true;
    if (paymentElement) {
      stripe.confirmPayment({elements: elements, redirect: "if_required",
                             confirmParams: {return_url: data.returnUrl}}).then(function (result) {
        if (result.error) { show(messageFor(result.error)); } else { back(); }
      }, function () { show(data.msgFailed); });
    } else {
      stripe.createToken(element).then(function (result) {
        if (result.error || !result.token) { show(messageFor(result.error)); return; }
        form.elements.payment_method.value = result.token.card.id;
        back();
      }, function () { show(data.msgFailed); });
    }
  });
}());
