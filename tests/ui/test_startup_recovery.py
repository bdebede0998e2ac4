"""Start-up recovery in the window: when it connects, the merges the journal still holds
open for that connection are settled by reading the Chatwoot sandbox over loopback —
never sent again when the CRM shows them done — Merge stays off until then, and the
result is said plainly. What cannot be settled stays open and its group blocked."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt

from mergedesk.core.models import DuplicateGroup
from mergedesk.core.review import GroupStatus
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import ScanService
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import MergeState, StepState
from mergedesk.ui.connection import Connection
from mergedesk.ui.review.main_window import MainWindow
from tests.services.conftest import listed, no_sleep
from tests.services.test_journal_lock import HOLDER
from tests.services.test_recovery import MERGES, journal_merge, merge_step


class Crashed:
    """A workspace whose journal holds merges a crash left open, and the sandbox."""

    def __init__(self, qtbot, qloop, tmp_path, sandbox):
        self.qtbot, self.qloop, self.sandbox = qtbot, qloop, sandbox
        self.workspace = Workspace.open(tmp_path / "workspace")
        self.provider = registry.create(sandbox.settings("chatwoot"), sleep=no_sleep)
        self.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        self.conn = ""
        self.groups: list[DuplicateGroup] = []

    def run(self, coro):
        task = self.qloop.create_task(coro)
        self.qtbot.waitUntil(task.done, timeout=10000)
        return task.result()

    def open_merge(self, base: str, mergee: str, *, sent: bool, applied: bool) -> int:
        """Journal a merge as ApplyService would; `sent`: its merge call went out, and
        `applied`: the CRM did it — then the app died before writing the answer."""
        merge_id = self.run(journal_merge(self.workspace, self.provider, self.sandbox, base,
                                          mergee))
        entry = self.workspace.journal.get(merge_id)
        self.conn = entry.conn
        self.groups.append(DuplicateGroup(id=entry.group_id, score=0.9,
                                          records=(base, mergee)))
        self.workspace.groups.replace_groups(entry.conn, [(g, "") for g in self.groups])
        index = merge_step(self.workspace, merge_id)
        for item in entry.steps[:index]:  # the updates before the merge call were done
            self.workspace.journal.set_step(merge_id, item.step.index, StepState.DONE)
            self.run(self.provider.update("contacts", item.step.master, item.step.values))
        if sent:
            self.workspace.journal.set_step(merge_id, index, StepState.SENT)
        if applied:
            self.run(self.provider.merge("contacts", entry.steps[index].step))
        return merge_id

    def window(self) -> MainWindow:
        window = MainWindow(self.workspace, ScanService(self.workspace),
                            ApplyService(self.workspace), self.settings)
        self.qtbot.addWidget(window)
        return window

    def connection(self) -> Connection:
        return Connection(self.provider, self.sandbox.base_url, "contacts", "Chatwoot")

    def close(self) -> None:
        self.run(self.provider.aclose())
        self.workspace.close()


@pytest.fixture
def crashed(qtbot, qloop, tmp_path, chatwoot_sandbox) -> Iterator[Crashed]:
    made = Crashed(qtbot, qloop, tmp_path, chatwoot_sandbox)
    yield made
    made.close()


def test_an_applied_merge_is_settled_as_merged_without_being_sent_again(qtbot, crashed):
    a, b, c, d = listed(crashed.sandbox, 4)
    applied = crashed.open_merge(a, b, sent=True, applied=True)
    unstarted = crashed.open_merge(c, d, sent=False, applied=False)
    fake = crashed.sandbox.fake
    assert fake.requests[MERGES] == 1 and int(b) not in fake.state.contacts
    window = crashed.window()

    with qtbot.waitSignal(window.startup_recovery.settled, timeout=10000) as settled:
        window.set_connection(crashed.connection())
        # Until the CRM has been read, no merge can be submitted, whatever enables it.
        assert window.startup_recovery.running
        window.actions.merge.setEnabled(True)
        assert not window.actions.merge.isEnabled()
        assert window.groups.status(f"g{a}") == GroupStatus.UNKNOWN

    assert [o.status for o in settled.args[0]] == ["merged", "failed"]
    assert fake.requests[MERGES] == 1  # read, never re-sent
    assert int(d) in fake.state.contacts  # the unstarted one was not started behind our back
    journal = crashed.workspace.journal
    assert journal.get(applied).status == MergeState.MERGED and journal.open_merges() == []
    assert journal.get(unstarted).status == MergeState.FAILED
    text = "2 interrupted merges settled: 1 merged, 1 nothing changed"
    assert window.startup_recovery.text == text
    assert window.statusBar().currentMessage() == text
    notice = window.startup_recovery.notice
    assert notice is not None and notice.isVisible() and not notice.isModal()
    assert notice.windowModality() == Qt.WindowModality.NonModal
    assert f"Merge #{applied} (group g{a})" in notice.informativeText()
    assert window.groups.status(f"g{a}") == GroupStatus.MERGED
    assert window.groups.status(f"g{c}") == GroupStatus.OPEN  # back to review
    assert not window.startup_recovery.running


def test_a_merge_that_cannot_be_settled_stays_open_and_its_group_blocked(qtbot, crashed):
    a, b = listed(crashed.sandbox, 2)
    merge_id = crashed.open_merge(a, b, sent=True, applied=False)
    fake = crashed.sandbox.fake
    fake.faults.add("status", status=503, method="GET", count=None)  # the CRM cannot be read
    window = crashed.window()

    with qtbot.waitSignal(window.startup_recovery.settled, timeout=20000):
        window.set_connection(crashed.connection())

    assert fake.requests[MERGES] == 0 and int(b) in fake.state.contacts
    assert [e.id for e in crashed.workspace.journal.open_merges()] == [merge_id]
    assert window.startup_recovery.text == (
        "Could not settle 1 merge yet: kept open, and their groups blocked until MergeDesk "
        "can read the CRM")
    status = window.groups.status(f"g{a}")
    assert status == GroupStatus.UNKNOWN and not status.can_submit
    window.decisions.flush()  # the store's writes run on a thread of their own
    assert crashed.workspace.groups.group(crashed.conn, f"g{a}")[1] == GroupStatus.UNKNOWN


def test_a_connection_without_open_merges_starts_no_recovery(qtbot, crashed):
    window = crashed.window()
    window.set_connection(crashed.connection())
    assert not window.startup_recovery.running and window.startup_recovery.text == ""
    assert "recovery" not in window.tasks.names()


def test_while_another_process_holds_the_journal_nothing_is_settled_or_sent(qtbot, crashed):
    a, b = listed(crashed.sandbox, 2)
    merge_id = crashed.open_merge(a, b, sent=True, applied=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER,
                               str(crashed.workspace.db.path.parent)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        window = crashed.window()
        with qtbot.waitSignal(window.startup_recovery.settled, timeout=10000):
            window.set_connection(crashed.connection())
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert window.startup_recovery.text.startswith(
        "The interrupted merges cannot be settled now; their groups stay blocked")
    assert f"pid {holder.pid}" in window.statusBar().currentMessage()
    assert [e.id for e in crashed.workspace.journal.open_merges()] == [merge_id]
    assert window.groups.status(f"g{a}") == GroupStatus.UNKNOWN
    assert not window.startup_recovery.running


def test_a_new_connection_while_settling_cancels_the_old_run(qtbot, crashed):
    a, b = listed(crashed.sandbox, 2)
    merge_id = crashed.open_merge(a, b, sent=True, applied=True)
    fake = crashed.sandbox.fake
    fake.faults.add("slow", method="GET", delay=0.3, count=2)  # the first reads are slow
    window = crashed.window()
    window.set_connection(crashed.connection())
    first = window.startup_recovery._task
    with qtbot.waitSignal(window.startup_recovery.settled, timeout=10000) as settled:
        window.set_connection(crashed.connection())  # the reviewer picks it again
        assert first.cancelling() or first.cancelled()
    qtbot.waitUntil(first.done)
    assert [o.status for o in settled.args[0]] == ["merged"]
    assert crashed.workspace.journal.get(merge_id).status == MergeState.MERGED
    assert fake.requests[MERGES] == 1 and not window.startup_recovery.running
