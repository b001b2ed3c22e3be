"""The stock lock around ``checkoutComplete`` (storefront/buying/stocklock.py), on the real Redis."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from storefront.buying import stocklock


def test_completions_sharing_a_product_run_one_after_another_and_others_side_by_side():
    # given three orders being placed at once: two share a product, the third is of another product
    shared, other = f"UHJvZHVjdFZhcmlhbnQ6{uuid.uuid4().hex}", f"UHJvZHVjdFZhcmlhbnQ6{uuid.uuid4().hex}"
    spans: dict[str, tuple[float, float]] = {}
    start = threading.Barrier(3)

    def place(name: str, variants: list[str]) -> None:
        start.wait()
        with stocklock.variants_locked(variants):
            began = time.monotonic()
            time.sleep(0.3)
            spans[name] = (began, time.monotonic())

    threads = [threading.Thread(target=place, args=args) for args in (
        ("first", [shared]), ("second", [other, shared]), ("elsewhere", [other + "x"]))]
    # when they complete
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then the two sharing a product never ran at the same time, and the third ran beside one of them
    earlier, later = sorted([spans["first"], spans["second"]])
    assert earlier[1] <= later[0]
    c_start, c_end = spans["elsewhere"]
    assert any(c_start < end and start < c_end for start, end in (earlier, later))


def test_a_shopper_waits_only_so_long_behind_others_buying_the_same_product(monkeypatch):
    # given another order of the product being placed, and a wait of a tenth of a second
    monkeypatch.setattr(stocklock, "WAIT_SECONDS", 0.1)
    variant = f"UHJvZHVjdFZhcmlhbnQ6{uuid.uuid4().hex}"
    # when a second one is placed meanwhile, then it is told the stock is busy
    with stocklock.variants_locked([variant]), pytest.raises(stocklock.StockBusy), \
            stocklock.variants_locked([variant]):
        pass
    # and once the first is done, the product's lock is free again
    with stocklock.variants_locked([variant]):
        pass
