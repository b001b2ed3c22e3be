"""Product photos for printed catalogues: fetched from Saleor's media host, shrunk to print size.

Only URLs on an origin in ``MEDIA_ORIGINS`` (where Saleor serves its media) are fetched; a photo that
cannot be had in time, or is no image, is left out (the catalogue prints a placeholder instead).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
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


def fetch(urls: Iterable[str | None], *, timeout: float = 5.0) -> dict[str, bytes]:
    """JPEG bytes at print size for each URL that could be fetched, by URL."""
    wanted = [u for u in dict.fromkeys(u for u in urls if u) if allowed(u)]
    if not wanted:
        return {}
    limits = httpx.Limits(max_connections=WORKERS, max_keepalive_connections=WORKERS)
    with httpx.Client(timeout=timeout, limits=limits, follow_redirects=False) as client:

        def one(url: str) -> tuple[str, bytes | None]:
            try:
                with client.stream("GET", url) as response:
                    if response.status_code != 200:
                        return url, None
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > MAX_BYTES:
                            return url, None
            except httpx.HTTPError as error:
                log.warning("catalogue photo %s not fetched: %s", url, error)
                return url, None
            return url, _shrink(bytes(body))

        with ThreadPoolExecutor(WORKERS) as pool:
            return {url: data for url, data in pool.map(one, wanted) if data}
