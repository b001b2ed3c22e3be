"""Staff-facing labels for import results (the importer itself speaks in field names)."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

register = template.Library()

FIELD_LABELS = {
    "product_name": gettext_lazy("Product name"),
    "producer": gettext_lazy("Producer"),
    "stars": gettext_lazy("Stars"),
    "score": gettext_lazy("Score"),
    "decision_date": gettext_lazy("Decision date"),
    "decision_no": gettext_lazy("Decision number"),
    "valid_until": gettext_lazy("Last valid day"),
    "province": gettext_lazy("Province"),
    "row": gettext_lazy("Whole row"),
}


@register.filter
def field_label(name: str) -> str:
    label = FIELD_LABELS.get(name)
    return f"{label} ({name})" if label else name


@register.filter
def accepted_note(note: str) -> str:
    note, separator, notes = note.partition("; ")  # what the importer changed follows the outcome
    return _accepted_outcome(note) + separator + notes


def _accepted_outcome(note: str) -> str:
    if note == "new certificate":
        return _("new certificate")
    if note == "already in the registry":
        return _("already in the registry")
    if note.startswith("renewal of "):
        return _("renewal of %(id)s") % {"id": note.removeprefix("renewal of ")}
    return note


@register.simple_tag(takes_context=True)
def page_query(context: template.Context, parameter: str, number: int) -> str:
    """The current query string with ``parameter`` set to page ``number`` (other lists keep their page)."""
    params = context["request"].GET.copy()
    params[parameter] = str(number)
    return f"?{params.urlencode()}"
