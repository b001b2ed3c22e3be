"""Every page satisfies the Content-Security-Policy it is sent with, in a real Chromium."""

import datetime

import pytest
from django.contrib.auth.models import User

from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.models import ImportBatch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_no_page_breaks_the_content_security_policy(live_server, desktop, make_certificate, simple_annex):
    # given a certificate, a previewed upload and a signed-in administrator
    make_certificate(id="LD-2026-0042", issued_on=vietnam_today() - datetime.timedelta(days=10))
    User.objects.create_superuser("canbo", password="mat-khau-dai-123")
    violations: list[str] = []
    desktop.on("console", lambda message: violations.append(f"{desktop.url}: {message.text}")
               if "Content Security Policy" in message.text else None)
    desktop.goto(f"{live_server.url}/admin/login/")
    desktop.fill("#id_username", "canbo")
    desktop.fill("#id_password", "mat-khau-dai-123")
    desktop.click("input[type=submit]")
    desktop.goto(f"{live_server.url}/registry/import/")
    desktop.set_input_files("#id_file", str(simple_annex([("Mật ong", "HTX A", "Hà Giang", "4"),
                                                         ("Chè", "", "Hà Giang", "4")])))
    desktop.get_by_role("button", name="Kiểm tra tệp").click()
    desktop.wait_for_url("**/registry/import/*/")
    batch = ImportBatch.objects.get()
    # when they go through every kind of page
    pages = [
        "/", "/verify/LD-2026-0042/", "/en/verify/LD-2026-0042/", "/verify/KHONG-CO/", "/khong-co/",
        "/registry/import/", f"/registry/import/{batch.pk}/", "/registry/reports/",
        "/registry/certificates/LD-2026-0042/", "/admin/", "/admin/registry/certificate/",
        "/admin/registry/certificate/LD-2026-0042/change/", f"/admin/registry/importbatch/{batch.pk}/change/",
        f"/admin/registry/importrow/?batch__id__exact={batch.pk}", "/admin/registry/importbatch/",
        "/staff/security/",
    ]
    for path in pages:
        response = desktop.goto(f"{live_server.url}{path}")
        assert response is not None
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    # then the browser refused nothing (no inline script, no inline style)
    assert violations == []
    # and the upload page's script (a static file) still runs: the button waits while the file is read
    desktop.goto(f"{live_server.url}/registry/import/")
    desktop.evaluate("document.getElementById('upload-form').addEventListener('submit', e => e.preventDefault())")
    desktop.get_by_role("button", name="Kiểm tra tệp").click()
    assert desktop.get_by_role("button", name="Kiểm tra tệp").is_disabled()
    assert desktop.locator("#upload-status").is_visible()
