"""The plugin's copy of the feed: fetch a new one, or fall back to the last good copy.

The last good copy lives in ``FeedState`` (a singleton row), so expiries still happen while the
feed is down. A Celery worker runs every few minutes: the verdicts of the feed version it used
last are kept in memory, so a 304 costs neither parsing nor judging again. A fresh process reads
the copy back from its packed form (feed_packing.py) rather than parsing the body; a copy stored
before there was one is packed by the first run that reads it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from datetime import datetime

from django.utils import timezone

from . import feed_packing, rules
from .config import OcopConfig, feed_timeout
from .feed import FeedError, ensure_not_older, fetch_feed, parse_feed
from .models import FeedState, SyncRun

logger = logging.getLogger(__name__)

# The verdicts of the feed version this process used last (a Celery worker runs every few minutes).
_REMEMBERED: dict[tuple, rules.Verdicts] = {}


def _version(state: FeedState) -> tuple:
    return (state.url, state.etag, state.generated_at, state.body_size)


def _remember(state: FeedState, verdicts: rules.Verdicts) -> rules.Verdicts:
    _REMEMBERED.clear()
    _REMEMBERED[_version(state)] = verdicts
    return verdicts


def _read_back(packed: bytes | None, state: FeedState, now: datetime) -> rules.Verdicts | None:
    """The packed copy read back and judged: every certificate at ``now`` and the next change by
    the clock, so that the run finds them done. None when it is not exactly the stored feed.

    Runs in the helper thread: pure work on what the calling thread read from the database."""
    feed = feed_packing.unpack(packed, generated_at=state.generated_at, count=state.certificate_count)
    if feed is None:
        return None
    verdicts = rules.Verdicts(feed)
    verdicts.judge_all(now)
    return verdicts


def _start_reading_last_good(state: FeedState, helper: Executor, now: datetime) -> Callable[[], rules.Verdicts]:
    """Start reading the stored copy back in ``helper`` (once per process and version: a 304 then
    costs no parsing); the returned function gives its verdicts, in the calling thread."""
    remembered = _REMEMBERED.get(_version(state))
    if remembered is not None:
        return lambda: remembered
    stored = FeedState.objects.filter(pk=state.pk)
    reading = helper.submit(_read_back, stored.values_list("packed", flat=True).get(), state, now)

    def verdicts() -> rules.Verdicts:
        found = reading.result()
        if found is None:  # stored before it was packed: parse the body, and pack it for next time
            feed = parse_feed(bytes(stored.values_list("body", flat=True).get()))
            stored.update(packed=feed_packing.pack(feed))
            found = rules.Verdicts(feed)
        return _remember(state, found)

    return verdicts


def obtain_feed[T](run: SyncRun, config: OcopConfig, errors: list[dict], *, now: datetime,
                   meanwhile: Callable[[], T]) -> tuple[rules.Verdicts | None, T]:
    """The feed to reconcile with (with its remembered verdicts): a good new one, or the last
    good copy. Records faults.

    ``meanwhile`` runs in the calling thread while a helper thread reads the last good
    copy back and judges it at ``now``; its result is returned with the verdicts. The helper does
    pure work only (what it reads from the database was read before), so the run's transaction
    and lock are the calling thread's alone; in a fresh process, the run's database read and the
    reading back of the feed then take the time of the longer of the two, not of both.
    """
    state = FeedState.load()
    last_good: rules.Verdicts | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocop-feed") as helper:
        reading = _start_reading_last_good(state, helper, now) if state.body_size else None
        alongside = meanwhile()
    if reading is not None:
        try:
            last_good = reading()
        except FeedError as error:  # should not happen: it was good when stored
            errors.append({"kind": "last_copy", "message": f"last good copy unreadable: {error}"})
    return _fetch_or_fall_back(run, config, errors, state, last_good), alongside


def _fetch_or_fall_back(run: SyncRun, config: OcopConfig, errors: list[dict], state: FeedState,
                        last_good: rules.Verdicts | None) -> rules.Verdicts | None:
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
    state.packed = feed_packing.pack(result.feed)
    state.etag = result.etag or ""
    state.generated_at = result.feed.generated_at
    state.fetched_at = timezone.now()
    state.url = config.feed_url
    state.certificate_count = len(result.feed.certificates)
    state.save()
    state.body_size = len(result.body)
    return _remember(state, rules.Verdicts(result.feed))


