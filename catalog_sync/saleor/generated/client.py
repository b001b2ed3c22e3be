from typing import Any, Optional, Union

from .base_model import UNSET, UnsetType
from .catalogue_collections_page import CatalogueCollectionsPage
from .catalogue_producers_page import CatalogueProducersPage
from .catalogue_product_ids import CatalogueProductIds
from .catalogue_products_by_ids import CatalogueProductsByIds
from .catalogue_products_page import CatalogueProductsPage
from .collection_for_storefront import CollectionForStorefront
from .collection_products_page import CollectionProductsPage
from .enums import PermissionEnum
from .installed_apps import InstalledApps
from .ocop_app_delete import OcopAppDelete
from .ocop_app_id import OcopAppId
from .ocop_app_install import OcopAppInstall
from .producer_for_storefront import ProducerForStorefront
from .product_for_storefront import ProductForStorefront
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

    def catalogue_products_by_ids(
        self, channel: str, ids: list[str], first: int, **kwargs: Any
    ) -> CatalogueProductsByIds:
        query = gql("""
            query CatalogueProductsByIds($channel: String!, $ids: [ID!]!, $first: Int!) {
              products(channel: $channel, first: $first, filter: {ids: $ids}) {
                edges {
                  node {
                    ...CatalogueProduct
                  }
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
        variables: dict[str, object] = {"channel": channel, "ids": ids, "first": first}
        response = self.execute(
            query=query,
            operation_name="CatalogueProductsByIds",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CatalogueProductsByIds.model_validate(data)

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
