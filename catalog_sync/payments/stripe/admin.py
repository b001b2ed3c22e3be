"""Staff page for a channel's Stripe keys (/admin/payments/stripeaccount/): the secrets are write-only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .accounts import KeysRefused, StripeKeys
from .models import StripeAccount


class StripeAccountForm(forms.ModelForm):
    secret_key = forms.CharField(
        label=_("Secret key"), required=False, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("sk_test_… or sk_live_…; never shown again. Leave empty to keep the current one."))
    webhook_secret = forms.CharField(
        label=_("Webhook signing secret"), required=False, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("whsec_… of the endpoint /saleor/stripe/<channel>/. Leave empty to keep the current one."))

    class Meta:
        model = StripeAccount
        fields = ["channel_slug", "publishable_key"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        secret = data.get("secret_key") or (self.instance.secret_key if self.instance.pk else "")
        if not secret:
            self.add_error("secret_key", _("A new channel needs its secret key."))
            return data
        keys = StripeKeys(channel=data.get("channel_slug") or "", secret_key=secret,
                          publishable_key=data.get("publishable_key") or "",
                          webhook_secret=data.get("webhook_secret") or "")
        try:
            keys.check()
        except KeysRefused as refused:
            parameter, _sep, message = str(refused).partition(": ")  # "--publishable-key: not a …"
            field = parameter.removeprefix("--").replace("-", "_")
            field = {"channel": "channel_slug"}.get(field, field)
            self.add_error(field if field in self.fields else None, message)
        return data

    def save(self, commit: bool = True) -> StripeAccount:
        account: StripeAccount = super().save(commit=False)
        if self.cleaned_data.get("secret_key"):
            account.secret_key = self.cleaned_data["secret_key"]
        if self.cleaned_data.get("webhook_secret"):
            account.webhook_secret = self.cleaned_data["webhook_secret"]
        if commit:
            account.save()
        return account


@admin.register(StripeAccount)
class StripeAccountAdmin(admin.ModelAdmin):
    form = StripeAccountForm
    list_display = ["channel_slug", "publishable_key", "has_webhook_secret", "updated_at"]
    readonly_fields = ["updated_at"]

    @admin.display(boolean=True, description=_("webhook secret"))
    def has_webhook_secret(self, account: StripeAccount) -> bool:
        return bool(account.sealed_webhook_secret)
