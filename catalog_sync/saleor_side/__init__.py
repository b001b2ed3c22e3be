"""The Saleor side of the web service (Django app ``saleor_side``): the commands that join the registry to Saleor.

``ocop saleor bootstrap``, ``ocop saleor import-catalogue``, ``ocop demo`` and ``ocop search reindex``
live here, so the registry never imports the Saleor client and ``catalog_sync.saleor`` never
imports the registry: each command passes the registry's query into the Saleor code.
"""
