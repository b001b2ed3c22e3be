"""``ocop payments configure-stripe``: a channel's keys, kept sealed, never printed or logged."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalog_sync.payments.models import StripeAccount

pytestmark = pytest.mark.django_db(transaction=True)

OCOP = str(Path(sys.executable).parent / "ocop")
SECRET = "sk_test_51Secret0nlyForTheServer"
PUBLISHABLE = "pk_test_51PublicForBrowsers"
WEBHOOK = "whsec_SigningSecretOfTheEndpoint"


def ocop(settings, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    db = settings.DATABASES["default"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings",
           "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"}
    return subprocess.run([OCOP, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120,
                          check=False)


def test_configure_stripe_keeps_the_keys_sealed_and_never_prints_the_secret(settings, caplog):
    caplog.set_level(logging.DEBUG)
    # when staff configure Stripe for ocop-vn
    result = ocop(settings, "payments", "configure-stripe", "--channel", "ocop-vn", "--secret-key", SECRET,
                  "--publishable-key", PUBLISHABLE, "--webhook-secret", WEBHOOK)
    # then the channel has them, the secrets only sealed at rest
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"payments configure-stripe: ocop-vn configured ({PUBLISHABLE}; webhook secret set)"
    account = StripeAccount.objects.get(channel_slug="ocop-vn")
    assert (account.secret_key, account.publishable_key, account.webhook_secret) == (SECRET, PUBLISHABLE, WEBHOOK)
    assert SECRET not in account.sealed_secret_key and WEBHOOK not in account.sealed_webhook_secret
    assert SECRET not in result.stdout + result.stderr + str(account) + repr(account) + caplog.text


def test_configure_stripe_reads_the_secret_key_from_stdin_and_keeps_the_webhook_secret(settings):
    ocop(settings, "payments", "configure-stripe", "--channel", "ocop-vn", "--secret-key", SECRET,
         "--publishable-key", PUBLISHABLE, "--webhook-secret", WEBHOOK)
    result = ocop(settings, "payments", "configure-stripe", "--channel", "ocop-vn", "--secret-key", "-",
                  "--publishable-key", "pk_test_Rotated", stdin="sk_test_Rotated\n")
    assert result.returncode == 0, result.stderr
    assert "ocop-vn updated (pk_test_Rotated; webhook secret set)" in result.stdout
    account = StripeAccount.objects.get(channel_slug="ocop-vn")
    assert (account.secret_key, account.webhook_secret) == ("sk_test_Rotated", WEBHOOK)


@pytest.mark.parametrize(("args", "message"), [
    (["--secret-key", PUBLISHABLE, "--publishable-key", PUBLISHABLE],
     "--secret-key: not a Stripe secret key (sk_test_…, sk_live_… or a restricted rk_…)"),
    (["--secret-key", SECRET, "--publishable-key", SECRET],
     "--publishable-key: not a Stripe publishable key (pk_test_… or pk_live_…)"),
    (["--secret-key", SECRET, "--publishable-key", "pk_live_Public"],
     "--publishable-key: a live key with a test secret key"),
    (["--secret-key", SECRET, "--publishable-key", PUBLISHABLE, "--webhook-secret", "nope"],
     "--webhook-secret: not a Stripe webhook signing secret (whsec_…)"),
])
def test_configure_stripe_refuses_keys_that_cannot_be_right_naming_the_parameter(settings, args, message):
    result = ocop(settings, "payments", "configure-stripe", "--channel", "ocop-vn", *args)
    assert result.returncode == 2
    assert result.stderr.strip().endswith(f"payments configure-stripe: {message}")
    assert SECRET not in result.stderr
    assert StripeAccount.objects.count() == 0
