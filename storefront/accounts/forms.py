"""The account and lookup forms: what is typed is checked here before Saleor is asked."""

from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

MAX_ORDER_NUMBER = 2**31 - 1  # Saleor's order numbers are GraphQL Ints


def _email(autocomplete: str = "email") -> forms.EmailField:
    return forms.EmailField(label=_("Email"), max_length=254,
                            widget=forms.EmailInput(attrs={"autocomplete": autocomplete}))


def _new_password(label) -> forms.CharField:
    return forms.CharField(label=label, max_length=128, strip=False,
                           widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                           help_text=_("At least 8 characters, not only digits and not a common password."))


class SignInForm(forms.Form):
    email = _email()
    password = forms.CharField(label=_("Password"), max_length=128, strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class RegisterForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = _email()
    password = _new_password(_("Password"))

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)  # Saleor checks the same rules; said here first
        return password


class PasswordResetForm(forms.Form):
    email = _email()


class SetPasswordForm(forms.Form):
    password = _new_password(_("New password"))

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


class OrderLookupForm(forms.Form):
    email = _email()
    number = forms.IntegerField(label=_("Order number"), min_value=1, max_value=MAX_ORDER_NUMBER,
                                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
                                error_messages={"invalid": _("Enter the order number, digits only."),
                                                "min_value": _("Enter the order number, digits only."),
                                                "max_value": _("Enter the order number, digits only.")})
