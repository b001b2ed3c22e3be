"""Showcases curated in the staff pages, against Saleor replies recorded from a real Saleor 3.23 by
tests/tier2/test_showcases.py (``OCOP_RECORD_SHOWCASES=1``: tests/fixtures/saleor/21_showcases.json)."""

from __future__ import annotations

import datetime
import io
import random
import re

import httpx
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from catalog_sync.catalogue import cache, store
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.recording import ReplayTransport
from catalog_sync.saleor.showcases import moves
from catalog_sync.showcases.models import Showcase, ShowcaseChange
from testkit.catalogue_builders import collection_record, product_record
from tests.showcases import scenario

pytestmark = pytest.mark.django_db

REPLAY_URL = "http://saleor.invalid/graphql/"  # never contacted: the transport answers


class KeepOpen(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport):
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(request)


class NoSaleor(httpx.BaseTransport):
    """Fails the test if anything is sent to Saleor."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"nothing should reach Saleor: {request.content[:200]!r}")


def staff(username: str = "xuc-tien", *codenames: str) -> Client:
    user = User.objects.create_user(username, email=scenario.STAFF_EMAIL if username == "xuc-tien"
                                    else f"{username}@ocop.test", password="x", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="showcases", codename__in=codenames))
    client = Client()
    client.force_login(user)
    return client


def curator() -> Client:
    return staff("xuc-tien", "add_showcase", "change_showcase", "view_showcase")


@pytest.fixture
def no_saleor(monkeypatch, settings):
    settings.SALEOR_API_URL = REPLAY_URL
    monkeypatch.setattr("catalog_sync.showcases.connection.saleor_client",
                        lambda: SaleorClient(REPLAY_URL, "app-token", transport=NoSaleor()))


def test_a_showcase_goes_live_at_midnight_follows_its_rule_and_ends_at_midnight(monkeypatch, settings):
    # given Saleor's replies recorded from the real run, and the schedule's clock
    settings.SALEOR_API_URL = REPLAY_URL
    settings.SITE_PUBLIC_URL = "https://ocop.test"
    replay = ReplayTransport(scenario.FIXTURES / f"{scenario.CASSETTE}.json")
    shared = KeepOpen(replay)
    saleor = SaleorClient(REPLAY_URL, None, transport=shared)
    monkeypatch.setattr("catalog_sync.showcases.connection.saleor_client",
                        lambda: SaleorClient(REPLAY_URL, "app-token", transport=shared))
    clock = scenario.Clock()
    monkeypatch.setattr("catalog_sync.showcases.schedule.now", clock)
    ids = [exchange["request"]["variables"]["id"] for exchange in replay.exchanges[:5]]
    products = scenario.fill_read_model(saleor, ids)
    # when staff curate it and the worker runs at each minute around the two midnights (scenario.run asserts)
    scenario.run(curator(), Client(), clock, products, saleor, withdraw=lambda product: None)
    # then every recorded reply was asked for, in order
    assert replay.finished, f"only {replay.position} of {len(replay.exchanges)} replies were asked for"


def test_staff_without_the_showcase_permissions_can_neither_see_nor_change_showcases(no_saleor):
    showcase = Showcase.objects.create(slug="hoi-cho", name="Hội chợ", saleor_id="Q29sbGVjdGlvbjo5")
    pages = [f"/staff/showcases/{showcase.pk}/", f"/staff/showcases/{showcase.pk}/edit/",
             f"/staff/showcases/{showcase.pk}/preview/", "/staff/showcases/new/"]
    posts = [f"/staff/showcases/{showcase.pk}/{action}/" for action in
             ("products/add", "products/move", "products/remove", "approve", "withdraw", "edit")] + \
        ["/staff/showcases/new/"]
    # a staff member without showcase rights gets 403 everywhere; a viewer may look but not change
    other = staff("ke-toan")
    assert {url: other.get(url).status_code for url in pages} == dict.fromkeys(pages, 403)
    assert {url: other.post(url, {"item": 1, "direction": "up", "product": "x"}).status_code for url in posts} == \
        dict.fromkeys(posts, 403)
    viewer = staff("xem", "view_showcase")
    assert viewer.get(pages[0]).status_code == 200 and viewer.get(pages[2]).status_code == 200
    assert "Sửa" not in viewer.get(pages[0]).content.decode()
    assert {url: viewer.post(url, {"item": 1}).status_code for url in posts} == dict.fromkeys(posts, 403)
    # people who are not staff are sent to sign in
    visitor = Client()
    for url in pages + posts:
        response = visitor.post(url) if url in posts else visitor.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
    assert ShowcaseChange.objects.count() == 0


def test_every_change_form_needs_its_csrf_token(no_saleor):
    showcase = Showcase.objects.create(slug="hoi-cho", name="Hội chợ", saleor_id="Q29sbGVjdGlvbjo5")
    user = User.objects.create_user("xuc-tien", password="x", is_staff=True, is_superuser=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    for action in ("products/add", "products/move", "products/remove", "approve", "withdraw", "edit"):
        assert client.post(f"/staff/showcases/{showcase.pk}/{action}/", {"item": 1}).status_code == 403
    assert client.post("/staff/showcases/new/", {"name": "x"}).status_code == 403
    assert ShowcaseChange.objects.count() == 0


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"ends_at": "2027-01-01T00:00"}, "ends_at",
     "Kết thúc (giờ Việt Nam): Thời điểm kết thúc phải sau thời điểm bắt đầu."),
    ({"starts_at": "31/12/2026 25:00"}, "starts_at", "Bắt đầu (giờ Việt Nam): Nhập một ngày/thời gian hợp lệ."),
    ({"min_stars": "2"}, "min_stars", "Số sao tối thiểu: Hãy chọn một lựa chọn hợp lệ. 2 không phải"),
    ({"group": "do-uong", "product_set": "mat-ong-nong-san-khac"}, "product_set",
     "Bộ sản phẩm: Bộ sản phẩm này không thuộc nhóm đã chọn."),
    ({"province": "atlantis"}, "province", "Tỉnh/thành phố: Hãy chọn một lựa chọn hợp lệ. atlantis không phải"),
    ({"slug": "tết 2027"}, "slug", "Địa chỉ (slug):"),
    ({"name": ""}, "name", "Tên (tiếng Việt): Vui lòng điền mục này."),
    ({"cover": ("bia.png", b"not an image")}, "cover", "Ảnh bìa (JPEG, PNG hoặc WebP, tối đa 5 MB): "),
    ({"cover": ("bia.gif", "GIF")}, "cover",
     "Ảnh bìa (JPEG, PNG hoặc WebP, tối đa 5 MB): Hãy gửi ảnh JPEG, PNG hoặc WebP."),
])
def test_bad_input_is_refused_naming_the_field_and_nothing_reaches_saleor(no_saleor, change, field, message):
    form = {"name": "Tết 2027", "slug": "tet-2027", "starts_at": "2027-01-01T00:00", "ends_at": "2027-01-02T00:00",
            "min_stars": "4", "group": "", "product_set": "", "province": "", **change}
    if "cover" in change:
        name, content = change["cover"]
        if content == "GIF":
            out = io.BytesIO()
            Image.new("RGB", (40, 40), "red").save(out, format="GIF")
            content = out.getvalue()
        form["cover"] = SimpleUploadedFile(name, content)
    response = curator().post("/staff/showcases/new/", form)
    assert response.status_code == 400
    html = response.content.decode()
    errors = re.findall(r'data-field="([a-z_]+)">([^<]*)<', html)
    assert [name for name, _ in errors] == [field]
    assert errors[0][1].strip().startswith(message)
    assert Showcase.objects.count() == 0


def test_adding_a_product_not_for_sale_names_the_field_and_changes_nothing(no_saleor):
    showcase = Showcase.objects.create(slug="hoi-cho", name="Hội chợ", saleor_id="Q29sbGVjdGlvbjo5")
    client = curator()
    response = client.post(f"/staff/showcases/{showcase.pk}/products/add/", {"product": "XX-2020-0001"}, follow=True)
    assert "product: không có sản phẩm đang bán nào có slug hoặc mã giấy chứng nhận XX-2020-0001." in \
        response.content.decode()
    assert showcase.items.count() == 0 and ShowcaseChange.objects.count() == 0


def test_a_collection_made_in_saleors_dashboard_is_shown_without_dates(no_saleor, client):
    # given a collection published in Saleor with no schedule here (hand-picked in the Dashboard)
    honey = product_record(certificate_id="TQ-2024-0001")
    assert store.apply_product(honey)
    assert store.apply_collection(collection_record(product_ids=(honey.id,), name="Đặc sản miền núi",
                                                    slug="dac-san-mien-nui"))
    # then the shop shows it at any time, and staff can export it
    assert scenario.shop_names(client, "dac-san-mien-nui") == [honey.name]
    assert "Đặc sản miền núi" in client.get("/").content.decode()


def test_an_unapproved_or_ended_showcase_is_never_shown_even_if_the_read_model_holds_it(no_saleor, client,
                                                                                         monkeypatch):
    honey = product_record(certificate_id="TQ-2024-0001")
    assert store.apply_product(honey)
    record = collection_record(product_ids=(honey.id,), name="Tết", slug="tet")
    assert store.apply_collection(record)
    clock = scenario.Clock(scenario.START)
    monkeypatch.setattr("catalog_sync.showcases.schedule.now", clock)
    showcase = Showcase.objects.create(slug="tet", name="Tết", saleor_id=record.id, starts_at=scenario.START,
                                       ends_at=scenario.END, published=True)
    assert scenario.shop_names(client, "tet") is None  # a draft
    Showcase.objects.filter(pk=showcase.pk).update(status=Showcase.Status.SCHEDULED)
    cache.changed()
    assert scenario.shop_names(client, "tet") == [honey.name]
    clock.at = scenario.END - scenario.SECOND
    assert scenario.shop_names(client, "tet") == [honey.name]
    clock.at = scenario.END
    assert scenario.shop_names(client, "tet") is None
    assert "Tết" not in client.get("/").content.decode().split("<main", 1)[1]


def test_saleors_moves_turn_any_order_into_the_wanted_one():
    rng = random.Random(11)  # noqa: S311  (shuffled orders, not secrets)
    for size in range(1, 12):
        current = [f"p{i}" for i in range(size)]
        wanted = current[:]
        rng.shuffle(wanted)
        order = current[:]
        for product_id, shift in moves(current, wanted):  # as Saleor applies them: one after another
            index = order.index(product_id)
            order.insert(max(0, min(len(order) - 1, index + shift)), order.pop(index))
        assert order == wanted


def test_start_and_end_are_read_as_vietnam_time():
    showcase = Showcase(status=Showcase.Status.SCHEDULED, starts_at=scenario.START, ends_at=scenario.END)
    utc = datetime.UTC
    assert not showcase.live_at(datetime.datetime(2026, 12, 31, 16, 59, 59, tzinfo=utc))
    assert showcase.live_at(datetime.datetime(2026, 12, 31, 17, 0, tzinfo=utc))
    assert showcase.live_at(datetime.datetime(2027, 1, 1, 16, 59, 59, tzinfo=utc))
    assert not showcase.live_at(datetime.datetime(2027, 1, 1, 17, 0, tzinfo=utc))


def test_product_webhooks_make_the_rules_follow_once_for_a_burst_of_changes(monkeypatch):
    from django.core.cache import cache as django_cache

    from catalog_sync.app.signals import object_refreshed
    from catalog_sync.app.tasks import refresh_object
    from catalog_sync.showcases import tasks

    django_cache.delete("showcases:follow-pending")
    scheduled: list[dict] = []
    monkeypatch.setattr(tasks.follow_catalogue, "apply_async", lambda **kwargs: scheduled.append(kwargs))
    # when the app's worker refreshes a product, its variant and a producer's page, one after another
    for kind in ("product", "variant", "producer"):
        object_refreshed.send(sender=refresh_object, kind=kind, object_id="x", outcome="updated")
    # then the rule showcases follow once, a few seconds later
    assert scheduled == [{"countdown": tasks.FOLLOW_DELAY}]
    django_cache.delete("showcases:follow-pending")


def test_the_staff_page_names_the_rule_and_the_schedule_in_vietnam_time(no_saleor):
    showcase = Showcase.objects.create(slug="tet", name="Tết", min_stars=4, group="thuc-pham", province="lam-dong",
                                       starts_at=scenario.START, ends_at=scenario.END)
    html = curator().get(f"/staff/showcases/{showcase.pk}/").content.decode()
    assert "<dd>≥ 4★ · Thực phẩm · Lâm Đồng</dd>" in html
    assert "<dd>01/01/2027 00:00</dd>" in html and "<dd>02/01/2027 00:00</dd>" in html
    assert '<dd id="showcase-status">Bản nháp</dd>' in html
