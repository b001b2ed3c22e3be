import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog_sync.registry.models import ImportBatch, ImportRow

pytestmark = pytest.mark.django_db


@pytest.fixture
def preview(db):
    """Factory: an upload previewed ``hours`` ago, with its file and one row."""

    def make(hours: float, state: str = ImportBatch.State.PREVIEW) -> ImportBatch:
        batch = ImportBatch.objects.create(file_name="a.csv", file_sha256="0", file=b"x" * 1000, state=state)
        ImportBatch.objects.filter(pk=batch.pk).update(created_at=timezone.now() - datetime.timedelta(hours=hours))
        ImportRow.objects.create(batch=batch, row=5, outcome=ImportRow.Outcome.SKIPPED, reason="blank row")
        return batch

    return make


def test_purge_previews_deletes_unconfirmed_uploads_older_than_a_day_with_their_rows(preview):
    # given an unconfirmed upload of 25 hours ago, one of 23 hours ago, and an old confirmed import
    expired, fresh = preview(25), preview(23)
    committed = preview(100, state=ImportBatch.State.COMMITTED)
    # when the daily purge runs (`ocop registry purge-previews`)
    out = StringIO()
    with CaptureQueriesContext(connection) as queries:
        call_command("registry_purge_previews", stdout=out)
    # then only the expired preview is gone, file and rows
    assert out.getvalue() == "1 expired preview(s) purged\n"
    assert set(ImportBatch.objects.values_list("pk", flat=True)) == {fresh.pk, committed.pk}
    assert not ImportRow.objects.filter(batch_id=expired.pk).exists()
    # and no upload was read to delete it
    assert not [q["sql"] for q in queries if '"file"' in q["sql"]]


def test_an_upload_purges_expired_previews_on_the_way(client, preview, simple_annex):
    expired = preview(30)
    client.force_login(User.objects.create_superuser("can-bo", password="x"))
    with simple_annex([("Mật ong", "HTX A", "Hà Giang", "4")]).open("rb") as upload:
        client.post("/registry/import/", {"file": upload})
    assert not ImportBatch.objects.filter(pk=expired.pk).exists()
    assert ImportBatch.objects.count() == 1


def test_staff_without_import_permission_cannot_open_a_preview(client, preview):
    batch = preview(1)
    client.force_login(User.objects.create_user("xem", password="x", is_staff=True))
    assert client.get(f"/registry/import/{batch.pk}/").status_code == 403


def test_staff_without_certificate_permissions_cannot_open_the_reports(client, db):
    client.force_login(User.objects.create_user("xem", password="x", is_staff=True))
    assert client.get("/registry/reports/").status_code == 403


@pytest.mark.parametrize("codename", ["view_certificate", "change_certificate"])
def test_staff_who_may_see_certificates_open_the_reports(client, db, codename):
    user = User.objects.create_user("xem", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    assert client.get("/registry/reports/").status_code == 200
