"""The `ocop` console script and start-up refusal of unsafe settings, run as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OCOP = str(Path(sys.executable).with_name("ocop"))


def run(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT, check=False,
                          **kwargs)


def production_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    env.update({
        "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "ocop.example", "DATABASE_URL": "postgres://postgres@127.0.0.1/x",
        "OCOP_FEED_TOKEN": "t" * 32, "APP_TOKEN_KEY": "k" * 50, "PUBLIC_URL": "https://ocop.example/",
        "SITE_PUBLIC_URL": "https://ocop.example/",
    })
    env.update(overrides)
    return {k: v for k, v in env.items() if v != "<unset>"}


@pytest.mark.parametrize(("override", "message"), [
    ({"SECRET_KEY": "<unset>"}, "SECRET_KEY must be set when DEBUG is off."),
    ({"ALLOWED_HOSTS": "<unset>"}, "ALLOWED_HOSTS must be set when DEBUG is off."),
    ({"DATABASE_URL": "<unset>"}, "DATABASE_URL must be set when DEBUG is off."),
    ({"OCOP_FEED_TOKEN": "<unset>"}, "OCOP_FEED_TOKEN must be set when DEBUG is off."),
    ({"DEBUG": "maybe"}, "DEBUG must be a boolean (1/0, true/false), got 'maybe'"),
    ({"PUBLIC_URL": "<unset>"}, "PUBLIC_URL must be set when DEBUG is off."),
    ({"SITE_PUBLIC_URL": "<unset>"}, "SITE_PUBLIC_URL must be set when DEBUG is off."),
    ({"APP_TOKEN_KEY": "<unset>"}, "APP_TOKEN_KEY must be set when DEBUG is off."),
    ({"APP_TOKEN_KEY": "x" * 50}, "APP_TOKEN_KEY must differ from SECRET_KEY."),
    ({"TRUSTED_PROXY": "10.0.0.0/8,caddy"}, "TRUSTED_PROXY must be networks in CIDR notation, got 'caddy'"),
    ({"EMAIL_USE_SSL": "1", "EMAIL_USE_TLS": "1"}, "EMAIL_USE_TLS and EMAIL_USE_SSL are exclusive: set one of them."),
])
def test_production_refuses_to_start_with_unsafe_or_missing_settings(override, message):
    result = run([OCOP, "check"], production_env(**override))
    assert result.returncode != 0
    assert message in result.stderr


def test_debug_is_off_unless_asked_for():
    script = "from django.conf import settings; print(settings.DEBUG)"
    result = run([OCOP, "shell", "--no-imports", "-c", script], production_env())
    assert result.stdout.strip() == "False"


def test_production_sends_email_over_tls_on_the_submission_port_unless_told_otherwise():
    # given production settings that say nothing about email encryption
    script = "from django.conf import settings as s; print(s.EMAIL_USE_TLS, s.EMAIL_USE_SSL, s.EMAIL_PORT)"
    # when they are read, then SMTP uses STARTTLS on port 587
    assert run([OCOP, "shell", "--no-imports", "-c", script], production_env()).stdout.strip() == "True False 587"
    # and implicit TLS moves to 465; a relay on the same network may be plain, as said
    assert run([OCOP, "shell", "--no-imports", "-c", script],
               production_env(EMAIL_USE_SSL="1")).stdout.strip() == "False True 465"
    assert run([OCOP, "shell", "--no-imports", "-c", script],
               production_env(EMAIL_USE_TLS="0")).stdout.strip() == "False False 25"


def test_deploy_check_flags_a_short_feed_token():
    result = run([OCOP, "check", "--deploy"], production_env(OCOP_FEED_TOKEN="short"))
    assert "ocop.E001" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_ocop_registry_import_json_prints_exactly_one_object_and_progress_on_stderr(simple_annex, settings):
    path = simple_annex([("Mật ong bạc hà", "HTX Ong mật Mèo Vạc", "Hà Giang", "4 sao")])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings",
           "DATABASE_URL": _test_database_url(settings)}
    result = run([OCOP, "registry", "import", str(path), "--json", "--dry-run"], env)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)  # the whole of stdout is one JSON object
    assert document["accepted"][0]["certificate_id"] == "TQ-2024-0001"
    assert "reading rows: 1/1" in result.stderr


def test_ocop_registry_import_of_an_unreadable_file_exits_2_with_the_reason_on_stderr(tmp_path):
    path = tmp_path / "danh-sach.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    result = run([OCOP, "registry", "import", str(path), "--json"], env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"cannot read {path}:" in result.stderr
    assert ".xlsx" in result.stderr  # says what to do: save it as .xlsx


def _test_database_url(settings) -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


HSTS_PROBE = (
    "from django.conf import settings; from django.test import Client; "
    "r = Client().get('/', HTTP_HOST='ocop.example', HTTP_X_FORWARDED_PROTO='https'); "
    "print(settings.SECURE_HSTS_SECONDS, r.status_code, r.headers.get('Strict-Transport-Security'))"
)


def test_production_behind_a_tls_proxy_sends_hsts_for_a_year():
    # given production settings behind a TLS-terminating proxy
    result = run([OCOP, "shell", "--no-imports", "-c", HSTS_PROBE], production_env(BEHIND_TLS_PROXY="1"))
    # then an HTTPS request's answer tells browsers to keep to HTTPS for a year
    assert result.stdout.split() == ["31536000", "200", "max-age=31536000"], result.stderr


def test_without_a_tls_proxy_no_hsts_is_sent():
    result = run([OCOP, "shell", "--no-imports", "-c", HSTS_PROBE], production_env(BEHIND_TLS_PROXY="0"))
    assert result.stdout.split() == ["0", "200", "None"], result.stderr


def test_secrets_are_sealed_with_app_token_key_never_with_secret_key(settings):
    # given a secret sealed under the deployment's APP_TOKEN_KEY
    from catalog_sync.core.secrets import SecretUnreadable, open_secret, seal_secret

    settings.APP_TOKEN_KEY = "k" * 50
    sealed = seal_secret("sk_test_secret")
    assert open_secret(sealed) == "sk_test_secret"
    # when only SECRET_KEY is left to open it with, then it stays sealed
    settings.APP_TOKEN_KEY = settings.SECRET_KEY
    with pytest.raises(SecretUnreadable):
        open_secret(sealed)


@pytest.mark.django_db
def test_reseal_secrets_moves_what_secret_key_sealed_under_app_token_key(settings):
    # given a staff member's second factor sealed when SECRET_KEY sealed everything
    import io

    from django.contrib.auth.models import User
    from django.core.management import call_command

    from catalog_sync.core.secrets import open_secret, seal_secret
    from portal.models import StaffSecondFactor

    settings.APP_TOKEN_KEY = settings.SECRET_KEY
    user = User.objects.create_user("xuc-tien", is_staff=True)
    holder = StaffSecondFactor.objects.create(user=user, totp_sealed=seal_secret("JBSWY3DPEHPK3PXP"))
    # when the deployment has a key of its own and runs the command
    settings.APP_TOKEN_KEY = "k" * 50
    out = io.StringIO()
    call_command("reseal_secrets", "--json", stdout=out)
    # then the value opens with the new key, and a second run has nothing left to do
    assert json.loads(out.getvalue()) == {"resealed": 1, "current": 0, "unreadable": []}
    holder.refresh_from_db()
    assert open_secret(holder.totp_sealed) == "JBSWY3DPEHPK3PXP"
    out = io.StringIO()
    call_command("reseal_secrets", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {"resealed": 0, "current": 1, "unreadable": []}
