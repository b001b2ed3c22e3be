"""The plugin's copy of the feed: fetch a new one, or fall back to the last good copy.

The last good copy lives in ``FeedState`` (a singleton row), so expiries still happen while the
feed is down. A Celery worker runs every few minutes: the verdicts of the feed version it used
last are kept in memory, so a 304 costs neither parsing nor judging again.
"""

from __future__ import annotations

import logging

from django.utils import timezone

from . import rules
from .config import OcopConfig, feed_timeout
from .feed import Feed, FeedError, ensure_not_older, fetch_feed, parse_feed
from .models import FeedState, SyncRun

logger = logging.getLogger(__name__)

# The verdicts of the feed version this process used last (a Celery worker runs every few minutes).
_REMEMBERED: dict[tuple, rules.Verdicts] = {}


def _version(state: FeedState) -> tuple:
    return (state.url, state.etag, state.generated_at, state.body_size)


def _remember(state: FeedState, feed: Feed) -> rules.Verdicts:
    _REMEMBERED.clear()
    verdicts = _REMEMBERED[_version(state)] = rules.Verdicts(feed)
    return verdicts


def _last_good(state: FeedState) -> rules.Verdicts:
    """The stored copy, parsed once per process and version: a 304 then costs no parsing."""
    verdicts = _REMEMBERED.get(_version(state))
    if verdicts is None:
        body = FeedState.objects.filter(pk=state.pk).values_list("body", flat=True).get()
        verdicts = _remember(state, parse_feed(bytes(body)))
    return verdicts


def obtain_feed(run: SyncRun, config: OcopConfig, errors: list[dict]) -> rules.Verdicts | None:
    """The feed to reconcile with (with its remembered verdicts): a good new one, or the last
    good copy. Records faults."""
    state = FeedState.load()
    last_good: rules.Verdicts | None = None
    if state.body_size:
        try:
            last_good = _last_good(state)
        except FeedError as error:  # should not happen: it was good when stored
            errors.append({"kind": "last_copy", "message": f"last good copy unreadable: {error}"})

    if not config.feed_url:
        errors.append({"kind": "config", "message": "feed_url is not configured"})
        return last_good
    same_url = state.url == config.feed_url
    etag = state.etag if (last_good is not None and same_url and state.etag) else None
    try:
        result = fetch_feed(config.feed_url, config.feed_token, etag=etag, timeout=feed_timeout())
        if result.not_modified:
            run.fetched = True
            run.not_modified = True
            state.fetched_at = timezone.now()
            state.save(update_fields=["fetched_at"])
            return last_good
        assert result.feed is not None
        ensure_not_older(result.feed, state.generated_at)
    except FeedError as error:
        entry = {"kind": error.kind, "message": str(error)}
        if error.problems:
            entry["problems"] = list(error.problems)
        errors.append(entry)
        if last_good is not None:
            logger.warning("OCOP feed fault (%s): reconciling with the last good copy", error.kind)
        return last_good
    run.fetched = True
    state.body = result.body
    state.etag = result.etag or ""
    state.generated_at = result.feed.generated_at
    state.fetched_at = timezone.now()
    state.url = config.feed_url
    state.certificate_count = len(result.feed.certificates)
    state.save()
    state.body_size = len(result.body)
    return _remember(state, result.feed)


