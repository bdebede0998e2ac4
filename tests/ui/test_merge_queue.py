"""The merge queue: merges run in the background while review goes on; a failing merge
shows the CRM's own message; merges not sent yet can be cancelled or undone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mergedesk.core.models import MergeStatus
from mergedesk.core.review import GroupStatus
from mergedesk.ui.models.queue import OUTCOME, STATE, QueueState
from tests.ui.conftest import Desk
from tests.ui.test_main_window import TIMEOUT, press, show_first_group, status, submit


def merge_next(qtbot, desk: Desk) -> str:
    """Ctrl+Enter on the group on screen; returns its id once the next one is shown."""
    group_id = desk.window.compare.group_id
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        press(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return group_id


def test_a_refused_merge_shows_the_crms_message_in_the_queue(qtbot, desk):
    group_id = show_first_group(desk, qtbot)
    mergee = next(r for r in desk.window.compare.record_ids if r != desk.window.compare.master)
    desk.fake.faults.add("status", method="POST", path="contact_merge", status=422,
                         body={"message": "Contact merge is locked", "attributes": []})
    _, outcome = submit(qtbot, desk)
    assert outcome.status == MergeStatus.FAILED
    assert status(desk, group_id) == GroupStatus.FAILED
    queue = desk.window.queue.model
    assert queue.index(0, STATE).data() == "Done"
    text = queue.index(0, OUTCOME).data()
    assert text.startswith("Merge failed") and "Contact merge is locked" in text
    assert queue.index(0, OUTCOME).data(Qt.ItemDataRole.DecorationRole) is not None
    assert desk.contact(mergee) is not None  # nothing merged
    # The counts are read again once the status is in the store (written off the loop).
    qtbot.waitUntil(lambda: "Failed: 1" in desk.window.status_bar.counts_text(), timeout=TIMEOUT)
    # Going back to the group shows what happened, and it can be submitted again.
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        desk.window.group_panel.select_group(group_id)
    assert "Contact merge is locked" in desk.window.review_panel.banner_text()
    assert desk.window.review_panel.merge_action.isEnabled()


def test_review_goes_on_while_a_slow_merge_runs_and_its_step_shows(qtbot, desk):
    first = show_first_group(desk, qtbot)
    # The CRM merges at once but holds its answer back: the window must not wait for it.
    desk.fake.faults.add("slow", method="POST", path="contact_merge", delay=1.5)
    merge_next(qtbot, desk)
    assert desk.window.compare.group_id == desk.groups[1].id  # moved on meanwhile
    assert status(desk, first) == GroupStatus.MERGING
    assert "Merging: 1" in desk.window.status_bar.counts_text()
    queue = desk.window.queue.model
    qtbot.waitUntil(lambda: "merging" in queue.index(0, STATE).data(), timeout=TIMEOUT)
    assert queue.index(0, STATE).data().startswith("Step 1 of 1: merging #")
    with qtbot.waitSignal(desk.window.merge_finished, timeout=TIMEOUT) as finished:
        pass
    assert finished.args[1].status == MergeStatus.MERGED
    assert status(desk, first) == GroupStatus.MERGED


def test_held_merges_are_cancelled_with_delete_and_never_sent(qtbot, desk):
    desk.window.queue.hold_seconds = 60.0
    show_first_group(desk, qtbot)
    first, second = merge_next(qtbot, desk), merge_next(qtbot, desk)
    queue = desk.window.queue
    assert [i.state for i in queue.model.items()] == [QueueState.HELD, QueueState.HELD]
    assert queue.model.index(0, STATE).data() == "Held (Ctrl+Z takes it back)"
    panel = desk.window.queue_panel
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert queue.model.items()[0].state == QueueState.CANCELLED
    assert queue.model.index(0, STATE).data() == "Cancelled, nothing sent"
    assert status(desk, first) == GroupStatus.OPEN  # back to review
    queue.release_held()  # Queue ▸ Send held merges now
    with qtbot.waitSignal(desk.window.merge_finished, timeout=TIMEOUT) as finished:
        pass
    assert finished.args[0] == second
    assert len(desk.fake.merge_log) == 1  # the cancelled one never reached the CRM
    assert desk.window.queue.count(QueueState.CANCELLED) == 1
    assert first != second


def test_ctrl_z_takes_back_a_held_merge_but_not_one_already_sent(qtbot, desk):
    desk.window.queue.hold_seconds = 60.0
    first = show_first_group(desk, qtbot)
    merge_next(qtbot, desk)
    assert desk.window.undo_action.text().startswith("Undo merge")
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        press(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown.args[0] == first  # back on the group, to decide again
    assert status(desk, first) == GroupStatus.OPEN
    assert desk.window.queue.model.items()[0].state == QueueState.CANCELLED
    # Redo sends it again; once it is under way, undo can only say so.
    desk.window.queue.hold_seconds = 0.0
    with qtbot.waitSignal(desk.window.merge_finished, timeout=TIMEOUT):
        desk.window.redo_action.trigger()
    desk.window.undo_action.trigger()
    assert status(desk, first) == GroupStatus.MERGED
    assert "was sent to the CRM already" in desk.window.status_bar.currentMessage()
    assert len(desk.fake.merge_log) == 1
