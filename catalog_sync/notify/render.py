"""A channel's message for an event, rendered from its templates in one or more languages.

Templates live under ``templates/notify/<channel>/``: ``<event template>_subject.txt`` and
``<event template>.txt``, and for email optionally ``<event template>.html``. They are translated with
Django's ``{% translate %}`` (English message ids, Vietnamese in ``locale/vi``). A recipient with two
languages (a producer's people have no language of their own) gets both: the subjects joined by " / ",
the texts by a signature separator, Vietnamese first; such a message has no HTML part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

from .events import Event


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    html: str | None = None


@cache
def has_template(name: str) -> bool:
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return False
    return True


def handles(channel: str, event: Event) -> bool:
    return has_template(f"notify/{channel}/{event.template}.txt")


def render_for(channel: str, event: Event, languages: Sequence[str]) -> Message:
    """The message of ``event`` on ``channel`` in ``languages`` (one, or several joined in that order)."""
    base = f"notify/{channel}/{event.template}"
    parts = []
    for language in languages:
        with translation.override(language):
            context = {**event.context(), "language": language}
            subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
            text = render_to_string(f"{base}.txt", context)
            html = render_to_string(f"{base}.html", context) if has_template(f"{base}.html") else None
        parts.append(Message(subject, text, html))
    if len(parts) == 1:
        return parts[0]
    return Message(" / ".join(part.subject for part in parts),
                   "\n\n-- \n\n".join(part.text.strip() for part in parts) + "\n")
