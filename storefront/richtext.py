"""Saleor's rich text (EditorJS JSON) rendered to HTML that is safe to put on a page.

Saleor stores product descriptions, page contents and collection descriptions as EditorJS
documents whose blocks carry inline HTML (``<b>``, ``<i>``, ``<a>``). Every block is turned
into plain markup here and the whole result goes through nh3 (Ammonia) with a short list of
tags, attributes and URL schemes: no script, event handler, ``javascript:`` URL, style
attribute or unknown tag survives, whatever the document holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape, unescape
from typing import Any

import nh3
from django.utils.safestring import SafeString, mark_safe

_SAFE_IMAGE_URL = re.compile(r"https?://[^\s\"'<>`\\]{1,2000}")

MAX_SOURCE_CHARS = 200_000  # a story longer than this is cut, never parsed whole
_INLINE_TAGS = {"b", "strong", "i", "em", "u", "s", "mark", "code", "a", "br", "sub", "sup"}
_BLOCK_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "hr",
               "table", "thead", "tbody", "tr", "th", "td", "cite"}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope"},
}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _clean(html: str, tags: set[str]) -> str:
    return nh3.clean(
        html,
        tags=tags,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def _inline(value: Any) -> str:
    """A block's inline HTML, reduced to harmless inline tags."""
    return _clean(value if isinstance(value, str) else "", _INLINE_TAGS)


def _list_items(items: Iterable[Any], tag: str) -> str:
    parts = []
    for item in items:
        if isinstance(item, dict):  # nested list plugin: {"content": ..., "items": [...]}
            nested = item.get("items") or []
            inner = _list_items(nested, tag) if isinstance(nested, list) and nested else ""
            parts.append(f"<li>{_inline(item.get('content', ''))}{inner}</li>")
        else:
            parts.append(f"<li>{_inline(item)}</li>")
    return f"<{tag}>{''.join(parts)}</{tag}>" if parts else ""


def _image(data: dict[str, Any]) -> str:
    file = data.get("file") if isinstance(data.get("file"), dict) else {}
    url = (file or {}).get("url") or data.get("url") or ""
    if not isinstance(url, str) or not _SAFE_IMAGE_URL.fullmatch(url):
        return ""
    caption = _inline(data.get("caption", ""))
    alt = escape(unescape(nh3.clean(caption, tags=set())), quote=True)
    size = ""
    width, height = (file or {}).get("width"), (file or {}).get("height")
    if isinstance(width, int) and isinstance(height, int) and width > 0 and height > 0:
        size = f' width="{width}" height="{height}"'
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure><img src="{escape(url, quote=True)}" alt="{alt}"{size} loading="lazy">{figcaption}</figure>'


def _table(data: dict[str, Any]) -> str:
    rows = data.get("content")
    if not isinstance(rows, list):
        return ""
    html_rows = []
    for index, row in enumerate(rows):
        if not isinstance(row, list):
            continue
        cell = "th" if index == 0 and data.get("withHeadings") else "td"
        html_rows.append("<tr>" + "".join(f"<{cell}>{_inline(value)}</{cell}>" for value in row) + "</tr>")
    return f"<table><tbody>{''.join(html_rows)}</tbody></table>" if html_rows else ""


def _block(block: dict[str, Any]) -> str:
    kind = block.get("type")
    data = block.get("data") if isinstance(block.get("data"), dict) else {}
    assert isinstance(data, dict)
    if kind == "paragraph":
        text = _inline(data.get("text", ""))
        return f"<p>{text}</p>" if text.strip() else ""
    if kind == "header":
        level = data.get("level")
        # the page's own heading is the h1: the document's headings sit below it
        tag = f"h{min(max(level if isinstance(level, int) else 2, 1) + 1, 4)}"
        return f"<{tag}>{_inline(data.get('text', ''))}</{tag}>"
    if kind in {"list", "nestedList", "checklist"}:
        items = data.get("items")
        tag = "ol" if data.get("style") == "ordered" else "ul"
        if kind == "checklist" and isinstance(items, list):
            items = [item.get("text", "") if isinstance(item, dict) else item for item in items]
        return _list_items(items, tag) if isinstance(items, list) else ""
    if kind == "quote":
        caption = _inline(data.get("caption", ""))
        cite = f"<cite>{caption}</cite>" if caption else ""
        return f"<blockquote><p>{_inline(data.get('text', ''))}</p>{cite}</blockquote>"
    if kind == "delimiter":
        return "<hr>"
    if kind == "image":
        return _image(data)
    if kind == "table":
        return _table(data)
    return ""  # embeds, raw HTML and unknown blocks are never rendered


def render_editorjs(source: str | None) -> SafeString:
    """Safe HTML for an EditorJS document (a JSON string); "" when there is nothing to show."""
    if not source:
        return SafeString("")
    try:
        document = json.loads(source[:MAX_SOURCE_CHARS])
    except ValueError:
        return SafeString("")
    blocks = document.get("blocks") if isinstance(document, dict) else None
    if not isinstance(blocks, list):
        return SafeString("")
    html = "".join(_block(block) for block in blocks if isinstance(block, dict))
    return mark_safe(_clean(html, _INLINE_TAGS | _BLOCK_TAGS))  # noqa: S308 -- sanitised by nh3 just now


def plain_text(source: str | None, limit: int = 300) -> str:
    """The document's text without markup, for meta descriptions and cards."""
    text = nh3.clean(render_editorjs(source).replace("</p>", "</p> ").replace("</li>", "</li> "), tags=set())
    text = " ".join(unescape(text).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
