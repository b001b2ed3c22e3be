"""Certificate ids: ``<PROVINCE CODE>-<YEAR>-<NNNN>``, e.g. ``LD-2026-0042``.

Short enough to print under a QR code, unique (a locked counter per prefix and
year), and stable: an imported row keeps the id it got the first time.
"""

from __future__ import annotations

from collections import Counter

from catalog_sync.domain.provinces import province_by_slug

from .models import CertificateSequence

NATIONAL_PREFIX = "VN"


def id_prefix(province_slug: str | None) -> str:
    if not province_slug:
        return NATIONAL_PREFIX
    try:
        return province_by_slug(province_slug).code
    except KeyError:
        return NATIONAL_PREFIX


def format_certificate_id(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:04d}"


def reserve_ids(needed: Counter[tuple[str, int]]) -> dict[tuple[str, int], list[str]]:
    """Reserve ``needed[(prefix, year)]`` new ids per key; call inside a transaction."""
    reserved: dict[tuple[str, int], list[str]] = {}
    for prefix, year in sorted(needed):
        count = needed[(prefix, year)]
        CertificateSequence.objects.get_or_create(prefix=prefix, year=year)
        sequence = CertificateSequence.objects.select_for_update().get(prefix=prefix, year=year)
        first = sequence.last_number + 1
        sequence.last_number += count
        sequence.save(update_fields=["last_number"])
        reserved[(prefix, year)] = [
            format_certificate_id(prefix, year, n) for n in range(first, first + count)
        ]
    return reserved
