"""StartupRecovery: when the window opens a connection, the merges the journal still
holds open for it (the app died mid-merge, an answer was lost) are settled by reading
the CRM (services.recovery) on the qasync loop, before the reviewer can submit a merge.
The result is said in the status bar and in a non-modal notice. Merges it could not
settle stay open in the journal, and their groups stay `unknown`, which cannot be
submitted, until a later start settles them."""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from mergedesk.core.models import MergeOutcome, MergeStatus
from mergedesk.core.review import GroupStatus
from mergedesk.providers import errors
from mergedesk.services.recovery import RecoveryService
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import StepState
from mergedesk.ui import messages
from mergedesk.ui.connection import Connection

if TYPE_CHECKING:
    from mergedesk.ui.review.main_window import MainWindow

STATUS_MS = 60000  # long enough to be read after the window comes up
_ENGLISH_PLURAL = re.compile(r"(\w+)\(s\)")


class StartupRecovery(QObject):
    """Owned by the MainWindow; `start(connection)` on every connection it adopts."""

    settled = Signal(object)  # tuple[MergeOutcome, ...]: the connection's open merges

    def __init__(self, window: MainWindow, workspace: Workspace):
        super().__init__(window)
        self._window = window
        self._workspace = workspace
        self._service = RecoveryService(workspace)
        self._run: object | None = None  # the run now holding merges back, if any
        self._task: asyncio.Task[None] | None = None
        self.notice: QMessageBox | None = None
        self.text = ""  # what the status bar was told last
        # The flow enables Merge whenever a group is ready; while open merges are being
        # settled it must stay off (a merge sent now could race the settling of its own
        # group, or build on a survivor that is not settled yet).
        window.actions.merge.changed.connect(self._on_merge_changed)

    @property
    def running(self) -> bool:
        return self._run is not None

    def start(self, connection: Connection) -> bool:
        """Settle `connection`'s open merges; False when none is open (nothing to do).
        A run still going for the previous connection is cancelled: what it left half
        done stays `sent` in the journal and is read, not re-sent, next time."""
        self._stop()
        entries = self._workspace.journal.open_merges(connection.key)
        if not entries:
            return False
        for entry in entries:  # not submittable until settled, also after a crash now
            self._window.decisions.apply_status(connection.key, entry.group_id,
                                                GroupStatus.UNKNOWN)
        run = self._run = object()
        self._window.actions.merge.setEnabled(False)
        count = len(entries)
        self._window.status_bar.showMessage(_english(self.tr(
            "Settling %n interrupted merge(s) by reading the CRM…", "", count), count))
        self._task = self._window.tasks.start("recovery", self._settle(connection, run))
        return True

    def _stop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None
        if self._run is not None:
            self._run = None
            self._window.flow.update_actions()

    async def _settle(self, connection: Connection, run: object) -> None:
        try:
            outcomes = tuple(await self._service.settle_connection(
                connection.provider, connection.base_url, connection.entity))
        except errors.ProviderError as exc:  # JournalBusy: another process holds it
            self.text = self.tr("The interrupted merges cannot be settled now; their groups "
                                "stay blocked: {error}").format(error=messages.error_text(exc))
            self._window.status_bar.showMessage(self.text, STATUS_MS)
            self.settled.emit(())
            return
        finally:
            if self._run is run:  # not replaced by a newer connection's run
                self._run = None
                self._window.flow.update_actions()
        for outcome in outcomes:
            # A merge that changed nothing is back to review, not a failure to look into.
            status = GroupStatus.OPEN if self._changed_nothing(outcome) \
                else GroupStatus.from_outcome(outcome.status)
            self._window.decisions.apply_status(connection.key, outcome.group, status)
        self._report(outcomes)
        self._window.history_panel.refresh()
        self.settled.emit(outcomes)

    def _on_merge_changed(self) -> None:
        if self.running and self._window.actions.merge.isEnabled():
            self._window.actions.merge.setEnabled(False)

    # Saying it
    def _report(self, outcomes: tuple[MergeOutcome, ...]) -> None:
        self.text = self.summary(outcomes)
        self._window.status_bar.showMessage(self.text, STATUS_MS)
        details = "\n".join(
            self.tr("Merge #{id} (group {group}): {result}").format(
                id=o.merge_id, group=o.group, result=self._result_text(o))
            for o in outcomes)
        if self.notice is not None:
            self.notice.close()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Interrupted merges"),
                          self.text, QMessageBox.StandardButton.Ok, self._window)
        box.setInformativeText(details)
        box.setWindowModality(Qt.WindowModality.NonModal)  # the reviewer reads on
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._on_notice_destroyed)
        box.show()
        self.notice = box

    def summary(self, outcomes: tuple[MergeOutcome, ...]) -> str:
        """e.g. "2 interrupted merges settled: 1 merged, 1 nothing changed"."""
        still_open = sum(1 for o in outcomes if o.status == MergeStatus.UNKNOWN)
        merged = sum(1 for o in outcomes if o.status == MergeStatus.MERGED)
        unchanged = sum(1 for o in outcomes if self._changed_nothing(o))
        failed = len(outcomes) - still_open - merged - unchanged
        settled = len(outcomes) - still_open
        parts = [text for count, text in (
            (merged, self.tr("%n merged", "", merged)),
            (unchanged, self.tr("%n nothing changed", "", unchanged)),
            (failed, self.tr("%n failed after changing the CRM (see History)", "", failed)),
        ) if count]
        said = []
        if parts:
            head = _english(self.tr("%n interrupted merge(s) settled", "", settled), settled)
            said.append(self.tr("{head}: {details}").format(head=head,
                                                            details=", ".join(parts)))
        if still_open:
            said.append(_english(self.tr(
                "Could not settle %n merge(s) yet: kept open, and their groups blocked "
                "until MergeDesk can read the CRM", "", still_open), still_open))
        return ". ".join(said)

    def _result_text(self, outcome: MergeOutcome) -> str:
        if self._changed_nothing(outcome):
            return self.tr("stopped before any call, nothing changed in the CRM; the group "
                           "is back to review")
        return messages.outcome_text(outcome)

    def _changed_nothing(self, outcome: MergeOutcome) -> bool:
        """Failed without a single call taking effect (the journal says so step by step)."""
        if outcome.status != MergeStatus.FAILED or outcome.merge_id is None:
            return False
        entry = self._workspace.journal.get(outcome.merge_id)
        return entry is not None and all(s.state != StepState.DONE for s in entry.steps)

    def _on_notice_destroyed(self) -> None:
        self.notice = None


def _english(text: str, count: int) -> str:
    """English is the source language and has no catalogue: its "merge(s)" is resolved
    here rather than shown as is (a translation has its own numerus forms)."""
    return _ENGLISH_PLURAL.sub(lambda m: m[1] + ("" if count == 1 else "s"), text)
