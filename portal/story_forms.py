"""The story's forms: text, location and contact; a photo to add; one photo's alt text, place or removal."""

from __future__ import annotations

import phonenumbers
from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import checked_photo
from .story import blocks_from_story

STORY_MAX_CHARS = 20_000


class StoryForm(forms.Form):
    story = forms.CharField(label=_("Your story"), required=False, max_length=STORY_MAX_CHARS,
                            widget=forms.Textarea(attrs={"rows": 12}),
                            help_text=_("A blank line between paragraphs. A line starting with “## ” is a heading, "
                                        "lines starting with “- ” are a list."))
    location = forms.CharField(label=_("Where to find you"), required=False, max_length=300,
                               widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
                               help_text=_("Village, commune, road: how a visitor finds you."))
    phone = forms.CharField(label=_("Phone"), required=False, max_length=30,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}))
    email = forms.EmailField(label=_("Email"), required=False, max_length=254,
                             error_messages={"invalid": _("Enter an email address such as name@example.vn.")},
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def clean_story(self) -> str:
        story: str = self.cleaned_data["story"]
        if story.strip() and not blocks_from_story(story):
            raise forms.ValidationError(_("Nothing would be left of this text: write it as plain text."))
        return story

    def clean_location(self) -> str:
        return " ".join(self.cleaned_data["location"].split())

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"].strip()
        if not value:
            return ""
        try:
            number = phonenumbers.parse(value, "VN")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(_("Enter a phone number that can be called, e.g. 0912 345 678."))
        if number.country_code == 84:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class PhotoForm(forms.Form):
    photo = forms.ImageField(label=_("Photo (JPEG, PNG or WebP, up to 5 MB)"))
    alt = forms.CharField(label=_("What the photo shows"), max_length=250,
                          error_messages={"required": _("Say what the photo shows.")},
                          help_text=_("For people who cannot see it, e.g. “Our bee hives on the hillside”."))

    def clean_photo(self):  # type: ignore[no-untyped-def]
        return checked_photo(self.cleaned_data["photo"], too_big=_("The image is larger than 5 MB."),
                             wrong_format=_("Send a JPEG, PNG or WebP image."),
                             too_wide=_("The image is larger than 6000 pixels on a side."))

    def clean_alt(self) -> str:
        return " ".join(self.cleaned_data["alt"].split())


class PhotoChangeForm(forms.Form):
    photo = forms.CharField(max_length=2000, widget=forms.HiddenInput)  # the photo's URL on their own page
    alt = forms.CharField(label=_("What the photo shows"), max_length=250, required=False)
    action = forms.ChoiceField(choices=[("save", "save"), ("up", "up"), ("down", "down"), ("remove", "remove")])

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        data["alt"] = " ".join((data.get("alt") or "").split())
        if data.get("action") == "save" and not data["alt"]:
            self.add_error("alt", _("Say what the photo shows."))
        return data
