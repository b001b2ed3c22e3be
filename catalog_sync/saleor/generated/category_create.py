from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class CategoryCreate(BaseModel):
    category_create: Optional["CategoryCreateCategoryCreate"] = Field(
        alias="categoryCreate"
    )


class CategoryCreateCategoryCreate(BaseModel):
    category: Optional["CategoryCreateCategoryCreateCategory"]
    errors: list["CategoryCreateCategoryCreateErrors"]


class CategoryCreateCategoryCreateCategory(BaseModel):
    id: str
    slug: str


class CategoryCreateCategoryCreateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


CategoryCreate.model_rebuild()
CategoryCreateCategoryCreate.model_rebuild()
