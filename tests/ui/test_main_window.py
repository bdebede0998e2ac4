"""The main window against the real Chatwoot sandbox over loopback, keyboard first:
select, pick values, submit, move between groups, and see each outcome in the row, the
queue and the fake CRM."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mergedesk.core.models import MergeStatus
from mergedesk.core.review import GroupStatus
from mergedesk.ui.models.compare import DiffersRole
from mergedesk.ui.models.queue import QueueState
from tests.ui.conftest import Desk

TIMEOUT = 15_000  # ms; the sandbox answers in milliseconds, CI machines can be slow


def show_first_group(desk: Desk, qtbot) -> str:
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        desk.window.show_stored_groups()
    desk.window.activateWindow()
    qtbot.waitUntil(desk.window.isActiveWindow)
    return shown.args[0]


def press(qtbot, desk: Desk, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the reviewer types it, with the focus in the compare table."""
    view = desk.window.review_panel.compare_view
    view.setFocus()
    qtbot.keyClick(view, key, modifier)


def submit(qtbot, desk: Desk) -> tuple[str, object]:
    with qtbot.waitSignal(desk.window.merge_finished, timeout=TIMEOUT) as finished:
        press(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return finished.args[0], finished.args[1]


def status(desk: Desk, group_id: str) -> GroupStatus | None:
    return desk.window.groups.status(group_id)


def test_selecting_a_group_shows_its_fresh_records(qtbot, desk):
    group_id = show_first_group(desk, qtbot)
    group = desk.groups[0]
    assert group_id == group.id
    compare = desk.window.compare
    assert compare.record_ids == group.records
    name = compare.row_of("name")
    master = compare.record_ids.index(compare.master)
    assert compare.index(name, master).data() == desk.contact(compare.master)["name"]
    assert desk.window.review_panel.merge_action.isEnabled()
    assert desk.window.windowTitle() == "MergeDesk — Chatwoot sandbox"


def test_keyboard_merge_keeps_the_chosen_value_and_deletes_the_mergee(qtbot, desk):
    group_id = show_first_group(desk, qtbot)
    compare = desk.window.compare
    view = desk.window.review_panel.compare_view
    master = compare.master
    mergee = next(r for r in compare.record_ids if r != master)
    name = compare.row_of("name")
    view.setCurrentIndex(compare.index(name, 0))
    press(qtbot, desk, getattr(Qt.Key, f"Key_{compare.record_ids.index(mergee) + 1}"))
    chosen_name = desk.contact(mergee)["name"]
    assert compare.index(name, compare.preview_column).data() == chosen_name

    finished_group, outcome = submit(qtbot, desk)

    assert finished_group == group_id and outcome.status == MergeStatus.MERGED
    assert status(desk, group_id) == GroupStatus.MERGED
    assert desk.contact(mergee) is None
    assert desk.contact(master)["name"] == chosen_name
    assert [tuple(c) for c in desk.fake.merge_log] == [(int(master), int(mergee))]
    item = desk.window.queue.model.items()[0]
    assert item.state == QueueState.DONE and f"Merged #{mergee} into #{master}" in item.text
    # The counts are read again once the status is in the store (written off the loop).
    qtbot.waitUntil(lambda: "Merged: 1" in desk.window.status_bar.counts_text(), timeout=TIMEOUT)


def test_a_confirmed_default_group_takes_one_keystroke_and_the_next_is_on_screen(
        qtbot, desk):
    first = show_first_group(desk, qtbot)
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        press(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert shown.args[0] == desk.groups[1].id  # Ctrl+Enter, and the next group is there
    qtbot.waitUntil(lambda: status(desk, first) == GroupStatus.MERGED, timeout=TIMEOUT)
    view = desk.window.review_panel.compare_view
    qtbot.waitUntil(view.hasFocus)  # the keyboard stays in the compare table
    compare = desk.window.compare
    assert compare.index(view.currentIndex().row(), 0).data(DiffersRole)


def test_j_and_k_move_between_groups(qtbot, desk):
    first = show_first_group(desk, qtbot)
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        press(qtbot, desk, Qt.Key.Key_J)
    assert shown.args[0] == desk.groups[1].id
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        press(qtbot, desk, Qt.Key.Key_K)
    assert shown.args[0] == first
    table = desk.window.group_panel.table
    table.setFocus()
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        qtbot.keyClick(table, Qt.Key.Key_Down)  # arrows in the list do the same
    assert shown.args[0] == desk.groups[1].id


def test_m_makes_the_current_column_master_for_the_merge(qtbot, desk):
    group_id = show_first_group(desk, qtbot)
    compare = desk.window.compare
    other = next(c for c, r in enumerate(compare.record_ids) if r != compare.master)
    desk.window.review_panel.compare_view.setCurrentIndex(compare.index(0, other))
    press(qtbot, desk, Qt.Key.Key_M)
    new_master = compare.record_ids[other]
    assert compare.master == new_master
    _, outcome = submit(qtbot, desk)
    assert outcome.status == MergeStatus.MERGED and outcome.master == new_master
    assert desk.contact(new_master) is not None
    assert status(desk, group_id) == GroupStatus.MERGED


def test_n_remembers_not_duplicates_and_s_skips(qtbot, desk):
    group_id = show_first_group(desk, qtbot)
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        press(qtbot, desk, Qt.Key.Key_N)
    assert shown.args[0] == desk.groups[1].id
    assert status(desk, group_id) == GroupStatus.NOT_DUPLICATES
    desk.window.decisions.flush()  # the store's writes run on a thread of their own
    pairs = desk.workspace.groups.not_duplicate_pairs(desk.connection.key)
    assert frozenset(desk.groups[0].records) in pairs
    stored = dict((g.id, s) for g, s in desk.workspace.groups.groups(desk.connection.key))
    assert stored[group_id] == "not_duplicates"
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        press(qtbot, desk, Qt.Key.Key_S)
    assert status(desk, desk.groups[1].id) == GroupStatus.SKIPPED
    qtbot.waitUntil(lambda: "Not duplicates: 1" in desk.window.status_bar.counts_text(),
                    timeout=TIMEOUT)


def test_a_record_deleted_after_review_stops_the_merge_as_stale(qtbot, desk):
    group_id = show_first_group(desk, qtbot)
    mergee = next(r for r in desk.window.compare.record_ids if r != desk.window.compare.master)
    with desk.fake.state.lock:
        desk.fake.state.destroy(int(mergee))  # someone else deleted it meanwhile
    _, outcome = submit(qtbot, desk)
    assert outcome.status == MergeStatus.STALE
    assert status(desk, group_id) == GroupStatus.STALE
    text = desk.window.queue.model.items()[0].text
    assert "changed since you reviewed them" in text and f"record {mergee}" in text
    assert desk.fake.merge_log == []  # nothing was sent


def test_a_failed_read_shows_the_error_instead_of_the_table(qtbot, desk):
    desk.fake.faults.add("status", method="GET", path=r"contacts/\d+$", status=401,
                         count=None)
    with qtbot.waitSignal(desk.window.tasks.failed, timeout=TIMEOUT):
        desk.window.show_stored_groups()
    panel = desk.window.review_panel
    assert not panel.loaded and not panel.merge_action.isEnabled()
    assert "Chatwoot refused the credentials: Invalid Access Token" in panel.banner_text()


def test_a_scan_keeps_decisions_of_groups_it_finds_again(qtbot, desk):
    show_first_group(desk, qtbot)
    with qtbot.waitSignal(desk.window.groups_loaded, timeout=TIMEOUT) as loaded:
        desk.window.start_scan()
        assert not desk.window.actions.scan.isEnabled()
    assert loaded.args[0] > 0
    found = [desk.window.groups.listing(r) for r in range(desk.window.groups.rowCount())]
    skipped = found[0]
    with qtbot.waitSignal(desk.window.groups_loaded, timeout=TIMEOUT):
        desk.window.decisions.skip(skipped.id, skipped.records, "", GroupStatus.OPEN)
        desk.window.start_scan()  # finds the same records again: the same stable id
    assert status(desk, skipped.id) == GroupStatus.SKIPPED
    planted = {frozenset(g.records) for g in desk.groups}
    assert {frozenset(f.records) for f in found} & planted
    # Names and e-mails, filled in from the scan's cache in the background.
    qtbot.waitUntil(lambda: "·" in desk.window.groups.index(0, 2).data(), timeout=TIMEOUT)


def test_f1_lists_every_shortcut_from_the_menus(qtbot, desk):
    show_first_group(desk, qtbot)
    dialog = desk.window.show_cheat_sheet()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    for expected in ("Ctrl+Return", "Merge group", "Not duplicates", "Skip", "Split record",
                     "Make master", "Ctrl+Z", "Keep value of record 1", "Next group",
                     "Type a value", "F1"):
        assert expected in text, expected
    menu = desk.window.menus.review
    assert any(a.shortcut().toString() == "N" for a in menu.actions())


def test_window_layout_and_columns_are_saved(qtbot, desk):
    desk.window.group_panel.table.horizontalHeader().resizeSection(0, 77)
    desk.window.close()
    settings = desk.window._settings
    for key in ("main_window/geometry", "main_window/state", "splitters/main",
                "splitters/review", "columns/groups", "columns/queue"):
        assert not settings.value(key).isEmpty(), key
    assert not any("token" in k.lower() or "secret" in k.lower() for k in settings.allKeys())
