"""The crowd load test's figures and pass criteria, from what it recorded (pure: standard library only).

``benchmarks/crowd.py`` records every request a shopper made (``Hit``), every order Saleor holds at the end
(``Order``), every withdrawal the plugin committed (``Withdrawn``) and each rush shopper's outcome; ``verdicts``
turns them into the pass criteria of the crowd, ``report`` into the printed figures.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

GRACE = datetime.timedelta(seconds=10)  # an order for a withdrawn product is allowed this long after the commit


@dataclass(frozen=True)
class Hit:
    """One request: the page it asked for (its route), the shopper's step, when and how long, and how it ended."""

    page: str
    step: str
    started: float  # seconds since the load began
    seconds: float
    status: int | None  # None: no answer (``error`` says why)
    error: str = ""  # "" when the answer was what the step expects; else its kind ("5xx 502", "timeout", ...)


@dataclass(frozen=True)
class Order:
    number: int
    created_at: datetime.datetime  # aware, as Saleor recorded it
    product_ids: frozenset[int]
    payment: str = ""  # "cod", "card" or "" (unknown)


@dataclass(frozen=True)
class Withdrawn:
    product_id: int
    name: str
    committed_at: datetime.datetime  # aware: when the plugin's run that withdrew it ended (its commit)


@dataclass(frozen=True)
class Rush:
    """The shoppers who tried to buy the product with ``stock`` units at once, and what each saw."""

    product_id: int
    stock: int
    outcomes: tuple[str, ...]  # per shopper: "order", "out of stock" (shown beside the line), or what else
    quantity: int  # Saleor's stock of the product afterwards
    allocated: int


@dataclass(frozen=True)
class Verdict:
    name: str
    passed: bool
    detail: str


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0-100) percentile with linear interpolation between the two nearest ranks (as
    ``numpy.percentile`` by default); ValueError for no values or a share outside 0-100."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= share <= 100:
        raise ValueError(f"share {share} is not between 0 and 100")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * share / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def late_orders(orders: Iterable[Order], withdrawn: Iterable[Withdrawn]) -> list[tuple[Order, Withdrawn]]:
    """Orders holding a withdrawn product, created later than that withdrawal's commit plus ``GRACE``."""
    by_product = {item.product_id: item for item in withdrawn}
    found = []
    for order in orders:
        for product_id in sorted(order.product_ids):
            item = by_product.get(product_id)
            if item is not None and order.created_at > item.committed_at + GRACE:
                found.append((order, item))
    return found


def verdicts(hits: Sequence[Hit], orders: Sequence[Order], withdrawn: Sequence[Withdrawn],
             rush: Rush | None) -> list[Verdict]:
    """The crowd's pass criteria: no 5xx, no order for a withdrawn product past its commit plus ``GRACE``, and
    the rushed product sold exactly as many times as it had in stock, every other shopper told it is out."""
    server_errors = Counter(hit.status for hit in hits if hit.status is not None and hit.status >= 500)
    results = [Verdict("no 5xx", not server_errors,
                       "none" if not server_errors else ", ".join(f"{count} × {status}" for status, count in
                                                                   sorted(server_errors.items())))]
    late = late_orders(orders, withdrawn)
    if not withdrawn:
        results.append(Verdict("no order for a withdrawn product after its commit + 10 s", False,
                               "nothing was withdrawn: the criterion was not exercised"))
    else:
        results.append(Verdict(
            "no order for a withdrawn product after its commit + 10 s", not late,
            f"{len(withdrawn)} withdrawn; " + ("no late order" if not late else "; ".join(
                f"order {order.number} at {order.created_at.isoformat()} for {item.name} (committed "
                f"{item.committed_at.isoformat()})" for order, item in late))))
    if rush is None:
        results.append(Verdict("no stock oversold", False, "the rush did not happen"))
    else:
        sold = sum(1 for order in orders if rush.product_id in order.product_ids)
        told = Counter(rush.outcomes)
        others = {kind: count for kind, count in told.items() if kind not in {"order", "out of stock"}}
        passed = (sold == rush.stock and told["order"] == rush.stock and rush.allocated <= rush.quantity
                  and not others)
        detail = (f"{len(rush.outcomes)} shoppers at once for {rush.stock} in stock: {sold} orders in Saleor, "
                  f"{told['order']} confirmations, {told['out of stock']} told \"hết hàng\""
                  + ("".join(f", {count} {kind}" for kind, count in sorted(others.items())))
                  + f"; Saleor's stock afterwards: quantity {rush.quantity}, allocated {rush.allocated}")
        results.append(Verdict("no stock oversold", passed, detail))
    return results


def step_table(hits: Sequence[Hit]) -> list[tuple[str, int, float, float, float]]:
    """Per step: (step, requests, p50, p95, p99 in milliseconds), answered requests only, by first appearance."""
    times: dict[str, list[float]] = defaultdict(list)
    for hit in hits:
        if hit.status is not None:
            times[hit.step].append(hit.seconds * 1000)
    return [(step, len(values), percentile(values, 50), percentile(values, 95), percentile(values, 99))
            for step, values in times.items()]


def rates(hits: Sequence[Hit], seconds: float) -> list[tuple[str, int, float]]:
    """Per page: (page, requests, requests per second over ``seconds``), busiest first."""
    counts = Counter(hit.page for hit in hits)
    return [(page, count, count / seconds) for page, count in counts.most_common()]


def errors(hits: Sequence[Hit]) -> list[tuple[str, str, int]]:
    """(kind, step, count) of every request that did not end as its step expects, commonest first."""
    counts = Counter((hit.error, hit.step) for hit in hits if hit.error)
    return [(kind, step, count) for (kind, step), count in counts.most_common()]


def report(hits: Sequence[Hit], seconds: float, orders: Sequence[Order],
           cpu: Sequence[tuple[str, float]]) -> list[str]:
    """The figures as printed lines."""
    lines = [f"requests: {len(hits)} in {seconds:.0f} s ({len(hits) / seconds:.1f}/s)", "",
             f"{'page':42} {'requests':>8} {'per s':>7}"]
    lines += [f"{page:42} {count:8d} {rate:7.2f}" for page, count, rate in rates(hits, seconds)]
    lines += ["", f"{'step (under load)':42} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"]
    lines += [f"{step:42} {count:6d} {p50:8.0f} {p95:8.0f} {p99:8.0f}" for step, count, p50, p95, p99
              in step_table(hits)]
    found = errors(hits)
    lines += ["", "errors by kind: " + ("none" if not found else "")]
    lines += [f"  {count:5d} × {kind} ({step})" for kind, step, count in found]
    payments = Counter(order.payment or "unknown" for order in orders)
    lines += ["", f"orders placed: {len(orders)} (" + ", ".join(f"{kind} {count}" for kind, count in
                                                              sorted(payments.items())) + ")"]
    lines += ["", f"{'CPU by process (during the load)':42} {'seconds':>8} {'% of one core':>14}"]
    lines += [f"{name:42} {used:8.1f} {100 * used / seconds:13.0f}%" for name, used in cpu]
    return lines
