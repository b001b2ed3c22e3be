from typing import Any, Optional, Union

from .base_model import UNSET, UnsetType
from .catalogue_collections_page import CatalogueCollectionsPage
from .catalogue_producers_page import CatalogueProducersPage
from .catalogue_products_page import CatalogueProductsPage
from .collection_products_page import CollectionProductsPage
from .typed_base import TypedBaseClient


def gql(q: str) -> str:
    return q


class Client(TypedBaseClient):
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
