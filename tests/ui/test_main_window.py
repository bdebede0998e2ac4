"""The main window against the real Chatwoot sandbox over loopback: select, pick values
with the keyboard, submit, and see the outcome in the row, the log and the fake CRM."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mergedesk.core.models import MergeStatus
from mergedesk.ui.models.compare import DiffersRole
from mergedesk.ui.models.status import GroupStatus
from tests.ui.conftest import Desk

TIMEOUT = 15_000  # ms; the sandbox answers in milliseconds, CI machines can be slow


def _show_first_group(desk: Desk, qtbot) -> str:
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        desk.window.show_stored_groups()
    return shown.args[0]


def _press(qtbot, desk: Desk, key: Qt.Key,
           modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    view = desk.window.review_panel.compare_view
    view.setFocus()
    qtbot.keyClick(view, key, modifier)


def _submit(qtbot, desk: Desk) -> tuple[str, object]:
    desk.window.activateWindow()
    qtbot.waitUntil(desk.window.isActiveWindow)
    with qtbot.waitSignal(desk.window.merge_finished, timeout=TIMEOUT) as finished:
        _press(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return finished.args[0], finished.args[1]


def test_selecting_a_group_shows_its_fresh_records(qtbot, desk):
    group_id = _show_first_group(desk, qtbot)
    group = desk.groups[0]
    assert group_id == group.id
    compare = desk.window.compare
    assert compare.record_ids == group.records
    name = compare.row_of("name")
    assert compare.index(name, 0).data() == desk.contact(group.records[0])["name"]
    assert desk.window.review_panel.merge_action.isEnabled()


def test_keyboard_merge_puts_the_chosen_value_on_the_base_and_deletes_the_mergee(
        qtbot, desk):
    group_id = _show_first_group(desk, qtbot)
    master, mergee = desk.groups[0].records
    compare = desk.window.compare
    view = desk.window.review_panel.compare_view
    name = compare.row_of("name")
    view.setCurrentIndex(compare.index(name, 0))
    _press(qtbot, desk, Qt.Key.Key_2)  # keep record 2's name
    chosen_name = desk.contact(mergee)["name"]
    assert compare.index(name, compare.preview_column).data() == chosen_name

    finished_group, outcome = _submit(qtbot, desk)

    assert finished_group == group_id and outcome.status == MergeStatus.MERGED
    assert desk.window.groups.group_row(group_id).status == GroupStatus.MERGED
    assert desk.contact(mergee) is None
    assert desk.contact(master)["name"] == chosen_name
    assert [tuple(c) for c in desk.fake.merge_log] == [(int(master), int(mergee))]
    log = desk.window.outcomes.entries()[0]
    assert log.group_id == group_id and f"Merged #{mergee} into #{master}" in log.text
    assert "Merged: 1" in desk.window.status_bar.counts_text()


def test_m_makes_the_current_column_master_for_the_merge(qtbot, desk):
    group_id = _show_first_group(desk, qtbot)
    first, second = desk.groups[0].records
    compare = desk.window.compare
    desk.window.review_panel.compare_view.setCurrentIndex(compare.index(0, 1))
    _press(qtbot, desk, Qt.Key.Key_M)
    assert compare.master == second
    _, outcome = _submit(qtbot, desk)
    assert outcome.status == MergeStatus.MERGED and outcome.master == second
    assert desk.contact(first) is None and desk.contact(second) is not None
    assert desk.window.groups.group_row(group_id).status == GroupStatus.MERGED


def test_review_goes_on_while_a_slow_merge_runs(qtbot, desk):
    first = _show_first_group(desk, qtbot)
    # The CRM merges at once but holds its answer back: the window must not wait for it.
    desk.fake.faults.add("slow", method="POST", path="contact_merge", delay=1.5)
    desk.window.activateWindow()
    qtbot.waitUntil(desk.window.isActiveWindow)
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        _press(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert shown.args[0] == desk.groups[1].id  # moved on to the next group meanwhile
    assert desk.window.groups.group_row(first).status == GroupStatus.MERGING
    assert "Merging: 1" in desk.window.status_bar.counts_text()
    assert not desk.window.scan_action.isEnabled()  # a scan would renumber the groups
    with qtbot.waitSignal(desk.window.merge_finished, timeout=TIMEOUT) as finished:
        pass
    assert finished.args[1].status == MergeStatus.MERGED
    assert desk.window.groups.group_row(first).status == GroupStatus.MERGED
    qtbot.waitUntil(desk.window.scan_action.isEnabled)  # once the merge task has ended


def test_a_refused_merge_shows_the_crms_message(qtbot, desk):
    group_id = _show_first_group(desk, qtbot)
    mergee = desk.groups[0].records[1]
    desk.fake.faults.add("status", method="POST", path="contact_merge", status=422,
                         body={"message": "Contact merge is locked", "attributes": []})
    _, outcome = _submit(qtbot, desk)
    assert outcome.status == MergeStatus.FAILED
    assert desk.window.groups.group_row(group_id).status == GroupStatus.FAILED
    text = desk.window.outcomes.entries()[0].text
    assert text.startswith("Merge failed") and "Contact merge is locked" in text
    assert desk.contact(mergee) is not None  # nothing merged
    assert "Failed: 1" in desk.window.status_bar.counts_text()
    # Going back to the group shows what happened, and it can be submitted again.
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        desk.window.group_panel.select_group(group_id)
    assert "Contact merge is locked" in desk.window.review_panel._banner.text()
    assert desk.window.review_panel.merge_action.isEnabled()


def test_a_record_deleted_after_review_stops_the_merge_as_stale(qtbot, desk):
    group_id = _show_first_group(desk, qtbot)
    mergee = desk.groups[0].records[1]
    with desk.fake.state.lock:
        desk.fake.state.destroy(int(mergee))  # someone else deleted it meanwhile
    _, outcome = _submit(qtbot, desk)
    assert outcome.status == MergeStatus.STALE
    assert desk.window.groups.group_row(group_id).status == GroupStatus.STALE
    text = desk.window.outcomes.entries()[0].text
    assert "changed since you reviewed them" in text and f"record {mergee}" in text
    assert desk.fake.merge_log == []  # nothing was sent


def test_not_duplicates_is_remembered_and_skip_moves_on(qtbot, desk):
    group_id = _show_first_group(desk, qtbot)
    panel = desk.window.review_panel
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        panel.not_duplicates_action.trigger()
    assert shown.args[0] == desk.groups[1].id
    assert desk.window.groups.group_row(group_id).status == GroupStatus.NOT_DUPLICATES
    pairs = desk.workspace.groups.not_duplicate_pairs(desk.connection.key)
    assert frozenset(desk.groups[0].records) in pairs
    stored = dict((g.id, s) for g, s in desk.workspace.groups.groups(desk.connection.key))
    assert stored[group_id] == "not_duplicates"
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        panel.skip_action.trigger()
    assert desk.window.groups.group_row(desk.groups[1].id).status == GroupStatus.SKIPPED
    assert "Not duplicates: 1" in desk.window.status_bar.counts_text()


def test_a_failed_read_shows_the_error_instead_of_the_table(qtbot, desk):
    desk.fake.faults.add("status", method="GET", path=r"contacts/\d+$", status=401,
                         count=None)
    with qtbot.waitSignal(desk.window.tasks.failed, timeout=TIMEOUT):
        desk.window.show_stored_groups()
    panel = desk.window.review_panel
    assert not panel.loaded and not panel.merge_action.isEnabled()
    assert "Chatwoot refused the credentials: Invalid Access Token" in panel._banner.text()


def test_window_geometry_and_splitter_are_saved(qtbot, desk):
    desk.window.close()
    settings = desk.window._settings
    assert not settings.value("main_window/geometry").isEmpty()
    assert not settings.value("main_window/splitter").isEmpty()


def test_scan_finds_the_planted_groups_and_selects_the_first(qtbot, desk):
    _show_first_group(desk, qtbot)
    panel = desk.window.review_panel
    with qtbot.waitSignal(desk.window.groups_loaded, timeout=TIMEOUT) as loaded:
        desk.window.start_scan()
        # A scan renumbers groups: no decision may be taken while it runs.
        assert not desk.window.scan_action.isEnabled()
        assert not panel.merge_action.isEnabled() and not panel.skip_action.isEnabled()
    assert loaded.args[0] > 0
    qtbot.waitUntil(lambda: panel.loaded and panel.merge_action.isEnabled(), timeout=TIMEOUT)
    assert desk.window.scan_action.isEnabled()
    planted = {frozenset(g.records) for g in desk.groups}
    found = {frozenset(row.group.records) for row in desk.window.groups.rows()}
    assert found & planted  # the matching engine's quality is tested in tests/core
    assert desk.window.compare.group_id == desk.window.group_panel.current_group_id()


def test_after_a_decision_the_keyboard_stays_in_the_compare_view(qtbot, desk):
    _show_first_group(desk, qtbot)
    desk.window.activateWindow()
    qtbot.waitUntil(desk.window.isActiveWindow)
    view = desk.window.review_panel.compare_view
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        _press(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.hasFocus)
    compare = desk.window.compare
    row = view.currentIndex().row()
    assert compare.index(row, 0).data(DiffersRole)  # the first field to decide
