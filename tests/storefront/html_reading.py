"""Reading rendered pages the way a browser or a search engine would: tags, attributes, JSON-LD, text."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any


class Elements(HTMLParser):
    """Every start tag with its attributes, the JSON-LD blocks and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.jsonld: list[Any] = []
        self._in_jsonld = False
        self._buffer: list[str] = []
        self._skip = 0
        self.text_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_jsonld, self._buffer = True, []
        elif tag in {"script", "style", "title"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_jsonld:
            self.jsonld.append(json.loads("".join(self._buffer)))
            self._in_jsonld = False
        elif tag in {"script", "style", "title"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self._buffer.append(data)
        elif not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def all(self, tag: str, **attributes: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag
                and all(attrs.get(key.rstrip("_")) == value for key, value in attributes.items())]


def read_html(html: str | bytes) -> Elements:
    parser = Elements()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    parser.close()
    return parser


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Inside(HTMLParser):
    def __init__(self, element_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.element_id, self.depth, self.parts, self.attributes = element_id, 0, [], None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in _VOID
        elif dict(attrs).get("id") == self.element_id:
            self.depth, self.attributes = 1, dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def text_of(html: str | bytes, element_id: str) -> str:
    """The visible text inside the element with this id, spaces collapsed."""
    parser = _Inside(element_id)
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    assert parser.attributes is not None, f"no element with id {element_id!r}"
    return " ".join(" ".join(parser.parts).split())
