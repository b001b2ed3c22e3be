"""Fixtures of the trade catalogue tests: a showcase in the real read model, photos on a local media host."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from catalog_sync.catalogue import store
from testkit.catalogue_builders import collection_record, product_record


def png(colour: str, size: int = 800) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(out, format="PNG")
    return out.getvalue()


class _Photos(BaseHTTPRequestHandler):
    body = png("#c0392b")

    def do_GET(self):
        if self.path.startswith("/media/"):
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(self.body)))
            self.end_headers()
            self.wfile.write(self.body)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def media_host(settings):
    """A local media host serving an 800 px photo at /media/<anything>; its origin is in MEDIA_ORIGINS."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Photos)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    settings.MEDIA_ORIGINS = [origin]
    yield origin
    server.shutdown()
    server.server_close()


def put_showcase(products, *, extra_ids=(), **overrides):
    """The products applied to the read model, and a showcase of them (plus ids not for sale) in that order."""
    for product in products:
        assert store.apply_product(product)
    record = collection_record(product_ids=tuple(p.id for p in products) + tuple(extra_ids), **overrides)
    assert store.apply_collection(record)
    return record


__all__ = ["png", "product_record", "put_showcase"]
