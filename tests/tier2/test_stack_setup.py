"""The compose stack's set-up step (saleor-setup: ``manage.py ocop_configure``) inside a real Saleor:
the plugin active with the web service's feed and token, and a Dashboard staff account that can
sign in — run exactly as docker-compose.yml runs it, and again on every later start."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "feed-token-from-env-0123456789"
FIRST = "Pw-1st-9f8e7d6c5b4a"
SECOND = "another-Pw-2nd-1a2b3c"

SIGN_IN = """
mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token user { email isStaff } errors { field code } }
}
"""

STATE = (
    "import json\n"
    "from saleor.plugins.models import PluginConfiguration\n"
    "from saleor.account.models import User\n"
    "config = PluginConfiguration.objects.filter(identifier='ocop.certification', channel=None).first()\n"
    "staff = list(User.objects.filter(is_staff=True).values_list('email', 'is_superuser'))\n"
    "print(json.dumps({'active': config.active if config else None,\n"
    "  'values': {i['name']: i['value'] for i in (config.configuration if config else [])},\n"
    "  'staff': staff}))"
)


@pytest.fixture(scope="module", autouse=True)
def this_checkouts_plugin(saleor_env):
    """Saleor imports the plugin from this checkout even if another checkout's editable install is current."""
    saleor_env.env["PYTHONPATH"] = str(ROOT / "saleor_plugins")


@pytest.fixture(scope="module")
def setup_command() -> list[str]:
    """saleor-setup's command from docker-compose.yml, with .env's staff email filled in."""
    command = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["saleor-setup"]["command"]
    assert command[:2] == ["python3", "manage.py"]
    return [re.sub(r"\$\{DASHBOARD_STAFF_EMAIL:\?[^}]*\}", "staff@example.com", arg) for arg in command[2:]]


def test_first_start_activates_the_plugin_and_creates_a_staff_account_that_signs_in(
    saleor_env, saleor_api, setup_command
):
    # when the stack's set-up runs on a fresh Saleor database
    result = saleor_env.manage(*setup_command, env={"OCOP_FEED_TOKEN": TOKEN, "DJANGO_SUPERUSER_PASSWORD": FIRST})
    # then the plugin is active with the web service's feed and the stack's token
    state = saleor_env.shell_json(STATE)
    assert state["active"] is True
    assert state["values"]["feed_url"] == "http://web.ocop.internal:8080/registry/feed.json"
    assert state["values"]["feed_token"] == TOKEN
    assert "feed-token-from-env" not in result.stdout + result.stderr
    assert state["staff"] == [["staff@example.com", True]]
    # and the staff account signs in as the Dashboard does
    signed_in = saleor_api.data(SIGN_IN, {"email": "staff@example.com", "password": FIRST}, token=None)
    assert signed_in["tokenCreate"]["token"] and signed_in["tokenCreate"]["user"]["isStaff"] is True


def test_a_later_start_keeps_the_staff_password_and_what_staff_changed(saleor_env, saleor_api, setup_command):
    # given staff raised the withdraw threshold in the Dashboard after the first start
    saleor_env.shell_json(
        "import json\n"
        "from saleor.plugins.manager import get_plugins_manager\n"
        "get_plugins_manager(allow_replica=False).save_plugin_configuration('ocop.certification', None,\n"
        "  {'configuration': [{'name': 'max_withdraw_share', 'value': '0.25'}]})\n"
        "print(json.dumps(True))"
    )
    # when the stack starts again, with a different password in the environment
    saleor_env.manage(*setup_command, env={"OCOP_FEED_TOKEN": TOKEN, "DJANGO_SUPERUSER_PASSWORD": SECOND})
    # then the account and its first password stand, and the staff's setting is kept
    state = saleor_env.shell_json(STATE)
    assert state["staff"] == [["staff@example.com", True]]
    assert state["values"]["max_withdraw_share"] == "0.25"
    first = saleor_api.data(SIGN_IN, {"email": "staff@example.com", "password": FIRST}, token=None)
    assert first["tokenCreate"]["token"]
    second = saleor_api.graphql(SIGN_IN, {"email": "staff@example.com", "password": SECOND}, token=None)
    assert second["data"]["tokenCreate"]["token"] is None


def test_missing_token_or_bad_feed_url_stops_the_start_naming_it(saleor_env, setup_command):
    no_token = saleor_env.manage(*setup_command, check=False, env={"OCOP_FEED_TOKEN": ""})
    assert no_token.returncode != 0 and "OCOP_FEED_TOKEN" in no_token.stderr
    bad_url = [arg if not arg.startswith("--feed-url=") else "--feed-url=ftp://web/feed.json" for arg in setup_command]
    refused = saleor_env.manage(*bad_url, check=False, env={"OCOP_FEED_TOKEN": TOKEN})
    assert refused.returncode != 0 and "feed_url: 'ftp://web/feed.json' is not an http(s) URL" in refused.stderr
    # and the configuration from before stays
    kept = saleor_env.shell_json(STATE)["values"]["feed_url"]
    assert json.dumps(kept) == '"http://web.ocop.internal:8080/registry/feed.json"'
