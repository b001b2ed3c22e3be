"""The crowd load test's own arithmetic: percentiles and the pass criteria read from recorded events."""

from __future__ import annotations

import datetime

import pytest

from benchmarks.crowd_figures import Hit, Order, Rush, Withdrawn, percentile, report, verdicts

COMMIT = datetime.datetime(2026, 12, 7, 10, 0, 0, tzinfo=datetime.UTC)


@pytest.fixture
def make_order():
    def make(number: int, seconds_after_commit: float, *products: int, payment: str = "cod") -> Order:
        return Order(number, COMMIT + datetime.timedelta(seconds=seconds_after_commit), frozenset(products), payment)
    return make


@pytest.fixture
def make_rush():
    def make(outcomes: tuple[str, ...], quantity: int = 10, allocated: int = 10) -> Rush:
        return Rush(product_id=7, stock=10, outcomes=outcomes, quantity=quantity, allocated=allocated)
    return make


def ok_hit(status: int = 200) -> Hit:
    return Hit("/products/", "catalogue", 0.0, 0.05, status)


def by_name(results):
    return {verdict.name: verdict for verdict in results}


def test_percentiles_interpolate_between_the_nearest_ranks():
    # given the response times 1..10 ms (shuffled)
    values = [7.0, 1.0, 10.0, 3.0, 5.0, 2.0, 9.0, 4.0, 8.0, 6.0]
    # then the median lies between 5 and 6, p95 and p99 between 9 and 10, and the ends are the extremes
    assert percentile(values, 50) == pytest.approx(5.5)
    assert percentile(values, 95) == pytest.approx(9.55)
    assert percentile(values, 99) == pytest.approx(9.91)
    assert (percentile(values, 0), percentile(values, 100), percentile([4.0], 99)) == (1.0, 10.0, 4.0)
    # and no values, or a share outside 0-100, is refused
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)
    with pytest.raises(ValueError, match="101"):
        percentile(values, 101)


def test_a_crowd_without_5xx_late_orders_or_overselling_passes(make_order, make_rush):
    # given 10 rush orders for product 7, one order for the withdrawn product 3 within 10 s of the commit
    orders = [make_order(n, -60, 7) for n in range(1, 11)] + [make_order(11, 9.9, 3, 5)]
    rush = make_rush(("order",) * 10 + ("out of stock",) * 20)
    # when the criteria are read
    results = verdicts([ok_hit(), ok_hit(303), ok_hit(404)], orders, [Withdrawn(3, "Nước mắm", COMMIT)], rush)
    # then every one passes
    assert [(v.name, v.passed) for v in results] == [
        ("no 5xx", True), ("no order for a withdrawn product after its commit + 10 s", True),
        ("no stock oversold", True)]
    assert "20 told \"hết hàng\"" in by_name(results)["no stock oversold"].detail


def test_a_5xx_or_an_order_for_a_withdrawn_product_past_ten_seconds_fails(make_order, make_rush):
    # given one 502 and an order for withdrawn product 3 placed 10.5 s after the commit
    orders = [make_order(n, -60, 7) for n in range(1, 11)] + [make_order(42, 10.5, 5, 3)]
    rush = make_rush(("order",) * 10 + ("out of stock",) * 20)
    # when the criteria are read
    results = by_name(verdicts([ok_hit(), ok_hit(502), ok_hit(502)], orders,
                               [Withdrawn(3, "Nước mắm", COMMIT)], rush))
    # then both fail, naming the status and the order
    assert not results["no 5xx"].passed and results["no 5xx"].detail == "2 × 502"
    late = results["no order for a withdrawn product after its commit + 10 s"]
    assert not late.passed and "order 42 at 2026-12-07T10:00:10.500000+00:00 for Nước mắm" in late.detail


def test_more_orders_than_stock_or_a_shopper_not_told_it_is_sold_out_fails(make_order, make_rush):
    # given 11 orders for the 10 in stock (Saleor allocated 11)
    orders = [make_order(n, -60, 7) for n in range(1, 12)]
    oversold = verdicts([], orders, [Withdrawn(3, "x", COMMIT)], make_rush(
        ("order",) * 11 + ("out of stock",) * 19, allocated=11))
    # or 10 orders but one shopper shown another refusal than "hết hàng"
    busy = verdicts([], orders[:10], [Withdrawn(3, "x", COMMIT)], make_rush(
        ("order",) * 10 + ("out of stock",) * 19 + ("409 (busy) without \"hết hàng\"",)))
    # then the stock criterion fails both times
    assert not by_name(oversold)["no stock oversold"].passed
    assert "11 orders in Saleor" in by_name(oversold)["no stock oversold"].detail
    assert not by_name(busy)["no stock oversold"].passed
    assert "1 409 (busy) without \"hết hàng\"" in by_name(busy)["no stock oversold"].detail


def test_criteria_that_were_not_exercised_fail():
    # given a run in which nothing was withdrawn and the rush never happened
    results = by_name(verdicts([ok_hit()], [], [], None))
    # then neither criterion passes by default
    assert not results["no order for a withdrawn product after its commit + 10 s"].passed
    assert not results["no stock oversold"].passed


def test_the_report_gives_rates_by_page_and_percentiles_by_step(make_order):
    # given 4 catalogue requests and 2 failed checkouts in 2 seconds
    failed = Hit("/checkout/", "checkout: place order (COD)", 1.0, 0.4, None, "timeout")
    hits = [ok_hit() for _ in range(4)] + [failed, failed]
    # when the figures are printed
    lines = report(hits, 2.0, [make_order(1, 0, 7), make_order(2, 0, 8, payment="card")], [("web (gunicorn)", 1.0)])
    # then each page has its rate, each step its percentiles (answered requests only), each error its count
    assert "/products/                                        4    2.00" in lines
    assert "/checkout/                                        2    1.00" in lines
    assert any(line.startswith("catalogue") and line.split()[1:] == ["4", "50", "50", "50"] for line in lines)
    assert "      2 × timeout (checkout: place order (COD))" in lines
    assert "orders placed: 2 (card 1, cod 1)" in lines
    assert "web (gunicorn)                                  1.0            50%" in lines
