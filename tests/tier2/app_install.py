"""Staff install the web service as Saleor's app from its manifest, as a deployment's staff would."""

from __future__ import annotations

import io
import secrets

from django.core.management import call_command


def staff_install_app(saleor_env, live_server_url: str, monkeypatch, settings) -> str:
    """A Saleor superuser runs ``ocop saleor install-app``; from here on the web service uses the app's token.

    Returns what the command printed.
    """
    email, password = "staff@ocop.test", secrets.token_urlsafe(16)
    saleor_env.manage("createsuperuser", "--noinput", "--email", email, env={"DJANGO_SUPERUSER_PASSWORD": password})
    monkeypatch.setenv("SALEOR_STAFF_EMAIL", email)
    monkeypatch.setenv("SALEOR_STAFF_PASSWORD", password)
    settings.SALEOR_APP_TOKEN = None
    out = io.StringIO()
    call_command("saleor_install_app", "--manifest-url", f"{live_server_url}/saleor/manifest/", stdout=out,
                 stderr=io.StringIO())
    return out.getvalue()
