"""The history detail view shows the journal's ISO timestamps as the UI's language writes
them (QLocale, the user's time zone), keeps the exact value in the tooltip, and leaves
values that only look like moments alone."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QLocale, Qt

from mergedesk.core.models import Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.services.history import HistoryService
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import MergeState
from mergedesk.ui.history.dialog import HistoryDialog
from mergedesk.ui.history.models import MergeFieldsModel
from mergedesk.ui.locale_format import short_date_time

MASTER = {"name": "Ada", "updated_at": "2025-03-04T09:15:27Z", "signed_up": "2024-12-09",
          "code": "2024-13-45T99:99:99"}


@pytest.fixture
def history(tmp_path):
    workspace = Workspace.open(tmp_path / "ws")
    merge = GroupMerge.model_validate({"group": "g1", "master": "1", "others": ["2"],
                                       "fields": {"name": {"from": "2"}}})
    merge_id = workspace.journal.begin(
        conn="c", provider="chatwoot", base_url="http://127.0.0.1/x", entity="contacts",
        merge=merge, snapshots=[Record(id="1", fields=MASTER),
                                Record(id="2", fields={**MASTER, "name": "Ada King"})],
        steps=[MergeStep(index=0, kind=StepKind.MERGE, master="1", losers=("2",))],
        targets={"name": "Ada King"})
    workspace.journal.set_after(merge_id, Record(id="1", fields={**MASTER, "name": "Ada King"}))
    workspace.journal.finish(merge_id, MergeState.MERGED)
    yield HistoryService(workspace)
    workspace.close()


@pytest.fixture
def german():
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    yield
    QLocale.setDefault(before)


def cells(model: MergeFieldsModel, field: str, role: Qt.ItemDataRole) -> list[str]:
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == field)
    return [model.index(row, c).data(role) for c in range(1, model.columnCount())]


def test_timestamps_read_the_locales_way_and_the_tooltip_keeps_the_journals(
        qapp, history, german):
    fields = MergeFieldsModel()
    fields.set_detail(history.detail(1))
    shown = cells(fields, "updated_at", Qt.ItemDataRole.DisplayRole)
    local = datetime.fromisoformat(MASTER["updated_at"]).astimezone()
    expected = f"{local:%d.%m.%y %H:%M}"  # German short form, the user's time zone
    assert shown[0] == shown[1] == shown[3] == expected
    assert cells(fields, "updated_at", Qt.ItemDataRole.ToolTipRole)[0] == MASTER["updated_at"]


def test_dates_and_look_alikes_stay_as_the_crm_wrote_them(qapp, history, german):
    fields = MergeFieldsModel()
    fields.set_detail(history.detail(1))
    assert cells(fields, "signed_up", Qt.ItemDataRole.DisplayRole)[0] == "2024-12-09"
    assert cells(fields, "code", Qt.ItemDataRole.DisplayRole)[0] == MASTER["code"]


def test_the_summary_says_when_the_merge_was_made(qtbot, history, german):
    dialog = HistoryDialog(history)
    qtbot.addWidget(dialog)
    dialog.select_row(0)
    when = short_date_time(history.detail(1).summary.created_at)
    assert dialog._summary.text().startswith(f"#1, {when}: 2 merged into 1")
    assert "T" not in when and when.count(".") == 2
