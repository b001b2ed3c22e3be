"""Saleor's image addresses as a browser can load them.

Saleor answers a sized image (``thumbnail(size:)``, ``media { url(size:) }``, ``backgroundImage(size:)``)
with the stored thumbnail's media address once that thumbnail exists, and until then with its own view
``/thumbnail/<id>/<size>/[<format>/]`` under its ``PUBLIC_URL``, which makes the thumbnail and redirects to
its media address. Where ``PUBLIC_URL`` is the API's name on a private network (docker-compose), browsers
cannot reach that view and the Content-Security-Policy does not allow it (``MEDIA_ORIGINS``): such an
address is asked once, here, and the media address it redirects to is kept instead. One that cannot be
resolved (Saleor is still fetching the image, or redirects somewhere the shop may not show) is left out,
so the pages fall back to the next image rather than to an address that cannot load.

Addresses already under ``MEDIA_ORIGINS`` (``scripts/run-local``, where the API is the browser's too) are
left as they are, without a request.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from urllib.parse import urljoin, urlsplit

import httpx

from .records import CollectionRecord, Image, ProductRecord

# Saleor's thumbnail view (saleor/thumbnail/urls.py): a global id, a size, an optional format.
THUMBNAIL_PATH = re.compile(r"/thumbnail/[A-Za-z0-9=_-]+/\d+/(?:[a-z]+/)?")

def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class PublicImages:
    """Resolves Saleor's thumbnail addresses on ``api_url``'s host with ``get`` (one request per address)."""

    def __init__(self, api_url: str, media_origins: Sequence[str], get: Callable[[str], httpx.Response]):
        self.api_origin = origin(api_url)
        self.media_origins = frozenset(origin(o) for o in media_origins)
        self.get = get
        self.resolved: dict[str, str | None] = {}

    def needed(self, url: str) -> bool:
        """Whether ``url`` is Saleor's thumbnail view on its API host, which the shop may not show."""
        return (origin(url) == self.api_origin and self.api_origin not in self.media_origins
                and THUMBNAIL_PATH.fullmatch(urlsplit(url).path) is not None)

    def url(self, url: str) -> str | None:
        """The address a browser can load for ``url``, or None when there is none yet."""
        if not self.needed(url):
            return url
        if url not in self.resolved:
            self.resolved[url] = self._ask(url)
        return self.resolved[url]

    def _ask(self, url: str) -> str | None:
        try:
            response = self.get(url)
        except httpx.HTTPError:
            return None
        location = response.headers.get("location")
        if not response.is_redirect or not location:
            return None  # e.g. 503 while Saleor still fetches the image, 404 for a deleted one
        target = urljoin(url, location)
        return target if origin(target) in self.media_origins else None

    def image(self, image: Image | None) -> Image | None:
        if image is None:
            return None
        url = self.url(image.url)
        return None if url is None else image if url == image.url else dataclasses.replace(image, url=url)

    def product(self, record: ProductRecord) -> ProductRecord:
        """``record`` with every image address one a browser can load (unresolvable ones left out)."""
        images = tuple(i for i in (self.image(image) for image in record.images) if i is not None)
        thumbnail = self.image(record.thumbnail)
        if thumbnail == record.thumbnail and images == record.images:
            return record
        return dataclasses.replace(record, thumbnail=thumbnail, images=images)

    def collection(self, record: CollectionRecord) -> CollectionRecord:
        """``record`` with its banner's address one a browser can load (left out when there is none)."""
        background = self.image(record.background)
        return record if background == record.background else dataclasses.replace(record, background=background)


def public_images(http: httpx.Client, api_url: str, media_origins: Sequence[str]) -> PublicImages:
    """Resolves through ``http`` (a Saleor client's), never following the redirect itself."""
    return PublicImages(api_url, media_origins, lambda url: http.get(url, follow_redirects=False))
