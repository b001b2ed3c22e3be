"""Charts of the registry reports as inline SVG drawn on the server: no script, no style attribute
(the pages' Content-Security-Policy allows neither), readable by screen readers through their titles."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

STAR_COLOURS = ("#8fb8de", "#3a7dbf", "#1d3f6e")  # 3, 4, 5 stars
BAR = "#3a7dbf"


def _n(value: float) -> str:
    return f"{value:.1f}"


def stacked_bars(rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str], title: str,
                 colours: Sequence[str] = STAR_COLOURS) -> SafeString:
    """Horizontal bars, one per row, split into ``series``; the total at the end of each bar."""
    label_w, bar_w, row_h = 150, 360, 22
    top = 28
    largest = max((sum(v) for _, v in rows), default=0) or 1
    legend = format_html_join("", '<rect x="{}" y="6" width="12" height="12" fill="{}"/><text x="{}" y="16">{}</text>',
                              ((label_w + i * 70, colours[i], label_w + i * 70 + 16, name)
                               for i, name in enumerate(series)))
    bars = []
    for r, (label, values) in enumerate(rows):
        y = top + r * row_h
        x = float(label_w)
        parts = [format_html('<text x="{}" y="{}" text-anchor="end">{}</text>', label_w - 6, y + 15, label)]
        for i, value in enumerate(values):
            width = bar_w * value / largest
            if value:
                parts.append(format_html('<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                                         "<title>{}: {} {}</title></rect>",
                                         _n(x), y + 3, _n(width), row_h - 6, colours[i], label, value, series[i]))
            x += width
        parts.append(format_html('<text x="{}" y="{}">{}</text>', _n(x + 4), y + 15, sum(values)))
        bars.append(mark_safe("".join(parts)))  # noqa: S308 (each part is built by format_html)
    height = top + len(rows) * row_h + 4
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="{}" height="{}" '
        'font-size="12" font-family="sans-serif"><title>{}</title>{}{}</svg>',
        title, label_w + bar_w + 50, height, label_w + bar_w + 50, height, title, legend, mark_safe("".join(bars)),  # noqa: S308
    )


def columns(items: Sequence[tuple[str, int]], title: str, colour: str = BAR) -> SafeString:
    """Vertical bars, one per item, each with its count above and its label below."""
    col_w, chart_h, top = 44, 140, 16
    largest = max((v for _, v in items), default=0) or 1
    parts = []
    for i, (label, value) in enumerate(items):
        x = 10 + i * col_w
        height = chart_h * value / largest
        y = top + chart_h - height
        parts.append(format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
            '<text x="{}" y="{}" text-anchor="middle">{}</text>'
            '<text x="{}" y="{}" text-anchor="middle" font-size="10">{}</text>',
            x, _n(y), col_w - 10, _n(height), colour, label, value,
            _n(x + (col_w - 10) / 2), _n(y - 3), value, _n(x + (col_w - 10) / 2), top + chart_h + 14, label))
    width, height = 20 + len(items) * col_w, top + chart_h + 22
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="{}" height="{}" '
        'font-size="12" font-family="sans-serif"><title>{}</title>{}</svg>',
        title, width, height, width, height, title, mark_safe("".join(parts)),  # noqa: S308
    )


PAIR_COLOURS = ("#c0392b", "#2e8b57")  # withdrawn, restored


def paired_columns(items: Sequence[tuple[str, Sequence[int]]], series: Sequence[str], title: str,
                   colours: Sequence[str] = PAIR_COLOURS) -> SafeString:
    """Per item (e.g. a month), one vertical bar per series side by side, each with its count above
    it; the item's label below and a legend on top."""
    bar_w, gap, chart_h, top = 18, 12, 140, 34
    group_w = bar_w * len(series) + gap
    largest = max((v for _, values in items for v in values), default=0) or 1
    legend = format_html_join("", '<rect x="{}" y="6" width="12" height="12" fill="{}"/><text x="{}" y="16">{}</text>',
                              ((10 + i * 110, colours[i], 26 + i * 110, name) for i, name in enumerate(series)))
    parts = []
    for g, (label, values) in enumerate(items):
        x0 = 10 + g * group_w
        for i, value in enumerate(values):
            x = x0 + i * bar_w
            height = chart_h * value / largest
            y = top + chart_h - height
            if value:
                parts.append(format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} {}</title></rect>',
                    x, _n(y), bar_w - 2, _n(height), colours[i], label, value, series[i]))
            parts.append(format_html('<text x="{}" y="{}" text-anchor="middle" font-size="10">{}</text>',
                                     _n(x + (bar_w - 2) / 2), _n(y - 3), value))
        parts.append(format_html('<text x="{}" y="{}" text-anchor="middle" font-size="10">{}</text>',
                                 _n(x0 + (group_w - gap) / 2), top + chart_h + 14, label))
    width, height = max(20 + len(items) * group_w, 240), top + chart_h + 22
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="{}" height="{}" '
        'font-size="12" font-family="sans-serif"><title>{}</title>{}{}</svg>',
        title, width, height, width, height, title, legend, mark_safe("".join(parts)),  # noqa: S308
    )
