"""The withdrawal log the plugin writes into each product's private metadata (withdrawal_log.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from ocop_certification import withdrawal_log
from ocop_certification.withdrawal_log import merged, read

AT = datetime(2026, 11, 27, 17, 0, 0, 123456, tzinfo=UTC)


def make(entry_id: int, action: str = "withdraw", minutes: int = 0) -> dict:
    return withdrawal_log.entry(entry_id=entry_id, action=action, reason=f"expired on 2026-11-26 (LD-{entry_id})",
                                certificate_id=f"LD-{entry_id}", product="Nước mắm Phú Quốc",
                                at=AT + timedelta(minutes=minutes), run_id=7)


def test_an_entry_names_the_action_as_the_web_service_reads_it_with_the_time_and_its_offset():
    # when an audit entry of a withdrawal and one of a restore become entries
    withdrawn, restored = make(1, "withdraw"), make(2, "restore")
    # then each says what happened, why, under which certificate and when, with the UTC offset
    assert withdrawn == {"id": 1, "action": "withdrawn", "reason": "expired on 2026-11-26 (LD-1)",
                         "certificate_id": "LD-1", "product": "Nước mắm Phú Quốc",
                         "at": "2026-11-27T17:00:00.123456+00:00", "run": 7}
    assert restored["action"] == "restored"
    assert datetime.fromisoformat(withdrawn["at"]) == AT


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError, match="aware"):
        withdrawal_log.entry(entry_id=1, action="withdraw", reason="r", certificate_id="c", product="p",
                             at=datetime(2026, 11, 27), run_id=1)


def test_a_restore_right_after_a_withdrawal_keeps_both_in_the_product():
    # given a product with nothing stored yet, withdrawn in one run
    value = merged(None, [make(1, "withdraw")])
    # when the next run restores it
    value = merged(value, [make(2, "restore", minutes=1)])
    # then the stored value carries both, oldest first, as JSON text (Saleor's metadata holds strings)
    assert [(item["id"], item["action"]) for item in json.loads(value)] == [(1, "withdrawn"), (2, "restored")]


def test_an_entry_already_stored_is_not_added_twice():
    value = merged(None, [make(1)])
    assert merged(value, [make(1)]) == value


def test_only_the_newest_entries_are_kept():
    # given a product withdrawn and restored many times
    value = None
    for entry_id in range(1, 31):
        value = merged(value, [make(entry_id, "withdraw" if entry_id % 2 else "restore")])
    # then the newest KEEP remain, in order
    kept = [item["id"] for item in read(value)]
    assert kept == list(range(31 - withdrawal_log.KEEP, 31))


@pytest.mark.parametrize("stored", ["", "not json", "{}", '{"id": 1}', "[1, 2]", '[{"id": "x"}]', 5])
def test_a_value_edited_by_hand_into_something_unreadable_is_replaced_not_a_failure(stored):
    value = merged(stored, [make(3)])
    assert [item["id"] for item in json.loads(value)] == [3]
