"""Display names of the catalogue's slugs and records in the page's language (English falls back to Vietnamese)."""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.translation import get_language

from catalog_sync.domain.groups import GROUPS, PRODUCT_SETS
from catalog_sync.domain.provinces import PROVINCES

_GROUPS = {group.slug: group for group in GROUPS}
_SETS = {product_set.slug: product_set for product_set in PRODUCT_SETS}
_PROVINCES = {province.slug: province for province in PROVINCES}
PLACEHOLDER_SIZE = (400, 400)


def is_english(language: str | None = None) -> bool:
    return (language or get_language() or "vi").startswith("en")


def translated(record: object, attribute: str, language: str | None = None) -> str:
    """``record.<attribute>_en`` on English pages when Saleor has a translation, else the Vietnamese text."""
    if is_english(language):
        value = getattr(record, f"{attribute}_en", None)
        if value:
            return str(value)
    return str(getattr(record, attribute, "") or "")


def group_name(slug: str | None, language: str | None = None) -> str:
    group = _GROUPS.get(slug or "")
    if group is None:
        return slug or ""
    return group.name_en if is_english(language) else group.name_vi


def set_name(slug: str | None, language: str | None = None) -> str:
    product_set = _SETS.get(slug or "")
    if product_set is None:
        return slug or ""
    return product_set.name_en if is_english(language) else product_set.name_vi


def province_name(slug: str | None, language: str | None = None) -> str:
    province = _PROVINCES.get(slug or "")
    if province is None:
        return slug or ""
    return province.name_en if is_english(language) else province.name


def placeholder_url(group_slug: str | None) -> str:
    """A clean drawing for the product group (never a broken image)."""
    return static(f"storefront/placeholders/{group_slug if group_slug in _GROUPS else 'default'}.svg")
