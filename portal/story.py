"""The producer's story: their own page in Saleor (text, photos, location, contact) and every change to it.

The page is always the signed-in producer's, found in Saleor by the slug derived from their registry producer
(``access.page_slug``) at the time of the request; nothing in a form names it. The text comes from the portal's
editor as simple HTML (with JavaScript) or as plain text with blank lines between paragraphs (without), is
sanitised with nh3 and stored as Saleor's EditorJS JSON in the page's ``content``; the shop sanitises it again
when it renders it (``storefront.richtext``). Every change is a ``PortalChange`` with its before and after.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser
from typing import Any

import nh3
from django.utils.safestring import SafeString, mark_safe

from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor import producer_story as saleor_story
from catalog_sync.saleor.producer_story import PageState, Photo

from .access import page_slug
from .editorjs import INLINE_TAGS, URL_SCHEMES, document_blocks
from .models import PortalChange, ProducerAccount

MAX_PHOTOS = 12
_BLOCK_TAGS = {"p", "div", "h2", "h3", "h4", "ul", "ol", "li", "blockquote"}
_EDITABLE = {"paragraph", "header", "list"}
_EMPTY_LINK = re.compile(r"<a>(.*?)</a>", re.DOTALL)
_BLOCK_START = re.compile(r"<\s*(p|div|h[2-4]|ul|ol|li|blockquote|br)\b", re.IGNORECASE)


class NoPage(Exception):
    """The producer has no page in the store (yet), or the slug names a page that is not a producer's."""


def inline(html: str) -> str:
    """Inline HTML reduced to harmless tags (bold, italic, links to http(s), mailto and tel); a link whose address
    was refused (``javascript:``) keeps its words and stops being a link."""
    clean = nh3.clean(html, tags=INLINE_TAGS, attributes={"a": {"href"}}, url_schemes=URL_SCHEMES,
                      link_rel=None, strip_comments=True)
    return _EMPTY_LINK.sub(r"\1", clean).strip()


# --- text <-> EditorJS ------------------------------------------------------------------------------------


class _Blocks(HTMLParser):
    """Turns sanitised block HTML (``<p>``, ``<h2>``, ``<ul><li>``…) into EditorJS blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict[str, Any]] = []
        self.kind: str | None = None  # "paragraph", "header", "list"
        self.level = 2
        self.ordered = False
        self.parts: list[str] = []
        self.items: list[str] = []
        self.spans: list[str] = []  # what each open <span> became: a browser's editor may style instead of tag

    def _flush_text(self) -> None:
        text = inline("".join(self.parts))
        self.parts = []
        text = re.sub(r"^(<br>\s*)+|(\s*<br>)+$", "", text)
        if not text:
            return
        if self.kind == "list":
            self.items.append(text)
        elif self.kind == "header":
            self.blocks.append({"type": "header", "data": {"text": text, "level": self.level}})
        else:
            self.blocks.append({"type": "paragraph", "data": {"text": text}})

    def _end_list(self) -> None:
        self._flush_text()
        if self.items:
            self.blocks.append({"type": "list", "data": {"style": "ordered" if self.ordered else "unordered",
                                                         "items": self.items}})
        self.items = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self._end_list() if self.kind == "list" else self._flush_text()
            self.kind, self.ordered = "list", tag == "ol"
        elif tag == "li":
            self._flush_text()
        elif tag in ("p", "div", "blockquote", "h2", "h3", "h4"):
            if self.kind == "list":
                self._flush_text()  # a paragraph inside a list item: a new item
                return
            self._flush_text()
            self.kind = "header" if tag.startswith("h") else "paragraph"
            self.level = int(tag[1]) if tag.startswith("h") else 2
        elif tag == "br":
            self.parts.append("<br>")
        elif tag == "span":
            style = (dict(attrs).get("style") or "").replace(" ", "").lower()
            tags = [t for t, on in (("b", re.search(r"font-weight:(bold|[6-9]00)", style)),
                                    ("i", "font-style:italic" in style)) if on]
            self.spans.append("".join(f"</{t}>" for t in reversed(tags)))
            self.parts.append("".join(f"<{t}>" for t in tags))
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.parts.append(f'<a href="{escape(href, quote=True)}">')
        elif tag in INLINE_TAGS:
            self.parts.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self._end_list()
            self.kind = None
        elif tag == "li":
            self._flush_text()
        elif tag in ("p", "div", "blockquote", "h2", "h3", "h4"):
            self._flush_text()
            if self.kind != "list":
                self.kind = None
        elif tag == "span" and self.spans:
            self.parts.append(self.spans.pop())
        elif tag in INLINE_TAGS and tag != "br":
            self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        # a browser's editor keeps typed spaces as no-break spaces (&nbsp;): they are plain spaces here
        self.parts.append(escape(data.replace("\xa0", " "), quote=False))

    def close(self) -> None:
        super().close()
        self._end_list() if self.kind == "list" else self._flush_text()


def _blocks_from_html(html: str) -> list[dict[str, Any]]:
    # a span keeps only its weight and slant (bold, italic), which become <b> and <i>; nothing else of a style
    clean = nh3.clean(html, tags=INLINE_TAGS | _BLOCK_TAGS | {"span"}, attributes={"a": {"href"}, "span": {"style"}},
                      url_schemes=URL_SCHEMES, strip_comments=True, link_rel=None,
                      filter_style_properties={"font-weight", "font-style"})
    parser = _Blocks()
    parser.feed(clean)
    parser.close()
    return parser.blocks


_BULLET = re.compile(r"^\s*[-*•]\s+")
_NUMBER = re.compile(r"^\s*\d+[.)]\s+")
_HEADING = re.compile(r"^\s*(#{2,4})\s+")


def _blocks_from_text(text: str) -> list[dict[str, Any]]:
    """Plain text: a blank line between paragraphs; ``## `` starts a heading, ``- `` or ``1. `` a list item."""
    blocks: list[dict[str, Any]] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        heading = _HEADING.match(lines[0])
        if heading and len(lines) == 1:
            body = inline(lines[0][heading.end():])
            if body:
                blocks.append({"type": "header", "data": {"text": body, "level": len(heading.group(1))}})
            continue
        for pattern, style in ((_BULLET, "unordered"), (_NUMBER, "ordered")):
            if all(pattern.match(line) for line in lines):
                items = [item for item in (inline(pattern.sub("", line, count=1)) for line in lines) if item]
                if items:
                    blocks.append({"type": "list", "data": {"style": style, "items": items}})
                break
        else:
            body = inline("<br>".join(line.strip() for line in lines))
            if body:
                blocks.append({"type": "paragraph", "data": {"text": body}})
    return blocks


def blocks_from_story(story: str) -> list[dict[str, Any]]:
    """The story field as EditorJS blocks: the editor's HTML, or plain text typed without JavaScript."""
    return _blocks_from_html(story) if _BLOCK_START.search(story) else _blocks_from_text(story)


def _editable(block: dict[str, Any]) -> bool:
    data = block.get("data")
    if block.get("type") not in _EDITABLE or not isinstance(data, dict):
        return False
    if block["type"] == "list":
        items = data.get("items")
        return isinstance(items, list) and all(isinstance(item, str) for item in items)
    return isinstance(data.get("text"), str)


def _plain(html: str) -> str:
    """Inline HTML as the textarea shows it: line breaks as new lines, entities as characters."""
    return unescape(re.sub(r"<br\s*/?>", "\n", inline(html)))


def story_text(content: str | None) -> str:
    """The story as the plain-text field shows it (what a person without JavaScript edits)."""
    parts = []
    for block in filter(_editable, document_blocks(content)):
        data = block["data"]
        if block["type"] == "header":
            level = data.get("level") if data.get("level") in (2, 3, 4) else 2
            parts.append(f"{'#' * level} {_plain(data['text'])}")
        elif block["type"] == "list":
            ordered = data.get("style") == "ordered"
            parts.append("\n".join(f"{n}. {_plain(item)}" if ordered else f"- {_plain(item)}"
                                   for n, item in enumerate(data["items"], start=1)))
        else:
            parts.append(_plain(data["text"]))
    return "\n\n".join(part for part in parts if part.strip())


def editor_html(content: str | None) -> SafeString:
    """The story as the rich-text editor starts with (sanitised HTML of the editable blocks)."""
    parts = []
    for block in filter(_editable, document_blocks(content)):
        data = block["data"]
        if block["type"] == "header":
            level = data.get("level") if data.get("level") in (2, 3, 4) else 2
            parts.append(f"<h{level}>{inline(data['text'])}</h{level}>")
        elif block["type"] == "list":
            tag = "ol" if data.get("style") == "ordered" else "ul"
            parts.append(f"<{tag}>" + "".join(f"<li>{inline(item)}</li>" for item in data["items"]) + f"</{tag}>")
        else:
            parts.append(f"<p>{inline(data['text'])}</p>")
    return mark_safe("".join(parts))  # noqa: S308 -- every piece went through nh3 (inline) just now


def new_content(current: str | None, story: str) -> str:
    """The page's new EditorJS document: the edited text, then any block the editor does not edit (an image or a
    table staff put there), kept as it was."""
    kept = [block for block in document_blocks(current) if not _editable(block)]
    return json.dumps({"blocks": [*blocks_from_story(story), *kept]}, ensure_ascii=False)


# --- the producer's page ------------------------------------------------------------------------------------


def their_page(account: ProducerAccount, client: SaleorClient) -> PageState:
    """The signed-in producer's page as Saleor holds it now; ``NoPage`` when the store has none for them."""
    state = saleor_story.page_state(client, page_slug(account))
    if state is None or state.page_type != "producer":
        raise NoPage(page_slug(account))
    return state


def _record(account: ProducerAccount, state: PageState, field: str, before: str, after: str) -> PortalChange:
    return PortalChange.record(account, object_type="page", object_id=state.id, name=state.title, field=field,
                               before=before, after=after)


@dataclass(frozen=True)
class StoryEdit:
    story: str
    location: str
    phone: str
    email: str


def change_story(account: ProducerAccount, edit: StoryEdit, client: SaleorClient) -> list[PortalChange]:
    """Write what differs from what Saleor holds now (text, location, phone, email); each change is recorded."""
    state = their_page(account, client)
    content = new_content(state.content, edit.story)
    text_before, text_after = story_text(state.content), story_text(content)
    contact = {field: value for field, value in (("location", edit.location), ("phone", edit.phone),
                                                 ("email", edit.email)) if value != getattr(state, field)}
    story_changed = text_before != text_after
    if not story_changed and not contact:
        return []
    after = saleor_story.update_page(client, state, content=content if story_changed else None, contact=contact)
    changes = []
    if story_changed:
        changes.append(_record(account, state, "story", text_before, story_text(after.content)))
    for field in contact:
        changes.append(_record(account, state, field, getattr(state, field), getattr(after, field)))
    return changes


def _write_photos(account: ProducerAccount, client: SaleorClient, state: PageState,
                  photos: list[Photo]) -> PortalChange:
    after = saleor_story.set_photos(client, state, photos)
    as_text = saleor_story.photos_to_metadata
    return _record(account, state, "photos", as_text(state.photos), as_text(after.photos))


class TooManyPhotos(Exception):
    pass


def add_photo(account: ProducerAccount, client: SaleorClient, *, content: bytes, content_type: str, extension: str,
              alt: str) -> PortalChange:
    """Upload a photo to Saleor and put it last on the producer's page."""
    state = their_page(account, client)
    if len(state.photos) >= MAX_PHOTOS:
        raise TooManyPhotos(MAX_PHOTOS)
    url = saleor_story.upload_photo(client, filename=f"{state.slug}.{extension}", content=content,
                                    content_type=content_type)
    return _write_photos(account, client, state, [*state.photos, Photo(url, alt)])


class NotTheirPhoto(Exception):
    """The photo named is not on the producer's page (another producer's, or gone)."""


def change_photo(account: ProducerAccount, client: SaleorClient, *, url: str, action: str,
                 alt: str = "") -> PortalChange | None:
    """``action``: ``save`` (its alt text), ``up``, ``down`` or ``remove`` one of the producer's photos, named by
    its URL on their own page as Saleor holds it now. Returns None when nothing changes."""
    state = their_page(account, client)
    photos = list(state.photos)
    index = next((n for n, photo in enumerate(photos) if photo.url == url), None)
    if index is None:
        raise NotTheirPhoto(url)
    if action == "remove":
        del photos[index]
    elif action == "up" and index > 0:
        photos[index - 1], photos[index] = photos[index], photos[index - 1]
    elif action == "down" and index < len(photos) - 1:
        photos[index + 1], photos[index] = photos[index], photos[index + 1]
    elif action == "save":
        photos[index] = Photo(url, alt)
    if photos == list(state.photos):
        return None
    return _write_photos(account, client, state, photos)
