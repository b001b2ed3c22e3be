"""The app's manifest: what Saleor installs (permissions, webhooks and their subscription queries).

Every webhook asks only *which* object changed and when; the worker then re-reads the object as an
anonymous customer sees it in ``ocop-vn``, so a payload never has to be trusted for prices or
visibility, and every event for an object converges on Saleor's current state. PRODUCT_UPDATED also
carries the certification plugin's withdrawal log, kept in the product's private metadata (readable
with MANAGE_PRODUCTS): what it withdrew and restored, recorded by the web service as it arrives.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog_sync.payments.subscriptions import PAYMENT_WEBHOOKS

APP_ID = "ocop.market"
APP_NAME = "OCOP Market"
APP_VERSION = "1.0.0"

PERMISSIONS = (
    "MANAGE_PRODUCTS",
    "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES",
    "MANAGE_CHANNELS",
    "MANAGE_SHIPPING",
    "MANAGE_PAGES",
    "MANAGE_PAGE_TYPES_AND_ATTRIBUTES",
    "MANAGE_TRANSLATIONS",
    "HANDLE_PAYMENTS",  # the payment app: answers Saleor's payment webhooks, reports Stripe's outcomes
    "MANAGE_USERS",  # the account emails (confirmation, password reset) Saleor asks apps to send
    "MANAGE_ORDERS",  # a guest's order looked up by number; producers' order lines read and fulfilled
)


@dataclass(frozen=True)
class Webhook:
    name: str
    events: tuple[str, ...]
    query: str


PRODUCTS = Webhook(
    name="OCOP catalogue: products",
    events=(
        "PRODUCT_CREATED", "PRODUCT_UPDATED", "PRODUCT_DELETED",
        "PRODUCT_VARIANT_CREATED", "PRODUCT_VARIANT_UPDATED", "PRODUCT_VARIANT_DELETED",
        "PRODUCT_VARIANT_STOCK_UPDATED", "PRODUCT_VARIANT_OUT_OF_STOCK", "PRODUCT_VARIANT_BACK_IN_STOCK",
    ),
    query="""subscription OcopProductChanged {
  event {
    __typename
    issuedAt
    ... on ProductCreated { product { id } }
    ... on ProductUpdated { product { id ocopWithdrawals: privateMetafield(key: "ocop.withdrawals") } }
    ... on ProductDeleted { product { id } }
    ... on ProductVariantCreated { productVariant { product { id } } }
    ... on ProductVariantUpdated { productVariant { product { id } } }
    ... on ProductVariantDeleted { productVariant { product { id } } }
    ... on ProductVariantStockUpdated { productVariant { product { id } } }
    ... on ProductVariantOutOfStock { productVariant { product { id } } }
    ... on ProductVariantBackInStock { productVariant { product { id } } }
  }
}""",
)

COLLECTIONS = Webhook(
    name="OCOP catalogue: showcases",
    events=("COLLECTION_CREATED", "COLLECTION_UPDATED", "COLLECTION_DELETED"),
    query="""subscription OcopCollectionChanged {
  event {
    __typename
    issuedAt
    ... on CollectionCreated { collection { id } }
    ... on CollectionUpdated { collection { id } }
    ... on CollectionDeleted { collection { id } }
  }
}""",
)

PAGES = Webhook(
    name="OCOP catalogue: producers",
    events=("PAGE_CREATED", "PAGE_UPDATED", "PAGE_DELETED"),
    query="""subscription OcopPageChanged {
  event {
    __typename
    issuedAt
    ... on PageCreated { page { id pageType { slug } } }
    ... on PageUpdated { page { id pageType { slug } } }
    ... on PageDeleted { page { id pageType { slug } } }
  }
}""",
)

TRANSLATIONS = Webhook(
    name="OCOP catalogue: translations",
    events=("TRANSLATION_CREATED", "TRANSLATION_UPDATED"),
    query="""subscription OcopTranslationChanged {
  event {
    __typename
    issuedAt
    ... on TranslationCreated { translation { ...OcopTranslated } }
    ... on TranslationUpdated { translation { ...OcopTranslated } }
  }
}

fragment OcopTranslated on TranslationTypes {
  __typename
  ... on ProductTranslation { translatableContent { productId } }
  ... on ProductVariantTranslation { translatableContent { productVariantId } }
  ... on CollectionTranslation { translatableContent { collectionId } }
  ... on PageTranslation { translatableContent { pageId } }
}""",
)

WEBHOOKS = (PRODUCTS, COLLECTIONS, PAGES, TRANSLATIONS)

# Sent to /saleor/account-emails/: the web service emails the customer the link (storefront/accounts/emails.py).
ACCOUNT_EMAILS = Webhook(
    name="OCOP accounts: emails",
    events=("ACCOUNT_CONFIRMATION_REQUESTED", "ACCOUNT_SET_PASSWORD_REQUESTED"),
    query="""subscription OcopAccountEmail {
  event {
    __typename
    issuedAt
    ... on AccountConfirmationRequested { token user { email firstName languageCode } }
    ... on AccountSetPasswordRequested { token user { email firstName languageCode } }
  }
}""",
)


# Sent to /saleor/order-lines/: the web worker reads the order and tells each producer of their new lines
# once (portal/orders.py). Only the order's id: the lines and whose they are are read from Saleor then.
ORDER_LINES = Webhook(
    name="OCOP portal: order lines",
    events=("ORDER_CREATED", "ORDER_CONFIRMED", "ORDER_FULLY_PAID"),
    query="""subscription OcopOrderPlaced {
  event {
    __typename
    issuedAt
    ... on OrderCreated { order { id } }
    ... on OrderConfirmed { order { id } }
    ... on OrderFullyPaid { order { id } }
  }
}""",
)



# Sent to /saleor/payouts/orders/: the web worker reads the order and writes what each producer's line earned
# (delivered and paid) or gave back (refunded, returned) in the payouts ledger (catalog_sync/payouts/ledger.py).
ORDER_MONEY = Webhook(
    name="OCOP payouts: order money",
    events=("ORDER_FULLY_PAID", "ORDER_PAID", "ORDER_FULFILLED", "FULFILLMENT_CREATED", "ORDER_REFUNDED",
            "ORDER_FULLY_REFUNDED", "ORDER_UPDATED"),
    query="""subscription OcopOrderMoney {
  event {
    __typename
    issuedAt
    ... on OrderFullyPaid { order { id } }
    ... on OrderPaid { order { id } }
    ... on OrderFulfilled { order { id } }
    ... on FulfillmentCreated { order { id } }
    ... on OrderRefunded { order { id } }
    ... on OrderFullyRefunded { order { id } }
    ... on OrderUpdated { order { id } }
  }
}""",
)

def build_manifest(base_url: str) -> dict[str, object]:
    """The manifest served at /saleor/manifest/; ``base_url`` is this service's public root URL."""
    root = base_url.rstrip("/")
    return {
        "id": APP_ID,
        "version": APP_VERSION,
        "name": APP_NAME,
        "about": "Vietnam's OCOP products: the storefront's catalogue, search and certification view.",
        "permissions": list(PERMISSIONS),
        "appUrl": f"{root}/",
        "tokenTargetUrl": f"{root}/saleor/register/",
        "dataPrivacyUrl": f"{root}/",
        "homepageUrl": f"{root}/",
        "supportUrl": f"{root}/",
        "author": "OCOP Market",
        "requiredSaleorVersion": ">=3.23 <3.24",
        "webhooks": [
            {
                "name": hook.name,
                "asyncEvents": list(hook.events),
                "query": hook.query,
                "targetUrl": f"{root}/saleor/webhooks/",
                "isActive": True,
            }
            for hook in WEBHOOKS
        ] + [
            {
                "name": ACCOUNT_EMAILS.name,
                "asyncEvents": list(ACCOUNT_EMAILS.events),
                "query": ACCOUNT_EMAILS.query,
                "targetUrl": f"{root}/saleor/account-emails/",
                "isActive": True,
            },
            {
                "name": ORDER_LINES.name,
                "asyncEvents": list(ORDER_LINES.events),
                "query": ORDER_LINES.query,
                "targetUrl": f"{root}/saleor/order-lines/",
                "isActive": True,
            },
            {
                "name": ORDER_MONEY.name,
                "asyncEvents": list(ORDER_MONEY.events),
                "query": ORDER_MONEY.query,
                "targetUrl": f"{root}/saleor/payouts/orders/",
                "isActive": True,
            },
        ] + [
            {
                "name": hook.name,
                "syncEvents": [hook.event],
                "query": hook.query,
                "targetUrl": f"{root}/saleor/payments/",
                "isActive": True,
            }
            for hook in PAYMENT_WEBHOOKS
        ],
    }
