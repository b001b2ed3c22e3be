from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AttributeEntityTypeEnum, AttributeInputTypeEnum, AttributeTypeEnum


class CatalogueState(BaseModel):
    channel: Optional["CatalogueStateChannel"]
    warehouses: Optional["CatalogueStateWarehouses"]
    attributes: Optional["CatalogueStateAttributes"]
    product_types: Optional["CatalogueStateProductTypes"] = Field(alias="productTypes")
    page_types: Optional["CatalogueStatePageTypes"] = Field(alias="pageTypes")
    categories: Optional["CatalogueStateCategories"]


class CatalogueStateChannel(BaseModel):
    id: str
    slug: str
    name: str
    currency_code: str = Field(alias="currencyCode")
    default_country: "CatalogueStateChannelDefaultCountry" = Field(
        alias="defaultCountry"
    )
    warehouses: list["CatalogueStateChannelWarehouses"]
    order_settings: "CatalogueStateChannelOrderSettings" = Field(alias="orderSettings")
    checkout_settings: "CatalogueStateChannelCheckoutSettings" = Field(
        alias="checkoutSettings"
    )


class CatalogueStateChannelDefaultCountry(BaseModel):
    code: str


class CatalogueStateChannelWarehouses(BaseModel):
    id: str
    slug: str


class CatalogueStateChannelOrderSettings(BaseModel):
    allow_unpaid_orders: bool = Field(alias="allowUnpaidOrders")


class CatalogueStateChannelCheckoutSettings(BaseModel):
    automatically_complete_fully_paid_checkouts: bool = Field(
        alias="automaticallyCompleteFullyPaidCheckouts"
    )
    automatic_completion_delay: Optional[Any] = Field(alias="automaticCompletionDelay")


class CatalogueStateWarehouses(BaseModel):
    edges: list["CatalogueStateWarehousesEdges"]


class CatalogueStateWarehousesEdges(BaseModel):
    node: "CatalogueStateWarehousesEdgesNode"


class CatalogueStateWarehousesEdgesNode(BaseModel):
    id: str
    slug: str
    name: str


class CatalogueStateAttributes(BaseModel):
    edges: list["CatalogueStateAttributesEdges"]


class CatalogueStateAttributesEdges(BaseModel):
    node: "CatalogueStateAttributesEdgesNode"


class CatalogueStateAttributesEdgesNode(BaseModel):
    id: str
    slug: str
    name: str
    type_: AttributeTypeEnum = Field(alias="type")
    input_type: Optional[AttributeInputTypeEnum] = Field(alias="inputType")
    entity_type: Optional[AttributeEntityTypeEnum] = Field(alias="entityType")
    translation: Optional["CatalogueStateAttributesEdgesNodeTranslation"]
    choices: Optional["CatalogueStateAttributesEdgesNodeChoices"]


class CatalogueStateAttributesEdgesNodeTranslation(BaseModel):
    name: str


class CatalogueStateAttributesEdgesNodeChoices(BaseModel):
    edges: list["CatalogueStateAttributesEdgesNodeChoicesEdges"]


class CatalogueStateAttributesEdgesNodeChoicesEdges(BaseModel):
    node: "CatalogueStateAttributesEdgesNodeChoicesEdgesNode"


class CatalogueStateAttributesEdgesNodeChoicesEdgesNode(BaseModel):
    id: str
    name: Optional[str]
    slug: Optional[str]
    external_reference: Optional[str] = Field(alias="externalReference")
    translation: Optional[
        "CatalogueStateAttributesEdgesNodeChoicesEdgesNodeTranslation"
    ]


class CatalogueStateAttributesEdgesNodeChoicesEdgesNodeTranslation(BaseModel):
    name: str


class CatalogueStateProductTypes(BaseModel):
    edges: list["CatalogueStateProductTypesEdges"]


class CatalogueStateProductTypesEdges(BaseModel):
    node: "CatalogueStateProductTypesEdgesNode"


class CatalogueStateProductTypesEdgesNode(BaseModel):
    id: str
    slug: str
    name: str
    product_attributes: Optional[
        list["CatalogueStateProductTypesEdgesNodeProductAttributes"]
    ] = Field(alias="productAttributes")


class CatalogueStateProductTypesEdgesNodeProductAttributes(BaseModel):
    id: str
    slug: str


class CatalogueStatePageTypes(BaseModel):
    edges: list["CatalogueStatePageTypesEdges"]


class CatalogueStatePageTypesEdges(BaseModel):
    node: "CatalogueStatePageTypesEdgesNode"


class CatalogueStatePageTypesEdgesNode(BaseModel):
    id: str
    slug: str
    name: str
    attributes: Optional[list["CatalogueStatePageTypesEdgesNodeAttributes"]]


class CatalogueStatePageTypesEdgesNodeAttributes(BaseModel):
    id: str
    slug: str


class CatalogueStateCategories(BaseModel):
    edges: list["CatalogueStateCategoriesEdges"]


class CatalogueStateCategoriesEdges(BaseModel):
    node: "CatalogueStateCategoriesEdgesNode"


class CatalogueStateCategoriesEdgesNode(BaseModel):
    id: str
    slug: str
    name: str
    parent: Optional["CatalogueStateCategoriesEdgesNodeParent"]
    translation: Optional["CatalogueStateCategoriesEdgesNodeTranslation"]


class CatalogueStateCategoriesEdgesNodeParent(BaseModel):
    slug: str


class CatalogueStateCategoriesEdgesNodeTranslation(BaseModel):
    name: Optional[str]


CatalogueState.model_rebuild()
CatalogueStateChannel.model_rebuild()
CatalogueStateWarehouses.model_rebuild()
CatalogueStateWarehousesEdges.model_rebuild()
CatalogueStateAttributes.model_rebuild()
CatalogueStateAttributesEdges.model_rebuild()
CatalogueStateAttributesEdgesNode.model_rebuild()
CatalogueStateAttributesEdgesNodeChoices.model_rebuild()
CatalogueStateAttributesEdgesNodeChoicesEdges.model_rebuild()
CatalogueStateAttributesEdgesNodeChoicesEdgesNode.model_rebuild()
CatalogueStateProductTypes.model_rebuild()
CatalogueStateProductTypesEdges.model_rebuild()
CatalogueStateProductTypesEdgesNode.model_rebuild()
CatalogueStatePageTypes.model_rebuild()
CatalogueStatePageTypesEdges.model_rebuild()
CatalogueStatePageTypesEdgesNode.model_rebuild()
CatalogueStateCategories.model_rebuild()
CatalogueStateCategoriesEdges.model_rebuild()
CatalogueStateCategoriesEdgesNode.model_rebuild()
