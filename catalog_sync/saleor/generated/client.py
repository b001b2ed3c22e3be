from typing import Any, Optional, Union

from .base_model import UNSET, UnsetType
from .catalogue_collections_page import CatalogueCollectionsPage
from .catalogue_producers_page import CatalogueProducersPage
from .catalogue_products_page import CatalogueProductsPage
from .collection_for_storefront import CollectionForStorefront
from .collection_products_page import CollectionProductsPage
from .enums import LanguageCodeEnum, PermissionEnum
from .input_types import (
    AddressInput,
    CheckoutAddressValidationRules,
    CheckoutLineInput,
    CheckoutLineUpdateInput,
)
from .installed_apps import InstalledApps
from .ocop_app_delete import OcopAppDelete
from .ocop_app_id import OcopAppId
from .ocop_app_install import OcopAppInstall
from .producer_for_storefront import ProducerForStorefront
from .product_for_storefront import ProductForStorefront
from .shop_billing_address_update import ShopBillingAddressUpdate
from .shop_checkout_complete import ShopCheckoutComplete
from .shop_checkout_create import ShopCheckoutCreate
from .shop_checkout_read import ShopCheckoutRead
from .shop_delivery_method_update import ShopDeliveryMethodUpdate
from .shop_email_update import ShopEmailUpdate
from .shop_lines_add import ShopLinesAdd
from .shop_lines_delete import ShopLinesDelete
from .shop_lines_update import ShopLinesUpdate
from .shop_order_read import ShopOrderRead
from .shop_shipping_address_update import ShopShippingAddressUpdate
from .staff_token_create import StaffTokenCreate
from .typed_base import TypedBaseClient
from .variant_for_storefront import VariantForStorefront


def gql(q: str) -> str:
    return q


class Client(TypedBaseClient):
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
                seoDescription
              }
              productType {
                slug
                isShippingRequired
              }
              category {
                slug
                parent {
                  slug
                }
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
              productVariants(first: 100) {
                edges {
                  node {
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
              products(first: 100) {
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
                seoDescription
              }
              productType {
                slug
                isShippingRequired
              }
              category {
                slug
                parent {
                  slug
                }
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
              productVariants(first: 100) {
                edges {
                  node {
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
              products(first: 100) {
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
                products(first: $first, after: $after) {
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
