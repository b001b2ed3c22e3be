"""Card payments through Stripe for Saleor's Transactions API (the app ``ocop.market`` is the gateway).

- ``money``: Saleor's decimal amounts ⇄ Stripe's integer minor units (VND has none, USD has cents).
- ``models``: Stripe keys per channel (secret key sealed), each Saleor transaction's PaymentIntent and
  what was settled, Stripe events already handled.
- ``stripe_gateway``: the calls to Stripe (official SDK, an idempotency key on each, ``STRIPE_API_BASE``).
- ``payloads`` / ``handlers``: Saleor's synchronous payment webhooks, parsed and answered.
- ``stripe_events``: Stripe's webhook events, verified, deduplicated and reported to Saleor.
- ``outcomes`` / ``ledger``: what a PaymentIntent's state means for Saleor, and what was settled.
- ``accounts`` (``ocop payments configure-stripe``) and ``admin`` (the staff page): setting a channel's keys.

Nothing here imports the web layer; ``catalog_sync.app`` serves these over HTTP.
"""
