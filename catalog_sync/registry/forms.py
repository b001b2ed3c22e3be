from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from catalog_sync.importers.bounds import size_in_megabytes

from .actions import latest_allowed_day

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]
# No OCOP decision predates this; anything earlier is a typing slip.
EARLIEST_DAY = datetime.date(2000, 1, 1)


class RegistryDateField(forms.DateField):
    """A date from 01/01/2000 to a year from today (Vietnam time).

    A later date (year 9999, say) is a form error here rather than a certificate
    whose 36-month term runs past the calendar or that no staff page can correct.
    """

    widget = forms.DateInput(attrs={"type": "date"})

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUTS)
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        latest = latest_allowed_day()
        if value > latest:
            raise forms.ValidationError(
                _("Enter a date no later than %(latest)s (a year from today)."),
                code="too_late",
                params={"latest": f"{latest:%d/%m/%Y}"},
            )
        if value < EARLIEST_DAY:
            raise forms.ValidationError(
                _("Enter a date from %(earliest)s on."),
                code="too_early",
                params={"earliest": f"{EARLIEST_DAY:%d/%m/%Y}"},
            )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Recognition list (XLSX or CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )
    decision_no = forms.CharField(
        label=_("Decision number"),
        required=False,
        max_length=60,
        help_text=_("Only if the file does not say it, e.g. 2417/QĐ-UBND."),
    )
    decision_date = RegistryDateField(
        label=_("Decision date"),
        required=False,
        help_text=_("Only if the file does not say it."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.OCOP_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s MB; the limit is %(limit)s MB."),
                params={
                    "size": number_format(size_in_megabytes(upload.size)),
                    "limit": number_format(size_in_megabytes(settings.OCOP_IMPORT_MAX_BYTES)),
                },
            )
        return upload


class RevokeForm(forms.Form):
    decision_no = forms.CharField(label=_("Revoking decision number"), max_length=60)
    revoked_on = RegistryDateField(
        label=_("Revoked from"),
        help_text=_("The first day the certificate is no longer valid; at most a year ahead."),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class RenewForm(forms.Form):
    decision_no = forms.CharField(label=_("Renewal decision number"), max_length=60)
    decision_date = RegistryDateField(label=_("Decision date"))
    stars = forms.TypedChoiceField(
        label=_("Stars"), coerce=int, choices=[(5, "★★★★★"), (4, "★★★★"), (3, "★★★")]
    )
    issuer = forms.CharField(label=_("Issuing authority"), max_length=200, required=False)
