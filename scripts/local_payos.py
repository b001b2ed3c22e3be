"""PAYOS=1 for ``scripts/run-local``: the payOS stand-in (``python -m standins.payos``) and ocop-vn's test keys."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from local_processes import Processes

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = REPO / ".venv" / "bin"
# PAYOS=1: the payOS stand-in (standins/payos) on PAYOS_PORT, and ocop-vn's test keys for it
# (client id, API key, checksum key); its webhooks go to PAYOS_WEBHOOK_PATH of the web service.
PAYOS_KEYS = ("ocop-local-client", "ocop-local-api-key", "ocop-local-checksum-key")
PAYOS_WEBHOOK_PATH = "saleor/payos/ocop-vn/"
PAYOS_CONFIGURE = REPO / "catalog_sync" / "payments" / "management" / "commands" / "payments_configure_payos.py"


def say(message: str) -> None:
    print(message, flush=True)


def start_payos(processes: Processes, port: str, env: dict[str, str]) -> str:
    say(f"==> payOS stand-in on port {port} (PAYOS_BASE_URL for the web service; its payments last as long as it runs)")
    processes.start("payos", [str(VENV_BIN / "python"), "-m", "standins.payos", "--port", port], env, REPO)
    return f"http://127.0.0.1:{port}"


def configure_payos(processes: Processes, web: dict[str, str], web_url: str) -> None:
    """ocop-vn takes VietQR transfers through the payOS stand-in, whose webhooks go to the app's payOS webhook.

    The stand-in gets the test merchant (keys, bank account, webhook URL); ocop-vn gets the same keys
    through ``ocop payments configure-payos`` when this checkout has that command, as its payment keys and as its
    payout keys (the stand-in pays producers out from the same merchant).
    """
    client_id, api_key, checksum_key = PAYOS_KEYS
    body = json.dumps({"clientId": client_id, "apiKey": api_key, "checksumKey": checksum_key,
                       "webhookUrl": f"{web_url}{PAYOS_WEBHOOK_PATH}"}).encode()
    request = urllib.request.Request(f"{web['PAYOS_BASE_URL']}/_test/merchants", data=body,  # noqa: S310
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - the stand-in on loopback
        account = json.loads(response.read())
    if PAYOS_CONFIGURE.exists():
        processes.run("payos-configure", [str(VENV_BIN / "ocop"), "payments", "configure-payos", "--channel", "ocop-vn",
                                          "--client-id", client_id, "--api-key", api_key,
                                          "--checksum-key", checksum_key, "--payout-client-id", client_id,
                                          "--payout-api-key", api_key, "--payout-checksum-key", checksum_key],
                      web, REPO,
                      "configuring ocop-vn's payOS test keys (ocop payments configure-payos)")
        say(f"==> VietQR transfers for ocop-vn through the payOS stand-in ({client_id}; account {account['bin']} "
            f"{account['accountNumber']}; a transfer arrives with POST {web['PAYOS_BASE_URL']}/_test/transfer)")
    else:
        say(f"==> payOS stand-in has the test merchant {client_id} (account {account['bin']} "
            f"{account['accountNumber']}); ocop-vn has no payOS keys: this checkout lacks "
            "`ocop payments configure-payos`")
