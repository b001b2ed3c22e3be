"""Benchmark: a 1,000-product trade catalogue (PDF, XLSX, CSV) and a 500-label sheet.

Run with `scripts/bench-exports`. Prints export time and file size; asserts nothing. Each product has
its own 1200 px JPEG photo, served by a local media host in another process (as Saleor's would be), so
the PDF's time includes fetching and shrinking 1,000 photos.
"""

from __future__ import annotations

import datetime
import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", "1000"))
LABELS = int(os.environ.get("BENCH_LABELS", "500"))
BASE = "https://ocop.example.vn"


def photo_server(folder: Path) -> tuple[subprocess.Popen, str]:
    """A media host in its own process (Python's http.server) serving PRODUCTS different 1200 px photos."""
    from PIL import Image

    media = folder / "media"
    media.mkdir()
    for i in range(PRODUCTS):
        grain = Image.effect_noise((1200, 1200), 24)  # its own grain: no two photos alike
        # photo-like: smooth shading with grain, each a different colour (about 200 kB, as product photos are)
        shade = Image.radial_gradient("L").resize((1200, 1200))
        tint = shade.point(lambda v, i=i: (v + i * 7) % 256)
        photo = Image.merge("RGB", (tint, Image.blend(shade, grain, 0.25), shade))
        photo.save(media / f"{i}.jpg", quality=85)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
                               "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


def timed(command: str, *args: str) -> tuple[float, float]:
    """Wall time and this process's CPU time (all its threads) of one command, in seconds."""
    from django.core.management import call_command

    start, cpu = time.perf_counter(), time.process_time()
    call_command(command, *args, stdout=io.StringIO(), stderr=io.StringIO())
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ocop_bench")
    folder = Path(tempfile.mkdtemp(prefix="ocop-bench-exports-"))
    server, media = photo_server(folder)
    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MEDIA_ORIGINS = [media]
    call_command("migrate", verbosity=0)

    from catalog_sync.catalogue import store
    from catalog_sync.catalogue.records import Image
    from catalog_sync.domain.text import match_key
    from catalog_sync.registry.models import Certificate, Decision, Producer
    from testkit.catalogue_builders import collection_record, sample_product

    products = [sample_product(i, certificate_id=f"AG-2025-{i:04d}",
                               thumbnail=Image(url=f"{media}/media/{i}.jpg", alt="")) for i in range(PRODUCTS)]
    showcase = collection_record(slug="hoi-cho-bench", name="Hội chợ OCOP toàn quốc",
                                 product_ids=tuple(p.id for p in products))
    store.rebuild(products, [], [showcase])

    try:
        from catalog_sync.showcases import photos

        start, cpu = time.perf_counter(), time.process_time()
        fetched = photos.fetch(p.thumbnail.url for p in products if p.thumbnail)
        print(f"of which photos alone: {len(fetched)} fetched and shrunk in {time.perf_counter() - start:.1f} s "
              f"(CPU {time.process_time() - cpu:.1f} s), {sum(map(len, fetched.values())) / 1e6:.1f} MB at print size")
        for file_format in ("pdf", "xlsx", "csv"):
            path = folder / f"catalogue.{file_format}"
            seconds, cpu = timed("showcase_export", "hoi-cho-bench", "--format", file_format, "-o", str(path),
                                 "--base-url", BASE)
            target = " (target ≤ 30 s)" if file_format == "pdf" else ""
            print(f"ocop showcase export, {PRODUCTS} products, {file_format}: {seconds:.1f} s (CPU {cpu:.1f} s), "
                  f"{path.stat().st_size / 1e6:.2f} MB{target}")

        producer = Producer.objects.create(name="Hợp tác xã Ong mật Mèo Vạc",
                                           name_key=match_key("Hợp tác xã Ong mật Mèo Vạc"), province="tuyen-quang")
        decision = Decision.objects.create(number="2417/QĐ-UBND", signed_on=datetime.date(2025, 6, 1))
        Certificate.objects.bulk_create([
            Certificate(id=f"TQ-2025-{i:04d}", product_name=f"Mật ong bạc hà Mèo Vạc loại {i}",
                        product_key=f"mat ong {i}", producer=producer, stars=3 + i % 3, decision=decision,
                        issued_on=datetime.date(2025, 6, 1), valid_until=datetime.date(2028, 6, 1),
                        province="tuyen-quang", group="thuc-pham")
            for i in range(1, LABELS + 1)
        ])
        path = folder / "labels.pdf"
        ids = [f"TQ-2025-{i:04d}" for i in range(1, LABELS + 1)]
        seconds, cpu = timed("labels", *ids, "-o", str(path), "--base-url", BASE)
        print(f"ocop labels, {LABELS} labels of {LABELS} certificates ({-(-LABELS // 21)} A4 sheets): "
              f"{seconds:.1f} s (CPU {cpu:.1f} s), {path.stat().st_size / 1e6:.2f} MB")
    finally:
        server.terminate()
        shutil.rmtree(folder)
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"date {datetime.date.today().isoformat()}, python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load average {load} (wall times grow with other work on the machine; CPU time much less)")


if __name__ == "__main__":
    main()
