"""Template helpers of the shop pages: money, names in the page's language, rich text, page links."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from catalog_sync.core import formats

from .. import names, richtext
from ..jsonld import script_body

register = template.Library()


@register.filter
def money(amount: Any, currency: str = "VND") -> str:
    return formats.money(amount, currency or "VND")


@register.filter
def long_date(day: Any) -> str:
    return formats.long_date(day) if day else ""


@register.filter
def tr(record: Any, attribute: str) -> str:
    return names.translated(record, attribute)


@register.filter
def group_name(slug: str | None) -> str:
    return names.group_name(slug)


@register.filter
def set_name(slug: str | None) -> str:
    return names.set_name(slug)


@register.filter
def province_name(slug: str | None) -> str:
    return names.province_name(slug)


@register.filter
def editorjs(source: str | None) -> SafeString:
    return mark_safe(richtext.render_editorjs(source))  # noqa: S308 -- sanitised by nh3


@register.filter
def jsonld(data: dict[str, Any]) -> SafeString:
    return script_body(data)


@register.simple_tag
def product_card(card: Any) -> SafeString:
    from ..cards import card_html

    return card_html(card)


@register.simple_tag
def filter_choices(panel_filter: Any) -> SafeString:
    from ..facets import choices_html

    return choices_html(panel_filter.choices, panel_filter.parameter)


@register.simple_tag
def star_text(stars: int) -> str:
    return "★" * int(stars)


def _language_urls(request: Any, path: str) -> list[tuple[str, str]]:
    return [(code, request.build_absolute_uri(translate_url(path, code))) for code, _name in settings.LANGUAGES]


@register.simple_tag(takes_context=True)
def page_links(context: template.Context, query: str = "") -> SafeString:
    """``<link rel="canonical">`` and one ``hreflang`` alternate per language, plus ``x-default`` (Vietnamese).

    ``query`` is the page's own normalised query string (``?stars=4,5``); anything else in the
    request's query string is left out of the canonical URL.
    """
    request = context.get("request")
    if request is None:
        return SafeString("")
    path = request.path + (query or "")
    alternates = _language_urls(request, path)
    canonical = request.build_absolute_uri(path)
    links = [format_html('<link rel="canonical" href="{}">', canonical)]
    links += [format_html('<link rel="alternate" hreflang="{}" href="{}">', code, url) for code, url in alternates]
    links.append(format_html('<link rel="alternate" hreflang="x-default" href="{}">', alternates[0][1]))
    return mark_safe("\n  ".join(links))  # noqa: S308 -- each part is format_html


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> SafeString:
    """Links to this page in the other languages, each named in its own language."""
    from django.utils.translation import get_language, get_language_info

    request = context.get("request")
    if request is None:
        return SafeString("")
    current = get_language()
    full_path = request.get_full_path()
    items = [
        (translate_url(full_path, code), code, code, get_language_info(code)["name_local"])
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    return format_html_join("", '<a href="{}" lang="{}" hreflang="{}">{}</a>', items)
