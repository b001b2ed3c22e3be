"""A listing page's whole state, read from and written back to its query string.

``/products/?group=thuc-pham&stars=4,5&province=lam-dong&price_min=50000&in_stock=1&sort=price&page=2``.
Lists are written comma-separated (``stars=4,5``) and also read from repeated parameters
(``stars=4&stars=5``, what an HTML form sends). A value that cannot be understood is dropped with
a message naming the parameter; the valid ones are kept. Former province names (``Đắk Nông``,
``ba-ria-vung-tau``) are read as the province that took them over.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Literal, cast
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _

from catalog_sync.catalogue.records import SearchQuery, Sort
from catalog_sync.domain.groups import GROUPS, PRODUCT_SETS
from catalog_sync.domain.provinces import PROVINCES, resolve_province

PER_PAGE = 24
MAX_PAGE = 1000
MAX_TEXT = 100
MAX_VALUES = 40  # per list parameter: what is read is bounded
MAX_PRICE = Decimal(1_000_000_000)
SORTS: tuple[Sort, ...] = ("relevance", "newest", "price", "-price", "stars")
STAR_LEVELS = (5, 4, 3)  # only 3★ and up are certified
PARAMETERS = ("q", "group", "set", "stars", "province", "price_min", "price_max", "in_stock", "sort", "page")

_GROUP_SLUGS = {group.slug for group in GROUPS}
_SET_SLUGS = {product_set.slug for product_set in PRODUCT_SETS}
_PROVINCE_SLUGS = {province.slug for province in PROVINCES}


@dataclass(frozen=True)
class ListingState:
    query: SearchQuery
    errors: tuple[str, ...] = ()
    default_sort: Sort = "relevance"
    # the non-empty parameters as the page writes them (a stable order), for links
    params: tuple[tuple[str, str], ...] = field(default=())

    def url(self, **changes: str | None) -> str:
        """This state's query string (``?…``, or "" for none) with some parameters changed or removed."""
        values = dict(self.params)
        for key, value in changes.items():
            if value in (None, ""):
                values.pop(key, None)
            else:
                values[key] = str(value)
        if "page" in values and values["page"] == "1":
            del values["page"]
        ordered = [(key, values[key]) for key in PARAMETERS if key in values]
        return "?" + urlencode(ordered, safe=",") if ordered else ""

    def page_url(self, page: int) -> str:
        return self.url(page=str(page))

    @property
    def is_filtered(self) -> bool:
        return any(key not in {"q", "sort", "page"} for key, _value in self.params)


def _values(data: QueryDict, name: str) -> list[str]:
    values: list[str] = []
    for raw in data.getlist(name)[:MAX_VALUES]:
        values.extend(part.strip() for part in raw[:2000].split(",") if part.strip())
    return values[:MAX_VALUES]


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _price(data: QueryDict, name: str, errors: list[str]) -> Decimal | None:
    raw = data.get(name, "").strip().replace(".", "").replace(",", "").replace(" ", "")
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0 or value > MAX_PRICE or value != value.to_integral_value():
        errors.append(
            _("%(parameter)s must be a whole number of đồng, not “%(value)s”.")
            % {"parameter": name, "value": data.get(name, "")[:40]}
        )
        return None
    return value


def parse_listing(
    data: QueryDict, *, language: str = "vi", default_sort: Sort = "relevance", with_text: bool = False
) -> ListingState:
    """The page's SearchQuery from its query string, and a message for each parameter it dropped."""
    errors: list[str] = []
    text = " ".join(data.get("q", "").split()) if with_text else ""
    if len(text) > MAX_TEXT:
        errors.append(_("The search text is longer than %(limit)d characters; only the start was used.")
                      % {"limit": MAX_TEXT})
        text = text[:MAX_TEXT]

    groups, sets, stars, provinces = [], [], [], []
    for value in _values(data, "group"):
        if value in _GROUP_SLUGS:
            groups.append(value)
        else:
            errors.append(_("Unknown product group “%(value)s” in group.") % {"value": value[:40]})
    for value in _values(data, "set"):
        if value in _SET_SLUGS:
            sets.append(value)
        else:
            errors.append(_("Unknown product set “%(value)s” in set.") % {"value": value[:40]})
    for value in _values(data, "stars"):
        if value.isdigit() and int(value) in STAR_LEVELS:
            stars.append(value)
        else:
            errors.append(_("stars takes 3, 4 or 5 (OCOP certifies 3 stars and up), not “%(value)s”.")
                          % {"value": value[:40]})
    for value in _values(data, "province"):
        province = None if value in _PROVINCE_SLUGS else resolve_province(value)
        if value in _PROVINCE_SLUGS:
            provinces.append(value)
        elif province is not None:
            provinces.append(province.slug)
        else:
            errors.append(_("Unknown province “%(value)s” in province.") % {"value": value[:40]})

    price_min = _price(data, "price_min", errors)
    price_max = _price(data, "price_max", errors)
    if price_min is not None and price_max is not None and price_min > price_max:
        errors.append(_("price_min is above price_max; the two were swapped."))
        price_min, price_max = price_max, price_min

    in_stock_raw = data.get("in_stock", "").strip().lower()
    in_stock = in_stock_raw in {"1", "true", "on", "yes"}
    if in_stock_raw not in {"", "0", "false", "off", "no", "1", "true", "on", "yes"}:
        errors.append(_("in_stock takes 1 or 0, not “%(value)s”.") % {"value": in_stock_raw[:40]})

    sort_raw = data.get("sort", "").strip()
    sort: Sort = default_sort
    if sort_raw in SORTS:
        sort = cast(Sort, sort_raw)
    elif sort_raw:
        errors.append(_("Unknown sort order “%(value)s”; the default order was used.") % {"value": sort_raw[:40]})

    page_raw = data.get("page", "").strip()
    page = 1
    if page_raw:
        if page_raw.isdigit() and 1 <= int(page_raw) <= MAX_PAGE:
            page = int(page_raw)
        else:
            errors.append(_("page must be a page number from 1 to %(limit)d, not “%(value)s”.")
                          % {"limit": MAX_PAGE, "value": page_raw[:40]})

    query = SearchQuery(
        text=text,
        groups=_unique(groups),
        sets=_unique(sets),
        stars=tuple(int(value) for value in _unique(stars)),
        provinces=_unique(provinces),
        price_min=price_min,
        price_max=price_max,
        in_stock=in_stock,
        sort=sort,
        page=page,
        per_page=PER_PAGE,
        language=cast(Literal["vi", "en"], "en" if language.startswith("en") else "vi"),
    )
    return ListingState(query=query, errors=tuple(errors), default_sort=default_sort,
                        params=params_of(query, default_sort))


def params_of(query: SearchQuery, default_sort: Sort = "relevance") -> tuple[tuple[str, str], ...]:
    params: list[tuple[str, str]] = []
    if query.text:
        params.append(("q", query.text))
    for key, values in (("group", query.groups), ("set", query.sets), ("stars", tuple(map(str, query.stars))),
                        ("province", query.provinces)):
        if values:
            params.append((key, ",".join(values)))
    if query.price_min is not None:
        params.append(("price_min", str(int(query.price_min))))
    if query.price_max is not None:
        params.append(("price_max", str(int(query.price_max))))
    if query.in_stock:
        params.append(("in_stock", "1"))
    if query.sort != default_sort:
        params.append(("sort", query.sort))
    if query.page > 1:
        params.append(("page", str(query.page)))
    return tuple(params)


def with_page(state: ListingState, page: int) -> ListingState:
    query = dataclasses.replace(state.query, page=page)
    return dataclasses.replace(state, query=query, params=params_of(query, state.default_sort))
