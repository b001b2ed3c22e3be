from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from .access import account_of

if TYPE_CHECKING:  # the type checker's name for text or a lazy translation
    from django_stubs_ext import StrOrPromise


class SignInForm(AuthenticationForm):
    """Email and password (Django's form: ``autocomplete="username"`` and ``"current-password"``)."""

    username = forms.CharField(label=_("Email"), max_length=254,
                               widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}))

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Wrong email or password."),
        "no_portal": _("This account cannot use the producer portal. Contact the OCOP office."),
    }

    def confirm_login_allowed(self, user: User) -> None:  # type: ignore[override]
        super().confirm_login_allowed(user)
        if account_of(user) is None:
            raise forms.ValidationError(self.error_messages["no_portal"], code="no_portal")


class InvitationPasswordForm(SetPasswordForm):
    """Two password fields with ``autocomplete="new-password"`` (Django's SetPasswordForm)."""


class PortalPasswordResetForm(PasswordResetForm):
    """Reset links go only to producers' accounts that may use the portal."""

    def get_users(self, email: str):  # type: ignore[no-untyped-def]
        for user in super().get_users(email):
            account = getattr(user, "producer_account", None)
            if not user.is_staff and not user.is_superuser and account is not None and not account.suspended \
                    and account.activated_at is not None:
                yield user


class VariantForm(forms.Form):
    price = forms.DecimalField(label=_("Price (đồng)"), min_value=Decimal(1), max_value=Decimal(1_000_000_000),
                               max_digits=13, decimal_places=2,
                               widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "1"}))
    stock = forms.IntegerField(label=_("Stock"), min_value=0, max_value=1_000_000,
                               widget=forms.NumberInput(attrs={"inputmode": "numeric"}))

    def clean_price(self) -> Decimal:
        price: Decimal = self.cleaned_data["price"]
        if price != price.to_integral_value():
            raise forms.ValidationError(_("Prices are in whole đồng: no fraction of a đồng."), code="fraction")
        return price.quantize(Decimal(1))  # 125000.00 is 125000


class ListingForm(VariantForm):
    """List a certified product: the certificate (checked against the signed-in producer), price and stock."""

    certificate = forms.CharField(max_length=20, widget=forms.HiddenInput)


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code from your authenticator app"), max_length=10, widget=forms.TextInput(
        attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}))


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"))


PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_SIDE = 6000  # pixels
PHOTO_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}


def checked_photo(photo, *, too_big: StrOrPromise, wrong_format: StrOrPromise,  # type: ignore[no-untyped-def]
                  too_wide: StrOrPromise):
    """An uploaded photo within the limits, judged by its content as Pillow opened it; its content type set."""
    if photo.size > PHOTO_MAX_BYTES:
        raise forms.ValidationError(too_big, code="size")
    image = getattr(photo, "image", None)  # opened and checked by Pillow: the content, not the name
    if image is None or image.format not in PHOTO_FORMATS:
        raise forms.ValidationError(wrong_format, code="format")
    if max(image.size) > PHOTO_MAX_SIDE:
        raise forms.ValidationError(too_wide, code="pixels")
    photo.content_type = PHOTO_FORMATS[image.format][0]
    return photo


class DescriptionForm(forms.Form):
    form = forms.CharField(widget=forms.HiddenInput, initial="description")
    description = forms.CharField(
        label=_("Description"), required=False, max_length=20_000,
        help_text=_("A blank line starts a new paragraph. Bold, italic, headings, lists and links are kept; "
                    "anything else is removed."),
        widget=forms.Textarea(attrs={"rows": 12, "data-rich-text": "1", "aria-describedby": "description-help"}))


class PhotoForm(forms.Form):
    form = forms.CharField(widget=forms.HiddenInput, initial="photo")
    photo = forms.ImageField(label=_("Photo (JPEG, PNG or WebP, up to 5 MB)"), widget=forms.ClearableFileInput(
        attrs={"accept": "image/jpeg,image/png,image/webp"}))
    alt = forms.CharField(label=_("What the photo shows (for people who cannot see it)"), required=False,
                          max_length=250)

    def clean_photo(self):  # type: ignore[no-untyped-def]
        return checked_photo(self.cleaned_data["photo"], too_big=_("The photo is larger than 5 MB."),
                             wrong_format=_("Send a JPEG, PNG or WebP photo."),
                             too_wide=_("The photo is larger than 6000 pixels on a side."))


class PhotoEditForm(forms.Form):
    """One photo's small forms: its alt text, move up or down, delete (``media_id``: Saleor's product media id)."""

    form = forms.CharField(widget=forms.HiddenInput, initial="photo-edit")
    media_id = forms.CharField(widget=forms.HiddenInput, max_length=100)
    action = forms.ChoiceField(choices=[("alt", "alt"), ("up", "up"), ("down", "down"), ("delete", "delete")])
    alt = forms.CharField(label=_("What the photo shows"), required=False, max_length=250)


class NewVariantForm(VariantForm):
    form = forms.CharField(widget=forms.HiddenInput, initial="variant")
    name = forms.CharField(label=_("Name (e.g. 500 ml, box of 6)"), max_length=100)

    field_order = ["form", "name", "price", "stock"]

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Write the variant's name."), code="required")
        return name
