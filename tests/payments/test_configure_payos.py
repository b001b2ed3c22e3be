"""``ocop payments configure-payos``: a channel's payOS keys, read from stdin, kept sealed, never printed."""

import logging

import pytest

from catalog_sync.payments.models import PayosAccount

from .test_configure_stripe import ocop

pytestmark = pytest.mark.django_db(transaction=True)

CLIENT_ID = "5f2c7a1e-payos-client"
API_KEY = "a4b1c2d3-api-key-of-the-merchant"
CHECKSUM_KEY = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d"


def test_configure_payos_reads_both_keys_from_stdin_keeps_them_sealed_and_never_prints_them(settings, caplog):
    caplog.set_level(logging.DEBUG)
    # when staff give ocop-vn its payOS keys, the secret ones on standard input
    result = ocop(settings, "payments", "configure-payos", "--channel", "ocop-vn", "--client-id", CLIENT_ID,
                  "--api-key", "-", "--checksum-key", "-", stdin=f"{API_KEY}\n{CHECKSUM_KEY}\n")
    # then the channel has them, sealed at rest, and only the client id is shown
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"payments configure-payos: ocop-vn configured ({CLIENT_ID}; API key and "
                                     "checksum key sealed; webhook /saleor/payos/ocop-vn/)")
    account = PayosAccount.objects.get(channel_slug="ocop-vn")
    assert (account.client_id, account.api_key, account.checksum_key) == (CLIENT_ID, API_KEY, CHECKSUM_KEY)
    assert API_KEY not in account.sealed_api_key and CHECKSUM_KEY not in account.sealed_checksum_key
    shown = result.stdout + result.stderr + str(account) + repr(account) + caplog.text
    assert API_KEY not in shown and CHECKSUM_KEY not in shown


def test_configure_payos_again_updates_the_channels_keys(settings):
    ocop(settings, "payments", "configure-payos", "--channel", "ocop-vn", "--client-id", CLIENT_ID,
         "--api-key", API_KEY, "--checksum-key", CHECKSUM_KEY)
    result = ocop(settings, "payments", "configure-payos", "--channel", "ocop-vn", "--client-id", CLIENT_ID,
                  "--api-key", "-", "--checksum-key", CHECKSUM_KEY, stdin="rotated-api-key-0001\n")
    assert result.returncode == 0, result.stderr
    assert "ocop-vn updated" in result.stdout
    assert PayosAccount.objects.get().api_key == "rotated-api-key-0001"


def test_configure_payos_refuses_an_empty_key_from_stdin_naming_the_parameter(settings):
    result = ocop(settings, "payments", "configure-payos", "--channel", "ocop-vn", "--client-id", CLIENT_ID,
                  "--api-key", "-", "--checksum-key", "-", stdin=f"{API_KEY}\n\n")
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "payments configure-payos: --checksum-key: 8 to 255 characters without spaces (payOS's Checksum Key)")
    assert API_KEY not in result.stderr
    assert PayosAccount.objects.count() == 0
