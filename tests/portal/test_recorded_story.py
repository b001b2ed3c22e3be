"""The producer's story in the portal (``/portal/story/``), against replies recorded from a real Saleor 3.23.

Recorded in this file's order on one fresh Saleor database (``python -m tests.portal.record story``): the two
producers' catalogue first, then each test works on the honey producer's page from where the previous left it,
and reads the shop's read model from Saleor (a reindex) to see what customers see.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from html import unescape
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Producer as ProducerRow
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import producer_story
from catalog_sync.saleor.catalogue import import_catalogue
from portal.access import page_slug
from portal.models import PortalChange, ProducerAccount
from portal.story import new_content, story_text
from storefront.richtext import render_editorjs

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 11, 22)
HOSTILE = [
    '<script>alert("story")</script>Mật ong <b>bạc hà</b>',
    '<img src="x" onerror="alert(1)">Ảnh',
    '<a href="javascript:alert(1)">bấm vào đây</a> và <a href="https://ocop.example/">trang</a>',
    '<p style="position:fixed;top:0">Che trang</p><style>body{display:none}</style>',
    '<svg onload="alert(1)"><circle></circle></svg><iframe src="https://evil.example/"></iframe>Hết',
]


def reindex(settings) -> None:
    token = settings.SALEOR_APP_TOKEN
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    settings.SALEOR_APP_TOKEN = token


def saleor_requests(transport) -> list[dict]:
    return [exchange["request"] for exchange in getattr(transport, "exchanges", [])]


def writes(transport) -> list[dict]:
    return [r for r in saleor_requests(transport) if r["operationName"] in (
        "PortalStoryUpdate", "PortalStoryPhotos", "PortalStoryFileUpload")]


def asked(transport) -> int:
    return transport.position if hasattr(transport, "position") else len(transport.exchanges)


def slug_of(certificate) -> str:
    return page_slug(ProducerAccount(producer=certificate.producer))


def png(colour: str, size: tuple[int, int] = (48, 32)) -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    out.seek(0)
    out.name = "ảnh của tôi.png"
    return out


def shop_page(client, slug: str, prefix: str = "") -> str:
    response = client.get(f"{prefix}/producers/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


# --- sanitising, without Saleor -------------------------------------------------------------------------------


def test_bold_and_italic_a_browser_writes_as_styles_stay_bold_and_italic_and_no_other_style_survives():
    # given the editor's HTML as Chrome writes it after some edits: styled spans
    html = ('<p>Cà phê <span style="font-weight: bold; color: red">Arabica</span> <span style="font-style: italic; '
            'position: fixed">Cầu Đất</span> <span style="background: url(javascript:alert(1))">x</span></p>')
    # when it is stored; then bold and italic are tags and nothing else of the styles is left
    assert json.loads(new_content(None, html))["blocks"] == [
        {"type": "paragraph", "data": {"text": "Cà phê <b>Arabica</b> <i>Cầu Đất</i> x"}}]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_story_text_is_stored_inert_whatever_the_editor_sends(hostile):
    # given a story with a script, an event handler, a javascript: link, a style (as HTML from the editor or as
    # plain text typed without JavaScript)
    for story in (f"<p>{hostile}</p>", hostile):
        # when it becomes the page's EditorJS content, and the shop renders that
        content = new_content(None, story)
        stored = json.dumps(json.loads(content))
        shown = str(render_editorjs(content))
        # then nothing that runs or restyles is left, in what is stored or what is shown; the words are kept
        for text in (stored, shown):
            assert not re.search(r"<script|<style|<svg|<iframe|onerror|onload|javascript:|style=", text, re.I), text
        assert "alert" not in shown
    assert story_text(new_content(None, HOSTILE[2])) == 'bấm vào đây và <a href="https://ocop.example/">trang</a>'


def test_a_story_typed_without_javascript_keeps_its_paragraphs_headings_and_lists():
    # given plain text as a phone without JavaScript sends it
    text = ("Chúng tôi nuôi ong từ 1998.\nỞ Mèo Vạc.\r\n\r\n## Mùa mật\n\n- Tháng 10\n- Tháng 11\n\n"
            "Giá < 200.000 ₫ & ngon")
    # when it is stored and shown
    content = new_content(None, text)
    # then each paragraph, heading and list is a block, and the textarea shows the same text again
    assert [b["type"] for b in json.loads(content)["blocks"]] == ["paragraph", "header", "list", "paragraph"]
    assert story_text(content) == text.replace("\r\n", "\n")
    assert str(render_editorjs(content)) == (
        "<p>Chúng tôi nuôi ong từ 1998.<br>Ở Mèo Vạc.</p><h3>Mùa mật</h3><ul><li>Tháng 10</li><li>Tháng 11</li></ul>"
        "<p>Giá &lt; 200.000 ₫ &amp; ngon</p>")


def test_blocks_the_editor_does_not_edit_are_kept_after_the_text():
    # given a page whose content staff gave a photo block in the Dashboard
    image = {"type": "image", "data": {"file": {"url": "https://media.example/ong.jpg"}, "caption": "Đàn ong"}}
    current = json.dumps({"blocks": [{"type": "paragraph", "data": {"text": "Cũ"}}, image]})
    # when the producer saves new text
    content = json.loads(new_content(current, "Mới"))
    # then the text is replaced and the photo block stays
    assert content["blocks"] == [{"type": "paragraph", "data": {"text": "Mới"}}, image]


# --- against Saleor ---------------------------------------------------------------------------------------------


def test_the_two_producers_catalogue_is_in_saleor(cassette, two_producers):
    cassette("portal/story/01_catalogue")
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as client:
        summary = import_catalogue(client, Certificate.objects.in_catalogue_on, today=ON, demo=True)
    assert (summary.created, summary.errors, summary.producers["created"]) == (2, [], 2)


def test_a_producer_tells_their_story_where_they_are_and_how_to_reach_them(
        cassette, two_producers, producer_person, settings, client, admin_client):
    # given a person of the honey producer, whose page has no story yet
    transport = cassette("portal/story/02_story_and_contact")
    honey_slug = slug_of(two_producers[0])
    person = producer_person(two_producers[0], "lan@example.vn")
    # when they open their story from the portal's home
    assert 'href="/portal/story/"' in person.get("/portal/").content.decode()
    form = person.get("/portal/story/").content.decode()
    # then the form holds their page as Saleor has it, with fields named for what they hold
    for field in ('name="story"', 'name="location"', 'name="phone"', 'name="email"', 'name="photo"', 'name="alt"'):
        assert field in form
    assert 'name="csrfmiddlewaretoken"' in form and f'href="/producers/{honey_slug}/"' in form
    # when they save a story with a heading and a list, where they are, a phone and an email
    story = ("<p>Gia đình chúng tôi nuôi ong <b>bạc hà</b> trên cao nguyên đá.</p><h2>Mùa mật</h2>"
             "<ul><li>Tháng 10</li><li>Tháng 11</li></ul>")
    response = person.post("/portal/story/", {"story": story, "location": "Thôn Pả Vi,  xã Mèo Vạc",
                                              "phone": "0912345678", "email": "Ong.MeoVac@Example.vn"})
    # then Saleor holds them and the page shows them again
    assert response.status_code == 302 and response["Location"] == "/portal/story/"
    page = person.get("/portal/story/").content.decode()
    assert "Đã lưu: câu chuyện, địa điểm, điện thoại, email." in page
    assert 'value="Thôn Pả Vi, xã Mèo Vạc"' in page and 'value="0912 345 678"' in page
    assert 'value="ong.meovac@example.vn"' in page
    assert "## Mùa mật\n\n- Tháng 10\n- Tháng 11" in unescape(page)
    [update] = writes(transport)
    assert update["operationName"] == "PortalStoryUpdate"
    assert {r["variables"]["slug"] for r in saleor_requests(transport) if r["operationName"] == "PortalStoryPage"} \
        == {honey_slug}
    assert json.loads(update["variables"]["input"]["content"])["blocks"][1] == {
        "type": "header", "data": {"text": "Mùa mật", "level": 2}}
    # and every change is recorded with its before and after, and staff see them
    changes = list(PortalChange.objects.order_by("id").values_list("email", "object_type", "field", "before", "after"))
    assert changes == [
        ("lan@example.vn", "page", "story", "", "Gia đình chúng tôi nuôi ong <b>bạc hà</b> trên cao nguyên đá.\n\n"
                                                 "## Mùa mật\n\n- Tháng 10\n- Tháng 11"),
        ("lan@example.vn", "page", "location", "", "Thôn Pả Vi, xã Mèo Vạc"),
        ("lan@example.vn", "page", "phone", "", "0912 345 678"),
        ("lan@example.vn", "page", "email", "", "ong.meovac@example.vn"),
    ]
    assert "Thôn Pả Vi" in admin_client.get("/admin/portal/portalchange/").content.decode()
    # when the shop reads the page from Saleor
    reindex(settings)
    shop = shop_page(client, honey_slug)
    # then customers see the story, where they are and how to reach them
    assert "<h3>Mùa mật</h3>" in shop and "<b>bạc hà</b>" in shop
    assert "Thôn Pả Vi, xã Mèo Vạc, Tuyên Quang" in shop
    assert '<a href="tel:0912345678">0912 345 678</a>' in shop
    assert '<a href="mailto:ong.meovac@example.vn">ong.meovac@example.vn</a>' in shop
    # when they save the same again: nothing is written or recorded
    asked_before = len(writes(transport))
    person.post("/portal/story/", {"story": story, "location": "Thôn Pả Vi, xã Mèo Vạc", "phone": "0912 345 678",
                                   "email": "ong.meovac@example.vn"})
    assert len(writes(transport)) == asked_before and PortalChange.objects.count() == 4


def test_a_hostile_story_reaches_the_shop_inert(cassette, two_producers, producer_person, settings, client):
    # given a person of the honey producer who pastes hostile markup into the editor
    transport = cassette("portal/story/03_hostile_story")
    honey_slug = slug_of(two_producers[0])
    person = producer_person(two_producers[0], "lan@example.vn")
    story = "".join(f"<p>{hostile}</p>" for hostile in HOSTILE)
    # when it is saved
    response = person.post("/portal/story/", {"story": story, "location": "Thôn Pả Vi, xã Mèo Vạc",
                                              "phone": "0912 345 678", "email": "ong.meovac@example.vn"})
    assert response.status_code == 302
    # then what is sent to Saleor and what the shop shows carry no script, handler, javascript: link or style
    [update] = writes(transport)
    sent = update["variables"]["input"]["content"]
    reindex(settings)
    shop = shop_page(client, honey_slug)
    story_html = shop.split('id="story-heading"', 1)[1].split("</section>", 1)[0]
    for text in (sent, story_html):
        assert not re.search(r"<script|<style|<svg|<iframe|onerror|onload|javascript:|style=", text, re.I)
    assert "Mật ong <b>bạc hà</b>" in story_html and "Che trang" in story_html
    assert '<a href="https://ocop.example/" rel="noopener noreferrer nofollow">trang</a>' in story_html


def test_a_producer_adds_describes_orders_and_removes_photos(
        cassette, two_producers, producer_person, settings, client):
    # given a person of the honey producer
    transport = cassette("portal/story/04_photos")
    honey_slug = slug_of(two_producers[0])
    person = producer_person(two_producers[0], "lan@example.vn")
    # when they add two photos, each with what it shows
    first = person.post("/portal/story/photos/", {"photo": png("gold"), "alt": "Đàn ong trên sườn đồi"})
    second = person.post("/portal/story/photos/", {"photo": png("green"), "alt": "Hoa bạc hà"})
    assert (first.status_code, second.status_code) == (302, 302)
    uploads = [r for r in writes(transport) if r["operationName"] == "PortalStoryFileUpload"]
    assert [u["variables"]["files"] for u in uploads] == [[{"filename": f"{honey_slug}.png", "bytes": len(
        png(colour).getvalue())}] for colour in ("gold", "green")]
    with app_client() as saleor:
        state = producer_story.page_state(saleor, honey_slug)
    assert state is not None and [p.alt for p in state.photos] == ["Đàn ong trên sườn đồi", "Hoa bạc hà"]
    bees, mint = state.photos
    # when they move the second up, describe it better, and look at their page
    person.post("/portal/story/photos/change/", {"photo": mint.url, "action": "up"})
    person.post("/portal/story/photos/change/", {"photo": mint.url, "action": "save", "alt": "Hoa bạc hà tím"})
    page = person.get("/portal/story/").content.decode()
    # then the photos are in their new order with the new description
    assert page.index(f'src="{mint.url}" alt="Hoa bạc hà tím"') < page.index(f'src="{bees.url}"')
    # and the shop shows them so, after Saleor's page is read again
    reindex(settings)
    shop = shop_page(client, honey_slug)
    assert shop.index(f'<img src="{mint.url}" alt="Hoa bạc hà tím"') < shop.index(f'<img src="{bees.url}"')
    # when they remove one; then only the other is left, and every change was recorded
    person.post("/portal/story/photos/change/", {"photo": bees.url, "action": "remove"})
    with app_client() as saleor:
        state = producer_story.page_state(saleor, honey_slug)
    assert state is not None and state.photos == (producer_story.Photo(mint.url, "Hoa bạc hà tím"),)
    changes = list(PortalChange.objects.order_by("id").values_list("field", "after"))
    assert [field for field, _after in changes] == ["photos"] * 5
    assert json.loads(changes[-1][1]) == [{"url": mint.url, "alt": "Hoa bạc hà tím"}]


def test_photos_and_contact_the_forms_cannot_take_are_explained_and_nothing_is_written(
        cassette, two_producers, producer_person):
    # given a person of the honey producer
    transport = cassette("portal/story/05_refused_by_form")
    person = producer_person(two_producers[0], "lan@example.vn")
    # when they send a file that is no image, a photo without a description, a wrong phone and email
    not_image = io.BytesIO(b"<script>alert(1)</script>")
    not_image.name = "anh.png"
    refused = [
        person.post("/portal/story/photos/", {"photo": not_image, "alt": "Ảnh"}),
        person.post("/portal/story/photos/", {"photo": png("red"), "alt": "  "}),
        person.post("/portal/story/", {"story": "Câu chuyện", "phone": "12", "email": "không-phải-email"}),
    ]
    # then each is explained next to its field, and nothing reaches Saleor but the reads
    assert [r.status_code for r in refused] == [400, 400, 400]
    html = [r.content.decode() for r in refused]
    assert "Hãy tải lên một hình ảnh hợp lệ." in html[0]
    assert "Hãy cho biết ảnh chụp gì." in html[1]
    assert "Nhập số điện thoại gọi được, ví dụ 0912 345 678." in html[2]
    assert "Nhập địa chỉ email, ví dụ ten@example.vn." in html[2]
    assert writes(transport) == [] and not PortalChange.objects.exists()


METHODS = ("get", "post", "put", "patch", "delete", "head", "options")


def test_ownership_each_producer_edits_only_their_own_page_whatever_the_form_says(
        cassette, two_producers, producer_person, settings):
    # given both producers' pages in Saleor; the coffee producer has a photo and a story of their own
    transport = cassette("portal/story/06_ownership")
    honey_slug, coffee_slug = slug_of(two_producers[0]), slug_of(two_producers[1])
    coffee_person = producer_person(two_producers[1], "minh@example.vn")
    coffee_person.post("/portal/story/photos/", {"photo": png("brown"), "alt": "Đồi cà phê"})
    coffee_person.post("/portal/story/", {"story": "Cà phê Cầu Đất", "location": "Cầu Đất", "phone": "",
                                          "email": ""})
    PortalChange.objects.all().delete()
    with app_client() as saleor:
        coffee_before = producer_story.page_state(saleor, coffee_slug)
        honey_before = producer_story.page_state(saleor, honey_slug)
    assert coffee_before is not None and honey_before is not None
    reindex(settings)
    coffee_row = ProducerRow.objects.get(slug=coffee_slug)
    honey = producer_person(two_producers[0], "lan@example.vn")
    start = asked(transport)
    # when the honey producer's person tries every method on the story's URLs, with the coffee page's ids, slug
    # and photo in every field a form might be thought to read
    tampered = {"page": coffee_before.id, "id": coffee_before.id, "page_id": coffee_before.id, "slug": coffee_slug,
                "producer": coffee_row.id, "photo": coffee_before.photos[0].url, "alt": "Của tôi rồi",
                "action": "remove"}
    statuses = {}
    for prefix in ("", "/en"):
        for path in ("/portal/story/photos/change/",):
            for action in ("remove", "save", "up", "down"):
                response = honey.post(f"{prefix}{path}", {**tampered, "action": action})
                statuses[(prefix, path, action)] = response.status_code
        for path in ("/portal/story/", "/portal/story/photos/", "/portal/story/photos/change/"):
            for method in ("put", "patch", "delete"):
                statuses[(prefix, path, method)] = getattr(honey, method)(f"{prefix}{path}", tampered).status_code
        for path in ("/portal/story/photos/", "/portal/story/photos/change/"):
            statuses[(prefix, path, "get")] = honey.get(f"{prefix}{path}", tampered).status_code
        page = honey.get(f"{prefix}/portal/story/", tampered).content.decode()
        assert coffee_before.photos[0].url not in page and "Cà phê Cầu Đất" not in page and "Cầu Đất" not in page
    # then the other producer's photo is 404 to every action, other methods are refused, and nothing was written
    assert {k: v for k, v in statuses.items() if k[1] == "/portal/story/photos/change/" and k[2] in (
        "remove", "save", "up", "down")} == {(p, "/portal/story/photos/change/", a): 404 for p in ("", "/en")
                                             for a in ("remove", "save", "up", "down")}
    assert {v for k, v in statuses.items() if k[2] in ("put", "patch", "delete", "get")} == {405}
    tried = asked(transport)
    assert {r["operationName"] for r in saleor_requests(transport)[start:tried]} == {"PortalStoryPage"}
    # when the story form itself is posted with the coffee page's ids: only their own page is written
    honey.post("/portal/story/", {**tampered, "story": "Mật ong của chúng tôi", "location": "Mèo Vạc",
                                  "phone": "", "email": ""})
    sent = saleor_requests(transport)[start:asked(transport)]
    assert [w["variables"]["id"] for w in sent if w["operationName"] == "PortalStoryUpdate"] == [honey_before.id]
    assert {r["variables"]["slug"] for r in sent if r["operationName"] == "PortalStoryPage"} == {honey_slug}
    # and Saleor holds the coffee page as its owner left it
    with app_client() as saleor:
        assert producer_story.page_state(saleor, coffee_slug) == coffee_before
    assert set(PortalChange.objects.values_list("object_id", flat=True)) == {honey_before.id}


def test_a_producer_without_a_page_in_the_store_is_told_so_and_can_write_nothing(
        cassette, make_certificate, producer_person):
    # given a producer whose products are not in the store yet (no page in Saleor)
    transport = cassette("portal/story/07_no_page")
    newcomer = make_certificate(id="HG-2026-0001", product_name="Chè Shan tuyết", producer="HTX Chè Mới",
                                issued_on=datetime.date(2026, 1, 5), province="tuyen-quang")
    person = producer_person(newcomer, "moi@example.vn")
    # when they open their story and post to it
    opened = person.get("/portal/story/")
    posted = person.post("/portal/story/", {"story": "Xin chào", "location": "", "phone": "", "email": ""})
    # then they are told their page is not in the shop yet, and nothing is written
    assert opened.status_code == 200 and "Trang của bạn chưa có trong cửa hàng" in opened.content.decode()
    assert posted.status_code == 404
    assert writes(transport) == [] and not PortalChange.objects.exists()


def test_a_story_form_posted_without_its_csrf_token_is_refused(two_producers, producer_person):
    from django.test import Client

    person = producer_person(two_producers[0], "lan@example.vn")
    guarded = Client(enforce_csrf_checks=True)
    guarded.cookies = person.cookies
    for path in ("/portal/story/", "/portal/story/photos/", "/portal/story/photos/change/"):
        assert guarded.post(path, {"story": "x", "photo": "x", "action": "remove"}).status_code == 403
    assert not PortalChange.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_producer_tells_their_story_on_a_phone_with_the_editor(
        live_server, browser, cassette, two_producers, producer_person, tmp_path):
    # given a person of the coffee producer, on a 360 px phone with JavaScript (the rich-text editor)
    from axe_playwright_python.sync_playwright import Axe

    from tests.portal.conftest import PASSWORD

    cassette("portal/story/08_phone_editor")
    producer_person(two_producers[1], "minh@example.vn")
    shots = Path(__file__).resolve().parents[2] / "test-results" / "portal"
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="vi-VN", is_mobile=True,
                                  has_touch=True, bypass_csp=True)  # axe-core is injected by the test itself
    page = context.new_page()
    found: dict[str, list[str]] = {}

    def check(step: str) -> None:
        page.screenshot(path=str(shots / f"phone-360-story-{step}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url
        serious = [f"{v['id']}: {v['help']}" for v in Axe().run(page).response["violations"]
                   if v["impact"] in {"serious", "critical"}]
        if serious:
            found[step] = serious

    try:
        page.goto(f"{live_server.url}/portal/sign-in/?next=/portal/")
        page.get_by_label("Email").fill("minh@example.vn")
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{live_server.url}/portal/")
        # when they open their story from the portal's home: the editor replaces the plain textarea
        page.get_by_role("link", name="Câu chuyện của bạn").click()
        page.wait_for_url(f"{live_server.url}/portal/story/")
        editor = page.get_by_role("textbox", name="Câu chuyện của bạn")
        assert editor.is_visible() and not page.locator("textarea[name=story]").is_visible()
        check("1-form")
        # and write a heading and a paragraph with a word in bold, with the toolbar and the keyboard
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        page.get_by_role("button", name="Tiêu đề").click()
        page.keyboard.type("Đồi cà phê Cầu Đất")
        page.keyboard.press("Enter")
        page.get_by_role("button", name="Đoạn văn thường").click()
        page.keyboard.type("Cà phê ")
        page.get_by_role("button", name="Chữ đậm").click()
        page.keyboard.type("Arabica")
        page.get_by_role("button", name="Chữ đậm").click()
        page.keyboard.type(" trồng ở độ cao 1.500 m.")
        page.get_by_label("Điện thoại").fill("0263 3821 234")
        page.get_by_role("button", name="Lưu lại", exact=True).click()
        page.wait_for_url(f"{live_server.url}/portal/story/")
        # then the page says what was saved and the editor shows the story as Saleor holds it
        assert page.locator(".messages").inner_text() == "Đã lưu: câu chuyện, điện thoại."
        assert editor.inner_html() == "<h2>Đồi cà phê Cầu Đất</h2><p>Cà phê <b>Arabica</b> trồng ở độ cao 1.500 m.</p>"
        check("2-saved")
        # when they add a photo with what it shows
        photo = tmp_path / "doi-ca-phe.png"
        photo.write_bytes(png("saddlebrown").getvalue())
        page.get_by_label("Ảnh (JPEG, PNG hoặc WebP, tối đa 5 MB)").set_input_files(str(photo))
        page.get_by_label("Ảnh chụp gì", exact=True).last.fill("Đồi cà phê lúc bình minh")
        page.get_by_role("button", name="Thêm ảnh").click()
        page.wait_for_url(f"{live_server.url}/portal/story/")
        # then it is on their page, with its description and its buttons
        assert page.locator('.story-photo img[alt="Đồi cà phê lúc bình minh"]').count() == 1
        check("3-photo")
    finally:
        context.close()
    assert found == {}
    assert [c.field for c in PortalChange.objects.order_by("id")] == ["story", "phone", "photos"]
