"""Staff page for a channel's payOS keys (/admin/payments/payosaccount/): the keys are write-only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .accounts import PayosChannelKeys, PayosKeysRefused
from .models import PayosAccount


class PayosAccountForm(forms.ModelForm):
    api_key = forms.CharField(
        label=_("API key"), required=False, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("payOS's API Key; never shown again. Leave empty to keep the current one."))
    checksum_key = forms.CharField(
        label=_("Checksum key"), required=False, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("payOS's Checksum Key (signs its webhooks to /saleor/payos/<channel>/). Leave empty to keep "
                    "the current one."))

    payout_api_key = forms.CharField(
        label=_("Payout API key"), required=False, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("The API Key of payOS's payout channel (producer payouts); never shown again. Leave empty to "
                    "keep the current one."))
    payout_checksum_key = forms.CharField(
        label=_("Payout checksum key"), required=False, strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("The Checksum Key of payOS's payout channel. Leave empty to keep the current one."))

    class Meta:
        model = PayosAccount
        fields = ["channel_slug", "client_id", "payout_client_id"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        existing = self.instance if self.instance.pk else None
        api_key = data.get("api_key") or (existing.api_key if existing else "")
        checksum_key = data.get("checksum_key") or (existing.checksum_key if existing else "")
        payout_client_id = data.get("payout_client_id") or ""
        payout_api_key = data.get("payout_api_key") or (existing.payout_api_key if existing else "")
        payout_checksum_key = data.get("payout_checksum_key") or (existing.payout_checksum_key if existing else "")
        keys = PayosChannelKeys(channel=data.get("channel_slug") or "", client_id=data.get("client_id") or "",
                                api_key=api_key, checksum_key=checksum_key, payout_client_id=payout_client_id,
                                payout_api_key=payout_api_key if payout_client_id else "",
                                payout_checksum_key=payout_checksum_key if payout_client_id else "")
        try:
            keys.check()
        except PayosKeysRefused as refused:
            parameter, _sep, message = str(refused).partition(": ")
            field = {"channel": "channel_slug"}.get(parameter.removeprefix("--").replace("-", "_"),
                                                    parameter.removeprefix("--").replace("-", "_"))
            self.add_error(field if field in self.fields else None, message)
        return data

    def save(self, commit: bool = True) -> PayosAccount:
        account: PayosAccount = super().save(commit=False)
        for name in ("api_key", "checksum_key", "payout_api_key", "payout_checksum_key"):
            if self.cleaned_data.get(name):
                setattr(account, name, self.cleaned_data[name])
        if commit:
            account.save()
        return account


@admin.register(PayosAccount)
class PayosAccountAdmin(admin.ModelAdmin):
    form = PayosAccountForm
    list_display = ["channel_slug", "client_id", "payout_client_id", "updated_at"]
    readonly_fields = ["updated_at"]
