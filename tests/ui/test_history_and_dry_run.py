"""The history dock after a merge (search, details, restore's plan), and the LeadLex dry
run offered next to the preview, compared with what MergeDesk predicts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from mergedesk.core.models import DuplicateGroup
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import ScanService
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import MergeState
from mergedesk.ui.connection import Connection
from mergedesk.ui.history.models import SummaryRole
from mergedesk.ui.review.main_window import MainWindow
from mergedesk.ui.review.review_panel import NOTES_TAB
from mergedesk.ui.review.window_settings import HOLD_KEY
from tests.conftest import serve
from tests.ui.test_main_window import TIMEOUT, show_first_group, submit


def test_history_lists_the_merge_and_explains_it(qtbot, desk):
    show_first_group(desk, qtbot)
    master = desk.window.compare.master
    submit(qtbot, desk)
    desk.window.history_dock.show()
    desk.window.history_dock.raise_()
    history = desk.window.history_panel.dialog
    qtbot.waitUntil(lambda: history._list.rowCount() == 1, timeout=TIMEOUT)
    summary = history._list.index(0, 0).data(SummaryRole)
    assert summary.master == master and summary.status == MergeState.MERGED
    history.select_row(0)
    assert history._fields.rowCount() > 0 and history._restore.isEnabled()


def test_restore_from_the_history_shows_the_plan_then_brings_the_mergee_back(
        qtbot, desk, monkeypatch):
    show_first_group(desk, qtbot)
    mergee = next(r for r in desk.window.compare.record_ids if r != desk.window.compare.master)
    name = desk.contact(mergee)["name"]
    submit(qtbot, desk)
    assert desk.contact(mergee) is None
    panel = desk.window.history_panel
    asked: list[str] = []

    async def yes(_parent, _title, text):
        asked.append(text)
        return True

    monkeypatch.setattr("mergedesk.ui.review.history_dock.confirm", yes)
    panel.dialog.refresh()
    merge_id = panel.dialog._list.index(0, 0).data(SummaryRole).id
    with qtbot.waitSignal(panel.restored, timeout=TIMEOUT):
        panel.dialog.restore_requested.emit(merge_id)
    assert f"Create #{mergee} again from its snapshot" in asked[0]
    assert "Cannot come back:" in asked[0]
    with desk.fake.state.lock:
        names = [c["name"] for c in desk.fake.state.contacts.values()]
    assert name in names  # re-created (with a new id, as Chatwoot allows)


@pytest.fixture
def leadlex_window(qtbot, qloop, tmp_path):
    served = serve("leadlex", seed=3, records=80)
    workspace = Workspace.open(tmp_path / "ws")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(HOLD_KEY, 0)
    window = MainWindow(workspace, ScanService(workspace), ApplyService(workspace), settings)
    qtbot.addWidget(window)
    provider = registry.create(served.settings("leadlex"))
    window.set_connection(Connection(provider, served.base_url, "contacts", "LeadLex"))
    truth = sorted(served.fake.generated.truth, key=lambda m: (len(m), min(m)))[0]
    records = tuple(served.fake.record_id(i) for i in sorted(truth))
    workspace.groups.replace_groups(window.connection.key, [
        (DuplicateGroup(id="g1", score=0.9, records=records), "")])
    window.show()
    yield window, served
    closing = qloop.create_task(provider.aclose())
    qtbot.waitUntil(closing.done)
    workspace.close()
    served.server.stop()


def test_leadlex_offers_its_own_dry_run_and_it_agrees_with_the_preview(qtbot, leadlex_window):
    window, served = leadlex_window
    with qtbot.waitSignal(window.group_shown, timeout=TIMEOUT):
        window.show_stored_groups()
    assert window.actions.dry_run.isEnabled()
    assert window.actions.dry_run.text() == "&Dry run in LeadLex"
    notes = window.review_panel.notes
    assert notes._dry_button.isVisibleTo(window)
    window.actions.dry_run.trigger()
    qtbot.waitUntil(lambda: "dry run" in notes.dry_run_text() and "Asking" not in
                    notes.dry_run_text(), timeout=TIMEOUT)
    assert notes.dry_run_text() == (
        "LeadLex's dry run agrees with this preview; nothing was changed.")
    assert window.review_panel.tabs.currentIndex() == NOTES_TAB
    assert served.fake.merges_json() == []  # the fake logs applied merges only
