"""``python -m standins.payos --port 8430 [--merchant CLIENT_ID:API_KEY:CHECKSUM_KEY ...]``"""

from __future__ import annotations

import argparse
import sys

from .server import make_server
from .state import Refusal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m standins.payos", description="A local stand-in of payOS.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8430)
    parser.add_argument("--public-url", help="the address checkoutUrl links use (default http://HOST:PORT)")
    parser.add_argument("--merchant", action="append", default=[], metavar="CLIENT_ID:API_KEY:CHECKSUM_KEY",
                        help="register a merchant at start (or later: POST /_test/merchants)")
    parser.add_argument("--webhook-url", help="the webhook URL of the merchants given with --merchant")
    parser.add_argument("--payout-seconds", type=float, default=2.0,
                        help="how long a payout transfer stays PROCESSING (default 2)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    server = make_server(args.host, args.port, public_url=args.public_url, payout_seconds=args.payout_seconds,
                         verbose=args.verbose)
    for merchant in args.merchant:
        parts = merchant.split(":")
        if len(parts) != 3:
            parser.error(f"--merchant {parts[0]}:…: give CLIENT_ID:API_KEY:CHECKSUM_KEY")
        try:
            registered = server.payos.state.register(*parts, webhook_url=args.webhook_url)
        except Refusal as refusal:
            parser.error(f"--merchant: {refusal.desc}")
        print(f"merchant {registered.client_id}: account {registered.bank_bin} {registered.account_number}",
              flush=True)
    print(f"payOS stand-in on {server.payos.state.public_url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
