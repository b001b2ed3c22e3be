"""The producer portal's form of bank details (the portal's page, the payouts' rules)."""

from __future__ import annotations

from django import forms
from django.utils.translation import pgettext_lazy

from . import bank_details
from .banks import banks


class BankDetailsForm(forms.Form):
    bank_bin = forms.ChoiceField(label=pgettext_lazy("payouts", "Bank"), choices=lambda: [("", "—")] + [
        (bank.bin, bank.label) for bank in banks().values()])
    account_number = forms.CharField(label=pgettext_lazy("payouts", "Account number"), max_length=30)
    account_name = forms.CharField(label=pgettext_lazy("payouts", "Account name (as the bank holds it)"),
                                   max_length=100)

    def clean(self):
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            data["details"] = bank_details.clean(data["bank_bin"], data["account_number"], data["account_name"])
        except bank_details.BadDetails as bad:
            self.add_error(bad.field, bad.message)
        return data
