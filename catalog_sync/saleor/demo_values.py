"""Made-up price and stock for the demo store (``ocop demo``), stable per certificate chain, and the marks that
say so (a note in the description, ``demo`` metadata)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from .entries import ProductEntry
from .generated.input_types import MetadataInput

DEMO_NOTE = ("Giá bán và số lượng tồn kho của sản phẩm này là dữ liệu minh họa (demo), không phải giá thật. "
             "Demo price and stock, not real values.")


@dataclass(frozen=True)
class DemoValues:
    """Made-up price and stock for the demo store, stable per certificate chain."""

    @staticmethod
    def price(entry: ProductEntry) -> Decimal:
        n = int(hashlib.sha1(entry.chain_root.encode(), usedforsecurity=False).hexdigest(), 16)
        return Decimal(40_000 + (n % 47) * 10_000)  # 40 000 – 500 000 VND

    @staticmethod
    def stock(entry: ProductEntry) -> int:
        n = int(hashlib.sha1(entry.chain_root.encode(), usedforsecurity=False).hexdigest(), 16)
        return 20 + (n // 47) % 181  # 20 – 200


DEMO_METADATA = (("demo", "true"),)


def demo_metadata() -> list[MetadataInput]:
    return [MetadataInput(key=key, value=value) for key, value in DEMO_METADATA]
