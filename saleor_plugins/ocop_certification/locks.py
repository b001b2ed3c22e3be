"""The plugin's PostgreSQL advisory locks, transaction-scoped and namespaced as Saleor 3.23's
``saleor/core/db/locks.py`` does it: ``pg_*_advisory_xact_lock(namespace, key)``, released by
PostgreSQL itself at commit or rollback (safe behind pgbouncer's transaction pooling, and never
left behind by a crashed run).

Saleor's namespace (21218) numbers Saleor's own locks; the plugin has its own, so its keys can
never collide with a lock Saleor adds later.
"""

from __future__ import annotations

import time
from enum import IntEnum

from django.db import transaction

# Arbitrary 32-bit integer identifying the OCOP plugin's advisory locks within a database.
ADVISORY_LOCK_NAMESPACE = 0x0C0C_5A1E


class AdvisoryLock(IntEnum):
    """Advisory lock keys. Never reuse or renumber values."""

    SYNC_RUN = 1


class LockNotAcquired(Exception):
    """Another transaction held the lock for longer than the wait."""


def acquire_advisory_xact_lock(lock: AdvisoryLock, *, wait: float) -> None:
    """Take the transaction-scoped lock, waiting (polling) up to ``wait`` seconds.

    Must be called inside an atomic block, before any ``select_for_update`` row locks. Polls
    ``pg_try_advisory_xact_lock`` rather than blocking, so a stuck holder makes this run give
    up with a clear error instead of hanging a worker.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("acquire_advisory_xact_lock must be called inside an atomic block.")
    deadline = time.monotonic() + wait
    delay = 0.05
    with connection.cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [ADVISORY_LOCK_NAMESPACE, lock.value])
            if cursor.fetchone()[0]:
                return
            if time.monotonic() >= deadline:
                raise LockNotAcquired(f"another OCOP sync run held the lock for more than {wait:.0f} s")
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
