"""Templates carry no inline script and no inline style: the Content-Security-Policy forbids both."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted(p for top in ("catalog_sync", "storefront", "ocop_web", "portal")
                   for p in (ROOT / top).rglob("*.html"))


def test_there_are_templates_to_check():
    assert len(TEMPLATES) >= 10


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_template_has_no_inline_script_style_or_event_handler(template):
    text = template.read_text(encoding="utf-8")
    # a JSON-LD data block is never executed; any other script must come from a file
    assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))[^>]*>", text), "inline <script>"
    assert not re.search(r"<style\b", text), "inline <style>"
    assert not re.search(r"\sstyle\s*=", text), "style attribute"
    assert not re.search(r"\son[a-z]+\s*=", text), "event handler attribute"


@pytest.mark.django_db
def test_every_page_is_sent_with_the_content_security_policy(client):
    response = client.get("/")
    assert response["Content-Security-Policy"] == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: http://127.0.0.1:8000; "
        "object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    assert client.get("/khong-co/")["Content-Security-Policy"] == response["Content-Security-Policy"]
