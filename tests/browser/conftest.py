"""Real headless Chromium (Debian's), driven by Playwright, against Django's live server."""

from __future__ import annotations

import pytest

from tests.conftest import CHROMIUM  # noqa: F401  (the session's one Chromium is `browser`, in tests/conftest.py)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()
