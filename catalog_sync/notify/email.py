"""The email channel: Django's mail (``EMAIL_BACKEND``), one message per group of recipients who read the
same language(s), addressed to all of them together (as ``To``), with the event's attachments.

This is the only module of the project that sends mail; ``tests/test_import_graph.py`` keeps it so.
"""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives

from . import render
from .events import Event, Recipient

NAME = "email"


class EmailChannel:
    name = NAME

    def handles(self, event: Event) -> bool:
        return any(recipient.email for recipient in event.recipients) and render.handles(NAME, event)

    def deliver(self, event: Event) -> None:
        """Send the messages; the backend's error (``OSError``/``smtplib.SMTPException``) is raised as is."""
        for languages, group in groups(event.recipients):
            message = render.render_for(NAME, event, languages)
            email = EmailMultiAlternatives(message.subject, message.text, None, [r.email for r in group])
            if message.html is not None:
                email.attach_alternative(message.html, "text/html")
            for attachment in event.attachments:
                email.attach(attachment.filename, attachment.content, attachment.mimetype)
            email.send()


def groups(recipients: tuple[Recipient, ...]) -> list[tuple[tuple[str, ...], list[Recipient]]]:
    """Recipients with an email, grouped by their languages, in the order they first appear."""
    by_languages: dict[tuple[str, ...], list[Recipient]] = {}
    for recipient in recipients:
        if recipient.email:
            by_languages.setdefault(recipient.languages, []).append(recipient)
    return list(by_languages.items())
