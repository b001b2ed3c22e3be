"""Tier 2: a producer's session in real headless Chromium at 360 px against a real Saleor 3.23 with the app.

The person accepts the invitation, signs out and in again, opens home, certificates and products, changes
a price and sees it, and lists a certified product, which the shop then shows. After every step: a
screenshot in test-results/portal-tier2/, no page wider than 360 px (no horizontal scrolling), every form
control labelled and reached with the Tab key.

The session is a list of steps (``STEPS``): each opens or works one page from where the previous left
the browser; after the listing the person adds a photo on their product's page, and ships their line of a
cash-on-delivery order a shopper placed (Saleor's order webhook tells them by email first).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from catalog_sync.catalogue.models import Product, Variant
from catalog_sync.core.formats import money
from tests.portal.conftest import PASSWORD, invite_json, path_of, two_producers  # noqa: F401

from .portal_store import HONEY, UNLISTED_NAME, Store, open_store
from .test_app import wait_for, web_worker_running
from .test_portal_orders import place, smtp_sink

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "portal-tier2"
PHONE = {"width": 360, "height": 780}
EMAIL = "lan@example.vn"


@dataclass
class Session:
    """What the steps share: the browser page, the server, the store, and what earlier steps learnt."""

    page: object
    base: str
    store: Store
    invite_path: str
    saleor_url: str
    mails: list
    facts: dict[str, object] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def at(self, path: str) -> None:
        self.page.wait_for_url(self.url(path))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Session], None]


def accept_invitation(s: Session) -> None:
    page = s.page
    page.goto(s.url(s.invite_path))
    for name in ("new_password1", "new_password2"):
        assert page.locator(f"input[name={name}]").get_attribute("autocomplete") == "new-password"
    page.get_by_label("Mật khẩu mới", exact=True).fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu mới").fill(PASSWORD)
    page.get_by_role("button", name="Đặt mật khẩu và đăng nhập").click()
    s.at("/portal/")


def sign_in(s: Session) -> None:
    page = s.page
    page.get_by_role("button", name="Đăng xuất").click()
    s.at("/portal/sign-in/")
    assert page.locator("input[name=username]").get_attribute("autocomplete") == "username"
    assert page.locator("input[name=password]").get_attribute("autocomplete") == "current-password"
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    s.at("/portal/")


def home(s: Session) -> None:
    assert s.page.locator("h1").inner_text() == HONEY


def certificates(s: Session) -> None:
    s.page.get_by_role("link", name="Giấy chứng nhận của bạn").click()
    s.at("/portal/certificates/")
    assert s.page.locator(f"#certificate-{s.store.unlisted.id} .status").inner_text() == "còn hiệu lực"


def products(s: Session) -> None:
    s.page.get_by_role("link", name="Sản phẩm", exact=True).click()
    s.at("/portal/products/")
    assert s.page.locator(f"#listable-{s.store.unlisted.id} h3").inner_text() == UNLISTED_NAME


def change_price(s: Session) -> None:
    page = s.page
    variant = Variant.objects.get(product__producer_title=HONEY, product__certificate_id="TQ-2025-0901")
    price = f"{variant.price + 1000:.0f}"
    page.locator(f'a[href="/portal/variants/{variant.id}/"]').click()
    s.at(f"/portal/variants/{variant.id}/")
    page.get_by_label("Giá (đồng)").fill(price)
    page.get_by_role("button", name="Lưu").click()
    s.at(f"/portal/variants/{variant.id}/")
    assert page.locator(".messages").inner_text() == "Đã lưu: giá."
    assert page.get_by_label("Giá (đồng)").input_value() == price
    # and the shop shows it once Saleor's webhook has reached the read model
    shop = money(int(price))
    wait_for(lambda: Variant.objects.filter(pk=variant.id, price=int(price)).exists(), timeout=30)
    page.goto(s.url(f"/products/{variant.product.slug}/"))
    assert shop in page.locator("main").inner_text()


def list_certified_product(s: Session) -> None:
    page = s.page
    certificate = s.store.unlisted.id
    page.goto(s.url("/portal/products/"))
    form = page.locator(f"#listable-{certificate}")
    form.get_by_label("Giá (đồng)").fill("95000")
    form.get_by_label("Tồn kho").fill("30")
    form.get_by_role("button", name=re.compile("^Đưa lên cửa hàng")).click()
    s.at("/portal/products/")
    assert page.locator(".messages").inner_text().startswith(f"Đã đưa lên cửa hàng: {UNLISTED_NAME} giá 95.000 ₫")
    wait_for(lambda: Product.objects.filter(certificate_id=certificate).exists(), timeout=30)
    page.goto(s.url(f"/products/{Product.objects.get(certificate_id=certificate).slug}/"))
    assert page.locator("h1").inner_text() == UNLISTED_NAME


def photo_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (640, 480), (214, 160, 40)).save(out, "PNG")
    return out.getvalue()


def add_photo(s: Session) -> None:
    page = s.page
    product = Product.objects.get(producer_title=HONEY, certificate_id="TQ-2025-0901")
    page.goto(s.url("/portal/products/"))
    page.locator(f'a[href="/portal/products/{product.id}/"]').click()
    s.at(f"/portal/products/{product.id}/")
    page.locator("#id_photo").set_input_files(
        files=[{"name": "hu-mat-ong.png", "mimeType": "image/png", "buffer": photo_png()}])
    page.locator("#id_alt").fill("Hũ mật ong bạc hà 500 ml")
    page.get_by_role("button", name="Thêm ảnh").click()
    s.at(f"/portal/products/{product.id}/")
    assert page.locator(".messages").inner_text() == "Đã lưu: ảnh mới."
    assert page.locator('.photo img[alt="Hũ mật ong bạc hà 500 ml"]').count() == 1
    # and the shop's product page shows it once the webhook has reached the read model
    wait_for(lambda: "Hũ mật ong bạc hà 500 ml" in s.page.context.request.get(
        s.url(f"/products/{product.slug}/")).text(), timeout=30)


def ship_order_line(s: Session) -> None:
    page = s.page
    honey = Variant.objects.get(product__producer_title=HONEY, product__certificate_id="TQ-2025-0901")
    number = place(s.saleor_url, [(honey.id, 1)])
    # Saleor's order webhook reaches the web service, which emails the producer's person
    wait_for(lambda: any(EMAIL in to for to, _message in s.mails), timeout=30)
    page.get_by_role("link", name="Đơn hàng", exact=True).click()
    s.at("/portal/orders/")
    page.locator(f'a[href="/portal/orders/{number}/"]').first.click()
    s.at(f"/portal/orders/{number}/")
    assert "Nguyễn Văn An" in page.locator("address").inner_text()
    page.get_by_label("Hãng vận chuyển").fill("Viettel Post")
    page.get_by_label("Mã vận đơn").fill("VTP123456789")
    page.get_by_role("button", name="Đánh dấu đã gửi").click()
    s.at(f"/portal/orders/{number}/")
    assert page.locator(".messages").inner_text() == "Đã gửi: 1 dòng hàng, mã vận đơn VTP123456789."
    assert "Viettel Post · VTP123456789" in page.locator(".shipments").inner_text()


STEPS: list[Step] = [
    Step("1-invitation", accept_invitation),
    Step("2-sign-in", sign_in),
    Step("3-home", home),
    Step("4-certificates", certificates),
    Step("5-products", products),
    Step("6-price", change_price),
    Step("7-listing", list_certified_product),
    Step("8-photo", add_photo),
    Step("9-order", ship_order_line),
]

# Every form control (not hidden) with its accessible name, in document order.
_CONTROLS = """() => [...document.querySelectorAll('input, select, textarea, button')]
  .filter(e => e.type !== 'hidden' && !e.hidden && e.getClientRects().length > 0)
  .map((e, i) => {
    e.dataset.kbd = String(i);
    const labelled = (e.labels && [...e.labels].some(l => l.innerText.trim()))
      || (e.getAttribute('aria-label') || '').trim()
      || (e.getAttribute('aria-labelledby') || '').split(' ').some(id => document.getElementById(id))
      || (e.tagName === 'BUTTON' && e.innerText.trim());
    return {i, name: e.name || e.id || e.innerText.trim(), labelled: Boolean(labelled)};
  })"""
_FOCUSABLE = "() => document.querySelectorAll('a[href], input, select, textarea, button, [tabindex]').length"


def _by_keyboard(page) -> list[str]:
    """The controls Tab never reaches, and those without a label."""
    controls = page.evaluate(_CONTROLS)
    problems = [f"{c['name']}: no label" for c in controls if not c["labelled"]]
    page.evaluate("() => { window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur(); }")
    reached: set[str] = set()
    for _ in range(2 * page.evaluate(_FOCUSABLE) + 2):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => document.activeElement && document.activeElement.dataset.kbd || ''"))
    problems += [f"{c['name']}: not reached with Tab" for c in controls if str(c["i"]) not in reached]
    return problems


def _check(page, step: str, found: dict[str, list[str]]) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"phone-360-{step}.png"), full_page=True)
    problems = []
    if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
        problems.append(f"{page.url} scrolls sideways at {PHONE['width']} px")
    problems += _by_keyboard(page)
    if problems:
        found[step] = problems


def test_a_producers_session_on_a_phone_from_invitation_to_a_shipped_order_line(
        live_server, browser, settings, saleor_api, saleor_env, monkeypatch, two_producers,  # noqa: F811
        make_certificate):
    # given the store with the app installed, and an invitation for a person of the honey producer
    store = open_store(live_server, settings, saleor_api, saleor_env, monkeypatch, make_certificate)
    monkeypatch.setenv("PUBLIC_URL", live_server.url + "/")  # the web worker's links in the emails
    invitation = invite_json(two_producers[0].id, EMAIL)
    context = browser.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=1, is_mobile=True,
                                  has_touch=True)
    found: dict[str, list[str]] = {}
    try:
        with smtp_sink(monkeypatch) as mails, web_worker_running(settings):
            session = Session(context.new_page(), live_server.url, store, path_of(invitation["invite_url"]),
                              saleor_api.url, mails)
            # when the person goes through every step on a 360 px phone
            for step in STEPS:
                step.run(session)
                _check(session.page, step.name, found)
    finally:
        context.close()
    # then no page scrolled sideways, and every control was labelled and reachable with Tab
    assert found == {}
