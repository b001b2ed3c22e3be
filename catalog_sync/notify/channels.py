"""The channel interface, and the channels this deployment uses (``NOTIFY_CHANNELS``)."""

from __future__ import annotations

from functools import cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from .events import Event

DEFAULT_CHANNELS = ("catalog_sync.notify.email.EmailChannel",)


class Channel(Protocol):
    """One way of reaching people. ``deliver`` raises when the message could not be handed over."""

    name: str

    def handles(self, event: Event) -> bool:
        """Whether this channel has a message for ``event`` and an address for its recipients."""

    def deliver(self, event: Event) -> None:
        """Render ``event`` for its recipients and send it; raise on failure (nothing is retried here)."""


@cache
def _load(paths: tuple[str, ...]) -> tuple[Channel, ...]:
    return tuple(import_string(path)() for path in paths)


def configured_channels() -> tuple[Channel, ...]:
    return _load(tuple(getattr(settings, "NOTIFY_CHANNELS", DEFAULT_CHANNELS)))
