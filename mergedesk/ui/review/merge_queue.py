"""MergeQueue: runs the submitted merges in the background on the qasync loop, as many
side by side as the CRM allows, while the reviewer goes on. Each merge waits out a short
undo delay first; until it is sent it can be cancelled or taken back with Ctrl+Z.
The apply service reports each step as it sends it (no journal reads on the loop)."""

from __future__ import annotations

import logging
import time
from functools import partial
from itertools import count

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from mergedesk.core.models import MergeOutcome, MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan, PlanError, check_fields
from mergedesk.core.review import GroupStatus
from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.providers import errors
from mergedesk.services.apply import ApplyContext, ApplyService
from mergedesk.ui import messages
from mergedesk.ui.connection import Connection
from mergedesk.ui.models.queue import QueueItem, QueueModel, QueueState
from mergedesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
PUMP_MS = 250  # how often held merges are checked for the end of their undo delay


def _t(text: str) -> str:
    return QCoreApplication.translate("MergeQueue", text)


class MergeQueue(QObject):
    merge_started = Signal(object)  # QueueItem
    merge_finished = Signal(object)  # QueueItem, with its outcome and text
    cancelled = Signal(object)  # QueueItem taken back before it was sent
    counts_changed = Signal()

    def __init__(self, apply_service: ApplyService, tasks: TaskRunner,
                 hold_seconds: float = 3.0, parent: QObject | None = None):
        super().__init__(parent)
        self.model = QueueModel(self)
        self.hold_seconds = hold_seconds
        self._apply = apply_service
        self._tasks = tasks
        self._connection: Connection | None = None
        self._context: ApplyContext | None = None
        self._numbers = count(1)
        self._timer = QTimer(self)
        self._timer.setInterval(PUMP_MS)
        self._timer.timeout.connect(self._pump)

    def set_connection(self, connection: Connection | None) -> None:
        """Merges not sent yet belong to the old connection: they are cancelled."""
        self.cancel_pending()
        self._connection, self._context = connection, None

    # Submitting and cancelling
    def submit(self, group_id: str, title: str, merge: GroupMerge,
               before: GroupStatus = GroupStatus.OPEN) -> QueueItem:
        assert self._connection is not None, "merges are submitted on a connection"
        item = QueueItem(next(self._numbers), self._connection.key, group_id, title, merge,
                         before, release_at=time.monotonic() + self.hold_seconds)
        self.model.add(item)
        self._pump()
        self._timer.start()
        self.counts_changed.emit()
        return item

    def cancel(self, item: QueueItem) -> bool:
        """Take back a merge that was not sent; False once it is under way."""
        if not item.state.pending:
            return False
        item.state = QueueState.CANCELLED
        self.model.changed(item)
        self.cancelled.emit(item)
        self.counts_changed.emit()
        return True

    def withdraw(self, group_id: str) -> bool:
        """Undo: take back the group's latest merge; False once it was sent."""
        mine = [i for i in self.model.items() if i.group_id == group_id]
        if not mine:
            return False
        return mine[-1].state == QueueState.CANCELLED or self.cancel(mine[-1])

    def cancel_pending(self) -> int:
        return sum(self.cancel(i) for i in self.model.items() if i.state.pending)

    def release_held(self) -> None:
        """Send held merges now (no undo delay left)."""
        for item in self.model.items():
            if item.state == QueueState.HELD:
                item.release_at = 0.0
        self._pump()

    # Reading
    def count(self, *states: QueueState) -> int:
        return sum(1 for i in self.model.items() if i.state in states)

    def pending_for(self, group_id: str) -> bool:
        return any(i.group_id == group_id and (i.state.pending or i.state == QueueState.RUNNING)
                   for i in self.model.items())

    # Running
    def _pump(self) -> None:
        now = time.monotonic()
        limit = self._connection.provider.capabilities.max_concurrency if self._connection \
            else 1
        running = self.count(QueueState.RUNNING)
        for item in self.model.items():
            if item.state == QueueState.HELD and item.release_at <= now:
                item.state = QueueState.QUEUED
                self.model.changed(item)
            if item.state == QueueState.QUEUED and running < limit and self._connection:
                running += 1
                item.state = QueueState.RUNNING
                item.phase = _t("Checking the records in the CRM…")
                self.model.changed(item)
                self.merge_started.emit(item)
                self._tasks.start(f"merge:{item.group_id}", self._run(item))
        if not self.count(QueueState.HELD, QueueState.QUEUED, QueueState.RUNNING):
            self._timer.stop()

    async def _run(self, item: QueueItem) -> None:
        connection = self._connection
        assert connection is not None
        try:
            outcome, text = await self._merge(connection, item)
        except Exception as exc:  # a bug, not the CRM: the item must still end, with why
            log.exception("merge of group %s failed", item.group_id)
            outcome = MergeOutcome(group=item.group_id, status=MergeStatus.FAILED,
                                   master=item.merge.master, message=str(exc))
            text = messages.error_text(exc)
        item.state, item.outcome, item.text = QueueState.DONE, outcome, text
        item.status, item.steps = GroupStatus.from_outcome(outcome.status), None
        self.model.changed(item)
        self.merge_finished.emit(item)
        self.counts_changed.emit()
        self._pump()

    async def _merge(self, connection: Connection,
                     item: QueueItem) -> tuple[MergeOutcome, str]:
        merge = item.merge
        plan = MergePlan(provider=connection.provider.capabilities.provider,
                         entity=connection.entity, merges=(merge,))
        try:
            if self._context is None:
                self._context = await self._apply.prepare(connection.provider,
                                                           connection.base_url, plan)
            check_fields(plan, self._context.field_defs)
            outcome = await self._apply.apply_one(self._context, merge,
                                                  progress=partial(self._on_step, item))
            return outcome, messages.outcome_text(outcome)
        except (PlanError, errors.ProviderError) as exc:
            outcome = MergeOutcome(group=merge.group, status=MergeStatus.FAILED,
                                   master=merge.master, message=str(exc))
            return outcome, messages.error_text(exc)

    def _on_step(self, item: QueueItem, done: int, total: int,
                 step: MergeStep | None) -> None:
        """The apply service is about to send `step` (None: all sent, verifying)."""
        item.steps = (done, total)
        if step is None:
            item.phase = _t("Checking the result in the CRM…")
        else:
            template = (_t("Step {n} of {total}: merging {losers} into #{master}")
                        if step.kind == StepKind.MERGE
                        else _t("Step {n} of {total}: writing the chosen values"))
            item.phase = template.format(n=done + 1, total=total, master=step.master,
                                         losers=", ".join(f"#{r}" for r in step.losers))
        self.model.changed(item)
