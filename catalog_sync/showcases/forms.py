"""The showcase form: texts in Vietnamese and English, start and end in Vietnam time, the rule."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog_sync.domain.groups import GROUPS, PRODUCT_SETS
from catalog_sync.domain.provinces import PROVINCES
from catalog_sync.domain.validity import VIETNAM_TZ

from .models import Showcase

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"  # <input type="datetime-local">, read as Vietnam time
DATETIME_INPUTS = [DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]


class VietnamDateTimeField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATETIME_INPUTS)
        super().__init__(**kwargs)

    def to_python(self, value):
        with timezone.override(VIETNAM_TZ):  # whatever the request's zone, staff type Vietnam time
            return super().to_python(value)

    def prepare_value(self, value):
        if hasattr(value, "astimezone"):
            value = value.astimezone(VIETNAM_TZ)
        return super().prepare_value(value)


COVER_MAX_BYTES = 5 * 1024 * 1024
COVER_MAX_SIDE = 6000  # pixels
COVER_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def _choices(items) -> list[tuple[str, str]]:
    return [("", "—"), *items]


class ShowcaseForm(forms.ModelForm):
    starts_at = VietnamDateTimeField(required=False, label=_("Starts (Vietnam time)"),
                                     help_text=_("Empty: as soon as it is approved."))
    ends_at = VietnamDateTimeField(required=False, label=_("Ends (Vietnam time)"),
                                   help_text=_("Empty: no end. Customers stop seeing it at this minute."))
    min_stars = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label=_("Stars at least"),
                                       choices=_choices([("3", "3 ★"), ("4", "4 ★"), ("5", "5 ★")]))
    group = forms.ChoiceField(required=False, label=_("Product group"),
                              choices=_choices([(g.slug, g.name_vi) for g in GROUPS]))
    product_set = forms.ChoiceField(required=False, label=_("Product set"),
                                    choices=_choices([(s.slug, s.name_vi) for s in PRODUCT_SETS]))
    province = forms.ChoiceField(required=False, label=_("Province"),
                                 choices=_choices([(p.slug, p.name) for p in PROVINCES]))

    cover = forms.ImageField(required=False, label=_("Cover image (JPEG, PNG or WebP, up to 5 MB)"),
                             help_text=_("Sent to Saleor, which serves it; empty keeps the current one."))

    class Meta:
        model = Showcase
        fields = ["name", "name_en", "slug", "description", "description_en", "starts_at", "ends_at",
                  "min_stars", "group", "product_set", "province"]
        labels = {"name": _("Name (Vietnamese)"), "name_en": _("Name (English)"), "slug": _("Address (slug)"),
                  "description": _("Description (Vietnamese)"), "description_en": _("Description (English)")}
        help_texts = {"slug": _("The showcase's address in the shop: /showcases/<slug>/ (letters, digits, -).")}
        widgets = {"description": forms.Textarea(attrs={"rows": 5}),
                   "description_en": forms.Textarea(attrs={"rows": 5})}

    def clean_cover(self):
        cover = self.cleaned_data.get("cover")
        if not cover:
            return None
        if cover.size > COVER_MAX_BYTES:
            raise forms.ValidationError(_("The image is larger than 5 MB."))
        image = getattr(cover, "image", None)  # opened and checked by Pillow
        if image is None or image.format not in COVER_FORMATS:
            raise forms.ValidationError(_("Send a JPEG, PNG or WebP image."))
        if max(image.size) > COVER_MAX_SIDE:
            raise forms.ValidationError(_("The image is larger than 6000 pixels on a side."))
        return cover

    def clean(self):
        data = super().clean() or {}
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("The end must come after the start."))
        product_set, group = data.get("product_set"), data.get("group")
        if product_set and group and next(s for s in PRODUCT_SETS if s.slug == product_set).group_slug != group:
            self.add_error("product_set", _("This product set is not in the chosen group."))
        return data


class AddProductForm(forms.Form):
    product = forms.CharField(max_length=255, label=_("Product (its address slug or certificate id)"))


class MoveForm(forms.Form):
    item = forms.IntegerField(min_value=1)
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class ItemForm(forms.Form):
    item = forms.IntegerField(min_value=1)
