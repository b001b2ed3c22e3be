"""``ocop payments configure-payos``: a channel's payOS keys, read from stdin, kept sealed, never printed."""

import logging

import pytest

from catalog_sync.payments.models import PayosAccount

from .test_configure_stripe import ocop

pytestmark = pytest.mark.django_db(transaction=True)

CLIENT_ID = "5f2c7a1e-payos-client"
API_KEY = "a4b1c2d3-api-key-of-the-merchant"
CHECKSUM_KEY = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d"
PAYOUT_CLIENT_ID = "77aa11bb-payos-payout-client"
PAYOUT_API_KEY = "b5c6d7e8-payout-api-key-of-the-merchant"
PAYOUT_CHECKSUM_KEY = "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b"


def test_configure_payos_reads_both_keys_from_stdin_keeps_them_sealed_and_never_prints_them(settings, caplog):
    caplog.set_level(logging.DEBUG)
    # when staff give ocop-vn its payOS keys, the secret ones on standard input
    result = ocop(settings, "payments", "configure-payos", "--channel", "ocop-vn", "--client-id", CLIENT_ID,
                  "--api-key", "-", "--checksum-key", "-", stdin=f"{API_KEY}\n{CHECKSUM_KEY}\n")
    # then the channel has them, sealed at rest, and only the client id is shown
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"payments configure-payos: ocop-vn configured ({CLIENT_ID}; API key and "
                                     "checksum key sealed; webhook /saleor/payos/ocop-vn/; payouts not set)")
    account = PayosAccount.objects.get(channel_slug="ocop-vn")
    assert (account.client_id, account.api_key, account.checksum_key) == (CLIENT_ID, API_KEY, CHECKSUM_KEY)
    assert API_KEY not in account.sealed_api_key and CHECKSUM_KEY not in account.sealed_checksum_key
    shown = result.stdout + result.stderr + str(account) + repr(account) + caplog.text
    assert API_KEY not in shown and CHECKSUM_KEY not in shown


def test_configure_payos_seals_the_payout_channels_keys_from_stdin_and_keeps_them_when_payment_keys_rotate(
        settings, caplog):
    caplog.set_level(logging.DEBUG)
    # when staff give ocop-vn its payment keys and its payout channel's keys, every secret one on standard input
    result = ocop(settings, "payments", "configure-payos", "--channel", "ocop-vn", "--client-id", CLIENT_ID,
                  "--api-key", "-", "--checksum-key", "-", "--payout-client-id", PAYOUT_CLIENT_ID,
                  "--payout-api-key", "-", "--payout-checksum-key", "-",
                  stdin=f"{API_KEY}\n{CHECKSUM_KEY}\n{PAYOUT_API_KEY}\n{PAYOUT_CHECKSUM_KEY}\n")
    # then the payout keys are sealed apart from the payment keys, and only the client ids are shown
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(f"payouts by {PAYOUT_CLIENT_ID}, keys sealed)")
    account = PayosAccount.objects.get(channel_slug="ocop-vn")
    assert (account.payout_client_id, account.payout_api_key, account.payout_checksum_key) == (
        PAYOUT_CLIENT_ID, PAYOUT_API_KEY, PAYOUT_CHECKSUM_KEY)
    assert PAYOUT_API_KEY not in account.sealed_payout_api_key
    assert PAYOUT_CHECKSUM_KEY not in account.sealed_payout_checksum_key
    shown = result.stdout + result.stderr + str(account) + repr(account) + caplog.text
    assert PAYOUT_API_KEY not in shown and PAYOUT_CHECKSUM_KEY not in shown
    # and when the payment keys alone are rotated, the payout keys stay
    again = ocop(settings, "payments", "configure-payos", "--channel", "ocop-vn", "--client-id", CLIENT_ID,
                 "--api-key", "rotated-api-key-0001", "--checksum-key", CHECKSUM_KEY)
    assert again.returncode == 0, again.stderr
    account.refresh_from_db()
    assert (account.api_key, account.payout_api_key) == ("rotated-api-key-0001", PAYOUT_API_KEY)


def test_configure_payos_refuses_a_payout_key_without_the_others_naming_the_parameter(settings):
    result = ocop(settings, "payments", "configure-payos", "--channel", "ocop-vn", "--client-id", CLIENT_ID,
                  "--api-key", API_KEY, "--checksum-key", CHECKSUM_KEY, "--payout-client-id", PAYOUT_CLIENT_ID,
                  "--payout-api-key", "-", stdin=f"{PAYOUT_API_KEY}\n")
    assert result.returncode == 2
    assert "payments configure-payos: --payout-checksum-key: 8 to 255 characters without spaces" in result.stderr
    assert PAYOUT_API_KEY not in result.stderr
    assert PayosAccount.objects.count() == 0


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


def test_staff_set_the_payout_keys_on_the_admin_page_sealed_and_never_shown_again():
    from django.contrib.auth.models import User
    from django.test import Client

    admin = User.objects.create_superuser("quan-tri", "qt@ocop.test", "mat-khau-dai-12345")
    staff = Client()
    staff.force_login(admin)
    form = {"channel_slug": "ocop-vn", "client_id": CLIENT_ID, "api_key": API_KEY, "checksum_key": CHECKSUM_KEY,
            "payout_client_id": PAYOUT_CLIENT_ID, "payout_api_key": PAYOUT_API_KEY}
    # when staff give a payout client id and API key without its checksum key
    refused = staff.post("/admin/payments/payosaccount/add/", form)
    # then the page names the missing field and nothing is saved
    assert refused.status_code == 200 and PayosAccount.objects.count() == 0
    errors = refused.context["adminform"].form.errors
    assert list(errors) == ["payout_checksum_key"] and "8 to 255 characters" in errors["payout_checksum_key"][0]
    # when they give all three
    saved = staff.post("/admin/payments/payosaccount/add/", {**form, "payout_checksum_key": PAYOUT_CHECKSUM_KEY})
    # then the payout keys are sealed, and the account's page shows the payout client id but neither key
    assert saved.status_code == 302
    account = PayosAccount.objects.get()
    assert (account.payout_client_id, account.payout_api_key, account.payout_checksum_key) == (
        PAYOUT_CLIENT_ID, PAYOUT_API_KEY, PAYOUT_CHECKSUM_KEY)
    page = staff.get(f"/admin/payments/payosaccount/{account.pk}/change/").content.decode()
    assert PAYOUT_CLIENT_ID in page and PAYOUT_API_KEY not in page and PAYOUT_CHECKSUM_KEY not in page
