"""A stateful stand-in of payOS (https://payos.vn): payment requests with VietQR, signed webhooks, payouts.

Run it with ``python -m standins.payos --port 8430``. It serves the paths and JSON of payOS's published
API as the official SDK (PyPI ``payos``) calls them, signs what payOS signs with each merchant's
checksum key, and adds test-only endpoints under ``/_test/`` (a bank transfer arriving, a payout
account that refuses transfers, expiring a request now). See ``server.py`` for the list.
"""
