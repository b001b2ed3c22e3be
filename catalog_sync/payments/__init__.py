"""Payments for Saleor's Transactions API (the app ``ocop.market`` is the gateway), one subpackage per company.

- ``protocol``: what a gateway does (``PaymentGateway``); ``gateways``: the gateway of each payment method.
- ``handlers``: Saleor's synchronous payment webhooks, dispatched on the transaction's payment method;
  the answers to charge, refund and cancel requests recorded once (``models.ActionAnswer``).
- ``payloads`` / ``subscriptions``: what Saleor's payment webhooks carry, and their subscription queries.
- ``money``: Saleor's decimal amounts ⇄ integer minor units (VND has none, USD has cents).
- ``stripe/``: cards through Stripe.

Nothing here imports the web layer; ``catalog_sync.app`` serves these over HTTP.
"""
