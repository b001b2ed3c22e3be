"""Card payments through Stripe (``data.paymentMethod = "card"``): the gateway of ``protocol.PaymentGateway``.

- ``client``: the calls to Stripe (official SDK, an idempotency key on each, ``STRIPE_API_BASE``).
- ``gateway``: Saleor's payment webhooks for cards, answered (``StripeGateway``).
- ``events``: Stripe's webhook events, verified, deduplicated and reported to Saleor.
- ``outcomes`` / ``ledger``: what a PaymentIntent's state means for Saleor, and what was settled.
- ``models``: Stripe keys per channel (secret key sealed), each Saleor transaction's PaymentIntent and
  what was settled, Stripe events already handled.
- ``accounts`` (``ocop payments configure-stripe``) and ``admin`` (the staff page): setting a channel's keys.
"""
