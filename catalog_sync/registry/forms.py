from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from catalog_sync.importers.bounds import size_in_megabytes

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]


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
    decision_date = forms.DateField(
        label=_("Decision date"),
        required=False,
        input_formats=DATE_INPUTS,
        widget=forms.DateInput(attrs={"type": "date"}),
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
    revoked_on = forms.DateField(
        label=_("Revoked on"), input_formats=DATE_INPUTS, widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class RenewForm(forms.Form):
    decision_no = forms.CharField(label=_("Renewal decision number"), max_length=60)
    decision_date = forms.DateField(
        label=_("Decision date"), input_formats=DATE_INPUTS, widget=forms.DateInput(attrs={"type": "date"})
    )
    stars = forms.TypedChoiceField(
        label=_("Stars"), coerce=int, choices=[(5, "★★★★★"), (4, "★★★★"), (3, "★★★")]
    )
    issuer = forms.CharField(label=_("Issuing authority"), max_length=200, required=False)
