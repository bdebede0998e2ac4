"""The history dialog on a journal with real merges: models pass Qt's model tester,
searching filters, choosing a merge shows it field by field, export writes the file."""

from __future__ import annotations

import csv
import json

import pytest

from mergedesk.core.models import Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.services.history import HistoryService
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import MergeState
from mergedesk.ui.history.dialog import HistoryDialog
from mergedesk.ui.history.models import HistoryListModel, MergeFieldsModel


def journal(workspace: Workspace, group: str, master: str, loser: str, names: tuple) -> int:
    merge = GroupMerge.model_validate({"group": group, "master": master, "others": [loser],
                                       "fields": {"name": {"from": loser}}})
    merge_id = workspace.journal.begin(
        conn="c", provider="chatwoot", base_url="http://127.0.0.1/x", entity="contacts",
        merge=merge, snapshots=[Record(id=master, fields={"name": names[0]}),
                                Record(id=loser, fields={"name": names[1]})],
        steps=[MergeStep(index=0, kind=StepKind.MERGE, master=master, losers=(loser,))],
        targets={"name": names[1]})
    workspace.journal.set_after(merge_id, Record(id=master, fields={"name": names[1]}))
    workspace.journal.finish(merge_id, MergeState.MERGED)
    return merge_id


@pytest.fixture
def history(tmp_path):
    workspace = Workspace.open(tmp_path / "ws")
    journal(workspace, "g1", "1", "2", ("Ada Lovelace", "Ada King"))
    journal(workspace, "g2", "3", "4", ("Alan Turing", "A. M. Turing"))
    yield HistoryService(workspace)
    workspace.close()


def test_the_models_pass_qts_model_tester(history, qtmodeltester):
    rows = HistoryListModel()
    rows.set_rows(history.search())
    qtmodeltester.check(rows)
    fields = MergeFieldsModel()
    fields.set_detail(history.detail(1))
    qtmodeltester.check(fields)
    assert fields.headerData(1, fields_orientation()) == "Survivor 1 before"


def fields_orientation():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_search_choose_and_see_a_merge_field_by_field(history, qtbot):
    dialog = HistoryDialog(history)
    qtbot.addWidget(dialog)
    assert dialog._list.rowCount() == 2

    dialog._search.setText("Lovelace")
    qtbot.waitUntil(lambda: dialog._list.rowCount() == 1)
    dialog.select_row(0)

    model = dialog._fields
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "name", "Ada Lovelace", "Ada King", "2", "Ada King"]
    assert "merged into 1" in dialog._summary.text() and dialog._restore.isEnabled()
    with qtbot.waitSignal(dialog.restore_requested) as signal:
        dialog._restore.click()
    assert signal.args == [1]


def test_export_writes_what_the_search_shows(history, qtbot, tmp_path):
    dialog = HistoryDialog(history)
    qtbot.addWidget(dialog)
    dialog._search.setText("Turing")
    dialog.refresh()
    assert dialog.export(tmp_path / "audit.csv") == 1
    rows = list(csv.DictReader((tmp_path / "audit.csv").open(encoding="utf-8")))
    assert {r["group"] for r in rows} == {"g2"}
    dialog.export(tmp_path / "audit.json")
    assert len(json.loads((tmp_path / "audit.json").read_text())["merges"]) == 1
