"""A product description as the producer edits it, and as Saleor stores it (EditorJS JSON).

The form's ``description`` field holds the editor's text: blocks separated by a blank line, each a
paragraph of text with inline markup (``<b>``, ``<i>``, ``<a href>``…), a heading (``<h2>``, ``<h3>``), a
list (``<ul>``/``<ol>`` of ``<li>``) or a quotation (``<blockquote>``). Without JavaScript it is a plain
text area: plain text with blank lines between paragraphs is what most people type, and it is enough.
With JavaScript (``static/portal/editor.js``) the same field is filled from a small rich-text editor.

Whatever arrives is sanitised with nh3 before it is turned into blocks: no script, event handler, style,
``javascript:`` URL or unknown tag reaches Saleor; the shop sanitises again when it renders
(``storefront.richtext``).
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from typing import Any

import nh3

from .editorjs import INLINE_TAGS, URL_SCHEMES, document_blocks

MAX_CHARS = 20_000  # the form refuses more (a description, not a book)
MAX_BLOCKS = 200

BLOCK_TAGS = {"p", "div", "h2", "h3", "ul", "ol", "li", "blockquote"}  # div: what some editors make of a paragraph
_ATTRIBUTES = {"a": {"href", "title"}}
_LINK_REL = "noopener noreferrer nofollow"


def clean_inline(text: str) -> str:
    """Inline HTML reduced to harmless inline tags (nh3)."""
    return nh3.clean(text, tags=INLINE_TAGS, attributes=_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=_LINK_REL,
                     strip_comments=True).strip()


def _paragraphs(text: str) -> list[dict[str, Any]]:
    """Loose text: a blank line starts a new paragraph, a single line break stays a line break."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in chunk.split("\n")]
        inline = clean_inline("<br>".join(line for line in lines if line))
        if inline and inline.replace("<br>", "").strip():
            blocks.append({"type": "paragraph", "data": {"text": inline}})
    return blocks


class _Blocks(HTMLParser):
    """Splits sanitised HTML into EditorJS blocks at its top-level block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[dict[str, Any]] = []
        self.loose: list[str] = []  # text outside any block element
        self.block: str | None = None  # the top-level block element being read
        self.depth = 0
        self.buffer: list[str] = []
        self.items: list[str] = []

    def _flush_loose(self) -> None:
        if self.loose:
            self.blocks += _paragraphs("".join(self.loose))
            self.loose = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.block is None and tag in BLOCK_TAGS - {"li"}:
            self._flush_loose()
            self.block, self.depth, self.buffer, self.items = tag, 1, [], []
            return
        if self.block is not None and tag == self.block:
            self.depth += 1
        if self.block in {"ul", "ol"} and tag == "li":
            self._end_item()
            return
        if tag in BLOCK_TAGS:
            if self.block is not None:
                self._text(" ")
            return
        rendered = self.get_starttag_text() or ""
        self._text(rendered)

    def handle_endtag(self, tag: str) -> None:
        if self.block is not None and tag == self.block:
            self.depth -= 1
            if self.depth == 0:
                self._end_block()
                return
        if self.block in {"ul", "ol"} and tag == "li":
            self._end_item()
            return
        if tag in BLOCK_TAGS:
            return
        self._text(f"</{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._text("<br>")

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def _text(self, text: str) -> None:
        (self.buffer if self.block is not None else self.loose).append(text)

    def _end_item(self) -> None:
        item = clean_inline("".join(self.buffer))
        if item:
            self.items.append(item)
        self.buffer = []

    def _end_block(self) -> None:
        kind, self.block = self.block, None
        if kind in {"ul", "ol"}:
            self._end_item()
            if self.items:
                self.blocks.append({"type": "list", "data": {
                    "style": "ordered" if kind == "ol" else "unordered", "items": self.items}})
            return
        text = clean_inline("".join(self.buffer))
        if not text:
            return
        if kind in {"h2", "h3"}:
            self.blocks.append({"type": "header", "data": {"text": text, "level": int(kind[1])}})
        elif kind == "blockquote":
            self.blocks.append({"type": "quote", "data": {"text": text, "caption": "", "alignment": "left"}})
        else:
            self.blocks.append({"type": "paragraph", "data": {"text": text}})

    def close(self) -> None:
        super().close()
        if self.block is not None:
            self.depth = 1
            self.handle_endtag(self.block)
        self._flush_loose()


def to_editorjs(text: str) -> str | None:
    """The editor's text as an EditorJS document (JSON), sanitised; None when nothing is left."""
    cleaned = nh3.clean(text[:MAX_CHARS], tags=INLINE_TAGS | BLOCK_TAGS, attributes=_ATTRIBUTES,
                        url_schemes=URL_SCHEMES, link_rel=_LINK_REL, strip_comments=True)
    parser = _Blocks()
    parser.feed(cleaned)
    parser.close()
    blocks = parser.blocks[:MAX_BLOCKS]
    return json.dumps({"blocks": blocks}, ensure_ascii=False) if blocks else None


def _list_text(items: Any) -> list[str]:
    texts = []
    for item in items if isinstance(items, list) else []:
        content = item.get("content", "") if isinstance(item, dict) else item
        if isinstance(content, str) and content.strip():
            texts.append(clean_inline(content))
    return texts


def from_editorjs(source: str | None) -> str:
    """An EditorJS document (Saleor's) as the editor's text; unknown blocks are left out."""
    parts: list[str] = []
    for block in document_blocks(source):
        if not isinstance(block.get("data"), dict):
            continue
        data, kind = block["data"], block.get("type")
        text = clean_inline(data.get("text", "")) if isinstance(data.get("text"), str) else ""
        if kind == "paragraph" and text:
            parts.append(text)
        elif kind == "header" and text:
            level = 3 if data.get("level") in (3, 4, 5, 6) else 2
            parts.append(f"<h{level}>{text}</h{level}>")
        elif kind in {"list", "nestedList"}:
            items = _list_text(data.get("items"))
            tag = "ol" if data.get("style") == "ordered" else "ul"
            if items:
                parts.append(f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>")
        elif kind == "quote" and text:
            parts.append(f"<blockquote>{text}</blockquote>")
    return "\n\n".join(parts)


def summary(source: str | None, limit: int = 200) -> str:
    """The document's words without markup, cut to ``limit`` characters (what the audit trail keeps)."""
    text = from_editorjs(source).replace("<br>", " ").replace("><", "> <")
    words = " ".join(html.unescape(nh3.clean(text, tags=set())).split())
    return words if len(words) <= limit else words[: limit - 1] + "…"
