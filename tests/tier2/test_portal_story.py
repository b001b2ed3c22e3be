"""Tier 2: the producer's story against a real Saleor 3.23 with the app installed and its webhooks flowing.

A producer's person writes their story and adds a photo in the portal; Saleor holds them at once and the shop's
producer page (``/producers/<slug>/``) shows both within 10 s (Saleor's PAGE_UPDATED webhook, the web worker,
the read model). The other producer's person then tries the photo with every action: refused, and Saleor still
holds what the owner saved.
"""

from __future__ import annotations

import datetime
import io
import time

import pytest
from PIL import Image

from catalog_sync.app.clients import app_client
from catalog_sync.saleor import producer_story
from ocop_web.celery import app as celery_app
from portal.access import page_slug
from portal.models import PortalChange, ProducerAccount
from tests.portal.conftest import client_factory, producer_person, two_producers  # noqa: F401

from .portal_store import two_producers_for_sale
from .test_app import wait_for, web_worker_running

pytestmark = pytest.mark.django_db(transaction=True)


def photo() -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), "goldenrod").save(out, format="JPEG")
    out.seek(0)
    out.name = "dan-ong.jpg"
    return out


def test_a_story_and_a_photo_saved_in_the_portal_reach_the_shop_and_the_other_producer_cannot_touch_them(
        live_server, settings, saleor_api, saleor_env, monkeypatch, client, two_producers,  # noqa: F811
        producer_person):  # noqa: F811
    # given the two producers' pages in Saleor, the web service installed as its app, the shop filled
    two_producers_for_sale(live_server, settings, saleor_api, saleor_env, monkeypatch)
    slug = page_slug(ProducerAccount(producer=two_producers[0].producer))
    shop = f"/producers/{slug}/"
    assert "Đàn ong trên sườn đồi" not in client.get(shop).content.decode()
    person = producer_person(two_producers[0], "lan@example.vn")
    with web_worker_running(settings):
        wait_for(lambda: bool(celery_app.control.ping(timeout=0.5)), timeout=90)  # the worker is up (a busy machine)
        # when the honey producer's person saves their story, then adds a photo
        started = time.monotonic()
        saved = person.post("/portal/story/", {
            "story": "<p>Ong nhà <b>Mèo Vạc</b> hút mật hoa bạc hà.</p><p><script>alert(1)</script></p>",
            "location": "Thôn Pả Vi, xã Mèo Vạc", "phone": "0912 345 678", "email": "ong@example.vn"})
        story_seconds = time.monotonic() - started
        assert saved.status_code == 302, saved.content.decode()[-2000:]
        started = time.monotonic()
        added = person.post("/portal/story/photos/", {"photo": photo(), "alt": "Đàn ong trên sườn đồi"})
        photo_seconds = time.monotonic() - started
        saved_at = time.monotonic()
        assert added.status_code == 302, added.content.decode()[-2000:]
        # then the shop's producer page shows the story, the contact and the photo within 10 s
        def shown() -> bool:
            html = client.get(shop).content.decode()
            return "Ong nhà <b>Mèo Vạc</b> hút mật hoa bạc hà." in html and 'alt="Đàn ong trên sườn đồi"' in html

        wait_for(shown, timeout=30)
        shown_after = time.monotonic() - saved_at
        assert shown_after <= 10, f"the shop showed the photo {shown_after:.1f} s after the save"
    html = client.get(shop).content.decode()
    assert "<script>alert(1)" not in html and "Thôn Pả Vi, xã Mèo Vạc" in html and "tel:0912345678" in html
    with app_client() as saleor:
        state = producer_story.page_state(saleor, slug)
    assert state is not None and [p.alt for p in state.photos] == ["Đàn ong trên sườn đồi"]
    [saved_photo] = state.photos
    assert f'<img src="{saved_photo.url}" alt="Đàn ong trên sườn đồi"' in html
    # Saleor keeps the file in its media storage (the stack's media service serves it at MEDIA_URL)
    stored = saved_photo.url.split("/media/", 1)[1]
    out = saleor_env.manage("shell", "-c", "from django.core.files.storage import default_storage as s; "
                            f"f = s.open({stored!r}); print('kept', f.read(3).hex(), s.size({stored!r}))").stdout
    [kept] = [line.split() for line in out.splitlines() if line.startswith("kept ")]
    assert kept[1] == "ffd8ff" and int(kept[2]) > 0
    assert sorted(PortalChange.objects.values_list("field", flat=True)) == [
        "email", "location", "phone", "photos", "story"]
    # when the other producer's person tries the photo with every action and the page's id in the form
    other = producer_person(two_producers[1], "minh@example.vn")
    for action in ("remove", "save", "up", "down"):
        attempt = other.post("/portal/story/photos/change/", {"photo": saved_photo.url, "action": action,
                                                              "alt": "của tôi", "page": state.id, "slug": slug})
        assert attempt.status_code == 404
    for method in ("put", "patch", "delete"):
        assert getattr(other, method)("/portal/story/", {"page": state.id, "story": "x"}).status_code == 405
    # then Saleor still holds what the owner saved, and nothing more was recorded
    with app_client() as saleor:
        assert producer_story.page_state(saleor, slug) == state
    assert PortalChange.objects.count() == 5
    print(f"\nportal story: text saved in {story_seconds * 1000:.0f} ms, photo in {photo_seconds * 1000:.0f} ms; "
          f"the shop showed both {shown_after:.2f} s after the save "
          f"({datetime.datetime.now(datetime.UTC):%H:%M:%S} UTC)")
