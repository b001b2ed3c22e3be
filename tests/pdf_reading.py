"""Reading printed PDFs back as a person would: their text (pdftotext) and every QR code on their
pages (pdftoppm renders each page, zbarimg decodes the codes). Debian's poppler-utils and zbar-tools,
which scripts/test installs; without them the test is skipped with the reason."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def _need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (Debian's {package}; scripts/test installs it as root)")
    return path


def pdf_text(pdf: Path) -> str:
    tool = _need("pdftotext", "poppler-utils")
    return subprocess.run([tool, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def pdf_fonts(pdf: Path) -> str:
    tool = _need("pdffonts", "poppler-utils")
    return subprocess.run([tool, str(pdf)], check=True, capture_output=True, text=True).stdout


def page_count(pdf: Path) -> int:
    tool = _need("pdfinfo", "poppler-utils")
    info = subprocess.run([tool, str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def page_size_mm(pdf: Path) -> tuple[int, int]:
    tool = _need("pdfinfo", "poppler-utils")
    info = subprocess.run([tool, str(pdf)], check=True, capture_output=True, text=True).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, height = float(line.split()[2]), float(line.split()[4])  # points
    return round(width / 72 * 25.4), round(height / 72 * 25.4)


def _decode(zbarimg: str, image: Path) -> list[str]:
    found = subprocess.run([zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                           capture_output=True, text=True)
    assert found.returncode in (0, 4), found.stderr  # zbarimg exits 4 when it finds no code
    return [line for line in found.stdout.splitlines() if line]


def qr_codes_by_page(pdf: Path, *, dpi: int = 200, columns: int = 1) -> list[list[str]]:
    """The decoded QR codes of each page (sorted), as zbarimg reads them from the page printed at ``dpi``.

    A page of many codes side by side is read one column strip at a time (``columns`` strips of equal
    width), as a phone would be held over one column: zbarimg misses some codes of a crowded page.
    """
    from PIL import Image

    pdftoppm = _need("pdftoppm", "poppler-utils")
    zbarimg = _need("zbarimg", "zbar-tools")
    out = pdf.parent / f"{pdf.stem}-pages"
    out.mkdir(exist_ok=True)
    subprocess.run([pdftoppm, "-r", str(dpi), "-gray", "-png", str(pdf), str(out / "page")], check=True)
    pages = []
    for image in sorted(out.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        codes: list[str] = []
        with Image.open(image) as page:
            width, height = page.size
            for column in range(columns):
                strip = out / f"{image.stem}-strip-{column}.png"
                page.crop((column * width // columns, 0, (column + 1) * width // columns, height)).save(strip)
                codes.extend(_decode(zbarimg, strip))
        pages.append(sorted(codes))
    return pages
