"""The Team audit dialog: rows per reviewer and day from store.audit, totals, a store
that cannot be read; and, on the real window, the merges it journals show up."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mergedesk.store.audit import AuditRow
from mergedesk.ui.review.audit_dialog import AuditModel, TeamAuditDialog
from mergedesk.ui.tasks import TaskRunner

ROWS = [AuditRow("ana", "2026-11-25", 12, 3, 1), AuditRow("ben", "2026-11-25", 4, 0, 0),
        AuditRow("", "2026-11-24", 1, 1, 0)]


def opened(qtbot, load):
    dialog = TeamAuditDialog(load, TaskRunner())
    qtbot.addWidget(dialog)
    return dialog


def test_the_model_passes_the_model_tester(qtmodeltester):
    model = AuditModel()
    model.set_rows(ROWS)
    qtmodeltester.check(model)


def test_rows_per_reviewer_and_day_with_totals(qtbot, qloop):
    dialog = opened(qtbot, lambda: ROWS)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=5000)
    model = dialog.model
    cells = [[model.index(r, c).data() for c in range(5)] for r in range(3)]
    assert cells[0][0] == "ana" and cells[0][2:] == ["12", "3", "1"]
    assert cells[2][0] == "(not named)"  # journalled before reviewers were named
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Rejected"
    assert dialog.totals.text() == \
        "In all: 17 merged, 4 rejected, 1 restored. Reviewers: 3. Days: 2."


def test_refresh_reads_again_and_a_failure_is_shown(qtbot, qloop):
    calls = []

    def load():
        calls.append(1)
        if len(calls) > 1:
            raise OSError("database is locked")
        return ROWS[:1]

    dialog = opened(qtbot, load)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(calls) == 2 and dialog.refresh_button.isEnabled(), timeout=5000)
    assert "locked" in dialog.totals.text() and dialog.model.rowCount() == 1


def test_an_empty_journal_says_so(qtbot, qloop):
    dialog = opened(qtbot, list)
    qtbot.waitUntil(lambda: not dialog._tasks.running("audit"), timeout=5000)
    assert dialog.totals.text() == "Nothing merged, rejected or restored yet."


def test_on_the_window_a_rejection_is_counted_for_the_reviewer(qtbot, desk):
    window, workspace, key = desk.window, desk.workspace, desk.connection.key
    workspace.groups.set_status(key, desk.groups[0].id, "not_duplicates")
    dialog = window.show_team_audit()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    row = dialog.model.rows()[0]
    assert (row.reviewer, row.merged, row.rejected) == (workspace.db.actor, 0, 1)
