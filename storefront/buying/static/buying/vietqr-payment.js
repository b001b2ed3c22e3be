/* The VietQR step of the checkout (/checkout/pay/): the time left counts down, and the page asks the server
 * every few seconds whether the transfer arrived (/checkout/pay/status/); once it did (or the request ended),
 * it sends the "I have transferred" form itself, and the server places the order or says what is left.
 * Without JavaScript the shopper presses that button: nothing here is needed to pay.
 */
(function () {
  "use strict";
  var section = document.getElementById("vietqr");
  var form = document.getElementById("transfer-form");
  if (!section || !form) { return; }
  var data = section.dataset;
  var clock = document.getElementById("time-left-value");
  var note = document.getElementById("polling-note");
  var left = parseInt(clock.dataset.seconds || "0", 10);
  var sent = false;

  function tick() {
    if (left > 0) { left -= 1; }
    var minutes = Math.floor(left / 60), seconds = left % 60;
    clock.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
  }

  function send() {
    if (sent) { return; }
    sent = true;
    form.submit();
  }

  function poll() {
    if (sent) { return; }
    fetch(data.statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { state: "unknown" }; })
      .then(function (answer) {
        if (answer.state === "paid" || answer.state === "failed" ||
            (answer.state === "underpaid" && data.state !== "underpaid")) {
          send();
        }
      })
      .catch(function () { /* the next poll tries again */ });
  }

  tick();
  window.setInterval(tick, 1000);
  note.hidden = false;
  window.setInterval(poll, Math.max(2, parseInt(data.pollSeconds || "4", 10)) * 1000);
}());
