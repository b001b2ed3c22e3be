"""Two members of staff confirm the same preview at the same moment, on real PostgreSQL."""

import contextlib
import threading

import pytest
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client

from catalog_sync.registry.importer import RegistryImporter
from catalog_sync.registry.models import Certificate, ImportBatch

pytestmark = pytest.mark.django_db(transaction=True)

ALREADY = "Lần nhập này đã ở trạng thái: Đã nhập."
DONE = "Đã nhập: 2 giấy chứng nhận mới, 0 dòng bị loại."


def signed_in(name: str) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser(name, password="x"))
    return client


def test_two_staff_confirming_one_preview_at_once_import_it_once_and_the_other_is_told(simple_annex, monkeypatch):
    # given a previewed upload of two products
    first, second = signed_in("can-bo-1"), signed_in("can-bo-2")
    with simple_annex([("Mật ong", "HTX A", "Hà Giang", "4"), ("Chè", "HTX B", "Hà Giang", "3")]).open("rb") as f:
        first.post("/registry/import/", {"file": f})
    batch = ImportBatch.objects.get()
    # and an importer that, once entered, waits up to 3 s for a second import of the batch to start
    both_importing = threading.Barrier(2, timeout=3)
    real_import = RegistryImporter.import_file

    def overlapping_import(self, *args, **kwargs):
        # a broken barrier: no second import started, the other confirmation waits its turn
        with contextlib.suppress(threading.BrokenBarrierError):
            both_importing.wait()
        return real_import(self, *args, **kwargs)

    monkeypatch.setattr(RegistryImporter, "import_file", overlapping_import)
    # when both press "Confirm import" at the same moment
    pages: dict[str, str] = {}
    errors: list[BaseException] = []

    def confirm(name: str, client: Client) -> None:
        try:
            response = client.post(f"/registry/import/{batch.pk}/confirm/", follow=True)
            pages[name] = f"{response.status_code} {response.content.decode()}"
        except BaseException as error:  # a 500 surfaces here as the view's exception
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=item) for item in (("1", first), ("2", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # then neither gets an error: one imported, the other is told it was already imported
    assert errors == []
    assert sorted((page.startswith("200"), DONE in page, ALREADY in page) for page in pages.values()) == [
        (True, False, True), (True, True, False)]
    assert Certificate.objects.count() == 2
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.COMMITTED


def test_a_second_click_on_confirm_gets_the_same_message(simple_annex):
    client = signed_in("can-bo")
    with simple_annex([("Mật ong", "HTX A", "Hà Giang", "4"), ("Chè", "HTX B", "Hà Giang", "3")]).open("rb") as f:
        client.post("/registry/import/", {"file": f})
    batch = ImportBatch.objects.get()
    assert DONE in client.post(f"/registry/import/{batch.pk}/confirm/", follow=True).content.decode()
    assert ALREADY in client.post(f"/registry/import/{batch.pk}/confirm/", follow=True).content.decode()
