"""What did not arrive on a survivor, in the window, from merges against the Chatwoot fake
over loopback (one conversation lost on the way by the fake's `lose_conversations_on_merge`):
the history row carries a warning, its detail lists the shortfall, the review banner is
amber with it (not green); and "Export id map…" writes old id -> survivor id."""

from __future__ import annotations

import asyncio
import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from mergedesk.core.models import MergeStatus
from mergedesk.providers import registry
from mergedesk.services.history import HistoryService
from mergedesk.services.workspace import Workspace
from mergedesk.ui.history.dialog import HistoryDialog
from mergedesk.ui.history.models import STATUS_COLUMN
from tests.conftest import serve
from tests.fixtures import no_sleep
from tests.services.conftest import merge

TIMEOUT = 15_000
AMBER, GREEN = "217,138,28", "46,157,82"  # review_panel's banner colours


def _with_conversations(fake, n: int) -> list[str]:
    having = {c["contact_id"] for c in fake.state.conversations.values()}
    return [str(c["id"]) for c in fake.state.resolved(1) if c["id"] in having][:n]


async def _two_merges(served, workspace) -> tuple[list[str], tuple[int, int]]:
    provider = registry.create(served.settings("chatwoot"), sleep=no_sleep)
    try:
        a, b, c, d = _with_conversations(served.fake, 4)
        served.fake.state.lose_conversations_on_merge = 1
        lossy = await merge(workspace, provider, served.base_url, a, [b], group="g1")
        served.fake.state.lose_conversations_on_merge = 0
        clean = await merge(workspace, provider, served.base_url, c, [d], group="g2")
    finally:
        await provider.aclose()
    return [a, b, c, d], (lossy.merge_id, clean.merge_id)


@pytest.fixture
def journalled(tmp_path):
    """A workspace whose journal holds two real merges: #1 lost a conversation."""
    served = serve("chatwoot", seed=3, records=40)
    workspace = Workspace.open(tmp_path / "ws")
    try:
        ids, merge_ids = asyncio.run(_two_merges(served, workspace))
        assert all(merge_ids)
        yield HistoryService(workspace), ids, merge_ids
    finally:
        workspace.close()
        served.server.stop()


def _row_of(dialog: HistoryDialog, merge_id: int) -> int:
    model = dialog._list
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == str(merge_id))


def test_the_row_warns_and_the_detail_lists_what_did_not_arrive(journalled, qtbot):
    history, (a, _b, _c, _d), (lossy, clean) = journalled
    dialog = HistoryDialog(history)
    qtbot.addWidget(dialog)
    model = dialog._list
    warned = model.index(_row_of(dialog, lossy), STATUS_COLUMN)
    fine = model.index(_row_of(dialog, clean), STATUS_COLUMN)
    assert warned.data() == "Merged, incomplete" and fine.data() == "Merged"
    assert not warned.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert fine.data(Qt.ItemDataRole.DecorationRole) is None
    assert "conversations did not arrive on" in warned.data(Qt.ItemDataRole.ToolTipRole)

    dialog.select_row(_row_of(dialog, lossy))
    assert not dialog._not_arrived.isHidden()
    text = dialog._not_arrived.text()
    assert text.startswith(f"Did not arrive on {a}: 1 of ") and "conversations" in text
    dialog.select_row(_row_of(dialog, clean))
    assert dialog._not_arrived.isHidden() and dialog._not_arrived.text() == ""


@pytest.mark.parametrize(("chosen", "kind", "written"), [
    ("ids.csv", "CSV (*.csv)", "ids.csv"),
    ("ids", "JSON (*.json)", "ids.json"),  # no suffix typed: the chosen filter's
])
def test_export_id_map_writes_old_ids_to_their_survivor(journalled, qtbot, tmp_path,
                                                        monkeypatch, chosen, kind, written):
    history, (a, b, c, d), _merge_ids = journalled
    dialog = HistoryDialog(history)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kw: (str(tmp_path / chosen), kind))
    dialog._search.setText(a)  # the map is every merge's, whatever the search shows
    dialog.refresh()

    qtbot.mouseClick(dialog._export_ids, Qt.MouseButton.LeftButton)

    path = Path(tmp_path / written)
    if written.endswith(".csv"):
        rows = list(csv.DictReader(path.open(newline="")))
    else:
        rows = json.loads(path.read_text())
    assert [(r["old_id"], r["new_id"]) for r in rows] == [(b, a), (d, c)]
    assert dialog._export_ids.text() == "Export id map…"


def _only(qtbot, desk, group):
    """The window on `group` alone: once merged, the review stays on it (no next group
    to move to), so its banner is the one on screen."""
    desk.workspace.groups.replace_groups(desk.connection.key, [(group, "")])
    window = desk.window
    window.show_stored_groups()
    with qtbot.waitSignal(window.group_shown, timeout=TIMEOUT,
                          check_params_cb=lambda gid: gid == group.id):
        window.group_panel.select_group(group.id)
    return window


def test_the_banner_of_a_merge_that_lost_a_conversation_is_amber(qtbot, desk):
    group = next(g for g in desk.groups if len(g.records) == 3)
    with desk.fake.state.lock:
        desk.fake.state.lose_conversations_on_merge = 1
    window = _only(qtbot, desk, group)
    master = window.compare.master
    with qtbot.waitSignal(window.merge_finished, timeout=TIMEOUT) as finished:
        window.actions.merge.trigger()
    assert finished.args[1].status == MergeStatus.MERGED, finished.args[1].message
    panel = window.review_panel
    qtbot.waitUntil(lambda: "did not" in panel.banner_text(), timeout=TIMEOUT)

    assert panel.banner_text().startswith(
        f"Merged into {master}, but not everything arrived there: 1 of ")
    assert "conversations did not" in panel.banner_text()
    assert AMBER in panel._banner.styleSheet() and GREEN not in panel._banner.styleSheet()


def test_the_banner_of_a_complete_merge_stays_green(qtbot, desk):
    group = next(g for g in desk.groups if len(g.records) == 2)
    window = _only(qtbot, desk, group)
    with qtbot.waitSignal(window.merge_finished, timeout=TIMEOUT) as finished:
        window.actions.merge.trigger()
    assert finished.args[1].status == MergeStatus.MERGED, finished.args[1].message
    panel = window.review_panel
    qtbot.waitUntil(lambda: bool(panel.banner_text()), timeout=TIMEOUT)

    assert "did not" not in panel.banner_text()
    assert GREEN in panel._banner.styleSheet()
