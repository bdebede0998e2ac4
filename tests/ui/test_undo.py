"""Undo and redo of review decisions (Ctrl+Z, Ctrl+Shift+Z): value picks, the master,
skip, not duplicates, and splitting a record out of a group."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mergedesk.core.review import GroupStatus
from tests.ui.test_main_window import TIMEOUT, press, show_first_group, status


def undo(qtbot, desk) -> None:
    press(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, desk) -> None:
    press(qtbot, desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)


def test_picks_and_master_are_undone_and_redone(qtbot, desk):
    show_first_group(desk, qtbot)
    compare = desk.window.compare
    view = desk.window.review_panel.compare_view
    name = compare.row_of("name")
    other = next(c for c, r in enumerate(compare.record_ids) if r != compare.master)
    master = compare.master
    view.setCurrentIndex(compare.index(name, 0))
    press(qtbot, desk, getattr(Qt.Key, f"Key_{other + 1}"))
    assert compare.chosen(name) == compare.record_ids[other]
    assert desk.window.undo_action.text() == (
        f"Undo keep Name of #{compare.record_ids[other]}")
    undo(qtbot, desk)
    assert compare.chosen(name) == master
    redo(qtbot, desk)
    assert compare.chosen(name) == compare.record_ids[other]
    view.setCurrentIndex(compare.index(0, other))
    press(qtbot, desk, Qt.Key.Key_M)
    undo(qtbot, desk)
    assert compare.master == master


def test_undoing_a_pick_on_another_group_goes_back_to_it(qtbot, desk):
    first = show_first_group(desk, qtbot)
    compare = desk.window.compare
    picked = compare.record_ids[1] if compare.master == compare.record_ids[0] \
        else compare.record_ids[0]
    compare.choose(compare.row_of("name"), picked)
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        press(qtbot, desk, Qt.Key.Key_J)
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        undo(qtbot, desk)
    assert shown.args[0] == first
    assert compare.chosen(compare.row_of("name")) == compare.master
    # Picks are remembered per group: coming back shows them.
    redo(qtbot, desk)
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        press(qtbot, desk, Qt.Key.Key_J)
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        press(qtbot, desk, Qt.Key.Key_K)
    assert compare.chosen(compare.row_of("name")) == picked


def test_skip_and_not_duplicates_are_undone_in_the_store_too(qtbot, desk):
    first = show_first_group(desk, qtbot)
    key = desk.connection.key
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        press(qtbot, desk, Qt.Key.Key_N)
    desk.window.decisions.flush()  # the store's writes run on a thread of their own
    assert frozenset(desk.groups[0].records) in desk.workspace.groups.not_duplicate_pairs(key)
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        undo(qtbot, desk)
    assert shown.args[0] == first and status(desk, first) == GroupStatus.OPEN
    desk.window.decisions.flush()
    assert desk.workspace.groups.not_duplicate_pairs(key) == set()
    assert dict((g.id, s) for g, s in desk.workspace.groups.groups(key))[first] == "open"
    redo(qtbot, desk)
    assert status(desk, first) == GroupStatus.NOT_DUPLICATES


def test_x_splits_the_current_record_out_and_undo_puts_it_back(qtbot, desk):
    show_first_group(desk, qtbot)
    trio = next(g for g in desk.groups if len(g.records) == 3)
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT):
        desk.window.group_panel.select_group(trio.id)
    compare = desk.window.compare
    out = compare.record_ids[2]
    desk.window.review_panel.compare_view.setCurrentIndex(compare.index(0, 2))
    assert desk.window.actions.split.isEnabled()
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        press(qtbot, desk, Qt.Key.Key_X)
    rest = tuple(r for r in trio.records if r != out)
    assert compare.record_ids == rest and shown.args[0] != trio.id
    key = desk.connection.key
    desk.window.decisions.flush()
    assert desk.workspace.groups.group(key, trio.id) is None
    assert {frozenset({out, r}) for r in rest} <= desk.workspace.groups.not_duplicate_pairs(key)
    assert not desk.window.actions.split.isEnabled()  # two records left: that is N
    with qtbot.waitSignal(desk.window.group_shown, timeout=TIMEOUT) as shown:
        undo(qtbot, desk)
    assert shown.args[0] == trio.id and compare.record_ids == trio.records
    desk.window.decisions.flush()
    assert desk.workspace.groups.not_duplicate_pairs(key) == set()
