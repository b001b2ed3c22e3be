"""localstripe (a stateful Stripe stand-in from PyPI) on a free loopback port, and the shopper's side of Stripe.

The shopper's steps are what Stripe.js does in a browser — create a card PaymentMethod, attach it to
the PaymentIntent, confirm, pass 3-D Secure — done over localstripe's HTTP API. Nothing is written to
disk (localstripe would otherwise pickle its whole store to /tmp after every request).
"""

from __future__ import annotations

import sys

import httpx

from testkit.servers import ServiceProcess

SECRET_KEY = "sk_test_ocop_localstripe"
PUBLISHABLE_KEY = "pk_test_ocop_localstripe"
WEBHOOK_SECRET = "whsec_ocop_localstripe"

CARD_OK = "4242424242424242"
CARD_DECLINED = "4000000000000341"  # attaches, then the charge is declined (card_declined)
CARD_3DS = "4000000000003220"  # needs 3-D Secure before the charge

_RUN = ("import localstripe.resources as r, sys; type(r.store).dump_to_disk = lambda self: None; "
        "sys.argv = ['localstripe', '--port', sys.argv[1], '--from-scratch']; "
        "from localstripe import server; server.start()")


class LocalStripe(ServiceProcess):
    name = "localstripe"
    probe = "/v1/balance"

    def __init__(self, port: int | None = None):
        super().__init__(port, headers={"Authorization": f"Bearer {SECRET_KEY}"})

    def command(self) -> list[str]:
        return [sys.executable, "-c", _RUN, str(self.port)]

    # ------------------------------------------------------------------ the shopper's side (Stripe.js)

    def intent(self, intent_id: str) -> dict:
        return self.http.get(f"/v1/payment_intents/{intent_id}").raise_for_status().json()

    def pay(self, intent_id: str, card: str = CARD_OK) -> httpx.Response:
        """Attach a card to the PaymentIntent and confirm it (402 when the card is declined)."""
        method = self.http.post("/v1/payment_methods", data={
            "type": "card", "card[number]": card, "card[exp_month]": "12", "card[exp_year]": "2030",
            "card[cvc]": "123"}).raise_for_status().json()
        self.http.post(f"/v1/payment_intents/{intent_id}", data={"payment_method": method["id"]}).raise_for_status()
        return self.http.post(f"/v1/payment_intents/{intent_id}/confirm")

    def authenticate(self, intent_id: str, client_secret: str, *, success: bool = True) -> dict:
        """The shopper's 3-D Secure step, with the publishable key and the client secret only."""
        return httpx.post(f"{self.url}/v1/payment_intents/{intent_id}/_authenticate",
                          params={"success": "true" if success else "false"},
                          json={"key": PUBLISHABLE_KEY, "client_secret": client_secret},
                          timeout=10.0).raise_for_status().json()

    # ------------------------------------------------------------------ events

    def events(self, intent_id: str) -> list[dict]:
        """The events about one PaymentIntent, oldest first."""
        listed = self.http.get("/v1/events", params={"limit": 100}).raise_for_status().json()["data"]
        mine = [event for event in listed if event["data"]["object"].get("id") == intent_id
                or event["data"]["object"].get("payment_intent") == intent_id]
        return sorted(mine, key=lambda event: event["created"])

    def send_webhooks_to(self, url: str, secret: str = WEBHOOK_SECRET) -> None:
        self.http.post("/_config/webhooks/ocop", data={"url": url, "secret": secret}).raise_for_status()
