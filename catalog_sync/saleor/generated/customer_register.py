from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CustomerAccountError


class CustomerRegister(BaseModel):
    account_register: Optional["CustomerRegisterAccountRegister"] = Field(
        alias="accountRegister"
    )


class CustomerRegisterAccountRegister(BaseModel):
    requires_confirmation: Optional[bool] = Field(alias="requiresConfirmation")
    errors: list["CustomerRegisterAccountRegisterErrors"]


CustomerRegisterAccountRegisterErrors = CustomerAccountError
CustomerRegister.model_rebuild()
CustomerRegisterAccountRegister.model_rebuild()
