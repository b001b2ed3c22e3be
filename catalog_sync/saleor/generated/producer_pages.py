from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from catalog_sync.saleor.scalars import Day

from .base_model import BaseModel


class ProducerPages(BaseModel):
    pages: Optional["ProducerPagesPages"]


class ProducerPagesPages(BaseModel):
    edges: list["ProducerPagesPagesEdges"]
    page_info: "ProducerPagesPagesPageInfo" = Field(alias="pageInfo")


class ProducerPagesPagesEdges(BaseModel):
    node: "ProducerPagesPagesEdgesNode"


class ProducerPagesPagesEdgesNode(BaseModel):
    id: str
    slug: str
    title: str
    assigned_attributes: list[
        Annotated[
            Union[
                "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedAttribute",
                "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedDateAttribute",
                "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedNumericAttribute",
                "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedPlainTextAttribute",
                "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSingleChoiceAttribute",
                "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ] = Field(alias="assignedAttributes")


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedAttribute(BaseModel):
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
    attribute: "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedAttributeAttribute"


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedAttributeAttribute(
    BaseModel
):
    slug: str


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedDateAttribute(BaseModel):
    typename__: Literal["AssignedDateAttribute"] = Field(alias="__typename")
    attribute: (
        "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedDateAttributeAttribute"
    )
    day: Optional[Day]


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedDateAttributeAttribute(
    BaseModel
):
    slug: str


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedNumericAttribute(BaseModel):
    typename__: Literal["AssignedNumericAttribute"] = Field(alias="__typename")
    attribute: (
        "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedNumericAttributeAttribute"
    )
    number: Optional[float]


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedNumericAttributeAttribute(
    BaseModel
):
    slug: str


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedPlainTextAttribute(
    BaseModel
):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    attribute: "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedPlainTextAttributeAttribute"
    text: Optional[str]


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedPlainTextAttributeAttribute(
    BaseModel
):
    slug: str


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSingleChoiceAttribute(
    BaseModel
):
    typename__: Literal["AssignedSingleChoiceAttribute"] = Field(alias="__typename")
    attribute: "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSingleChoiceAttributeAttribute"
    choice: Optional[
        "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSingleChoiceAttributeChoice"
    ]


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSingleChoiceAttributeAttribute(
    BaseModel
):
    slug: str


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSingleChoiceAttributeChoice(
    BaseModel
):
    slug: Optional[str]


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttribute(
    BaseModel
):
    typename__: Literal["AssignedSinglePageReferenceAttribute"] = Field(
        alias="__typename"
    )
    attribute: "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttributeAttribute"
    page: Optional[
        "ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttributePage"
    ]


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttributeAttribute(
    BaseModel
):
    slug: str


class ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttributePage(
    BaseModel
):
    id: str


class ProducerPagesPagesPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


ProducerPages.model_rebuild()
ProducerPagesPages.model_rebuild()
ProducerPagesPagesEdges.model_rebuild()
ProducerPagesPagesEdgesNode.model_rebuild()
ProducerPagesPagesEdgesNodeAssignedAttributesAssignedAttribute.model_rebuild()
ProducerPagesPagesEdgesNodeAssignedAttributesAssignedDateAttribute.model_rebuild()
ProducerPagesPagesEdgesNodeAssignedAttributesAssignedNumericAttribute.model_rebuild()
ProducerPagesPagesEdgesNodeAssignedAttributesAssignedPlainTextAttribute.model_rebuild()
ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSingleChoiceAttribute.model_rebuild()
ProducerPagesPagesEdgesNodeAssignedAttributesAssignedSinglePageReferenceAttribute.model_rebuild()
