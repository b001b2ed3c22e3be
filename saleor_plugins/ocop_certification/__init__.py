"""OCOP certification sync for Saleor: keeps every OCOP listing in step with the registry."""
