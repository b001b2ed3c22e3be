"""Two producers of one name in two provinces, as the registry keeps them (tier 1 and tier 2 use the same)."""

from __future__ import annotations

import datetime

NAME = "HTX Nông nghiệp Tân Phú"
ON = "2026-11-22"  # the day the import runs of 22_same_name_split were recorded for
COFFEE_ID, COFFEE = "LD-2025-0311", "Cà phê Robusta Tân Phú"
TEA_ID, TEA = "TQ-2025-0312", "Chè xanh Tân Phú"
HONEY_ID, HONEY = "TQ-2023-0313", "Mật ong Tân Phú"  # Tuyên Quang's too; its last valid day 10/05/2026
BEFORE = "2026-01-01"  # a day all three were valid: the store was imported then


def namesakes(make_certificate):
    """The certificates (coffee of Lâm Đồng's producer; tea and honey, expired by ON, of Tuyên Quang's), both
    producers named NAME."""
    coffee = make_certificate(id=COFFEE_ID, product_name=COFFEE, producer=NAME, province="lam-dong",
                              issued_on=datetime.date(2025, 3, 10), decision_no="410/QĐ-UBND",
                              product_set="ca-phe-ca-cao")
    tea = make_certificate(id=TEA_ID, product_name=TEA, producer=NAME, province="tuyen-quang",
                           issued_on=datetime.date(2025, 3, 12), decision_no="411/QĐ-UBND",
                           product_set="che-tuoi-che-bien")
    make_certificate(id=HONEY_ID, product_name=HONEY, producer=NAME, province="tuyen-quang",
                     issued_on=datetime.date(2023, 5, 10), decision_no="150/QĐ-UBND",
                     product_set="mat-ong-nong-san-khac")
    return coffee, tea
