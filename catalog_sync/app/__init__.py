"""The web service as a Saleor App (``ocop.market``): manifest, registration, signed webhooks.

Saleor tells the app what changed; the app's worker re-reads those objects as an anonymous
customer sees them and keeps the catalogue read model current.
"""
