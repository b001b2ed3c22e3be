"""What the OCOP catalogue in Saleor consists of (docs/design.md, "The Saleor catalogue").

Plain data: slugs, names and attribute definitions. ``bootstrap`` makes Saleor match it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalog_sync.domain.groups import GROUPS, PRODUCT_SETS
from catalog_sync.domain.producers import OrganisationType
from catalog_sync.domain.provinces import PROVINCES

CHANNEL_SLUG = "ocop-vn"
CHANNEL_NAME = "OCOP Việt Nam"
CURRENCY = "VND"
# A checkout paid by card whose shopper never came back (tab closed) is completed by Saleor this many minutes
# after it was fully paid; a shopper who comes back first completes it themselves.
PAID_CHECKOUT_COMPLETION_MINUTES = 10
COUNTRY = "VN"
WAREHOUSE_SLUG = "ocop-vn-kho-chinh"
WAREHOUSE_NAME = "Kho OCOP Việt Nam"
WAREHOUSE_ADDRESS = {
    "companyName": "OCOP Market",
    "streetAddress1": "Kho tổng OCOP Market",
    "city": "Hà Nội",
    "country": COUNTRY,
}
SHIPPING_ZONE_NAME = "Việt Nam (OCOP)"
SHIPPING_METHOD_NAME = "Giao hàng tiêu chuẩn"
SHIPPING_PRICE_VND = "30000"
PRODUCT_TYPE_SLUG = "ocop-product"
PRODUCT_TYPE_NAME = "Sản phẩm OCOP"
SERVICE_TYPE_SLUG = "ocop-service"  # group 6 tourism services: nothing to ship
SERVICE_TYPE_NAME = "Dịch vụ du lịch OCOP"
SERVICE_GROUP = "du-lich"
PAGE_TYPE_SLUG = "producer"
PAGE_TYPE_NAME = "Chủ thể OCOP"

# attribute slugs (the contract)
CERTIFICATE = "ocop-certificate"
STARS = "ocop-stars"
VALID_UNTIL = "ocop-valid-until"
GROUP = "ocop-group"
PROVINCE = "ocop-province"
PRODUCER = "producer"
STORY = "producer-story"
PRODUCER_PROVINCE = "producer-province"
COMMUNE = "producer-commune"
ORGANISATION_TYPE = "producer-organisation-type"
LOCATION = "producer-location"  # where to find them, in the producer's own words (the portal writes it)
PHONE = "producer-phone"
EMAIL = "producer-email"
# The producer's photos: the page's public metadata under this key, a JSON list of {"url", "alt"} in their order
# (the files uploaded with Saleor's fileUpload; Saleor 3.23 has no media for pages)
PHOTOS_METADATA_KEY = "ocop.photos"
MAX_PAGE_PHOTOS = 12

# organisation type -> (Vietnamese, English)
ORGANISATION_NAMES = {
    OrganisationType.COOPERATIVE: ("Hợp tác xã / Tổ hợp tác", "Cooperative"),
    OrganisationType.COMPANY: ("Doanh nghiệp", "Company"),
    OrganisationType.HOUSEHOLD: ("Hộ kinh doanh / cơ sở", "Household business"),
    OrganisationType.OTHER: ("Khác", "Other"),
}


@dataclass(frozen=True)
class Choice:
    external_reference: str
    name: str
    name_en: str


@dataclass(frozen=True)
class AttributeSpec:
    slug: str
    name: str
    name_en: str
    type: str  # PRODUCT_TYPE | PAGE_TYPE
    input_type: str
    choices: tuple[Choice, ...] = ()
    entity_type: str | None = None
    references_page_type: bool = False  # REFERENCE restricted to page type ``producer``
    extra: dict[str, object] = field(default_factory=dict)


def choice_reference(attribute: str, key: str) -> str:
    """External reference of a dropdown value: ``ocop-province:lam-dong``."""
    return f"{attribute}:{key}"


def _provinces(attribute: str) -> tuple[Choice, ...]:
    return tuple(Choice(choice_reference(attribute, p.slug), p.name, p.name_en) for p in PROVINCES)


PAGE_ATTRIBUTES: tuple[AttributeSpec, ...] = (
    AttributeSpec(STORY, "Câu chuyện", "Story", "PAGE_TYPE", "RICH_TEXT"),
    AttributeSpec(PRODUCER_PROVINCE, "Tỉnh/thành", "Province", "PAGE_TYPE", "DROPDOWN", _provinces(PRODUCER_PROVINCE)),
    AttributeSpec(COMMUNE, "Xã/phường, địa chỉ", "Commune, address", "PAGE_TYPE", "PLAIN_TEXT"),
    AttributeSpec(
        ORGANISATION_TYPE, "Loại hình chủ thể", "Organisation type", "PAGE_TYPE", "DROPDOWN",
        tuple(Choice(choice_reference(ORGANISATION_TYPE, t.value), *ORGANISATION_NAMES[t]) for t in OrganisationType),
    ),
    AttributeSpec(LOCATION, "Địa điểm", "Location", "PAGE_TYPE", "PLAIN_TEXT"),
    AttributeSpec(PHONE, "Điện thoại", "Phone", "PAGE_TYPE", "PLAIN_TEXT"),
    AttributeSpec(EMAIL, "Email", "Email", "PAGE_TYPE", "PLAIN_TEXT"),
)

PRODUCT_ATTRIBUTES: tuple[AttributeSpec, ...] = (
    AttributeSpec(CERTIFICATE, "Mã chứng nhận OCOP", "OCOP certificate number", "PRODUCT_TYPE", "PLAIN_TEXT"),
    AttributeSpec(STARS, "Hạng sao OCOP", "OCOP stars", "PRODUCT_TYPE", "NUMERIC"),
    AttributeSpec(VALID_UNTIL, "Hiệu lực đến hết ngày", "Valid until (last day)", "PRODUCT_TYPE", "DATE"),
    AttributeSpec(GROUP, "Nhóm sản phẩm OCOP", "OCOP product group", "PRODUCT_TYPE", "DROPDOWN",
                  tuple(Choice(choice_reference(GROUP, g.slug), g.name_vi, g.name_en) for g in GROUPS)),
    AttributeSpec(PROVINCE, "Tỉnh/thành", "Province", "PRODUCT_TYPE", "DROPDOWN", _provinces(PROVINCE)),
    AttributeSpec(PRODUCER, "Chủ thể", "Producer", "PRODUCT_TYPE", "SINGLE_REFERENCE", entity_type="PAGE",
                  references_page_type=True),
)

ALL_ATTRIBUTES = PAGE_ATTRIBUTES + PRODUCT_ATTRIBUTES


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    name_vi: str
    name_en: str
    parent: str | None


CATEGORIES: tuple[CategorySpec, ...] = (
    *(CategorySpec(g.slug, g.name_vi, g.name_en, None) for g in GROUPS),
    *(CategorySpec(s.slug, s.name_vi, s.name_en, s.group_slug) for s in PRODUCT_SETS),
)


@dataclass(frozen=True)
class ProductTypeSpec:
    slug: str
    name: str
    is_shipping_required: bool


PRODUCT_TYPES: tuple[ProductTypeSpec, ...] = (
    ProductTypeSpec(PRODUCT_TYPE_SLUG, PRODUCT_TYPE_NAME, True),
    ProductTypeSpec(SERVICE_TYPE_SLUG, SERVICE_TYPE_NAME, False),
)


def product_type_for_group(group: str) -> str:
    """The product type of a product of OCOP group ``group``: tourism services are not shipped."""
    return SERVICE_TYPE_SLUG if group == SERVICE_GROUP else PRODUCT_TYPE_SLUG
