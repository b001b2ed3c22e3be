"""Command behaviour that needs no Saleor reply."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command


def test_demo_without_the_shared_data_says_where_it_looked(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("demo", "--data", str(tmp_path))
    message = str(error.value)
    assert message.startswith("demo data not found:")
    assert str(tmp_path / "registry-annex-sample.xlsx") in message
    assert "../shared/data" in message and "--data DIR" in message
    assert error.value.returncode == 2


@pytest.mark.django_db
def test_commands_without_a_token_say_what_to_set(settings):
    # given no token configured and no app installed
    settings.SALEOR_APP_TOKEN = None
    with pytest.raises(CommandError) as error:
        call_command("saleor_bootstrap")
    assert "no Saleor app token: set SALEOR_APP_TOKEN" in str(error.value)
    assert "MANAGE_PRODUCTS" in str(error.value)


def test_ocop_cli_maps_saleor_subcommands():
    from ocop_web.cli import translate_argv

    assert translate_argv(["saleor", "bootstrap"]) == ["saleor_bootstrap"]
    assert translate_argv(["saleor", "import-catalogue", "--json"]) == ["saleor_import_catalogue", "--json"]


def test_ocop_cli_maps_search_reindex():
    from ocop_web.cli import translate_argv

    assert translate_argv(["search", "reindex"]) == ["search_reindex"]


def test_the_saleor_commands_come_from_the_saleor_side_app_not_the_registry():
    from django.core.management import get_commands

    commands = get_commands()
    for name in ("saleor_bootstrap", "saleor_import_catalogue", "demo", "search_reindex"):
        assert commands[name] == "catalog_sync.saleor_side", name
    assert commands["registry_import"] == "catalog_sync.registry"
