"""The producer portal (``/portal/``): producers' accounts, their certificates, their products.

Producers never get a Saleor token or staff rights: every read and write here checks, at the time of
the request, that the object belongs to the signed-in person's producer, and writes to Saleor with the
app's token through ``catalog_sync.saleor.listing_edits``.
"""
