"""The catalogue read model: what an anonymous customer can buy in ``ocop-vn``, derived from Saleor.

Always rebuildable from Saleor (``ocop search reindex``) and kept current by the app's webhooks.
Never a second source of truth for prices, stock or orders.
"""
