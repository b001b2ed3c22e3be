from datetime import datetime
from typing import Any, Optional, Union

from .attribute_create import AttributeCreate
from .attribute_translate import AttributeTranslate
from .attribute_value_create import AttributeValueCreate
from .attribute_value_translate import AttributeValueTranslate
from .base_model import UNSET, UnsetType, Upload
from .catalogue_collections_page import CatalogueCollectionsPage
from .catalogue_producers_page import CatalogueProducersPage
from .catalogue_product_ids import CatalogueProductIds
from .catalogue_products import CatalogueProducts
from .catalogue_products_page import CatalogueProductsPage
from .catalogue_state import CatalogueState
from .category_create import CategoryCreate
from .category_translate import CategoryTranslate
from .channel_create import ChannelCreate
from .channel_update import ChannelUpdate
from .collection_for_storefront import CollectionForStorefront
from .collection_products_page import CollectionProductsPage
from .customer_checkout_attach import CustomerCheckoutAttach
from .customer_confirm import CustomerConfirm
from .customer_me import CustomerMe
from .customer_my_order import CustomerMyOrder
from .customer_order_by_number import CustomerOrderByNumber
from .customer_password_reset_request import CustomerPasswordResetRequest
from .customer_register import CustomerRegister
from .customer_set_password import CustomerSetPassword
from .customer_token_create import CustomerTokenCreate
from .customer_token_refresh import CustomerTokenRefresh
from .enums import (
    LanguageCodeEnum,
    PermissionEnum,
    TransactionActionEnum,
    TransactionEventTypeEnum,
)
from .input_types import (
    AccountRegisterInput,
    AddressInput,
    AttributeCreateInput,
    AttributeValueCreateInput,
    AttributeValueTranslationInput,
    CategoryInput,
    ChannelCreateInput,
    ChannelUpdateInput,
    CheckoutAddressValidationRules,
    CheckoutLineInput,
    CheckoutLineUpdateInput,
    CollectionChannelListingUpdateInput,
    CollectionCreateInput,
    CollectionInput,
    MoveProductInput,
    NameTranslationInput,
    OrderFulfillLineInput,
    PageCreateInput,
    PageInput,
    PageTypeCreateInput,
    ProductAttributeAssignInput,
    ProductBulkCreateInput,
    ProductChannelListingUpdateInput,
    ProductInput,
    ProductTypeInput,
    ProductVariantChannelListingAddInput,
    ProductVariantCreateInput,
    ShippingMethodChannelListingInput,
    ShippingPriceInput,
    ShippingZoneCreateInput,
    ShippingZoneUpdateInput,
    TranslationInput,
    WarehouseCreateInput,
)
from .installed_apps import InstalledApps
from .ocop_app_delete import OcopAppDelete
from .ocop_app_id import OcopAppId
from .ocop_app_install import OcopAppInstall
from .ocop_transaction_event_report import OcopTransactionEventReport
from .ocop_withdrawal_logs import OcopWithdrawalLogs
from .page_attribute_assign import PageAttributeAssign
from .page_create import PageCreate
from .page_type_create import PageTypeCreate
from .page_update import PageUpdate
from .payout_order_by_id import PayoutOrderById
from .payout_orders_updated_since import PayoutOrdersUpdatedSince
from .portal_listing_target import PortalListingTarget
from .portal_media_create import PortalMediaCreate
from .portal_media_delete import PortalMediaDelete
from .portal_media_reorder import PortalMediaReorder
from .portal_media_update import PortalMediaUpdate
from .portal_product import PortalProduct
from .portal_product_description import PortalProductDescription
from .portal_story_file_upload import PortalStoryFileUpload
from .portal_story_page import PortalStoryPage
from .portal_story_photos import PortalStoryPhotos
from .portal_story_update import PortalStoryUpdate
from .portal_variant import PortalVariant
from .portal_variant_create import PortalVariantCreate
from .portal_variant_price import PortalVariantPrice
from .portal_variant_stock import PortalVariantStock
from .producer_for_storefront import ProducerForStorefront
from .producer_fulfillment_carrier import ProducerFulfillmentCarrier
from .producer_line_refund_grant import ProducerLineRefundGrant
from .producer_order_by_id import ProducerOrderById
from .producer_order_by_number import ProducerOrderByNumber
from .producer_order_fulfill import ProducerOrderFulfill
from .producer_order_payment import ProducerOrderPayment
from .producer_orders import ProducerOrders
from .producer_orders_created_since import ProducerOrdersCreatedSince
from .producer_page_key import ProducerPageKey
from .producer_pages import ProducerPages
from .producer_warehouse import ProducerWarehouse
from .product_attribute_assign import ProductAttributeAssign
from .product_bulk_create import ProductBulkCreate
from .product_channel_listing import ProductChannelListing
from .product_for_storefront import ProductForStorefront
from .product_type_create import ProductTypeCreate
from .product_update import ProductUpdate
from .reindex_changed_ids import ReindexChangedIds
from .reindex_products_by_ids import ReindexProductsByIds
from .saleor_health import SaleorHealth
from .shipping_method_create import ShippingMethodCreate
from .shipping_method_listing import ShippingMethodListing
from .shipping_zone_create import ShippingZoneCreate
from .shipping_zone_update import ShippingZoneUpdate
from .shipping_zones import ShippingZones
from .shop_billing_address_update import ShopBillingAddressUpdate
from .shop_checkout_complete import ShopCheckoutComplete
from .shop_checkout_create import ShopCheckoutCreate
from .shop_checkout_read import ShopCheckoutRead
from .shop_delivery_method_update import ShopDeliveryMethodUpdate
from .shop_details_addressed import ShopDetailsAddressed
from .shop_details_contact import ShopDetailsContact
from .shop_details_delivered import ShopDetailsDelivered
from .shop_email_update import ShopEmailUpdate
from .shop_lines_add import ShopLinesAdd
from .shop_lines_delete import ShopLinesDelete
from .shop_lines_update import ShopLinesUpdate
from .shop_order_read import ShopOrderRead
from .shop_shipping_address_update import ShopShippingAddressUpdate
from .shop_transaction_initialize import ShopTransactionInitialize
from .shop_transaction_process import ShopTransactionProcess
from .showcase_add_products import ShowcaseAddProducts
from .showcase_channel_listing import ShowcaseChannelListing
from .showcase_cover import ShowcaseCover
from .showcase_create import ShowcaseCreate
from .showcase_remove_products import ShowcaseRemoveProducts
from .showcase_reorder_products import ShowcaseReorderProducts
from .showcase_state import ShowcaseState
from .showcase_translate import ShowcaseTranslate
from .showcase_update import ShowcaseUpdate
from .staff_token_create import StaffTokenCreate
from .typed_base import TypedBaseClient
from .variant_channel_listing import VariantChannelListing
from .variant_create import VariantCreate
from .variant_for_storefront import VariantForStorefront
from .warehouse_create import WarehouseCreate


def gql(q: str) -> str:
    return q


class Client(TypedBaseClient):
    def customer_register(
        self, input: AccountRegisterInput, **kwargs: Any
    ) -> CustomerRegister:
        query = gql("""
            mutation CustomerRegister($input: AccountRegisterInput!) {
              accountRegister(input: $input) {
                requiresConfirmation
                errors {
                  ...CustomerAccountError
                }
              }
            }

            fragment CustomerAccountError on AccountError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="CustomerRegister",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CustomerRegister.model_validate(data)

    def customer_confirm(
        self, email: str, token: str, **kwargs: Any
    ) -> CustomerConfirm:
        query = gql("""
            mutation CustomerConfirm($email: String!, $token: String!) {
              confirmAccount(email: $email, token: $token) {
                errors {
                  ...CustomerAccountError
                }
              }
            }

            fragment CustomerAccountError on AccountError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"email": email, "token": token}
        response = self.execute(
            query=query, operation_name="CustomerConfirm", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CustomerConfirm.model_validate(data)

    def customer_token_create(
        self, email: str, password: str, **kwargs: Any
    ) -> CustomerTokenCreate:
        query = gql("""
            mutation CustomerTokenCreate($email: String!, $password: String!) {
              tokenCreate(email: $email, password: $password) {
                token
                refreshToken
                errors {
                  ...CustomerAccountError
                }
              }
            }

            fragment CustomerAccountError on AccountError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"email": email, "password": password}
        response = self.execute(
            query=query,
            operation_name="CustomerTokenCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CustomerTokenCreate.model_validate(data)

    def customer_token_refresh(
        self, refresh_token: str, **kwargs: Any
    ) -> CustomerTokenRefresh:
        query = gql("""
            mutation CustomerTokenRefresh($refreshToken: String!) {
              tokenRefresh(refreshToken: $refreshToken) {
                token
                errors {
                  ...CustomerAccountError
                }
              }
            }

            fragment CustomerAccountError on AccountError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {"refreshToken": refresh_token}
        response = self.execute(
            query=query,
            operation_name="CustomerTokenRefresh",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CustomerTokenRefresh.model_validate(data)

    def customer_password_reset_request(
        self, email: str, redirect_url: str, channel: str, **kwargs: Any
    ) -> CustomerPasswordResetRequest:
        query = gql("""
            mutation CustomerPasswordResetRequest($email: String!, $redirectUrl: String!, $channel: String!) {
              requestPasswordReset(
                email: $email
                redirectUrl: $redirectUrl
                channel: $channel
              ) {
                errors {
                  ...CustomerAccountError
                }
              }
            }

            fragment CustomerAccountError on AccountError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {
            "email": email,
            "redirectUrl": redirect_url,
            "channel": channel,
        }
        response = self.execute(
            query=query,
            operation_name="CustomerPasswordResetRequest",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CustomerPasswordResetRequest.model_validate(data)

    def customer_set_password(
        self, email: str, token: str, password: str, **kwargs: Any
    ) -> CustomerSetPassword:
        query = gql("""
            mutation CustomerSetPassword($email: String!, $token: String!, $password: String!) {
              setPassword(email: $email, token: $token, password: $password) {
                errors {
                  ...CustomerAccountError
                }
              }
            }

            fragment CustomerAccountError on AccountError {
              field
              code
              message
            }
            """)
        variables: dict[str, object] = {
            "email": email,
            "token": token,
            "password": password,
        }
        response = self.execute(
            query=query,
            operation_name="CustomerSetPassword",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CustomerSetPassword.model_validate(data)

    def customer_checkout_attach(
        self, id: str, **kwargs: Any
    ) -> CustomerCheckoutAttach:
        query = gql("""
            mutation CustomerCheckoutAttach($id: ID!) {
              checkoutCustomerAttach(id: $id) {
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="CustomerCheckoutAttach",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CustomerCheckoutAttach.model_validate(data)

    def customer_me(self, first: int, **kwargs: Any) -> CustomerMe:
        query = gql("""
            query CustomerMe($first: Int!) {
              me {
                email
                firstName
                lastName
                addresses {
                  ...CustomerAddress
                }
                defaultShippingAddress {
                  id
                }
                orders(first: $first) {
                  totalCount
                  edges {
                    node {
                      ...CustomerOrder
                    }
                  }
                }
              }
            }

            fragment CustomerAddress on Address {
              id
              firstName
              lastName
              phone
              streetAddress1
              streetAddress2
              city
              countryArea
              country {
                code
              }
            }

            fragment CustomerMoney on Money {
              amount
              currency
            }

            fragment CustomerOrder on Order {
              id
              number
              created
              status
              userEmail
              isShippingRequired
              total {
                gross {
                  ...CustomerMoney
                }
              }
              subtotal {
                gross {
                  ...CustomerMoney
                }
              }
              shippingPrice {
                gross {
                  ...CustomerMoney
                }
              }
              shippingAddress {
                ...CustomerAddress
              }
              lines {
                productName
                variantName
                quantity
                unitPrice {
                  gross {
                    ...CustomerMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CustomerMoney
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"first": first}
        response = self.execute(
            query=query, operation_name="CustomerMe", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CustomerMe.model_validate(data)

    def customer_my_order(self, number: int, **kwargs: Any) -> CustomerMyOrder:
        query = gql("""
            query CustomerMyOrder($number: Int!) {
              me {
                orders(first: 1, where: {number: {eq: $number}}) {
                  edges {
                    node {
                      ...CustomerOrder
                    }
                  }
                }
              }
            }

            fragment CustomerAddress on Address {
              id
              firstName
              lastName
              phone
              streetAddress1
              streetAddress2
              city
              countryArea
              country {
                code
              }
            }

            fragment CustomerMoney on Money {
              amount
              currency
            }

            fragment CustomerOrder on Order {
              id
              number
              created
              status
              userEmail
              isShippingRequired
              total {
                gross {
                  ...CustomerMoney
                }
              }
              subtotal {
                gross {
                  ...CustomerMoney
                }
              }
              shippingPrice {
                gross {
                  ...CustomerMoney
                }
              }
              shippingAddress {
                ...CustomerAddress
              }
              lines {
                productName
                variantName
                quantity
                unitPrice {
                  gross {
                    ...CustomerMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CustomerMoney
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"number": number}
        response = self.execute(
            query=query, operation_name="CustomerMyOrder", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CustomerMyOrder.model_validate(data)

    def customer_order_by_number(
        self, number: int, **kwargs: Any
    ) -> CustomerOrderByNumber:
        query = gql("""
            query CustomerOrderByNumber($number: Int!) {
              orders(first: 1, where: {number: {eq: $number}}) {
                edges {
                  node {
                    ...CustomerOrder
                  }
                }
              }
            }

            fragment CustomerAddress on Address {
              id
              firstName
              lastName
              phone
              streetAddress1
              streetAddress2
              city
              countryArea
              country {
                code
              }
            }

            fragment CustomerMoney on Money {
              amount
              currency
            }

            fragment CustomerOrder on Order {
              id
              number
              created
              status
              userEmail
              isShippingRequired
              total {
                gross {
                  ...CustomerMoney
                }
              }
              subtotal {
                gross {
                  ...CustomerMoney
                }
              }
              shippingPrice {
                gross {
                  ...CustomerMoney
                }
              }
              shippingAddress {
                ...CustomerAddress
              }
              lines {
                productName
                variantName
                quantity
                unitPrice {
                  gross {
                    ...CustomerMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CustomerMoney
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"number": number}
        response = self.execute(
            query=query,
            operation_name="CustomerOrderByNumber",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CustomerOrderByNumber.model_validate(data)

    def product_for_storefront(
        self, channel: str, id: str, **kwargs: Any
    ) -> ProductForStorefront:
        query = gql("""
            query ProductForStorefront($channel: String!, $id: ID!) {
              product(channel: $channel, id: $id) {
                ...CatalogueProduct
              }
            }

            fragment CatalogueProduct on Product {
              id
              slug
              name
              description
              seoDescription
              created
              updatedAt
              isAvailableForPurchase
              translation(languageCode: EN) {
                name
                description
              }
              productType {
                slug
              }
              category {
                slug
              }
              thumbnail(size: 512) {
                url
                alt
              }
              media {
                url(size: 1024)
                alt
                type
              }
              variants {
                id
                name
                sku
                quantityAvailable
                translation(languageCode: EN) {
                  name
                }
                pricing {
                  price {
                    gross {
                      amount
                      currency
                    }
                  }
                }
              }
              certificate: assignedAttribute(slug: "ocop-certificate") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              stars: assignedAttribute(slug: "ocop-stars") {
                __typename
                ... on AssignedNumericAttribute {
                  number: value
                }
              }
              validUntil: assignedAttribute(slug: "ocop-valid-until") {
                __typename
                ... on AssignedDateAttribute {
                  day: value
                }
              }
              group: assignedAttribute(slug: "ocop-group") {
                __typename
                ... on AssignedSingleChoiceAttribute {
                  choice: value {
                    slug
                    name
                  }
                }
              }
              province: assignedAttribute(slug: "ocop-province") {
                __typename
                ... on AssignedSingleChoiceAttribute {
                  choice: value {
                    slug
                    name
                  }
                }
              }
              producer: assignedAttribute(slug: "producer") {
                __typename
                ... on AssignedSinglePageReferenceAttribute {
                  page: value {
                    id
                    slug
                    title
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"channel": channel, "id": id}
        response = self.execute(
            query=query,
            operation_name="ProductForStorefront",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProductForStorefront.model_validate(data)

    def variant_for_storefront(
        self, channel: str, id: str, **kwargs: Any
    ) -> VariantForStorefront:
        query = gql("""
            query VariantForStorefront($channel: String!, $id: ID!) {
              productVariant(channel: $channel, id: $id) {
                product {
                  id
                }
              }
            }
            """)
        variables: dict[str, object] = {"channel": channel, "id": id}
        response = self.execute(
            query=query,
            operation_name="VariantForStorefront",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return VariantForStorefront.model_validate(data)

    def producer_for_storefront(self, id: str, **kwargs: Any) -> ProducerForStorefront:
        query = gql("""
            query ProducerForStorefront($id: ID!) {
              page(id: $id) {
                ...CatalogueProducer
              }
            }

            fragment CatalogueProducer on Page {
              id
              slug
              title
              content
              seoDescription
              isPublished
              created
              publishedAt
              pageType {
                slug
              }
              translation(languageCode: EN) {
                title
                content
                seoDescription
              }
              story: assignedAttribute(slug: "producer-story") {
                __typename
                ... on AssignedTextAttribute {
                  json: value
                  english: translation(languageCode: EN)
                }
              }
              province: assignedAttribute(slug: "producer-province") {
                __typename
                ... on AssignedSingleChoiceAttribute {
                  choice: value {
                    slug
                    name
                  }
                }
              }
              photos: metafield(key: "ocop.photos") @include(if: true)
              location: assignedAttribute(slug: "producer-location") @include(if: true) {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                  english: translation(languageCode: EN)
                }
              }
              phone: assignedAttribute(slug: "producer-phone") @include(if: true) {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              email: assignedAttribute(slug: "producer-email") @include(if: true) {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="ProducerForStorefront",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProducerForStorefront.model_validate(data)

    def collection_for_storefront(
        self, channel: str, id: str, **kwargs: Any
    ) -> CollectionForStorefront:
        query = gql("""
            query CollectionForStorefront($channel: String!, $id: ID!) {
              collection(channel: $channel, id: $id) {
                ...CatalogueCollection
              }
            }

            fragment CatalogueCollection on Collection {
              id
              slug
              name
              description
              translation(languageCode: EN) {
                name
                description
              }
              backgroundImage(size: 1024) {
                url
                alt
              }
              products(first: 100, sortBy: {field: COLLECTION, direction: ASC}) {
                edges {
                  node {
                    id
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
            """)
        variables: dict[str, object] = {"channel": channel, "id": id}
        response = self.execute(
            query=query,
            operation_name="CollectionForStorefront",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CollectionForStorefront.model_validate(data)

    def ocop_app_id(self, **kwargs: Any) -> OcopAppId:
        query = gql("""
            query OcopAppId {
              app {
                id
                identifier
              }
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="OcopAppId", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return OcopAppId.model_validate(data)

    def staff_token_create(
        self, email: str, password: str, **kwargs: Any
    ) -> StaffTokenCreate:
        query = gql("""
            mutation StaffTokenCreate($email: String!, $password: String!) {
              tokenCreate(email: $email, password: $password) {
                token
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"email": email, "password": password}
        response = self.execute(
            query=query,
            operation_name="StaffTokenCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return StaffTokenCreate.model_validate(data)

    def installed_apps(self, **kwargs: Any) -> InstalledApps:
        query = gql("""
            query InstalledApps {
              apps(first: 100) {
                edges {
                  node {
                    id
                    identifier
                    isActive
                  }
                }
              }
              appsInstallations {
                id
                status
                message
                manifestUrl
              }
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="InstalledApps", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return InstalledApps.model_validate(data)

    def ocop_app_install(
        self,
        manifest_url: str,
        permissions: Union[Optional[list[PermissionEnum]], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> OcopAppInstall:
        query = gql("""
            mutation OcopAppInstall($manifestUrl: String!, $permissions: [PermissionEnum!]) {
              appInstall(
                input: {appName: "OCOP Market", manifestUrl: $manifestUrl, activateAfterInstallation: true, permissions: $permissions}
              ) {
                appInstallation {
                  id
                  status
                  message
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "manifestUrl": manifest_url,
            "permissions": permissions,
        }
        response = self.execute(
            query=query, operation_name="OcopAppInstall", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return OcopAppInstall.model_validate(data)

    def ocop_app_delete(self, id: str, **kwargs: Any) -> OcopAppDelete:
        query = gql("""
            mutation OcopAppDelete($id: ID!) {
              appDelete(id: $id) {
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="OcopAppDelete", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return OcopAppDelete.model_validate(data)

    def saleor_health(self, **kwargs: Any) -> SaleorHealth:
        query = gql("""
            query SaleorHealth {
              shop {
                name
              }
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="SaleorHealth", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SaleorHealth.model_validate(data)

    def catalogue_state(
        self,
        channel: str,
        warehouses: Union[Optional[list[str]], UnsetType] = UNSET,
        attributes: Union[Optional[list[str]], UnsetType] = UNSET,
        product_types: Union[Optional[list[str]], UnsetType] = UNSET,
        page_types: Union[Optional[list[str]], UnsetType] = UNSET,
        categories: Union[Optional[list[str]], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> CatalogueState:
        query = gql("""
            query CatalogueState($channel: String!, $warehouses: [String!], $attributes: [String!], $productTypes: [String!], $pageTypes: [String!], $categories: [String!]) {
              channel(slug: $channel) {
                id
                slug
                name
                currencyCode
                defaultCountry {
                  code
                }
                warehouses {
                  id
                  slug
                }
                orderSettings {
                  allowUnpaidOrders
                }
                checkoutSettings {
                  automaticallyCompleteFullyPaidCheckouts
                  automaticCompletionDelay
                }
              }
              warehouses(first: 100, filter: {slugs: $warehouses}) {
                edges {
                  node {
                    id
                    slug
                    name
                  }
                }
              }
              attributes(first: 100, where: {slug: {oneOf: $attributes}}) {
                edges {
                  node {
                    id
                    slug
                    name
                    type
                    inputType
                    entityType
                    translation(languageCode: EN) {
                      name
                    }
                    choices(first: 100) {
                      edges {
                        node {
                          id
                          name
                          slug
                          externalReference
                          translation(languageCode: EN) {
                            name
                          }
                        }
                      }
                    }
                  }
                }
              }
              productTypes(first: 100, filter: {slugs: $productTypes}) {
                edges {
                  node {
                    id
                    slug
                    name
                    productAttributes {
                      id
                      slug
                    }
                  }
                }
              }
              pageTypes(first: 100, filter: {slugs: $pageTypes}) {
                edges {
                  node {
                    id
                    slug
                    name
                    attributes {
                      id
                      slug
                    }
                  }
                }
              }
              categories(first: 100, filter: {slugs: $categories}) {
                edges {
                  node {
                    id
                    slug
                    name
                    parent {
                      slug
                    }
                    translation(languageCode: EN) {
                      name
                    }
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "channel": channel,
            "warehouses": warehouses,
            "attributes": attributes,
            "productTypes": product_types,
            "pageTypes": page_types,
            "categories": categories,
        }
        response = self.execute(
            query=query, operation_name="CatalogueState", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CatalogueState.model_validate(data)

    def shipping_zones(
        self,
        search: Union[Optional[str], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ShippingZones:
        query = gql("""
            query ShippingZones($search: String, $first: Int, $after: String) {
              shippingZones(filter: {search: $search}, first: $first, after: $after) {
                edges {
                  node {
                    id
                    name
                    countries {
                      code
                    }
                    warehouses {
                      id
                    }
                    channels {
                      id
                    }
                    shippingMethods {
                      id
                      name
                      channelListings {
                        channel {
                          id
                        }
                      }
                    }
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "search": search,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="ShippingZones", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ShippingZones.model_validate(data)

    def channel_create(self, input: ChannelCreateInput, **kwargs: Any) -> ChannelCreate:
        query = gql("""
            mutation ChannelCreate($input: ChannelCreateInput!) {
              channelCreate(input: $input) {
                channel {
                  id
                  slug
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="ChannelCreate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ChannelCreate.model_validate(data)

    def channel_update(
        self, id: str, input: ChannelUpdateInput, **kwargs: Any
    ) -> ChannelUpdate:
        query = gql("""
            mutation ChannelUpdate($id: ID!, $input: ChannelUpdateInput!) {
              channelUpdate(id: $id, input: $input) {
                channel {
                  id
                  slug
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query, operation_name="ChannelUpdate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ChannelUpdate.model_validate(data)

    def warehouse_create(
        self, input: WarehouseCreateInput, **kwargs: Any
    ) -> WarehouseCreate:
        query = gql("""
            mutation WarehouseCreate($input: WarehouseCreateInput!) {
              createWarehouse(input: $input) {
                warehouse {
                  id
                  slug
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="WarehouseCreate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return WarehouseCreate.model_validate(data)

    def shipping_zone_create(
        self, input: ShippingZoneCreateInput, **kwargs: Any
    ) -> ShippingZoneCreate:
        query = gql("""
            mutation ShippingZoneCreate($input: ShippingZoneCreateInput!) {
              shippingZoneCreate(input: $input) {
                shippingZone {
                  id
                  name
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="ShippingZoneCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShippingZoneCreate.model_validate(data)

    def shipping_zone_update(
        self, id: str, input: ShippingZoneUpdateInput, **kwargs: Any
    ) -> ShippingZoneUpdate:
        query = gql("""
            mutation ShippingZoneUpdate($id: ID!, $input: ShippingZoneUpdateInput!) {
              shippingZoneUpdate(id: $id, input: $input) {
                shippingZone {
                  id
                  name
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query,
            operation_name="ShippingZoneUpdate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShippingZoneUpdate.model_validate(data)

    def shipping_method_create(
        self, input: ShippingPriceInput, **kwargs: Any
    ) -> ShippingMethodCreate:
        query = gql("""
            mutation ShippingMethodCreate($input: ShippingPriceInput!) {
              shippingPriceCreate(input: $input) {
                shippingMethod {
                  id
                  name
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="ShippingMethodCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShippingMethodCreate.model_validate(data)

    def shipping_method_listing(
        self, id: str, input: ShippingMethodChannelListingInput, **kwargs: Any
    ) -> ShippingMethodListing:
        query = gql("""
            mutation ShippingMethodListing($id: ID!, $input: ShippingMethodChannelListingInput!) {
              shippingMethodChannelListingUpdate(id: $id, input: $input) {
                shippingMethod {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query,
            operation_name="ShippingMethodListing",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShippingMethodListing.model_validate(data)

    def attribute_create(
        self, input: AttributeCreateInput, **kwargs: Any
    ) -> AttributeCreate:
        query = gql("""
            mutation AttributeCreate($input: AttributeCreateInput!) {
              attributeCreate(input: $input) {
                attribute {
                  id
                  slug
                  choices(first: 100) {
                    edges {
                      node {
                        id
                        name
                        slug
                        externalReference
                      }
                    }
                  }
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="AttributeCreate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return AttributeCreate.model_validate(data)

    def attribute_value_create(
        self, attribute: str, input: AttributeValueCreateInput, **kwargs: Any
    ) -> AttributeValueCreate:
        query = gql("""
            mutation AttributeValueCreate($attribute: ID!, $input: AttributeValueCreateInput!) {
              attributeValueCreate(attribute: $attribute, input: $input) {
                attributeValue {
                  id
                  name
                  slug
                  externalReference
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"attribute": attribute, "input": input}
        response = self.execute(
            query=query,
            operation_name="AttributeValueCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return AttributeValueCreate.model_validate(data)

    def attribute_translate(
        self,
        id: str,
        language: LanguageCodeEnum,
        input: NameTranslationInput,
        **kwargs: Any,
    ) -> AttributeTranslate:
        query = gql("""
            mutation AttributeTranslate($id: ID!, $language: LanguageCodeEnum!, $input: NameTranslationInput!) {
              attributeTranslate(id: $id, languageCode: $language, input: $input) {
                attribute {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "language": language, "input": input}
        response = self.execute(
            query=query,
            operation_name="AttributeTranslate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return AttributeTranslate.model_validate(data)

    def attribute_value_translate(
        self,
        id: str,
        language: LanguageCodeEnum,
        input: AttributeValueTranslationInput,
        **kwargs: Any,
    ) -> AttributeValueTranslate:
        query = gql("""
            mutation AttributeValueTranslate($id: ID!, $language: LanguageCodeEnum!, $input: AttributeValueTranslationInput!) {
              attributeValueTranslate(id: $id, languageCode: $language, input: $input) {
                attributeValue {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "language": language, "input": input}
        response = self.execute(
            query=query,
            operation_name="AttributeValueTranslate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return AttributeValueTranslate.model_validate(data)

    def page_type_create(
        self, input: PageTypeCreateInput, **kwargs: Any
    ) -> PageTypeCreate:
        query = gql("""
            mutation PageTypeCreate($input: PageTypeCreateInput!) {
              pageTypeCreate(input: $input) {
                pageType {
                  id
                  slug
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="PageTypeCreate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PageTypeCreate.model_validate(data)

    def page_attribute_assign(
        self, page_type: str, attributes: list[str], **kwargs: Any
    ) -> PageAttributeAssign:
        query = gql("""
            mutation PageAttributeAssign($pageType: ID!, $attributes: [ID!]!) {
              pageAttributeAssign(pageTypeId: $pageType, attributeIds: $attributes) {
                pageType {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"pageType": page_type, "attributes": attributes}
        response = self.execute(
            query=query,
            operation_name="PageAttributeAssign",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PageAttributeAssign.model_validate(data)

    def product_type_create(
        self, input: ProductTypeInput, **kwargs: Any
    ) -> ProductTypeCreate:
        query = gql("""
            mutation ProductTypeCreate($input: ProductTypeInput!) {
              productTypeCreate(input: $input) {
                productType {
                  id
                  slug
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="ProductTypeCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProductTypeCreate.model_validate(data)

    def product_attribute_assign(
        self,
        product_type: str,
        operations: list[ProductAttributeAssignInput],
        **kwargs: Any,
    ) -> ProductAttributeAssign:
        query = gql("""
            mutation ProductAttributeAssign($productType: ID!, $operations: [ProductAttributeAssignInput!]!) {
              productAttributeAssign(productTypeId: $productType, operations: $operations) {
                productType {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "productType": product_type,
            "operations": operations,
        }
        response = self.execute(
            query=query,
            operation_name="ProductAttributeAssign",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProductAttributeAssign.model_validate(data)

    def category_create(
        self,
        input: CategoryInput,
        parent: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> CategoryCreate:
        query = gql("""
            mutation CategoryCreate($input: CategoryInput!, $parent: ID) {
              categoryCreate(input: $input, parent: $parent) {
                category {
                  id
                  slug
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input, "parent": parent}
        response = self.execute(
            query=query, operation_name="CategoryCreate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CategoryCreate.model_validate(data)

    def category_translate(
        self,
        id: str,
        language: LanguageCodeEnum,
        input: TranslationInput,
        **kwargs: Any,
    ) -> CategoryTranslate:
        query = gql("""
            mutation CategoryTranslate($id: ID!, $language: LanguageCodeEnum!, $input: TranslationInput!) {
              categoryTranslate(id: $id, languageCode: $language, input: $input) {
                category {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "language": language, "input": input}
        response = self.execute(
            query=query,
            operation_name="CategoryTranslate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CategoryTranslate.model_validate(data)

    def producer_pages(
        self,
        page_type: str,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ProducerPages:
        query = gql("""
            query ProducerPages($pageType: ID!, $first: Int, $after: String) {
              pages(where: {pageType: {eq: $pageType}}, first: $first, after: $after) {
                edges {
                  node {
                    ...ProducerPageNode
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }

            fragment AssignedValue on AssignedAttribute {
              attribute {
                slug
              }
              ... on AssignedPlainTextAttribute {
                text: value
              }
              ... on AssignedNumericAttribute {
                number: value
              }
              ... on AssignedDateAttribute {
                day: value
              }
              ... on AssignedSingleChoiceAttribute {
                choice: value {
                  slug
                }
              }
              ... on AssignedSinglePageReferenceAttribute {
                page: value {
                  id
                }
              }
            }

            fragment ProducerPageNode on Page {
              id
              slug
              title
              assignedAttributes(limit: 100) {
                __typename
                ...AssignedValue
              }
            }
            """)
        variables: dict[str, object] = {
            "pageType": page_type,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="ProducerPages", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ProducerPages.model_validate(data)

    def catalogue_products(
        self,
        product_types: list[str],
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> CatalogueProducts:
        query = gql("""
            query CatalogueProducts($productTypes: [ID!]!, $first: Int, $after: String) {
              products(
                where: {productType: {oneOf: $productTypes}}
                first: $first
                after: $after
              ) {
                edges {
                  node {
                    ...CatalogueProductNode
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }

            fragment AssignedValue on AssignedAttribute {
              attribute {
                slug
              }
              ... on AssignedPlainTextAttribute {
                text: value
              }
              ... on AssignedNumericAttribute {
                number: value
              }
              ... on AssignedDateAttribute {
                day: value
              }
              ... on AssignedSingleChoiceAttribute {
                choice: value {
                  slug
                }
              }
              ... on AssignedSinglePageReferenceAttribute {
                page: value {
                  id
                }
              }
            }

            fragment CatalogueProductNode on Product {
              id
              slug
              name
              externalReference
              category {
                slug
              }
              productVariants(first: 1) {
                edges {
                  node {
                    id
                  }
                }
              }
              assignedAttributes(limit: 100) {
                __typename
                ...AssignedValue
              }
            }
            """)
        variables: dict[str, object] = {
            "productTypes": product_types,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query,
            operation_name="CatalogueProducts",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CatalogueProducts.model_validate(data)

    def page_create(self, input: PageCreateInput, **kwargs: Any) -> PageCreate:
        query = gql("""
            mutation PageCreate($input: PageCreateInput!) {
              pageCreate(input: $input) {
                page {
                  id
                  slug
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="PageCreate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PageCreate.model_validate(data)

    def page_update(self, id: str, input: PageInput, **kwargs: Any) -> PageUpdate:
        query = gql("""
            mutation PageUpdate($id: ID!, $input: PageInput!) {
              pageUpdate(id: $id, input: $input) {
                page {
                  id
                  slug
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query, operation_name="PageUpdate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PageUpdate.model_validate(data)

    def product_bulk_create(
        self, products: list[ProductBulkCreateInput], **kwargs: Any
    ) -> ProductBulkCreate:
        query = gql("""
            mutation ProductBulkCreate($products: [ProductBulkCreateInput!]!) {
              productBulkCreate(products: $products, errorPolicy: REJECT_FAILED_ROWS) {
                count
                results {
                  product {
                    id
                    slug
                    externalReference
                    productType {
                      slug
                    }
                  }
                  errors {
                    path
                    code
                    message
                  }
                }
                errors {
                  path
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"products": products}
        response = self.execute(
            query=query,
            operation_name="ProductBulkCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProductBulkCreate.model_validate(data)

    def product_update(
        self, id: str, input: ProductInput, **kwargs: Any
    ) -> ProductUpdate:
        query = gql("""
            mutation ProductUpdate($id: ID!, $input: ProductInput!) {
              productUpdate(id: $id, input: $input) {
                product {
                  id
                  externalReference
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query, operation_name="ProductUpdate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ProductUpdate.model_validate(data)

    def variant_create(
        self, input: ProductVariantCreateInput, **kwargs: Any
    ) -> VariantCreate:
        query = gql("""
            mutation VariantCreate($input: ProductVariantCreateInput!) {
              productVariantCreate(input: $input) {
                productVariant {
                  id
                  sku
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="VariantCreate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return VariantCreate.model_validate(data)

    def product_channel_listing(
        self, id: str, input: ProductChannelListingUpdateInput, **kwargs: Any
    ) -> ProductChannelListing:
        query = gql("""
            mutation ProductChannelListing($id: ID!, $input: ProductChannelListingUpdateInput!) {
              productChannelListingUpdate(id: $id, input: $input) {
                product {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query,
            operation_name="ProductChannelListing",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProductChannelListing.model_validate(data)

    def variant_channel_listing(
        self, id: str, input: list[ProductVariantChannelListingAddInput], **kwargs: Any
    ) -> VariantChannelListing:
        query = gql("""
            mutation VariantChannelListing($id: ID!, $input: [ProductVariantChannelListingAddInput!]!) {
              productVariantChannelListingUpdate(id: $id, input: $input) {
                variant {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query,
            operation_name="VariantChannelListing",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return VariantChannelListing.model_validate(data)

    def producer_page_key(self, id: str, key: str, **kwargs: Any) -> ProducerPageKey:
        query = gql("""
            mutation ProducerPageKey($id: ID!, $key: String!) {
              updateMetadata(id: $id, input: [{key: "ocop-producer-key", value: $key}]) {
                item {
                  __typename
                  ... on Page {
                    id
                    slug
                  }
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "key": key}
        response = self.execute(
            query=query, operation_name="ProducerPageKey", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ProducerPageKey.model_validate(data)

    def shop_checkout_read(self, id: str, **kwargs: Any) -> ShopCheckoutRead:
        query = gql("""
            query ShopCheckoutRead($id: ID!) {
              checkout(id: $id) {
                ...ShopCheckout
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckout on Checkout {
              id
              email
              isShippingRequired
              quantity
              lines {
                id
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
                variant {
                  id
                  name
                  quantityAvailable
                  translation(languageCode: EN) {
                    name
                  }
                  product {
                    id
                    slug
                    name
                    translation(languageCode: EN) {
                      name
                    }
                    productType {
                      isShippingRequired
                    }
                  }
                }
              }
              subtotalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              totalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingAddress {
                firstName
                phone
                streetAddress1
                city
                countryArea
              }
              billingAddress {
                firstName
                phone
              }
              shippingMethods {
                id
                name
                price {
                  ...CartMoney
                }
              }
              delivery {
                shippingMethod {
                  id
                }
              }
              problems {
                __typename
                ... on CheckoutLineProblemInsufficientStock {
                  availableQuantity
                  line {
                    id
                  }
                }
                ... on CheckoutLineProblemVariantNotAvailable {
                  line {
                    id
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="ShopCheckoutRead",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShopCheckoutRead.model_validate(data)

    def shop_checkout_create(
        self,
        channel: str,
        lines: list[CheckoutLineInput],
        language: LanguageCodeEnum,
        **kwargs: Any,
    ) -> ShopCheckoutCreate:
        query = gql("""
            mutation ShopCheckoutCreate($channel: String!, $lines: [CheckoutLineInput!]!, $language: LanguageCodeEnum!) {
              checkoutCreate(
                input: {channel: $channel, lines: $lines, languageCode: $language}
              ) {
                checkout {
                  ...ShopCheckout
                }
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckout on Checkout {
              id
              email
              isShippingRequired
              quantity
              lines {
                id
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
                variant {
                  id
                  name
                  quantityAvailable
                  translation(languageCode: EN) {
                    name
                  }
                  product {
                    id
                    slug
                    name
                    translation(languageCode: EN) {
                      name
                    }
                    productType {
                      isShippingRequired
                    }
                  }
                }
              }
              subtotalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              totalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingAddress {
                firstName
                phone
                streetAddress1
                city
                countryArea
              }
              billingAddress {
                firstName
                phone
              }
              shippingMethods {
                id
                name
                price {
                  ...CartMoney
                }
              }
              delivery {
                shippingMethod {
                  id
                }
              }
              problems {
                __typename
                ... on CheckoutLineProblemInsufficientStock {
                  availableQuantity
                  line {
                    id
                  }
                }
                ... on CheckoutLineProblemVariantNotAvailable {
                  line {
                    id
                  }
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {
            "channel": channel,
            "lines": lines,
            "language": language,
        }
        response = self.execute(
            query=query,
            operation_name="ShopCheckoutCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShopCheckoutCreate.model_validate(data)

    def shop_lines_add(
        self, id: str, lines: list[CheckoutLineInput], **kwargs: Any
    ) -> ShopLinesAdd:
        query = gql("""
            mutation ShopLinesAdd($id: ID!, $lines: [CheckoutLineInput!]!) {
              checkoutLinesAdd(id: $id, lines: $lines) {
                checkout {
                  ...ShopCheckout
                }
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckout on Checkout {
              id
              email
              isShippingRequired
              quantity
              lines {
                id
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
                variant {
                  id
                  name
                  quantityAvailable
                  translation(languageCode: EN) {
                    name
                  }
                  product {
                    id
                    slug
                    name
                    translation(languageCode: EN) {
                      name
                    }
                    productType {
                      isShippingRequired
                    }
                  }
                }
              }
              subtotalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              totalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingAddress {
                firstName
                phone
                streetAddress1
                city
                countryArea
              }
              billingAddress {
                firstName
                phone
              }
              shippingMethods {
                id
                name
                price {
                  ...CartMoney
                }
              }
              delivery {
                shippingMethod {
                  id
                }
              }
              problems {
                __typename
                ... on CheckoutLineProblemInsufficientStock {
                  availableQuantity
                  line {
                    id
                  }
                }
                ... on CheckoutLineProblemVariantNotAvailable {
                  line {
                    id
                  }
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {"id": id, "lines": lines}
        response = self.execute(
            query=query, operation_name="ShopLinesAdd", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ShopLinesAdd.model_validate(data)

    def shop_lines_update(
        self, id: str, lines: list[CheckoutLineUpdateInput], **kwargs: Any
    ) -> ShopLinesUpdate:
        query = gql("""
            mutation ShopLinesUpdate($id: ID!, $lines: [CheckoutLineUpdateInput!]!) {
              checkoutLinesUpdate(id: $id, lines: $lines) {
                checkout {
                  ...ShopCheckout
                }
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckout on Checkout {
              id
              email
              isShippingRequired
              quantity
              lines {
                id
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
                variant {
                  id
                  name
                  quantityAvailable
                  translation(languageCode: EN) {
                    name
                  }
                  product {
                    id
                    slug
                    name
                    translation(languageCode: EN) {
                      name
                    }
                    productType {
                      isShippingRequired
                    }
                  }
                }
              }
              subtotalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              totalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingAddress {
                firstName
                phone
                streetAddress1
                city
                countryArea
              }
              billingAddress {
                firstName
                phone
              }
              shippingMethods {
                id
                name
                price {
                  ...CartMoney
                }
              }
              delivery {
                shippingMethod {
                  id
                }
              }
              problems {
                __typename
                ... on CheckoutLineProblemInsufficientStock {
                  availableQuantity
                  line {
                    id
                  }
                }
                ... on CheckoutLineProblemVariantNotAvailable {
                  line {
                    id
                  }
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {"id": id, "lines": lines}
        response = self.execute(
            query=query, operation_name="ShopLinesUpdate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ShopLinesUpdate.model_validate(data)

    def shop_lines_delete(
        self, id: str, lines: list[str], **kwargs: Any
    ) -> ShopLinesDelete:
        query = gql("""
            mutation ShopLinesDelete($id: ID!, $lines: [ID!]!) {
              checkoutLinesDelete(id: $id, linesIds: $lines) {
                checkout {
                  ...ShopCheckout
                }
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckout on Checkout {
              id
              email
              isShippingRequired
              quantity
              lines {
                id
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
                variant {
                  id
                  name
                  quantityAvailable
                  translation(languageCode: EN) {
                    name
                  }
                  product {
                    id
                    slug
                    name
                    translation(languageCode: EN) {
                      name
                    }
                    productType {
                      isShippingRequired
                    }
                  }
                }
              }
              subtotalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              totalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingAddress {
                firstName
                phone
                streetAddress1
                city
                countryArea
              }
              billingAddress {
                firstName
                phone
              }
              shippingMethods {
                id
                name
                price {
                  ...CartMoney
                }
              }
              delivery {
                shippingMethod {
                  id
                }
              }
              problems {
                __typename
                ... on CheckoutLineProblemInsufficientStock {
                  availableQuantity
                  line {
                    id
                  }
                }
                ... on CheckoutLineProblemVariantNotAvailable {
                  line {
                    id
                  }
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {"id": id, "lines": lines}
        response = self.execute(
            query=query, operation_name="ShopLinesDelete", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ShopLinesDelete.model_validate(data)

    def shop_email_update(self, id: str, email: str, **kwargs: Any) -> ShopEmailUpdate:
        query = gql("""
            mutation ShopEmailUpdate($id: ID!, $email: String!) {
              checkoutEmailUpdate(id: $id, email: $email) {
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {"id": id, "email": email}
        response = self.execute(
            query=query, operation_name="ShopEmailUpdate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ShopEmailUpdate.model_validate(data)

    def shop_shipping_address_update(
        self, id: str, address: AddressInput, **kwargs: Any
    ) -> ShopShippingAddressUpdate:
        query = gql("""
            mutation ShopShippingAddressUpdate($id: ID!, $address: AddressInput!) {
              checkoutShippingAddressUpdate(
                id: $id
                shippingAddress: $address
                saveAddress: false
              ) {
                checkout {
                  ...ShopCheckout
                }
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckout on Checkout {
              id
              email
              isShippingRequired
              quantity
              lines {
                id
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
                variant {
                  id
                  name
                  quantityAvailable
                  translation(languageCode: EN) {
                    name
                  }
                  product {
                    id
                    slug
                    name
                    translation(languageCode: EN) {
                      name
                    }
                    productType {
                      isShippingRequired
                    }
                  }
                }
              }
              subtotalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              totalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingAddress {
                firstName
                phone
                streetAddress1
                city
                countryArea
              }
              billingAddress {
                firstName
                phone
              }
              shippingMethods {
                id
                name
                price {
                  ...CartMoney
                }
              }
              delivery {
                shippingMethod {
                  id
                }
              }
              problems {
                __typename
                ... on CheckoutLineProblemInsufficientStock {
                  availableQuantity
                  line {
                    id
                  }
                }
                ... on CheckoutLineProblemVariantNotAvailable {
                  line {
                    id
                  }
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {"id": id, "address": address}
        response = self.execute(
            query=query,
            operation_name="ShopShippingAddressUpdate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShopShippingAddressUpdate.model_validate(data)

    def shop_billing_address_update(
        self,
        id: str,
        address: AddressInput,
        rules: CheckoutAddressValidationRules,
        **kwargs: Any,
    ) -> ShopBillingAddressUpdate:
        query = gql("""
            mutation ShopBillingAddressUpdate($id: ID!, $address: AddressInput!, $rules: CheckoutAddressValidationRules!) {
              checkoutBillingAddressUpdate(
                id: $id
                billingAddress: $address
                saveAddress: false
                validationRules: $rules
              ) {
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {"id": id, "address": address, "rules": rules}
        response = self.execute(
            query=query,
            operation_name="ShopBillingAddressUpdate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShopBillingAddressUpdate.model_validate(data)

    def shop_delivery_method_update(
        self, id: str, method: str, **kwargs: Any
    ) -> ShopDeliveryMethodUpdate:
        query = gql("""
            mutation ShopDeliveryMethodUpdate($id: ID!, $method: ID!) {
              checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {
                checkout {
                  ...ShopCheckout
                }
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckout on Checkout {
              id
              email
              isShippingRequired
              quantity
              lines {
                id
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
                variant {
                  id
                  name
                  quantityAvailable
                  translation(languageCode: EN) {
                    name
                  }
                  product {
                    id
                    slug
                    name
                    translation(languageCode: EN) {
                      name
                    }
                    productType {
                      isShippingRequired
                    }
                  }
                }
              }
              subtotalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              totalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingAddress {
                firstName
                phone
                streetAddress1
                city
                countryArea
              }
              billingAddress {
                firstName
                phone
              }
              shippingMethods {
                id
                name
                price {
                  ...CartMoney
                }
              }
              delivery {
                shippingMethod {
                  id
                }
              }
              problems {
                __typename
                ... on CheckoutLineProblemInsufficientStock {
                  availableQuantity
                  line {
                    id
                  }
                }
                ... on CheckoutLineProblemVariantNotAvailable {
                  line {
                    id
                  }
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {"id": id, "method": method}
        response = self.execute(
            query=query,
            operation_name="ShopDeliveryMethodUpdate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShopDeliveryMethodUpdate.model_validate(data)

    def shop_checkout_complete(self, id: str, **kwargs: Any) -> ShopCheckoutComplete:
        query = gql("""
            mutation ShopCheckoutComplete($id: ID!) {
              checkoutComplete(id: $id) {
                order {
                  ...ShopOrder
                }
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }

            fragment ShopOrder on Order {
              id
              number
              created
              isShippingRequired
              total {
                gross {
                  ...CartMoney
                }
              }
              subtotal {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              lines {
                productName
                variantName
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="ShopCheckoutComplete",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShopCheckoutComplete.model_validate(data)

    def shop_order_read(self, id: str, **kwargs: Any) -> ShopOrderRead:
        query = gql("""
            query ShopOrderRead($id: ID!) {
              order(id: $id) {
                ...ShopOrder
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopOrder on Order {
              id
              number
              created
              isShippingRequired
              total {
                gross {
                  ...CartMoney
                }
              }
              subtotal {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              lines {
                productName
                variantName
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="ShopOrderRead", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ShopOrderRead.model_validate(data)

    def shop_transaction_initialize(
        self, id: str, amount: Any, data: Any, key: str, **kwargs: Any
    ) -> ShopTransactionInitialize:
        query = gql("""
            mutation ShopTransactionInitialize($id: ID!, $amount: PositiveDecimal!, $data: JSON!, $key: String!) {
              transactionInitialize(
                id: $id
                amount: $amount
                paymentGateway: {id: "ocop.market", data: $data}
                idempotencyKey: $key
              ) {
                transaction {
                  id
                }
                transactionEvent {
                  ...ShopTransactionEvent
                }
                data
                errors {
                  field
                  code
                  message
                }
              }
            }

            fragment ShopTransactionEvent on TransactionEvent {
              type
              message
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "amount": amount,
            "data": data,
            "key": key,
        }
        response = self.execute(
            query=query,
            operation_name="ShopTransactionInitialize",
            variables=variables,
            **kwargs,
        )
        _data = self.get_data(response)
        return ShopTransactionInitialize.model_validate(_data)

    def shop_transaction_process(
        self, id: str, data: Union[Optional[Any], UnsetType] = UNSET, **kwargs: Any
    ) -> ShopTransactionProcess:
        query = gql("""
            mutation ShopTransactionProcess($id: ID!, $data: JSON) {
              transactionProcess(id: $id, data: $data) {
                transaction {
                  id
                  chargedAmount {
                    ...CartMoney
                  }
                  authorizedAmount {
                    ...CartMoney
                  }
                }
                transactionEvent {
                  ...ShopTransactionEvent
                }
                data
                errors {
                  field
                  code
                  message
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopTransactionEvent on TransactionEvent {
              type
              message
            }
            """)
        variables: dict[str, object] = {"id": id, "data": data}
        response = self.execute(
            query=query,
            operation_name="ShopTransactionProcess",
            variables=variables,
            **kwargs,
        )
        _data = self.get_data(response)
        return ShopTransactionProcess.model_validate(_data)

    def shop_details_delivered(
        self,
        id: str,
        email: str,
        address: AddressInput,
        rules: CheckoutAddressValidationRules,
        method: str,
        **kwargs: Any,
    ) -> ShopDetailsDelivered:
        query = gql("""
            mutation ShopDetailsDelivered($id: ID!, $email: String!, $address: AddressInput!, $rules: CheckoutAddressValidationRules!, $method: ID!) {
              email: checkoutEmailUpdate(id: $id, email: $email) {
                errors {
                  ...ShopCheckoutError
                }
              }
              shipping: checkoutShippingAddressUpdate(
                id: $id
                shippingAddress: $address
                saveAddress: false
              ) {
                errors {
                  ...ShopCheckoutError
                }
              }
              billing: checkoutBillingAddressUpdate(
                id: $id
                billingAddress: $address
                saveAddress: false
                validationRules: $rules
              ) {
                errors {
                  ...ShopCheckoutError
                }
              }
              delivery: checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {
                checkout {
                  ...ShopCheckout
                }
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckout on Checkout {
              id
              email
              isShippingRequired
              quantity
              lines {
                id
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
                variant {
                  id
                  name
                  quantityAvailable
                  translation(languageCode: EN) {
                    name
                  }
                  product {
                    id
                    slug
                    name
                    translation(languageCode: EN) {
                      name
                    }
                    productType {
                      isShippingRequired
                    }
                  }
                }
              }
              subtotalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              totalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingAddress {
                firstName
                phone
                streetAddress1
                city
                countryArea
              }
              billingAddress {
                firstName
                phone
              }
              shippingMethods {
                id
                name
                price {
                  ...CartMoney
                }
              }
              delivery {
                shippingMethod {
                  id
                }
              }
              problems {
                __typename
                ... on CheckoutLineProblemInsufficientStock {
                  availableQuantity
                  line {
                    id
                  }
                }
                ... on CheckoutLineProblemVariantNotAvailable {
                  line {
                    id
                  }
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "email": email,
            "address": address,
            "rules": rules,
            "method": method,
        }
        response = self.execute(
            query=query,
            operation_name="ShopDetailsDelivered",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShopDetailsDelivered.model_validate(data)

    def shop_details_addressed(
        self,
        id: str,
        email: str,
        address: AddressInput,
        rules: CheckoutAddressValidationRules,
        **kwargs: Any,
    ) -> ShopDetailsAddressed:
        query = gql("""
            mutation ShopDetailsAddressed($id: ID!, $email: String!, $address: AddressInput!, $rules: CheckoutAddressValidationRules!) {
              email: checkoutEmailUpdate(id: $id, email: $email) {
                errors {
                  ...ShopCheckoutError
                }
              }
              billing: checkoutBillingAddressUpdate(
                id: $id
                billingAddress: $address
                saveAddress: false
                validationRules: $rules
              ) {
                errors {
                  ...ShopCheckoutError
                }
              }
              shipping: checkoutShippingAddressUpdate(
                id: $id
                shippingAddress: $address
                saveAddress: false
              ) {
                checkout {
                  ...ShopCheckout
                }
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckout on Checkout {
              id
              email
              isShippingRequired
              quantity
              lines {
                id
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
                variant {
                  id
                  name
                  quantityAvailable
                  translation(languageCode: EN) {
                    name
                  }
                  product {
                    id
                    slug
                    name
                    translation(languageCode: EN) {
                      name
                    }
                    productType {
                      isShippingRequired
                    }
                  }
                }
              }
              subtotalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              totalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingAddress {
                firstName
                phone
                streetAddress1
                city
                countryArea
              }
              billingAddress {
                firstName
                phone
              }
              shippingMethods {
                id
                name
                price {
                  ...CartMoney
                }
              }
              delivery {
                shippingMethod {
                  id
                }
              }
              problems {
                __typename
                ... on CheckoutLineProblemInsufficientStock {
                  availableQuantity
                  line {
                    id
                  }
                }
                ... on CheckoutLineProblemVariantNotAvailable {
                  line {
                    id
                  }
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "email": email,
            "address": address,
            "rules": rules,
        }
        response = self.execute(
            query=query,
            operation_name="ShopDetailsAddressed",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShopDetailsAddressed.model_validate(data)

    def shop_details_contact(
        self,
        id: str,
        email: str,
        address: AddressInput,
        rules: CheckoutAddressValidationRules,
        **kwargs: Any,
    ) -> ShopDetailsContact:
        query = gql("""
            mutation ShopDetailsContact($id: ID!, $email: String!, $address: AddressInput!, $rules: CheckoutAddressValidationRules!) {
              email: checkoutEmailUpdate(id: $id, email: $email) {
                errors {
                  ...ShopCheckoutError
                }
              }
              billing: checkoutBillingAddressUpdate(
                id: $id
                billingAddress: $address
                saveAddress: false
                validationRules: $rules
              ) {
                checkout {
                  ...ShopCheckout
                }
                errors {
                  ...ShopCheckoutError
                }
              }
            }

            fragment CartMoney on Money {
              amount
              currency
            }

            fragment ShopCheckout on Checkout {
              id
              email
              isShippingRequired
              quantity
              lines {
                id
                quantity
                unitPrice {
                  gross {
                    ...CartMoney
                  }
                }
                totalPrice {
                  gross {
                    ...CartMoney
                  }
                }
                variant {
                  id
                  name
                  quantityAvailable
                  translation(languageCode: EN) {
                    name
                  }
                  product {
                    id
                    slug
                    name
                    translation(languageCode: EN) {
                      name
                    }
                    productType {
                      isShippingRequired
                    }
                  }
                }
              }
              subtotalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingPrice {
                gross {
                  ...CartMoney
                }
              }
              totalPrice {
                gross {
                  ...CartMoney
                }
              }
              shippingAddress {
                firstName
                phone
                streetAddress1
                city
                countryArea
              }
              billingAddress {
                firstName
                phone
              }
              shippingMethods {
                id
                name
                price {
                  ...CartMoney
                }
              }
              delivery {
                shippingMethod {
                  id
                }
              }
              problems {
                __typename
                ... on CheckoutLineProblemInsufficientStock {
                  availableQuantity
                  line {
                    id
                  }
                }
                ... on CheckoutLineProblemVariantNotAvailable {
                  line {
                    id
                  }
                }
              }
            }

            fragment ShopCheckoutError on CheckoutError {
              field
              code
              message
              lines
              variants
              addressType
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "email": email,
            "address": address,
            "rules": rules,
        }
        response = self.execute(
            query=query,
            operation_name="ShopDetailsContact",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShopDetailsContact.model_validate(data)

    def ocop_transaction_event_report(
        self,
        id: str,
        psp_reference: str,
        type_: TransactionEventTypeEnum,
        amount: Union[Optional[Any], UnsetType] = UNSET,
        message: Union[Optional[str], UnsetType] = UNSET,
        available_actions: Union[
            Optional[list[TransactionActionEnum]], UnsetType
        ] = UNSET,
        **kwargs: Any,
    ) -> OcopTransactionEventReport:
        query = gql("""
            mutation OcopTransactionEventReport($id: ID!, $pspReference: String!, $type: TransactionEventTypeEnum!, $amount: PositiveDecimal, $message: String, $availableActions: [TransactionActionEnum!]) {
              transactionEventReport(
                id: $id
                pspReference: $pspReference
                type: $type
                amount: $amount
                message: $message
                availableActions: $availableActions
              ) {
                alreadyProcessed
                transaction {
                  id
                  chargedAmount {
                    amount
                    currency
                  }
                  authorizedAmount {
                    amount
                    currency
                  }
                }
                transactionEvent {
                  id
                  type
                  pspReference
                  amount {
                    amount
                    currency
                  }
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "pspReference": psp_reference,
            "type": type_,
            "amount": amount,
            "message": message,
            "availableActions": available_actions,
        }
        response = self.execute(
            query=query,
            operation_name="OcopTransactionEventReport",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return OcopTransactionEventReport.model_validate(data)

    def payout_order_by_id(self, id: str, **kwargs: Any) -> PayoutOrderById:
        query = gql("""
            query PayoutOrderById($id: ID!) {
              order(id: $id) {
                ...PayoutOrderNode
              }
            }

            fragment PayoutOrderNode on Order {
              id
              number
              status
              chargeStatus
              updatedAt
              channel {
                slug
              }
              totalCharged {
                amount
                currency
              }
              lines {
                id
                productName
                variantName
                quantity
                unitPrice {
                  gross {
                    amount
                  }
                }
                totalPrice {
                  gross {
                    amount
                    currency
                  }
                }
                variant {
                  id
                  product {
                    id
                    producer: assignedAttribute(slug: "producer") {
                      __typename
                      ... on AssignedSinglePageReferenceAttribute {
                        page: value {
                          id
                          slug
                        }
                      }
                    }
                  }
                }
              }
              fulfillments {
                id
                status
                created
                lines {
                  quantity
                  orderLine {
                    id
                  }
                }
              }
              grantedRefunds {
                id
                status
                updatedAt
                amount {
                  amount
                }
                lines {
                  quantity
                  orderLine {
                    id
                  }
                }
              }
              transactions {
                events {
                  type
                  createdAt
                  amount {
                    amount
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="PayoutOrderById", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PayoutOrderById.model_validate(data)

    def payout_orders_updated_since(
        self,
        since: datetime,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> PayoutOrdersUpdatedSince:
        query = gql("""
            query PayoutOrdersUpdatedSince($since: DateTime!, $after: String) {
              orders(
                first: 100
                after: $after
                where: {updatedAt: {gte: $since}}
                sortBy: {field: LAST_MODIFIED_AT, direction: ASC}
              ) {
                edges {
                  node {
                    ...PayoutOrderNode
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }

            fragment PayoutOrderNode on Order {
              id
              number
              status
              chargeStatus
              updatedAt
              channel {
                slug
              }
              totalCharged {
                amount
                currency
              }
              lines {
                id
                productName
                variantName
                quantity
                unitPrice {
                  gross {
                    amount
                  }
                }
                totalPrice {
                  gross {
                    amount
                    currency
                  }
                }
                variant {
                  id
                  product {
                    id
                    producer: assignedAttribute(slug: "producer") {
                      __typename
                      ... on AssignedSinglePageReferenceAttribute {
                        page: value {
                          id
                          slug
                        }
                      }
                    }
                  }
                }
              }
              fulfillments {
                id
                status
                created
                lines {
                  quantity
                  orderLine {
                    id
                  }
                }
              }
              grantedRefunds {
                id
                status
                updatedAt
                amount {
                  amount
                }
                lines {
                  quantity
                  orderLine {
                    id
                  }
                }
              }
              transactions {
                events {
                  type
                  createdAt
                  amount {
                    amount
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"since": since, "after": after}
        response = self.execute(
            query=query,
            operation_name="PayoutOrdersUpdatedSince",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PayoutOrdersUpdatedSince.model_validate(data)

    def portal_variant(
        self, id: str, channel: str, warehouse: str, **kwargs: Any
    ) -> PortalVariant:
        query = gql("""
            query PortalVariant($id: ID!, $channel: String!, $warehouse: String!) {
              productVariant(id: $id) {
                id
                name
                product {
                  id
                  name
                  producer: assignedAttribute(slug: "producer") {
                    __typename
                    ... on AssignedSinglePageReferenceAttribute {
                      page: value {
                        id
                        slug
                      }
                    }
                  }
                }
                channelListings {
                  channel {
                    id
                    slug
                  }
                  price {
                    amount
                    currency
                  }
                }
                stocks {
                  warehouse {
                    id
                    slug
                  }
                  quantity
                }
              }
              warehouses(first: 1, filter: {slugs: [$warehouse]}) {
                edges {
                  node {
                    id
                    slug
                  }
                }
              }
              channel(slug: $channel) {
                id
                slug
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "channel": channel,
            "warehouse": warehouse,
        }
        response = self.execute(
            query=query, operation_name="PortalVariant", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PortalVariant.model_validate(data)

    def portal_variant_price(
        self, id: str, channel_id: str, price: Any, **kwargs: Any
    ) -> PortalVariantPrice:
        query = gql("""
            mutation PortalVariantPrice($id: ID!, $channelId: ID!, $price: PositiveDecimal!) {
              productVariantChannelListingUpdate(
                id: $id
                input: [{channelId: $channelId, price: $price}]
              ) {
                variant {
                  id
                  channelListings {
                    channel {
                      slug
                    }
                    price {
                      amount
                      currency
                    }
                  }
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "channelId": channel_id,
            "price": price,
        }
        response = self.execute(
            query=query,
            operation_name="PortalVariantPrice",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalVariantPrice.model_validate(data)

    def portal_variant_stock(
        self, id: str, warehouse_id: str, quantity: int, **kwargs: Any
    ) -> PortalVariantStock:
        query = gql("""
            mutation PortalVariantStock($id: ID!, $warehouseId: ID!, $quantity: Int!) {
              productVariantStocksUpdate(
                variantId: $id
                stocks: [{warehouse: $warehouseId, quantity: $quantity}]
              ) {
                productVariant {
                  id
                  stocks {
                    warehouse {
                      slug
                    }
                    quantity
                  }
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "warehouseId": warehouse_id,
            "quantity": quantity,
        }
        response = self.execute(
            query=query,
            operation_name="PortalVariantStock",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalVariantStock.model_validate(data)

    def portal_listing_target(
        self, page_slug: str, external_reference: str, **kwargs: Any
    ) -> PortalListingTarget:
        query = gql("""
            query PortalListingTarget($pageSlug: String!, $externalReference: String!) {
              page(slug: $pageSlug) {
                ...ProducerPageNode
              }
              product(externalReference: $externalReference) {
                ...CatalogueProductNode
                channelListings {
                  channel {
                    id
                    slug
                  }
                  isPublished
                }
                variants {
                  id
                  channelListings {
                    channel {
                      slug
                    }
                    price {
                      amount
                    }
                  }
                }
              }
            }

            fragment AssignedValue on AssignedAttribute {
              attribute {
                slug
              }
              ... on AssignedPlainTextAttribute {
                text: value
              }
              ... on AssignedNumericAttribute {
                number: value
              }
              ... on AssignedDateAttribute {
                day: value
              }
              ... on AssignedSingleChoiceAttribute {
                choice: value {
                  slug
                }
              }
              ... on AssignedSinglePageReferenceAttribute {
                page: value {
                  id
                }
              }
            }

            fragment CatalogueProductNode on Product {
              id
              slug
              name
              externalReference
              category {
                slug
              }
              productVariants(first: 1) {
                edges {
                  node {
                    id
                  }
                }
              }
              assignedAttributes(limit: 100) {
                __typename
                ...AssignedValue
              }
            }

            fragment ProducerPageNode on Page {
              id
              slug
              title
              assignedAttributes(limit: 100) {
                __typename
                ...AssignedValue
              }
            }
            """)
        variables: dict[str, object] = {
            "pageSlug": page_slug,
            "externalReference": external_reference,
        }
        response = self.execute(
            query=query,
            operation_name="PortalListingTarget",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalListingTarget.model_validate(data)

    def producer_order_by_number(
        self, number: int, **kwargs: Any
    ) -> ProducerOrderByNumber:
        query = gql("""
            query ProducerOrderByNumber($number: Int!) {
              orders(first: 1, where: {number: {eq: $number}}) {
                edges {
                  node {
                    ...ProducerOrderNode
                  }
                }
              }
            }

            fragment ProducerOrderNode on Order {
              id
              number
              created
              status
              shippingAddress {
                firstName
                lastName
                phone
                streetAddress1
                streetAddress2
                city
                countryArea
                postalCode
              }
              lines {
                id
                productName
                variantName
                productSku
                quantity
                quantityFulfilled
                quantityToFulfill
                unitPrice {
                  gross {
                    amount
                    currency
                  }
                }
                totalPrice {
                  gross {
                    amount
                    currency
                  }
                }
                variant {
                  id
                  product {
                    id
                    producer: assignedAttribute(slug: "producer") {
                      __typename
                      ... on AssignedSinglePageReferenceAttribute {
                        page: value {
                          id
                          slug
                        }
                      }
                    }
                  }
                }
              }
              fulfillments {
                id
                status
                created
                trackingNumber
                carrier: metafield(key: "carrier")
                lines {
                  quantity
                  orderLine {
                    id
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"number": number}
        response = self.execute(
            query=query,
            operation_name="ProducerOrderByNumber",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProducerOrderByNumber.model_validate(data)

    def producer_order_by_id(self, id: str, **kwargs: Any) -> ProducerOrderById:
        query = gql("""
            query ProducerOrderById($id: ID!) {
              order(id: $id) {
                ...ProducerOrderNode
              }
            }

            fragment ProducerOrderNode on Order {
              id
              number
              created
              status
              shippingAddress {
                firstName
                lastName
                phone
                streetAddress1
                streetAddress2
                city
                countryArea
                postalCode
              }
              lines {
                id
                productName
                variantName
                productSku
                quantity
                quantityFulfilled
                quantityToFulfill
                unitPrice {
                  gross {
                    amount
                    currency
                  }
                }
                totalPrice {
                  gross {
                    amount
                    currency
                  }
                }
                variant {
                  id
                  product {
                    id
                    producer: assignedAttribute(slug: "producer") {
                      __typename
                      ... on AssignedSinglePageReferenceAttribute {
                        page: value {
                          id
                          slug
                        }
                      }
                    }
                  }
                }
              }
              fulfillments {
                id
                status
                created
                trackingNumber
                carrier: metafield(key: "carrier")
                lines {
                  quantity
                  orderLine {
                    id
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="ProducerOrderById",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProducerOrderById.model_validate(data)

    def producer_orders(
        self, ids: list[str], first: int, **kwargs: Any
    ) -> ProducerOrders:
        query = gql("""
            query ProducerOrders($ids: [ID!]!, $first: Int!) {
              orders(
                first: $first
                where: {ids: $ids}
                sortBy: {field: NUMBER, direction: DESC}
              ) {
                edges {
                  node {
                    ...ProducerOrderNode
                  }
                }
              }
            }

            fragment ProducerOrderNode on Order {
              id
              number
              created
              status
              shippingAddress {
                firstName
                lastName
                phone
                streetAddress1
                streetAddress2
                city
                countryArea
                postalCode
              }
              lines {
                id
                productName
                variantName
                productSku
                quantity
                quantityFulfilled
                quantityToFulfill
                unitPrice {
                  gross {
                    amount
                    currency
                  }
                }
                totalPrice {
                  gross {
                    amount
                    currency
                  }
                }
                variant {
                  id
                  product {
                    id
                    producer: assignedAttribute(slug: "producer") {
                      __typename
                      ... on AssignedSinglePageReferenceAttribute {
                        page: value {
                          id
                          slug
                        }
                      }
                    }
                  }
                }
              }
              fulfillments {
                id
                status
                created
                trackingNumber
                carrier: metafield(key: "carrier")
                lines {
                  quantity
                  orderLine {
                    id
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"ids": ids, "first": first}
        response = self.execute(
            query=query, operation_name="ProducerOrders", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ProducerOrders.model_validate(data)

    def producer_warehouse(self, slug: str, **kwargs: Any) -> ProducerWarehouse:
        query = gql("""
            query ProducerWarehouse($slug: String!) {
              warehouses(first: 1, filter: {slugs: [$slug]}) {
                edges {
                  node {
                    id
                    slug
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"slug": slug}
        response = self.execute(
            query=query,
            operation_name="ProducerWarehouse",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProducerWarehouse.model_validate(data)

    def producer_order_fulfill(
        self,
        order: str,
        lines: list[OrderFulfillLineInput],
        tracking_number: str,
        **kwargs: Any,
    ) -> ProducerOrderFulfill:
        query = gql("""
            mutation ProducerOrderFulfill($order: ID!, $lines: [OrderFulfillLineInput!]!, $trackingNumber: String!) {
              orderFulfill(
                order: $order
                input: {lines: $lines, trackingNumber: $trackingNumber, notifyCustomer: true}
              ) {
                fulfillments {
                  id
                  status
                  trackingNumber
                  lines {
                    quantity
                    orderLine {
                      id
                    }
                  }
                }
                errors {
                  field
                  code
                  message
                  orderLines
                  warehouse
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "order": order,
            "lines": lines,
            "trackingNumber": tracking_number,
        }
        response = self.execute(
            query=query,
            operation_name="ProducerOrderFulfill",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProducerOrderFulfill.model_validate(data)

    def producer_fulfillment_carrier(
        self, id: str, carrier: str, **kwargs: Any
    ) -> ProducerFulfillmentCarrier:
        query = gql("""
            mutation ProducerFulfillmentCarrier($id: ID!, $carrier: String!) {
              updateMetadata(id: $id, input: [{key: "carrier", value: $carrier}]) {
                item {
                  __typename
                  ... on Fulfillment {
                    id
                    carrier: metafield(key: "carrier")
                  }
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "carrier": carrier}
        response = self.execute(
            query=query,
            operation_name="ProducerFulfillmentCarrier",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProducerFulfillmentCarrier.model_validate(data)

    def producer_orders_created_since(
        self,
        since: datetime,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ProducerOrdersCreatedSince:
        query = gql("""
            query ProducerOrdersCreatedSince($since: DateTime!, $after: String) {
              orders(
                first: 100
                after: $after
                where: {createdAt: {gte: $since}}
                sortBy: {field: CREATED_AT, direction: ASC}
              ) {
                edges {
                  node {
                    ...ProducerOrderNode
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }

            fragment ProducerOrderNode on Order {
              id
              number
              created
              status
              shippingAddress {
                firstName
                lastName
                phone
                streetAddress1
                streetAddress2
                city
                countryArea
                postalCode
              }
              lines {
                id
                productName
                variantName
                productSku
                quantity
                quantityFulfilled
                quantityToFulfill
                unitPrice {
                  gross {
                    amount
                    currency
                  }
                }
                totalPrice {
                  gross {
                    amount
                    currency
                  }
                }
                variant {
                  id
                  product {
                    id
                    producer: assignedAttribute(slug: "producer") {
                      __typename
                      ... on AssignedSinglePageReferenceAttribute {
                        page: value {
                          id
                          slug
                        }
                      }
                    }
                  }
                }
              }
              fulfillments {
                id
                status
                created
                trackingNumber
                carrier: metafield(key: "carrier")
                lines {
                  quantity
                  orderLine {
                    id
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"since": since, "after": after}
        response = self.execute(
            query=query,
            operation_name="ProducerOrdersCreatedSince",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProducerOrdersCreatedSince.model_validate(data)

    def producer_order_payment(self, id: str, **kwargs: Any) -> ProducerOrderPayment:
        query = gql("""
            query ProducerOrderPayment($id: ID!) {
              order(id: $id) {
                id
                chargeStatus
                userEmail
                languageCodeEnum
                totalCharged {
                  amount
                  currency
                }
                transactions {
                  id
                  chargedAmount {
                    amount
                    currency
                  }
                }
                grantedRefunds {
                  id
                  amount {
                    amount
                    currency
                  }
                  reason
                  lines {
                    quantity
                    orderLine {
                      id
                    }
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="ProducerOrderPayment",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProducerOrderPayment.model_validate(data)

    def producer_line_refund_grant(
        self,
        order: str,
        line: str,
        quantity: int,
        reason: str,
        transaction: str,
        **kwargs: Any,
    ) -> ProducerLineRefundGrant:
        query = gql("""
            mutation ProducerLineRefundGrant($order: ID!, $line: ID!, $quantity: Int!, $reason: String!, $transaction: ID!) {
              orderGrantRefundCreate(
                id: $order
                input: {lines: [{id: $line, quantity: $quantity, reason: $reason}], reason: $reason, transactionId: $transaction}
              ) {
                grantedRefund {
                  id
                  amount {
                    amount
                    currency
                  }
                  reason
                  lines {
                    quantity
                    orderLine {
                      id
                    }
                  }
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "order": order,
            "line": line,
            "quantity": quantity,
            "reason": reason,
            "transaction": transaction,
        }
        response = self.execute(
            query=query,
            operation_name="ProducerLineRefundGrant",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ProducerLineRefundGrant.model_validate(data)

    def portal_product(
        self, id: str, channel: str, warehouse: str, **kwargs: Any
    ) -> PortalProduct:
        query = gql("""
            query PortalProduct($id: ID!, $channel: String!, $warehouse: String!) {
              product(id: $id) {
                id
                name
                slug
                description
                producer: assignedAttribute(slug: "producer") {
                  __typename
                  ... on AssignedSinglePageReferenceAttribute {
                    page: value {
                      id
                      slug
                    }
                  }
                }
                productType {
                  slug
                }
                media {
                  id
                  alt
                  sortOrder
                  type
                  url(size: 512)
                }
                variants {
                  id
                  name
                  sku
                  channelListings {
                    channel {
                      slug
                    }
                    price {
                      amount
                      currency
                    }
                  }
                  stocks {
                    warehouse {
                      slug
                    }
                    quantity
                  }
                }
              }
              warehouses(first: 1, filter: {slugs: [$warehouse]}) {
                edges {
                  node {
                    id
                    slug
                  }
                }
              }
              channel(slug: $channel) {
                id
                slug
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "channel": channel,
            "warehouse": warehouse,
        }
        response = self.execute(
            query=query, operation_name="PortalProduct", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PortalProduct.model_validate(data)

    def portal_product_description(
        self, id: str, description: str, **kwargs: Any
    ) -> PortalProductDescription:
        query = gql("""
            mutation PortalProductDescription($id: ID!, $description: JSONString!) {
              productUpdate(id: $id, input: {description: $description}) {
                product {
                  id
                  description
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "description": description}
        response = self.execute(
            query=query,
            operation_name="PortalProductDescription",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalProductDescription.model_validate(data)

    def portal_media_create(
        self,
        product: str,
        image: Upload,
        alt: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> PortalMediaCreate:
        query = gql("""
            mutation PortalMediaCreate($product: ID!, $image: Upload!, $alt: String) {
              productMediaCreate(input: {product: $product, image: $image, alt: $alt}) {
                media {
                  id
                  alt
                  sortOrder
                  url(size: 512)
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"product": product, "image": image, "alt": alt}
        response = self.execute(
            query=query,
            operation_name="PortalMediaCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalMediaCreate.model_validate(data)

    def portal_media_update(
        self, id: str, alt: str, **kwargs: Any
    ) -> PortalMediaUpdate:
        query = gql("""
            mutation PortalMediaUpdate($id: ID!, $alt: String!) {
              productMediaUpdate(id: $id, input: {alt: $alt}) {
                media {
                  id
                  alt
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "alt": alt}
        response = self.execute(
            query=query,
            operation_name="PortalMediaUpdate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalMediaUpdate.model_validate(data)

    def portal_media_reorder(
        self, product: str, media: list[str], **kwargs: Any
    ) -> PortalMediaReorder:
        query = gql("""
            mutation PortalMediaReorder($product: ID!, $media: [ID!]!) {
              productMediaReorder(productId: $product, mediaIds: $media) {
                media {
                  id
                  sortOrder
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"product": product, "media": media}
        response = self.execute(
            query=query,
            operation_name="PortalMediaReorder",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalMediaReorder.model_validate(data)

    def portal_media_delete(self, id: str, **kwargs: Any) -> PortalMediaDelete:
        query = gql("""
            mutation PortalMediaDelete($id: ID!) {
              productMediaDelete(id: $id) {
                media {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="PortalMediaDelete",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalMediaDelete.model_validate(data)

    def portal_variant_create(
        self, product: str, name: str, sku: str, **kwargs: Any
    ) -> PortalVariantCreate:
        query = gql("""
            mutation PortalVariantCreate($product: ID!, $name: String!, $sku: String!) {
              productVariantCreate(
                input: {product: $product, name: $name, sku: $sku, attributes: [], trackInventory: true}
              ) {
                productVariant {
                  id
                  name
                  sku
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"product": product, "name": name, "sku": sku}
        response = self.execute(
            query=query,
            operation_name="PortalVariantCreate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalVariantCreate.model_validate(data)

    def portal_story_page(self, slug: str, **kwargs: Any) -> PortalStoryPage:
        query = gql("""
            query PortalStoryPage($slug: String!) {
              page(slug: $slug) {
                ...PortalStoryPageState
              }
            }

            fragment PortalStoryPageState on Page {
              id
              slug
              title
              content
              isPublished
              pageType {
                slug
                attributes {
                  id
                  slug
                }
              }
              photos: metafield(key: "ocop.photos")
              location: assignedAttribute(slug: "producer-location") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              phone: assignedAttribute(slug: "producer-phone") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              email: assignedAttribute(slug: "producer-email") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              province: assignedAttribute(slug: "producer-province") {
                __typename
                ... on AssignedSingleChoiceAttribute {
                  choice: value {
                    slug
                    name
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"slug": slug}
        response = self.execute(
            query=query, operation_name="PortalStoryPage", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PortalStoryPage.model_validate(data)

    def portal_story_update(
        self, id: str, input: PageInput, **kwargs: Any
    ) -> PortalStoryUpdate:
        query = gql("""
            mutation PortalStoryUpdate($id: ID!, $input: PageInput!) {
              pageUpdate(id: $id, input: $input) {
                page {
                  ...PortalStoryPageState
                }
                errors {
                  field
                  code
                  message
                }
              }
            }

            fragment PortalStoryPageState on Page {
              id
              slug
              title
              content
              isPublished
              pageType {
                slug
                attributes {
                  id
                  slug
                }
              }
              photos: metafield(key: "ocop.photos")
              location: assignedAttribute(slug: "producer-location") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              phone: assignedAttribute(slug: "producer-phone") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              email: assignedAttribute(slug: "producer-email") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              province: assignedAttribute(slug: "producer-province") {
                __typename
                ... on AssignedSingleChoiceAttribute {
                  choice: value {
                    slug
                    name
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query,
            operation_name="PortalStoryUpdate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalStoryUpdate.model_validate(data)

    def portal_story_photos(
        self, id: str, photos: str, **kwargs: Any
    ) -> PortalStoryPhotos:
        query = gql("""
            mutation PortalStoryPhotos($id: ID!, $photos: String!) {
              updateMetadata(id: $id, input: [{key: "ocop.photos", value: $photos}]) {
                errors {
                  field
                  code
                  message
                }
              }
              pageUpdate(id: $id, input: {}) {
                page {
                  ...PortalStoryPageState
                }
                errors {
                  field
                  code
                  message
                }
              }
            }

            fragment PortalStoryPageState on Page {
              id
              slug
              title
              content
              isPublished
              pageType {
                slug
                attributes {
                  id
                  slug
                }
              }
              photos: metafield(key: "ocop.photos")
              location: assignedAttribute(slug: "producer-location") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              phone: assignedAttribute(slug: "producer-phone") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              email: assignedAttribute(slug: "producer-email") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              province: assignedAttribute(slug: "producer-province") {
                __typename
                ... on AssignedSingleChoiceAttribute {
                  choice: value {
                    slug
                    name
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "photos": photos}
        response = self.execute(
            query=query,
            operation_name="PortalStoryPhotos",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalStoryPhotos.model_validate(data)

    def portal_story_file_upload(
        self, file: Upload, **kwargs: Any
    ) -> PortalStoryFileUpload:
        query = gql("""
            mutation PortalStoryFileUpload($file: Upload!) {
              fileUpload(file: $file) {
                uploadedFile {
                  url
                  contentType
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"file": file}
        response = self.execute(
            query=query,
            operation_name="PortalStoryFileUpload",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PortalStoryFileUpload.model_validate(data)

    def catalogue_products_page(
        self,
        channel: str,
        first: int,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> CatalogueProductsPage:
        query = gql("""
            query CatalogueProductsPage($channel: String!, $first: Int!, $after: String) {
              products(
                channel: $channel
                first: $first
                after: $after
                sortBy: {field: CREATED_AT, direction: ASC}
              ) {
                totalCount
                edges {
                  node {
                    ...CatalogueProduct
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }

            fragment CatalogueProduct on Product {
              id
              slug
              name
              description
              seoDescription
              created
              updatedAt
              isAvailableForPurchase
              translation(languageCode: EN) {
                name
                description
              }
              productType {
                slug
              }
              category {
                slug
              }
              thumbnail(size: 512) {
                url
                alt
              }
              media {
                url(size: 1024)
                alt
                type
              }
              variants {
                id
                name
                sku
                quantityAvailable
                translation(languageCode: EN) {
                  name
                }
                pricing {
                  price {
                    gross {
                      amount
                      currency
                    }
                  }
                }
              }
              certificate: assignedAttribute(slug: "ocop-certificate") {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              stars: assignedAttribute(slug: "ocop-stars") {
                __typename
                ... on AssignedNumericAttribute {
                  number: value
                }
              }
              validUntil: assignedAttribute(slug: "ocop-valid-until") {
                __typename
                ... on AssignedDateAttribute {
                  day: value
                }
              }
              group: assignedAttribute(slug: "ocop-group") {
                __typename
                ... on AssignedSingleChoiceAttribute {
                  choice: value {
                    slug
                    name
                  }
                }
              }
              province: assignedAttribute(slug: "ocop-province") {
                __typename
                ... on AssignedSingleChoiceAttribute {
                  choice: value {
                    slug
                    name
                  }
                }
              }
              producer: assignedAttribute(slug: "producer") {
                __typename
                ... on AssignedSinglePageReferenceAttribute {
                  page: value {
                    id
                    slug
                    title
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "channel": channel,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query,
            operation_name="CatalogueProductsPage",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CatalogueProductsPage.model_validate(data)

    def catalogue_product_ids(
        self,
        channel: str,
        first: int,
        with_count: bool,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> CatalogueProductIds:
        query = gql("""
            query CatalogueProductIds($channel: String!, $first: Int!, $after: String, $withCount: Boolean!) {
              products(
                channel: $channel
                first: $first
                after: $after
                sortBy: {field: CREATED_AT, direction: ASC}
              ) {
                totalCount @include(if: $withCount)
                edges {
                  node {
                    id
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "channel": channel,
            "first": first,
            "after": after,
            "withCount": with_count,
        }
        response = self.execute(
            query=query,
            operation_name="CatalogueProductIds",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CatalogueProductIds.model_validate(data)

    def catalogue_producers_page(
        self, first: int, after: Union[Optional[str], UnsetType] = UNSET, **kwargs: Any
    ) -> CatalogueProducersPage:
        query = gql("""
            query CatalogueProducersPage($first: Int!, $after: String) {
              pages(first: $first, after: $after) {
                totalCount
                edges {
                  node {
                    ...CatalogueProducer
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }

            fragment CatalogueProducer on Page {
              id
              slug
              title
              content
              seoDescription
              isPublished
              created
              publishedAt
              pageType {
                slug
              }
              translation(languageCode: EN) {
                title
                content
                seoDescription
              }
              story: assignedAttribute(slug: "producer-story") {
                __typename
                ... on AssignedTextAttribute {
                  json: value
                  english: translation(languageCode: EN)
                }
              }
              province: assignedAttribute(slug: "producer-province") {
                __typename
                ... on AssignedSingleChoiceAttribute {
                  choice: value {
                    slug
                    name
                  }
                }
              }
              photos: metafield(key: "ocop.photos") @include(if: true)
              location: assignedAttribute(slug: "producer-location") @include(if: true) {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                  english: translation(languageCode: EN)
                }
              }
              phone: assignedAttribute(slug: "producer-phone") @include(if: true) {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
              email: assignedAttribute(slug: "producer-email") @include(if: true) {
                __typename
                ... on AssignedPlainTextAttribute {
                  text: value
                }
              }
            }
            """)
        variables: dict[str, object] = {"first": first, "after": after}
        response = self.execute(
            query=query,
            operation_name="CatalogueProducersPage",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CatalogueProducersPage.model_validate(data)

    def catalogue_collections_page(
        self,
        channel: str,
        first: int,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> CatalogueCollectionsPage:
        query = gql("""
            query CatalogueCollectionsPage($channel: String!, $first: Int!, $after: String) {
              collections(channel: $channel, first: $first, after: $after) {
                totalCount
                edges {
                  node {
                    ...CatalogueCollection
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }

            fragment CatalogueCollection on Collection {
              id
              slug
              name
              description
              translation(languageCode: EN) {
                name
                description
              }
              backgroundImage(size: 1024) {
                url
                alt
              }
              products(first: 100, sortBy: {field: COLLECTION, direction: ASC}) {
                edges {
                  node {
                    id
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "channel": channel,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query,
            operation_name="CatalogueCollectionsPage",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CatalogueCollectionsPage.model_validate(data)

    def collection_products_page(
        self,
        channel: str,
        id: str,
        first: int,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> CollectionProductsPage:
        query = gql("""
            query CollectionProductsPage($channel: String!, $id: ID!, $first: Int!, $after: String) {
              collection(channel: $channel, id: $id) {
                products(
                  first: $first
                  after: $after
                  sortBy: {field: COLLECTION, direction: ASC}
                ) {
                  edges {
                    node {
                      id
                    }
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "channel": channel,
            "id": id,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query,
            operation_name="CollectionProductsPage",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CollectionProductsPage.model_validate(data)

    def reindex_products_by_ids(
        self, channel: str, ids: list[str], first: int, **kwargs: Any
    ) -> ReindexProductsByIds:
        query = gql("""
            query ReindexProductsByIds($channel: String!, $ids: [ID!]!, $first: Int!) {
              products(channel: $channel, first: $first, filter: {ids: $ids}) {
                edges {
                  node {
                    ...ReindexProduct
                  }
                }
              }
            }

            fragment ReindexProduct on Product {
              id
              slug
              name
              description
              seoDescription
              created
              updatedAt
              isAvailableForPurchase
              translation(languageCode: EN) {
                name
                description
              }
              productType {
                slug
              }
              category {
                slug
              }
              thumbnail(size: 512) {
                url
                alt
              }
              media {
                url(size: 1024)
                alt
                type
              }
              variants {
                id
                name
                sku
                quantityAvailable
                translation(languageCode: EN) {
                  name
                }
                pricing {
                  price {
                    gross {
                      amount
                      currency
                    }
                  }
                }
              }
              assignedAttributes {
                __typename
                attribute {
                  slug
                }
                ... on AssignedPlainTextAttribute {
                  text: value
                }
                ... on AssignedNumericAttribute {
                  number: value
                }
                ... on AssignedDateAttribute {
                  day: value
                }
                ... on AssignedSingleChoiceAttribute {
                  choice: value {
                    slug
                    name
                  }
                }
                ... on AssignedSinglePageReferenceAttribute {
                  page: value {
                    id
                    slug
                    title
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"channel": channel, "ids": ids, "first": first}
        response = self.execute(
            query=query,
            operation_name="ReindexProductsByIds",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ReindexProductsByIds.model_validate(data)

    def reindex_changed_ids(
        self,
        channel: str,
        since: datetime,
        first: int,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ReindexChangedIds:
        query = gql("""
            query ReindexChangedIds($channel: String!, $since: DateTime!, $first: Int!, $after: String) {
              products(
                channel: $channel
                first: $first
                after: $after
                where: {updatedAt: {range: {gte: $since}}}
                sortBy: {field: CREATED_AT, direction: ASC}
              ) {
                edges {
                  node {
                    id
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "channel": channel,
            "since": since,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query,
            operation_name="ReindexChangedIds",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ReindexChangedIds.model_validate(data)

    def showcase_state(
        self,
        id: str,
        channel: str,
        first: int,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ShowcaseState:
        query = gql("""
            query ShowcaseState($id: ID!, $channel: String!, $first: Int!, $after: String) {
              collection(id: $id, channel: $channel) {
                id
                slug
                channelListings {
                  channel {
                    id
                    slug
                  }
                  isPublished
                }
                products(
                  first: $first
                  after: $after
                  sortBy: {field: COLLECTION, direction: ASC}
                ) {
                  edges {
                    node {
                      id
                    }
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                }
              }
              channel(slug: $channel) {
                id
              }
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "channel": channel,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="ShowcaseState", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ShowcaseState.model_validate(data)

    def showcase_create(
        self, input: CollectionCreateInput, **kwargs: Any
    ) -> ShowcaseCreate:
        query = gql("""
            mutation ShowcaseCreate($input: CollectionCreateInput!) {
              collectionCreate(input: $input) {
                collection {
                  id
                  slug
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="ShowcaseCreate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ShowcaseCreate.model_validate(data)

    def showcase_update(
        self, id: str, input: CollectionInput, **kwargs: Any
    ) -> ShowcaseUpdate:
        query = gql("""
            mutation ShowcaseUpdate($id: ID!, $input: CollectionInput!) {
              collectionUpdate(id: $id, input: $input) {
                collection {
                  id
                  slug
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query, operation_name="ShowcaseUpdate", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ShowcaseUpdate.model_validate(data)

    def showcase_translate(
        self, id: str, input: TranslationInput, **kwargs: Any
    ) -> ShowcaseTranslate:
        query = gql("""
            mutation ShowcaseTranslate($id: ID!, $input: TranslationInput!) {
              collectionTranslate(id: $id, languageCode: EN, input: $input) {
                collection {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query,
            operation_name="ShowcaseTranslate",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShowcaseTranslate.model_validate(data)

    def showcase_add_products(
        self, id: str, products: list[str], **kwargs: Any
    ) -> ShowcaseAddProducts:
        query = gql("""
            mutation ShowcaseAddProducts($id: ID!, $products: [ID!]!) {
              collectionAddProducts(collectionId: $id, products: $products) {
                collection {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "products": products}
        response = self.execute(
            query=query,
            operation_name="ShowcaseAddProducts",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShowcaseAddProducts.model_validate(data)

    def showcase_remove_products(
        self, id: str, products: list[str], **kwargs: Any
    ) -> ShowcaseRemoveProducts:
        query = gql("""
            mutation ShowcaseRemoveProducts($id: ID!, $products: [ID!]!) {
              collectionRemoveProducts(collectionId: $id, products: $products) {
                collection {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "products": products}
        response = self.execute(
            query=query,
            operation_name="ShowcaseRemoveProducts",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShowcaseRemoveProducts.model_validate(data)

    def showcase_reorder_products(
        self, id: str, moves: list[MoveProductInput], **kwargs: Any
    ) -> ShowcaseReorderProducts:
        query = gql("""
            mutation ShowcaseReorderProducts($id: ID!, $moves: [MoveProductInput!]!) {
              collectionReorderProducts(collectionId: $id, moves: $moves) {
                collection {
                  id
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "moves": moves}
        response = self.execute(
            query=query,
            operation_name="ShowcaseReorderProducts",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShowcaseReorderProducts.model_validate(data)

    def showcase_channel_listing(
        self, id: str, input: CollectionChannelListingUpdateInput, **kwargs: Any
    ) -> ShowcaseChannelListing:
        query = gql("""
            mutation ShowcaseChannelListing($id: ID!, $input: CollectionChannelListingUpdateInput!) {
              collectionChannelListingUpdate(id: $id, input: $input) {
                collection {
                  id
                  channelListings {
                    channel {
                      slug
                    }
                    isPublished
                  }
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = self.execute(
            query=query,
            operation_name="ShowcaseChannelListing",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ShowcaseChannelListing.model_validate(data)

    def showcase_cover(
        self,
        id: str,
        image: Upload,
        alt: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ShowcaseCover:
        query = gql("""
            mutation ShowcaseCover($id: ID!, $image: Upload!, $alt: String) {
              collectionUpdate(
                id: $id
                input: {backgroundImage: $image, backgroundImageAlt: $alt}
              ) {
                collection {
                  id
                  backgroundImage {
                    url
                    alt
                  }
                }
                errors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "image": image, "alt": alt}
        response = self.execute(
            query=query, operation_name="ShowcaseCover", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ShowcaseCover.model_validate(data)

    def ocop_withdrawal_logs(
        self,
        since: datetime,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> OcopWithdrawalLogs:
        query = gql("""
            query OcopWithdrawalLogs($since: DateTime!, $after: String) {
              products(
                first: 100
                after: $after
                where: {updatedAt: {range: {gte: $since}}}
                sortBy: {field: CREATED_AT, direction: ASC}
              ) {
                pageInfo {
                  hasNextPage
                  endCursor
                }
                edges {
                  node {
                    id
                    ocopWithdrawals: privateMetafield(key: "ocop.withdrawals")
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"since": since, "after": after}
        response = self.execute(
            query=query,
            operation_name="OcopWithdrawalLogs",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return OcopWithdrawalLogs.model_validate(data)
