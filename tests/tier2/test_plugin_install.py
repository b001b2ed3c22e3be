"""The plugin inside a real Saleor: discovered, migrated, configured through pluginUpdate."""

from __future__ import annotations

import json

PLUGIN = """
query { plugin(id: "ocop.certification") {
  id name
  globalConfiguration { active configuration { name value type } }
  channelConfigurations { active }
} }
"""

UPDATE = """
mutation($input: PluginUpdateInput!) {
  pluginUpdate(id: "ocop.certification", input: $input) {
    plugin { globalConfiguration { active configuration { name value type } } }
    errors { field message code }
  }
}
"""


def test_plugin_is_discovered_and_its_migrations_apply(saleor_env):
    found = saleor_env.shell_json(
        "import json\n"
        "from django.conf import settings\n"
        "from django.db.migrations.recorder import MigrationRecorder\n"
        "from django.db import connection\n"
        "applied = sorted(n for a, n in MigrationRecorder(connection).applied_migrations()\n"
        "                 if a == 'ocop_certification')\n"
        "tables = sorted(t for t in connection.introspection.table_names() if t.startswith('ocop_certification_'))\n"
        "print(json.dumps({'app': 'ocop_certification' in settings.INSTALLED_APPS,\n"
        "  'plugin': 'ocop_certification.plugin.OcopCertificationPlugin' in settings.PLUGINS,\n"
        "  'beat': settings.CELERY_BEAT_SCHEDULE.get('ocop-certification-sync', {}).get('task'),\n"
        "  'applied': applied, 'tables': tables}))"
    )
    assert found["app"] and found["plugin"]
    assert found["beat"] == "ocop_certification.tasks.sync_certifications_task"
    assert found["applied"] == ["0001_initial", "0002_remove_syncrun_status_skipped", "0003_feedstate_packed"]
    assert {
        "ocop_certification_feedstate",
        "ocop_certification_syncrun",
        "ocop_certification_productcertification",
        "ocop_certification_withdrawal",
        "ocop_certification_withdrawnlisting",
        "ocop_certification_auditentry",
    } <= set(found["tables"])
    missing = saleor_env.manage("makemigrations", "--check", "--dry-run", "ocop_certification", check=False)
    assert missing.returncode == 0, missing.stdout + missing.stderr


def test_celery_worker_discovers_the_tasks(saleor_env):
    names = saleor_env.shell_json(
        "import json\n"
        "from saleor.celeryconf import app\n"
        "app.loader.import_default_modules()\n"
        "print(json.dumps(sorted(n for n in app.tasks if n.startswith('ocop_certification'))))"
    )
    assert names == [
        "ocop_certification.tasks.sync_at_expiry_task",
        "ocop_certification.tasks.sync_certifications_task",
    ]


def test_configured_with_plugin_update(saleor_api):
    plugin = saleor_api.data(PLUGIN)["plugin"]
    assert plugin["id"] == "ocop.certification"
    assert plugin["channelConfigurations"] == []
    config = plugin["globalConfiguration"]
    assert config["active"] is False
    assert {item["name"]: item["type"] for item in config["configuration"]} == {
        "feed_url": "STRING",
        "feed_token": "SECRET",
        "max_withdraw_share": "STRING",
        "dry_run": "BOOLEAN",
    }
    values = {item["name"]: item["value"] for item in config["configuration"]}
    assert values["max_withdraw_share"] == "0.10"
    assert values["dry_run"] == "false"

    reply = saleor_api.data(
        UPDATE,
        {"input": {"active": True, "configuration": [
            {"name": "feed_url", "value": "http://127.0.0.1:9/registry/feed.json"},
            {"name": "feed_token", "value": "s3cret-token"},
            {"name": "max_withdraw_share", "value": "0.25"},
        ]}},
    )["pluginUpdate"]["plugin"]["globalConfiguration"]
    assert reply["active"] is True
    values = {item["name"]: item["value"] for item in reply["configuration"]}
    assert values["feed_url"] == "http://127.0.0.1:9/registry/feed.json"
    assert values["max_withdraw_share"] == "0.25"
    assert "s3cret-token" not in json.dumps(reply)  # secrets are never echoed back


def test_plugin_update_rejects_a_bad_share(saleor_api):
    reply = saleor_api.graphql(
        UPDATE, {"input": {"configuration": [{"name": "max_withdraw_share", "value": "ten percent"}]}}
    )
    errors = reply["data"]["pluginUpdate"]["errors"]
    assert errors and "max_withdraw_share" in json.dumps(errors)


def test_a_failed_run_exits_non_zero_and_still_prints_the_run(saleor_env, saleor_api):
    # Given: the plugin active with a feed nobody answers (port 9) and no good copy yet.
    saleor_api.data(UPDATE, {"input": {"active": True, "configuration": [
        {"name": "feed_url", "value": "http://127.0.0.1:9/registry/feed.json"},
        {"name": "feed_token", "value": "s3cret-token"}]}})
    # When: staff run the sync by hand.
    result = saleor_env.manage("ocop_sync", "--json", check=False, env={"OCOP_FEED_TIMEOUT": "2,2"})
    # Then: it exits 1, saying why, after printing the run it recorded as failed.
    assert result.returncode == 1, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert [error["kind"] for error in summary["errors"]] == ["unreachable", "no_feed"]
    assert f"sync run {summary['run_id']} failed: no_feed:" in result.stderr
    status = saleor_env.sql("SELECT status FROM ocop_certification_syncrun WHERE id = %s", (summary["run_id"],))
    assert status == [("failed",)]


def test_a_run_that_crashes_keeps_the_errors_noted_before(saleor_env, saleor_api):
    # Given: the unreachable feed above, and a run that crashes right after noting it.
    recorded = saleor_env.shell_json(
        "import json\n"
        "from ocop_certification import sync\n"
        "from ocop_certification.models import SyncRun\n"
        "real = sync.obtain_feed\n"
        "def crashing(*args, **kwargs):\n"
        "    real(*args, **kwargs)\n"
        "    raise RuntimeError('disk full')\n"
        "sync.obtain_feed = crashing\n"
        "run = sync.run_sync(trigger='drill')\n"
        "stored = SyncRun.objects.get(pk=run.pk)\n"
        "print(json.dumps([stored.status, stored.errors, stored.summary['errors']]))",
        env={"OCOP_FEED_TIMEOUT": "2,2"},
    )
    # Then: the run is failed and keeps the feed's error as well as the crash.
    status, errors, summary_errors = recorded
    assert status == "failed"
    assert [(error["kind"], error["message"].split(":")[0]) for error in errors] == [
        ("unreachable", "feed at http"), ("internal", "RuntimeError")]
    assert errors[1]["message"] == "RuntimeError: disk full"
    assert summary_errors == errors
