"""A review decision shows at once and its store write runs off the loop: the GUI thread
never waits for the store's lock (a scan caching 100,000 records holds it for up to a
tenth of a second at a time), writes land in the order made, and one that fails is
told, not lost in silence."""

from __future__ import annotations

import sqlite3
import threading

from mergedesk.core.review import GroupStatus
from mergedesk.services.ordered_writes import OrderedWrites
from tests.ui.test_main_window import TIMEOUT, show_first_group, status


def _stored(desk, group_id: str) -> str:
    desk.window.decisions.flush()
    return desk.workspace.groups.group(desk.connection.key, group_id)[1]


def test_a_decision_does_not_wait_for_the_stores_lock(qtbot, desk):
    group_id = show_first_group(desk, qtbot)
    held, release = threading.Event(), threading.Event()

    def hold_the_store() -> None:  # as a scan's cache write does
        with desk.workspace.db.lock:
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_store)
    holder.start()
    try:
        assert held.wait(5)
        group = desk.groups[0]
        desk.window.decisions.not_duplicates(group_id, group.records, "", GroupStatus.OPEN)
        # Back on the loop with the lock still held: it did not wait for it.
        assert not release.is_set() and holder.is_alive()
        assert status(desk, group_id) == GroupStatus.NOT_DUPLICATES
        assert "Not duplicates: 0" in desk.window.status_bar.counts_text()  # not stored yet
    finally:
        release.set()
        holder.join()
    assert _stored(desk, group_id) == "not_duplicates"
    # The counts are the store's: read again once the write is in.
    qtbot.waitUntil(lambda: "Not duplicates: 1" in desk.window.status_bar.counts_text(),
                    timeout=TIMEOUT)


def test_a_decision_and_its_undo_land_in_that_order(qtbot, desk):
    group_id = show_first_group(desk, qtbot)
    group = desk.groups[0]
    for _ in range(5):
        desk.window.decisions.not_duplicates(group_id, group.records, "", GroupStatus.OPEN)
        desk.window.decisions.undo_stack.undo()
    desk.window.decisions.skip(group_id, group.records, "", GroupStatus.OPEN)
    assert _stored(desk, group_id) == "skipped"
    assert desk.workspace.groups.not_duplicate_pairs(desk.connection.key) == set()


def test_a_write_that_fails_is_told(qtbot, desk, monkeypatch):
    group_id = show_first_group(desk, qtbot)

    def locked(*_args) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(desk.workspace.groups, "set_status", locked)
    with qtbot.waitSignal(desk.window.decisions.told, timeout=TIMEOUT) as told:
        desk.window.decisions.skip(group_id, desk.groups[0].records, "", GroupStatus.OPEN)
    assert told.args[0] == ("A decision could not be saved: OperationalError: database is "
                            "locked")


def test_ordered_writes_run_in_order_and_flush_waits_for_them():
    done: list[int] = []
    errors: list[str] = []
    thens: list[int] = []
    writes = OrderedWrites(on_error=errors.append)
    gate = threading.Event()
    writes.submit(gate.wait, 5)
    for n in range(50):
        writes.submit(done.append, n, then=lambda n=n: thens.append(n))
    writes.submit(lambda: 1 / 0, then=lambda: thens.append(-1))
    assert done == []  # all behind the gate
    gate.set()
    writes.flush()
    assert done == list(range(50)) and thens == list(range(50))
    assert errors == ["ZeroDivisionError: division by zero"]
    writes.close()
