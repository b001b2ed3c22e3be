from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from catalog_sync.saleor.scalars import Day

from .base_model import BaseModel


class CatalogueProducts(BaseModel):
    products: Optional["CatalogueProductsProducts"]


class CatalogueProductsProducts(BaseModel):
    edges: list["CatalogueProductsProductsEdges"]
    page_info: "CatalogueProductsProductsPageInfo" = Field(alias="pageInfo")


class CatalogueProductsProductsEdges(BaseModel):
    node: "CatalogueProductsProductsEdgesNode"


class CatalogueProductsProductsEdgesNode(BaseModel):
    id: str
    slug: str
    name: str
    external_reference: Optional[str] = Field(alias="externalReference")
    category: Optional["CatalogueProductsProductsEdgesNodeCategory"]
    product_variants: Optional["CatalogueProductsProductsEdgesNodeProductVariants"] = (
        Field(alias="productVariants")
    )
    assigned_attributes: list[
        Annotated[
            Union[
                "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedAttribute",
                "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedDateAttribute",
                "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedNumericAttribute",
                "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedPlainTextAttribute",
                "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSingleChoiceAttribute",
                "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ] = Field(alias="assignedAttributes")


class CatalogueProductsProductsEdgesNodeCategory(BaseModel):
    slug: str


class CatalogueProductsProductsEdgesNodeProductVariants(BaseModel):
    edges: list["CatalogueProductsProductsEdgesNodeProductVariantsEdges"]


class CatalogueProductsProductsEdgesNodeProductVariantsEdges(BaseModel):
    node: "CatalogueProductsProductsEdgesNodeProductVariantsEdgesNode"


class CatalogueProductsProductsEdgesNodeProductVariantsEdgesNode(BaseModel):
    id: str


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedAttribute(BaseModel):
    typename__: Literal[
        "AssignedAttribute",
        "AssignedBooleanAttribute",
        "AssignedDateTimeAttribute",
        "AssignedFileAttribute",
        "AssignedMultiCategoryReferenceAttribute",
        "AssignedMultiChoiceAttribute",
        "AssignedMultiCollectionReferenceAttribute",
        "AssignedMultiPageReferenceAttribute",
        "AssignedMultiProductReferenceAttribute",
        "AssignedMultiProductVariantReferenceAttribute",
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")
    attribute: (
        "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedAttributeAttribute"
    )


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedAttributeAttribute(
    BaseModel
):
    slug: str


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedDateAttribute(
    BaseModel
):
    typename__: Literal["AssignedDateAttribute"] = Field(alias="__typename")
    attribute: "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedDateAttributeAttribute"
    day: Optional[Day]


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedDateAttributeAttribute(
    BaseModel
):
    slug: str


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedNumericAttribute(
    BaseModel
):
    typename__: Literal["AssignedNumericAttribute"] = Field(alias="__typename")
    attribute: "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedNumericAttributeAttribute"
    number: Optional[float]


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedNumericAttributeAttribute(
    BaseModel
):
    slug: str


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedPlainTextAttribute(
    BaseModel
):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    attribute: "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedPlainTextAttributeAttribute"
    text: Optional[str]


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedPlainTextAttributeAttribute(
    BaseModel
):
    slug: str


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSingleChoiceAttribute(
    BaseModel
):
    typename__: Literal["AssignedSingleChoiceAttribute"] = Field(alias="__typename")
    attribute: "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSingleChoiceAttributeAttribute"
    choice: Optional[
        "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSingleChoiceAttributeChoice"
    ]


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSingleChoiceAttributeAttribute(
    BaseModel
):
    slug: str


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSingleChoiceAttributeChoice(
    BaseModel
):
    slug: Optional[str]


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttribute(
    BaseModel
):
    typename__: Literal["AssignedSinglePageReferenceAttribute"] = Field(
        alias="__typename"
    )
    attribute: "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttributeAttribute"
    page: Optional[
        "CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttributePage"
    ]


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttributeAttribute(
    BaseModel
):
    slug: str


class CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttributePage(
    BaseModel
):
    id: str


class CatalogueProductsProductsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


CatalogueProducts.model_rebuild()
CatalogueProductsProducts.model_rebuild()
CatalogueProductsProductsEdges.model_rebuild()
CatalogueProductsProductsEdgesNode.model_rebuild()
CatalogueProductsProductsEdgesNodeProductVariants.model_rebuild()
CatalogueProductsProductsEdgesNodeProductVariantsEdges.model_rebuild()
CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedAttribute.model_rebuild()
CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedDateAttribute.model_rebuild()
CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedNumericAttribute.model_rebuild()
CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedPlainTextAttribute.model_rebuild()
CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSingleChoiceAttribute.model_rebuild()
CatalogueProductsProductsEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttribute.model_rebuild()
