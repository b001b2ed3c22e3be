from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AttributeErrorCode


class AttributeCreate(BaseModel):
    attribute_create: Optional["AttributeCreateAttributeCreate"] = Field(
        alias="attributeCreate"
    )


class AttributeCreateAttributeCreate(BaseModel):
    attribute: Optional["AttributeCreateAttributeCreateAttribute"]
    errors: list["AttributeCreateAttributeCreateErrors"]


class AttributeCreateAttributeCreateAttribute(BaseModel):
    id: str
    slug: str
    choices: Optional["AttributeCreateAttributeCreateAttributeChoices"]


class AttributeCreateAttributeCreateAttributeChoices(BaseModel):
    edges: list["AttributeCreateAttributeCreateAttributeChoicesEdges"]


class AttributeCreateAttributeCreateAttributeChoicesEdges(BaseModel):
    node: "AttributeCreateAttributeCreateAttributeChoicesEdgesNode"


class AttributeCreateAttributeCreateAttributeChoicesEdgesNode(BaseModel):
    id: str
    name: Optional[str]
    slug: Optional[str]
    external_reference: Optional[str] = Field(alias="externalReference")


class AttributeCreateAttributeCreateErrors(BaseModel):
    field: Optional[str]
    code: AttributeErrorCode
    message: Optional[str]


AttributeCreate.model_rebuild()
AttributeCreateAttributeCreate.model_rebuild()
AttributeCreateAttributeCreateAttribute.model_rebuild()
AttributeCreateAttributeCreateAttributeChoices.model_rebuild()
AttributeCreateAttributeCreateAttributeChoicesEdges.model_rebuild()
