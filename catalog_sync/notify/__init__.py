"""Notifications: what the rooms tell people (events, plain data) and how it reaches them (channels).

A domain room builds an event from ``catalog_sync.notify.events`` (plain values: names, dates, amounts,
links and ``Recipient`` s, never a model of another room) and calls ``notify.send(event)``. Each channel
named in ``NOTIFY_CHANNELS`` (default: email only) that has templates for the event renders it in each
recipient's language(s) and delivers it. ``send`` returns when every channel has delivered; a channel's
failure is raised to the caller, so a caller that records the notification in the same transaction
(reminders, digests, order lines) rolls the record back and tries again later, and a webhook answers an
error so Saleor delivers again.

Adding a channel (e.g. Zalo or SMS) is one new module in this package and one settings line:

1. write ``catalog_sync/notify/zalo.py`` with a class following ``channels.Channel``: ``name``,
   ``handles(event)`` (it has templates for the event and the recipients have an address it can use) and
   ``deliver(event)`` (render with ``render.render_for`` from ``templates/notify/<channel name>/`` and
   send; raise on failure);
2. put its templates under ``templates/notify/zalo/`` (``<event template>.txt``, translated with
   ``{% translate %}`` like the email's);
3. add its dotted path to ``NOTIFY_CHANNELS`` (settings).

If the channel needs an address email has not (a phone number), add it as an optional field of
``events.Recipient`` and let the rooms fill it; nothing else changes in the rooms.
"""

from __future__ import annotations

from . import events
from .channels import configured_channels
from .events import Event, Recipient

__all__ = ["Event", "Recipient", "events", "send"]


def send(event: Event) -> list[str]:
    """Deliver ``event`` through every configured channel that handles it; the names of those channels.

    Nothing is sent to an event without recipients. Exceptions of a channel propagate (see above)."""
    if not event.recipients:
        return []
    delivered = []
    for channel in configured_channels():
        if channel.handles(event):
            channel.deliver(event)
            delivered.append(channel.name)
    return delivered
