"""The shopper of the buying journeys (tests/buying/journeys.py, benchmarks/buying.py) and how a cart page reads."""

from __future__ import annotations

import re

SHOPPER = {"email": "an.nguyen@example.com", "name": "Nguyễn Văn An", "phone": "0912 345 678",
           "province": "lam-dong", "ward": "Phường Xuân Hương - Đà Lạt", "street": "12 Trần Phú",
           "payment_method": "cod"}


def cart_lines(html: bytes) -> list[str]:
    """The ids of the cart's lines, in the page's order."""
    return list(dict.fromkeys(re.findall(r'name="line" value="([^"]+)"', html.decode())))
