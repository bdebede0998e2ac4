"""The history dock's restore, on a LeadLex merge over loopback: before anything is
sent, the reviewer reads what cannot come back and why (LeadLex retires merged contacts
and offers no call to bring them back) and where the values are kept; saying No sends
nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from mergedesk.services.history import HistoryService
from mergedesk.services.restore import RestoreService
from mergedesk.services.workspace import Workspace
from mergedesk.ui.connection import Connection
from mergedesk.ui.review.history_dock import HistoryPanel
from mergedesk.ui.tasks import TaskRunner
from tests.conftest import serve
from tests.services.conftest import no_sleep


def _run(qtbot, qloop, coro):
    task = qloop.create_task(coro)
    qtbot.waitUntil(task.done, timeout=10000)
    return task.result()


def _shown_box() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()), None)


def test_restoring_a_leadlex_merge_says_what_cannot_come_back(qtbot, qloop, tmp_path):
    served = serve("leadlex", seed=6, records=40)
    workspace = Workspace.open(tmp_path / "ws")
    provider = registry.create(served.settings("leadlex"), sleep=no_sleep)
    try:
        master, loser = (served.fake.record_id(i)
                         for i in sorted(served.fake.generated.truth[0])[:2])
        plan = MergePlan(provider="leadlex", entity="contacts", merges=(
            GroupMerge.model_validate({"group": "g", "master": master, "others": [loser]}),))
        service = ApplyService(workspace, sleep=no_sleep)
        ctx = _run(qtbot, qloop, service.prepare(provider, served.base_url, plan))
        outcome = _run(qtbot, qloop, service.apply_one(ctx, plan.merges[0]))
        assert outcome.status == "merged", outcome.message
        writes = sum(n for k, n in served.fake.requests.snapshot().items()
                     if not k.startswith("GET"))
        connection = Connection(provider, served.base_url, "contacts", "LeadLex")
        panel = HistoryPanel(HistoryService(workspace), RestoreService(workspace),
                             TaskRunner(), lambda: connection)
        qtbot.addWidget(panel)

        panel._on_dialog_restore_requested(outcome.merge_id)  # the dialog's Restore…
        qtbot.waitUntil(lambda: _shown_box() is not None, timeout=10000)
        box = _shown_box()
        text = box.text()
        assert (f"{loser} cannot come back: LeadLex retires merged contacts and offers no "
                "call to bring them back") in text
        assert f"mergedesk history --id {outcome.merge_id}" in text
        assert "Cannot come back: the merged records themselves" in text
        box.button(QMessageBox.StandardButton.No).click()
        qtbot.waitUntil(lambda: not panel._tasks.running(), timeout=10000)
        assert sum(n for k, n in served.fake.requests.snapshot().items()
                   if not k.startswith("GET")) == writes
    finally:
        _run(qtbot, qloop, provider.aclose())
        workspace.close()
        served.server.stop()
