"""Producer stories and descriptions (EditorJS) rendered to HTML: what survives and what never does."""

import json

import pytest

from storefront.richtext import plain_text, render_editorjs

from .html_reading import read_html


def document(*blocks: dict) -> str:
    return json.dumps({"time": 1767225600000, "blocks": list(blocks), "version": "2.30.7"})


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "data": {"text": text}}


HOSTILE_BLOCKS = [
    paragraph('Xin chào<script>alert("x")</script>'),
    paragraph('<img src="https://e.test/a.png" onerror="alert(1)">Ảnh'),
    paragraph('<a href="javascript:alert(1)">bấm</a>'),
    paragraph('<a href="JaVaScRiPt:alert(1)">bấm</a> <a href=" javascript:alert(2)">hai</a>'),
    paragraph('<a href="&#106;avascript:alert(3)">ba</a>'),
    paragraph('<a href="data:text/html,<script>alert(4)</script>">bốn</a>'),
    paragraph('<span style="position:fixed;top:0">phủ màn hình</span><b style="color:red">đậm</b>'),
    paragraph("<style>body{display:none}</style>kiểu"),
    paragraph('</p><script>alert(5)</script><p>'),
    paragraph('<iframe src="https://evil.test"></iframe><object data="x"></object><form action="/x"><input></form>'),
    paragraph('<svg onload="alert(6)"><circle/></svg><math><mi xlink:href="javascript:alert(7)">x</mi></math>'),
    paragraph('<a href="https://ocop.test" onclick="steal()" onmouseover="x()">trang chủ</a>'),
    {"type": "header", "data": {"text": '<img src=x onerror=alert(8)>Câu chuyện', "level": 1}},
    {"type": "list", "data": {"style": "unordered", "items": [
        "<script>alert(9)</script>mục", {"content": "lồng", "items": ["<b onclick=x>a</b>"]}]}},
    {"type": "quote", "data": {"text": "<a href='vbscript:msgbox'>trích</a>",
                               "caption": "<i onfocus=x autofocus>tác giả</i>"}},
    {"type": "image", "data": {"file": {"url": "javascript:alert(10)"}, "caption": "ảnh xấu"}},
    {"type": "image", "data": {"file": {"url": 'https://media.ocop.test/a.webp" onerror="alert(11)'},
                               "caption": '"><script>alert(12)</script>'}},
    {"type": "raw", "data": {"html": "<script>alert(13)</script>"}},
    {"type": "embed", "data": {"service": "youtube", "embed": "javascript:alert(14)"}},
    {"type": "table", "data": {"withHeadings": True, "content": [["<script>x</script>Cột"], ["<u onclick=x>ô</u>"]]}},
]


def test_a_hostile_story_keeps_its_text_and_loses_every_script_handler_style_and_bad_url():
    # given a story whose every block tries a different injection
    html = render_editorjs(document(*HOSTILE_BLOCKS))
    page = read_html(html)
    # then no executable or styling element survives
    tags = {tag for tag, _ in page.tags}
    assert tags.isdisjoint({"script", "style", "iframe", "object", "embed", "form", "input", "svg", "math", "base",
                            "meta", "link"})
    # no event handler or style attribute, and every URL is http(s)
    for tag, attributes in page.tags:
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            assert name != "style", tag
            if name in {"href", "src"}:
                assert value is not None and value.startswith(("https://", "http://")), (tag, name, value)
    assert "alert" not in html and "javascript" not in html.lower() and "vbscript" not in html.lower()
    # and the shopper still reads the producer's words
    for text in ("Xin chào", "Ảnh", "bấm", "phủ màn hình", "đậm", "trang chủ", "Câu chuyện", "mục", "lồng",
                 "trích", "tác giả", "Cột", "ô"):
        assert text in page.text


def test_a_safe_link_keeps_its_address_and_is_marked_nofollow():
    html = render_editorjs(document(paragraph('Xem <a href="https://ocop.gov.vn/">trang OCOP</a>.')))
    assert html == ('<p>Xem <a href="https://ocop.gov.vn/" rel="noopener noreferrer nofollow">trang OCOP</a>.</p>')


def test_story_blocks_become_plain_markup_below_the_page_heading():
    html = render_editorjs(document(
        {"type": "header", "data": {"text": "Về chúng tôi", "level": 1}},
        paragraph("Thành lập năm <b>2010</b>."),
        {"type": "list", "data": {"style": "ordered", "items": ["Chè", "Mật ong"]}},
        {"type": "delimiter", "data": {}},
        {"type": "image", "data": {"file": {"url": "https://media.ocop.test/htx.webp", "width": 800, "height": 600},
                                   "caption": "Đồi chè"}},
    ))
    assert html == (
        "<h2>Về chúng tôi</h2><p>Thành lập năm <b>2010</b>.</p><ol><li>Chè</li><li>Mật ong</li></ol><hr>"
        '<figure><img src="https://media.ocop.test/htx.webp" alt="Đồi chè" width="800" height="600" loading="lazy">'
        "<figcaption>Đồi chè</figcaption></figure>"
    )


@pytest.mark.parametrize("source", [None, "", "not json", "[]", '{"blocks": "x"}', '{"blocks": [1, "a", null]}'])
def test_missing_or_malformed_documents_render_nothing(source):
    assert render_editorjs(source) == ""


def test_plain_text_for_a_meta_description_is_cut_at_a_word():
    source = document(paragraph("Nước mắm &amp; cá cơm <b>than</b>"),
                      paragraph("ủ chượp mười hai tháng trong thùng gỗ"))
    assert plain_text(source) == "Nước mắm & cá cơm than ủ chượp mười hai tháng trong thùng gỗ"
    assert plain_text(source, limit=20) == "Nước mắm & cá cơm…"
