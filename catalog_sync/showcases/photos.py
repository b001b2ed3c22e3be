"""Product photos for printed catalogues: fetched from Saleor's media host, shrunk to print size.

Only URLs on an origin in ``MEDIA_ORIGINS`` (where Saleor serves its media) are fetched; a photo that
cannot be had in time, or is no image, is left out (the catalogue prints a placeholder instead).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from PIL import Image, UnidentifiedImageError

log = logging.getLogger(__name__)

MAX_BYTES = 8 * 1024 * 1024
PRINT_PIXELS = 280  # printed 34 mm wide: about 210 dpi
WORKERS = 8


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def allowed(url: str) -> bool:
    return _origin(url) in {o.rstrip("/").lower() for o in settings.MEDIA_ORIGINS}


def _shrink(content: bytes) -> bytes | None:
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.draft("RGB", (PRINT_PIXELS, PRINT_PIXELS))  # a JPEG decodes at a fraction of its size
            image.thumbnail((PRINT_PIXELS, PRINT_PIXELS))
            canvas = Image.new("RGB", image.size, "white")
            canvas.paste(image, mask=image.getchannel("A") if "A" in image.getbands() else None)
            out = io.BytesIO()
            canvas.save(out, format="JPEG", quality=78)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError) as error:
        log.warning("catalogue photo is no readable image: %s", error)
        return None


class Fetcher:
    """Fetches the photos in worker threads from the moment it is entered; ``get(url)`` waits for one.

    A catalogue is laid out while its later photos are still arriving: fetching overlaps layout.
    """

    def __init__(self, urls: Iterable[str | None], *, timeout: float = 5.0) -> None:
        self.wanted = [u for u in dict.fromkeys(u for u in urls if u) if allowed(u)]
        self.timeout = timeout
        self.futures: dict[str, Future[bytes | None]] = {}

    def __enter__(self) -> Fetcher:
        limits = httpx.Limits(max_connections=WORKERS, max_keepalive_connections=WORKERS)
        self.client = httpx.Client(timeout=self.timeout, limits=limits, follow_redirects=False)
        self.pool = ThreadPoolExecutor(WORKERS)
        self.futures = {url: self.pool.submit(self._one, url) for url in self.wanted}
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.client.close()

    def get(self, url: str | None) -> bytes | None:
        future = self.futures.get(url or "")
        return future.result() if future else None

    def _one(self, url: str) -> bytes | None:
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code != 200:
                    return None
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_BYTES:
                        return None
        except httpx.HTTPError as error:
            log.warning("catalogue photo %s not fetched: %s", url, error)
            return None
        return _shrink(bytes(body))


def fetch(urls: Iterable[str | None], *, timeout: float = 5.0) -> dict[str, bytes]:
    """JPEG bytes at print size for each URL that could be fetched, by URL."""
    with Fetcher(urls, timeout=timeout) as fetcher:
        return {url: data for url in fetcher.wanted if (data := fetcher.get(url))}
