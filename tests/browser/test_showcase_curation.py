"""The showcase's staff page in real headless Chromium at 360 px: readable on a phone (axe-core finds no serious
or critical violation), and its order changed with the keyboard alone, JavaScript off (the ↑ and ↓ buttons are
small forms). Screenshots go to ``test-results/showcases/``.

The showcase here is not yet in Saleor (no collection id), so reordering writes nothing there; the requests a
reorder sends to Saleor are replayed in tests/showcases/test_curation.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Permission, User
from django.test import Client

from catalog_sync.showcases.models import Showcase, ShowcaseItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "showcases"
WIDTH = 360
NAMES = ["Cà phê Arabica Cầu Đất", "Mật ong bạc hà Mèo Vạc", "Trà Shan tuyết Bản Liền"]


def _signed_in(browser, live_server, *, javascript: bool):
    user = User.objects.create_user(f"xuc-tien-{javascript}", email="xuc-tien@ocop.test", password="x",
                                    is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="showcases"))
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": WIDTH, "height": 780}, locale="vi-VN", is_mobile=True,
                                  has_touch=True, java_script_enabled=javascript, bypass_csp=True)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                          "url": live_server.url}])
    return context


def _order(page) -> list[str]:
    return [cell.inner_text() for cell in page.locator("#products tbody tr td:nth-child(2)").all()]


def test_staff_reorder_a_showcase_with_the_keyboard_on_a_phone_without_javascript(live_server, browser, settings):
    settings.SALEOR_API_URL, settings.SALEOR_APP_TOKEN = "http://saleor.invalid/graphql/", "never-used"
    showcase = Showcase.objects.create(slug="tet-2027", name="Tết 2027", min_stars=4)
    for position, name in enumerate(NAMES, start=1):
        ShowcaseItem.objects.create(showcase=showcase, product_id=f"UHJvZHVjdDo{position}", name=name,
                                    position=position, by_hand=True)
    url = f"{live_server.url}/staff/showcases/{showcase.pk}/"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # the page on a phone: nothing wider than the screen, no serious accessibility problem
    context = _signed_in(browser, live_server, javascript=True)
    try:
        page = context.new_page()
        page.goto(url)
        page.screenshot(path=str(SCREENSHOTS / "phone-360-showcase.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
        violations = [f"{v['id']} ({v['impact']}): {v['help']}" for v in Axe().run(page).response["violations"]
                      if v["impact"] in {"serious", "critical"}]
        assert violations == []
    finally:
        context.close()

    # the keyboard alone, JavaScript off: focus the last product's ↑ button and press Enter
    context = _signed_in(browser, live_server, javascript=False)
    try:
        page = context.new_page()
        page.goto(url)
        assert _order(page) == NAMES
        button = page.get_by_role("button", name=f"Đưa {NAMES[2]} lên")
        button.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert _order(page) == [NAMES[0], NAMES[2], NAMES[1]]
        # the first product's ↑ is disabled: nothing to move past
        assert page.get_by_role("button", name=f"Đưa {NAMES[0]} lên").is_disabled()
        page.screenshot(path=str(SCREENSHOTS / "phone-360-reordered.png"), full_page=True)
    finally:
        context.close()
    assert list(showcase.changes.values_list("actor", "action", "detail")) == [
        ("xuc-tien@ocop.test", "đổi thứ tự", f"{NAMES[2]}: 3 → 2")]
