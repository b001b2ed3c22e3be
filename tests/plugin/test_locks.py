"""The sync lock: transaction-scoped and namespaced (locks.py), on the real PostgreSQL.

The plugin takes it inside Saleor; here the same Django code runs against the test database.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction
from ocop_certification.locks import ADVISORY_LOCK_NAMESPACE, AdvisoryLock, LockNotAcquired, acquire_advisory_xact_lock

pytestmark = pytest.mark.django_db(transaction=True)


def held_elsewhere(release: threading.Event, taken: threading.Event) -> threading.Thread:
    """A thread (its own connection) that takes the sync lock in a transaction and commits on ``release``."""

    def hold() -> None:
        try:
            with transaction.atomic():
                acquire_advisory_xact_lock(AdvisoryLock.SYNC_RUN, wait=5)
                taken.set()
                release.wait(timeout=30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(timeout=10)
    return thread


def test_a_second_run_waits_for_the_first_to_commit_then_takes_the_lock():
    # given another transaction holding the sync lock
    release, taken = threading.Event(), threading.Event()
    thread = held_elsewhere(release, taken)
    try:
        # when this one asks for it with a short wait / then it gives up, saying why
        refused = "another OCOP sync run held the lock for more than 0 s"
        with pytest.raises(LockNotAcquired, match=refused), transaction.atomic():
            acquire_advisory_xact_lock(AdvisoryLock.SYNC_RUN, wait=0.2)
        # when the holder commits while this one waits / then this one gets it
        threading.Timer(0.3, release.set).start()
        with transaction.atomic():
            acquire_advisory_xact_lock(AdvisoryLock.SYNC_RUN, wait=10)
    finally:
        release.set()
        thread.join(timeout=10)


def test_the_lock_is_released_by_the_end_of_its_transaction_and_lives_in_the_plugins_namespace():
    locks = (
        "SELECT classid, objid FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
    )
    with transaction.atomic():
        acquire_advisory_xact_lock(AdvisoryLock.SYNC_RUN, wait=1)
        with connection.cursor() as cursor:
            cursor.execute(locks)
            # two-key advisory locks show the keys as classid and objid
            assert cursor.fetchall() == [(ADVISORY_LOCK_NAMESPACE, AdvisoryLock.SYNC_RUN.value)]
    with connection.cursor() as cursor:
        cursor.execute(locks)
        assert cursor.fetchall() == []


def test_the_lock_is_refused_outside_a_transaction():
    with pytest.raises(RuntimeError, match="inside an atomic block"):
        acquire_advisory_xact_lock(AdvisoryLock.SYNC_RUN, wait=1)
