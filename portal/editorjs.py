"""What the portal's two rich-text fields (a product's description, a producer's story) share: the inline tags
and link schemes they keep, and the blocks of an EditorJS document as Saleor stores it."""

from __future__ import annotations

import json
from typing import Any

INLINE_TAGS = {"b", "strong", "i", "em", "u", "s", "a", "br"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def document_blocks(source: str | None) -> list[dict[str, Any]]:
    """The blocks of an EditorJS document (JSON) that are objects; none for anything else."""
    try:
        document = json.loads(source) if source else {}
    except ValueError:
        return []
    blocks = document.get("blocks") if isinstance(document, dict) else None
    return [b for b in blocks if isinstance(b, dict)] if isinstance(blocks, list) else []
