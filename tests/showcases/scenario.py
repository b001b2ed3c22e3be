"""A showcase's life as staff and customers see it, run by both tiers.

Tier 2 (tests/tier2/test_showcases.py) runs it against a real Saleor 3.23 holding a few OCOP products and
records Saleor's replies (``OCOP_RECORD_SHOWCASES=1``: tests/fixtures/saleor/21_showcases.json); tier 1
(tests/showcases/test_curation.py) replays them. The Saleor requests are the same in both, so each step
asserts what staff and customers notice, the same way in both tiers.

The clock is the schedule's (``catalog_sync.showcases.schedule.now``): the showcase runs for the first day
of 2027, Vietnam time, so it starts and ends at a Vietnam-local midnight (17:00 UTC the day before).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from catalog_sync.app.events import Change
from catalog_sync.app.readers import StorefrontReader
from catalog_sync.app.refresh import apply_change
from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import ProductRecord
from catalog_sync.saleor import SaleorClient
from catalog_sync.showcases import tasks
from catalog_sync.showcases.models import Showcase
from tests.storefront.html_reading import read_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "saleor"
VN = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime.datetime(2027, 1, 1, 0, 0, tzinfo=VN)
END = datetime.datetime(2027, 1, 2, 0, 0, tzinfo=VN)
SECOND = datetime.timedelta(seconds=1)
SLUG = "tet-2027"
CASSETTE = "21_showcases"
STAFF_EMAIL = "xuc-tien@ocop.test"


@dataclass
class Clock:
    at: datetime.datetime = field(default_factory=lambda: datetime.datetime(2026, 12, 20, 9, 0, tzinfo=VN))

    def __call__(self) -> datetime.datetime:
        return self.at


def cover_image() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (640, 360), "#b71c1c").save(out, format="PNG")
    return SimpleUploadedFile("tet-2027.png", out.getvalue(), content_type="image/png")


def fill_read_model(client: SaleorClient, ids: list[str]) -> list[ProductRecord]:
    """The products as an anonymous customer reads them from Saleor, put into the read model."""
    reader = StorefrontReader(client)
    records = []
    for product_id in ids:
        record = reader.product(product_id)
        assert record is not None, f"{product_id} is not for sale"
        assert store.apply_product(record)
        records.append(record)
    return records


def rule_order(products: list[ProductRecord], min_stars: int) -> list[ProductRecord]:
    """What the rule picks, best first: stars, then name."""
    return sorted((p for p in products if p.stars >= min_stars), key=lambda p: (-p.stars, p.name, p.id))


def shop_names(client: Client, slug: str = SLUG) -> list[str] | None:
    """The product names customers see on the showcase's page, in order; None when it is not shown (404)."""
    response = client.get(f"/showcases/{slug}/")
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.status_code
    return listed(response.content)


def listed(html: bytes) -> list[str]:
    """The products a page lists, in order (its schema.org ItemList, which follows the cards)."""
    (item_list,) = [block for block in read_html(html).jsonld if block.get("@type") == "ItemList"]
    return [element["name"] for element in item_list["itemListElement"]]


def staff_names(staff: Client, pk: int) -> list[str]:
    html = staff.get(f"/staff/showcases/{pk}/").content.decode()
    table = html.split('id="products"', 1)[1].split("</table>", 1)[0]
    return [re.sub(r"\s+", " ", m) for m in re.findall(r"<tr><td>\d+</td><td>([^<]+)</td>", table)]


def changes(staff: Client, pk: int) -> list[tuple[str, str, str]]:
    """(who, what, details) of the showcase's change log, oldest first."""
    html = staff.get(f"/staff/showcases/{pk}/").content.decode()
    table = html.split('id="changes"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>[^<]+</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", table)
    return [tuple(re.sub(r"\s+", " ", cell).replace("&gt;", ">") for cell in row) for row in reversed(rows)]


def export_rows(staff: Client) -> list[str]:
    response = staff.get(f"/staff/showcases/{SLUG}/catalogue.csv")
    if response.status_code == 404:
        return []
    return [row["certificate_id"] for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))]


def run(staff: Client, shopper: Client, clock: Clock, products: list[ProductRecord], saleor: SaleorClient,
        withdraw: Callable[[ProductRecord], None]) -> None:
    """Staff create a 4★-and-up showcase for the first day of 2027, reorder it, add a 3★ product by hand;
    it goes live at midnight, a product is withdrawn and leaves it and its export, and it ends at midnight."""
    # given the products for sale, some 4★ and up and one 3★
    picked = rule_order(products, 4)
    three_star = next(p for p in products if p.stars == 3)
    assert len(picked) >= 3

    # when staff create the showcase
    response = staff.post("/staff/showcases/new/", {
        "name": "Tết 2027: quà OCOP 4 sao", "name_en": "Tet 2027: 4-star OCOP gifts", "slug": SLUG,
        "description": "Quà Tết từ các chủ thể OCOP.", "description_en": "New Year gifts from OCOP producers.",
        "starts_at": "2027-01-01T00:00", "ends_at": "2027-01-02T00:00", "min_stars": "4",
        "group": "", "product_set": "", "province": "", "cover": cover_image()})
    assert response.status_code == 302, re.findall(r'class="errors"[^>]*>(.*?)</', response.content.decode(), re.S)
    showcase = Showcase.objects.get(slug=SLUG)
    assert (showcase.starts_at, showcase.ends_at) == (START, END)
    assert showcase.starts_at.astimezone(datetime.UTC) == datetime.datetime(2026, 12, 31, 17, 0, tzinfo=datetime.UTC)
    # then the staff page lists what the rule picked, best first, and the preview shows the shop's page
    assert staff_names(staff, showcase.pk) == [p.name for p in picked]
    preview = staff.get(f"/staff/showcases/{showcase.pk}/preview/")
    assert listed(preview.content) == [p.name for p in picked]
    assert "<h1>Tết 2027: quà OCOP 4 sao</h1>" in preview.content.decode()
    # and customers see nothing yet
    assert shop_names(shopper) is None

    # when staff move the last product up twice (the up button, no JavaScript) and add the 3★ product by its
    # certificate id
    last = showcase.items.order_by("-position").first()
    for _ in range(2):
        assert staff.post(f"/staff/showcases/{showcase.pk}/products/move/",
                          {"item": last.pk, "direction": "up"}).status_code == 302
    k = len(picked)
    order = [*picked[:k - 3], picked[-1], *picked[k - 3:k - 1]]
    assert staff.post(f"/staff/showcases/{showcase.pk}/products/add/",
                      {"product": three_star.certificate_id}).status_code == 302
    order.append(three_star)
    assert staff_names(staff, showcase.pk) == [p.name for p in order]
    # and approve it for publication before its start
    assert staff.post(f"/staff/showcases/{showcase.pk}/approve/").status_code == 302
    assert shop_names(shopper) is None

    # then one second before midnight it is still not in the shop, even after the worker's run
    clock.at = START - SECOND
    assert tasks.run_schedule() == {"published": [], "unpublished": [], "followed": []}
    assert shop_names(shopper) is None
    # at midnight the worker publishes it, and customers see its products in staff's order
    clock.at = START
    assert tasks.run_schedule() == {"published": [SLUG], "unpublished": [], "followed": []}
    assert shop_names(shopper) == [p.name for p in order]
    assert shop_names(shopper) and "Tết 2027" in shopper.get("/").content.decode()
    # with the cover image staff uploaded, as Saleor serves it
    (banner,) = read_html(shopper.get(f"/showcases/{SLUG}/").content).all("img", class_="showcase-banner")
    assert "/thumbnail/" in (banner["src"] or "") or "/media/" in (banner["src"] or ""), banner
    assert tasks.run_schedule() == {"published": [], "unpublished": [], "followed": []}  # idempotent
    assert sorted(export_rows(staff)) == sorted(p.certificate_id for p in order)

    # when a product of the rule is withdrawn (unpublished in Saleor; the app's webhook refreshes the read model)
    gone = order[0]
    withdraw(gone)
    clock.at = START + datetime.timedelta(hours=9)
    assert apply_change(Change("product", gone.id, timezone.now()), StorefrontReader(saleor)) == \
        f"product {gone.id}: removed"
    assert tasks.run_schedule() == {"published": [], "unpublished": [], "followed": [SLUG]}
    # then it leaves the showcase, the shop's page and the next trade catalogue
    remaining = [p for p in order if p.id != gone.id]
    assert staff_names(staff, showcase.pk) == [p.name for p in remaining]
    assert shop_names(shopper) == [p.name for p in remaining]
    assert sorted(export_rows(staff)) == sorted(p.certificate_id for p in remaining)

    # one second before the next midnight it is still shown; at midnight customers no longer see it, even
    # before the worker runs; the worker then unpublishes it in Saleor
    clock.at = END - SECOND
    assert shop_names(shopper) == [p.name for p in remaining]
    clock.at = END
    assert shop_names(shopper) is None
    assert "Tết 2027" not in shopper.get("/").content.decode()
    assert tasks.run_schedule() == {"published": [], "unpublished": [SLUG], "followed": []}
    assert shop_names(shopper) is None
    assert tasks.run_schedule() == {"published": [], "unpublished": [], "followed": []}

    # and every change is on the showcase's staff page: who, what
    log = changes(staff, showcase.pk)
    assert [(who, what) for who, what, _ in log] == [
        (STAFF_EMAIL, "tạo"), (STAFF_EMAIL, "ảnh bìa"), (STAFF_EMAIL, "theo quy tắc"),
        (STAFF_EMAIL, "đổi thứ tự"), (STAFF_EMAIL, "đổi thứ tự"),
        (STAFF_EMAIL, "thêm"), (STAFF_EMAIL, "duyệt đăng"),
        ("lịch tự động", "đăng"), ("lịch tự động", "theo quy tắc"), ("lịch tự động", "gỡ")]
    assert log[1][2].startswith("tet-2027.png (")
    assert log[2][2] == "vào: " + ", ".join(p.name for p in picked)
    assert log[-2][2] == "ra: " + gone.name
    assert log[-1][2] == "02/01/2027 00:00"
