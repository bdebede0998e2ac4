"""DecisionController: turns the reviewer's decisions into undoable commands and acts
them out — on the group list, the store (statuses, "not duplicates" pairs, splits), the
compare view and the merge queue. One undo stack per connection.

The list shows a decision at once; its store write goes to a thread of its own
(services.ordered_writes), so the loop never waits for a scan's hold on the store."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from mergedesk.core.models import DuplicateGroup
from mergedesk.core.plan import GroupMerge
from mergedesk.core.review import GroupStatus
from mergedesk.services.ordered_writes import OrderedWrites
from mergedesk.services.workspace import Workspace
from mergedesk.ui.models.choices import ChoicesState
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.models.group_list import GroupListModel
from mergedesk.ui.models.queue import QueueItem
from mergedesk.ui.review.commands import (
    ChoicesCommand,
    SplitCommand,
    StatusCommand,
    SubmitCommand,
)
from mergedesk.ui.review.merge_queue import MergeQueue
from mergedesk.ui.review.team_claims import GroupClaims

MEMORY = 2000  # groups whose picks are remembered when the reviewer comes back


class DecisionController(QObject):
    status_changed = Signal(str, object)  # group id, GroupStatus
    group_replaced = Signal(str, str)  # old id, new id: the store's groups changed
    show_group = Signal(str)  # undo or redo touched a group that is not on screen
    told = Signal(str)  # a message for the reviewer
    merge_finished = Signal(object)  # QueueItem, with outcome and text
    stored = Signal()  # a decision's write reached the store (emitted off the GUI thread)

    def __init__(self, workspace: Workspace, groups: GroupListModel, compare: CompareModel,
                 queue: MergeQueue, parent: QObject | None = None, *,
                 claims: GroupClaims | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._workspace = workspace
        self._claims = claims  # team workspace: decisions under the reviewer's hold
        self._groups = groups
        self._compare = compare
        self._queue = queue
        self._conn = ""
        self._memory: OrderedDict[str, ChoicesState] = OrderedDict()
        self._writes = OrderedWrites(on_error=self._on_write_failed)
        compare.edited.connect(self._on_compare_edited)
        queue.merge_finished.connect(self._on_queue_merge_finished)
        queue.cancelled.connect(self._on_queue_cancelled)

    def set_connection(self, conn: str) -> None:
        """Decisions of another connection cannot be undone from here."""
        if conn != self._conn:
            self._conn = conn
            self.undo_stack.clear()
            self._memory.clear()

    def remembered(self, group_id: str) -> ChoicesState | None:
        return self._memory.get(group_id)

    # Decisions
    def merge(self, group_id: str, title: str, merge: GroupMerge, before: GroupStatus) -> None:
        self.undo_stack.push(SubmitCommand(self, self._conn, group_id, title, merge, before))

    def skip(self, group_id: str, records: tuple[str, ...], title: str,
             before: GroupStatus) -> None:
        self.undo_stack.push(StatusCommand(self, self._conn, group_id, records, title, before,
                                           GroupStatus.SKIPPED))

    def not_duplicates(self, group_id: str, records: tuple[str, ...], title: str,
                       before: GroupStatus) -> None:
        self.undo_stack.push(StatusCommand(self, self._conn, group_id, records, title, before,
                                           GroupStatus.NOT_DUPLICATES))

    def split(self, group_id: str, record_id: str, titles: tuple[str, str]) -> str | None:
        """Take `record_id` out of the group; returns the id of what is left, or None
        when fewer than two records would stay (that is "not duplicates")."""
        self._writes.flush()  # the group as last decided
        found = self._workspace.groups.group(self._conn, group_id)
        if found is None or record_id not in found[0].records or len(found[0].records) < 3:
            return None
        old, status = found
        rest = tuple(r for r in old.records if r != record_id)
        # Here, not at the top: the matching package brings numpy, which the window
        # need not load before it shows (tests/benchmarks/bench_startup.py).
        from mergedesk.core.matching.groups import group_id as stable_group_id

        new = DuplicateGroup(
            id=stable_group_id(rest), score=old.score, records=rest,
            evidence=tuple(e for e in old.evidence if record_id not in (e.a, e.b)))
        self.undo_stack.push(SplitCommand(self, self._conn, (old, titles[0]), (new, titles[1]),
                                          record_id, GroupStatus.parse(status)))
        return new.id

    # What the commands do (ReviewDesk)
    def apply_choices(self, group_id: str, state: ChoicesState) -> None:
        self._remember(group_id, state)
        if self._compare.group_id == group_id:
            self._compare.restore_state(state)
        else:
            self.show_group.emit(group_id)

    def apply_status(self, conn: str, group_id: str, status: GroupStatus) -> None:
        if status.persisted and not (self._claims and self._claims.decided(conn, group_id,
                                                                           status)):
            self._writes.submit(self._workspace.groups.set_status, conn, group_id, status,
                                then=self.stored.emit)
        if conn == self._conn:
            self._groups.set_status(group_id, status)
            self.status_changed.emit(group_id, status)

    def apply_pairs(self, conn: str, pairs: list[tuple[str, str]], different: bool) -> None:
        store = self._workspace.groups
        self._writes.submit(store.mark_pairs if different else store.unmark_pairs, conn, pairs)

    def apply_split(self, conn: str, old: DuplicateGroup, new: DuplicateGroup, title: str,
                    *, status: GroupStatus) -> None:
        self._writes.flush()  # a split is rare, and the list reads its result at once
        self._workspace.groups.replace_group(conn, old.id, new, status, title)
        if conn == self._conn:
            self.group_replaced.emit(old.id, new.id)

    def enqueue(self, group_id: str, title: str, merge: GroupMerge,
                before: GroupStatus = GroupStatus.OPEN) -> None:
        self._queue.submit(group_id, title, merge, before)
        self._groups.set_status(group_id, GroupStatus.MERGING)
        self.status_changed.emit(group_id, GroupStatus.MERGING)

    def withdraw(self, group_id: str) -> bool:
        return self._queue.withdraw(group_id)

    def tell(self, text: str) -> None:
        self.told.emit(text)

    def reveal(self, group_id: str) -> None:
        if self._compare.group_id != group_id:
            self.show_group.emit(group_id)

    def flush(self) -> None:
        """Wait until every decision made so far is in the store."""
        self._writes.flush()

    def close(self) -> None:
        """Write what is decided, and end the writing thread (the window closes)."""
        self._writes.close()

    # Internals
    def _on_write_failed(self, error: str) -> None:
        self.told.emit(self.tr("A decision could not be saved: {error}").format(error=error))

    def _remember(self, group_id: str, state: ChoicesState) -> None:
        self._memory[group_id] = state
        self._memory.move_to_end(group_id)
        while len(self._memory) > MEMORY:
            self._memory.popitem(last=False)

    def _on_compare_edited(self, before: ChoicesState, after: ChoicesState, text: str) -> None:
        group_id = self._compare.group_id
        self._remember(group_id, after)
        self.undo_stack.push(ChoicesCommand(self, group_id, before, after, text))

    def _on_queue_cancelled(self, item: QueueItem) -> None:
        self.apply_status(item.conn, item.group_id, item.before)

    def _on_queue_merge_finished(self, item: QueueItem) -> None:
        if item.status is not None:
            self.apply_status(item.conn, item.group_id, item.status)
        self.merge_finished.emit(item)
