from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import CheckoutErrorCode


class CustomerCheckoutAttach(BaseModel):
    checkout_customer_attach: Optional[
        "CustomerCheckoutAttachCheckoutCustomerAttach"
    ] = Field(alias="checkoutCustomerAttach")


class CustomerCheckoutAttachCheckoutCustomerAttach(BaseModel):
    errors: list["CustomerCheckoutAttachCheckoutCustomerAttachErrors"]


class CustomerCheckoutAttachCheckoutCustomerAttachErrors(BaseModel):
    field: Optional[str]
    code: CheckoutErrorCode
    message: Optional[str]


CustomerCheckoutAttach.model_rebuild()
CustomerCheckoutAttachCheckoutCustomerAttach.model_rebuild()
