"""QueueModel: the merges the reviewer submitted, in order: who, where each stands (held
for undo, queued, running with its step, done), and the outcome with the CRM's message.
No I/O: review.merge_queue.MergeQueue runs the merges and updates the items here."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mergedesk.core.models import MergeOutcome
from mergedesk.core.plan import GroupMerge
from mergedesk.core.review import GroupStatus
from mergedesk.ui.icons import icon
from mergedesk.ui.models.group_list import STATUS_COLOURS

ItemRole = Qt.ItemDataRole.UserRole + 1  # the QueueItem
ProgressRole = Qt.ItemDataRole.UserRole + 2  # (done, total) steps, or None
ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
GROUP, STATE, OUTCOME = range(3)


class QueueState(StrEnum):
    HELD = "held"  # submitted, waiting out the undo delay
    QUEUED = "queued"  # waiting for a free connection to the CRM
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def pending(self) -> bool:
        """Not sent yet: may still be cancelled or undone."""
        return self in (QueueState.HELD, QueueState.QUEUED)


@dataclass
class QueueItem:
    number: int
    conn: str  # the store key of the connection it was submitted on
    group_id: str
    title: str
    merge: GroupMerge
    before: GroupStatus = GroupStatus.OPEN  # the group's status when it was submitted
    state: QueueState = QueueState.HELD
    phase: str = ""  # translated: what a running merge is doing now
    steps: tuple[int, int] | None = None  # steps done, steps planned
    outcome: MergeOutcome | None = None
    status: GroupStatus | None = None  # what the outcome made of the group
    text: str = ""  # translated outcome with the CRM's message
    release_at: float = 0.0  # monotonic time the undo delay ends


_ICONS = {GroupStatus.MERGED: "status-merged", GroupStatus.FAILED: "status-failed",
          GroupStatus.STALE: "status-warning", GroupStatus.UNKNOWN: "status-warning"}


def _t(text: str) -> str:
    return QCoreApplication.translate("QueueModel", text)


def state_text(item: QueueItem) -> str:
    if item.state == QueueState.HELD:
        return _t("Held (Ctrl+Z takes it back)")
    if item.state == QueueState.QUEUED:
        return _t("Queued")
    if item.state == QueueState.RUNNING:
        return item.phase or _t("Running")
    if item.state == QueueState.CANCELLED:
        return _t("Cancelled, nothing sent")
    return _t("Done")


class QueueModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._items: list[QueueItem] = []

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == ItemRole:
            return item
        if role == ProgressRole and column == STATE:
            return item.steps if item.state == QueueState.RUNNING else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == GROUP:
                return item.title or item.group_id
            return state_text(item) if column == STATE else item.text
        if role == Qt.ItemDataRole.DecorationRole and column == OUTCOME and item.status:
            return icon(_ICONS[item.status]) if item.status in _ICONS else None
        if role == Qt.ItemDataRole.DecorationRole and column == GROUP:
            return icon("cancel") if item.state == QueueState.CANCELLED else None
        if role == Qt.ItemDataRole.ForegroundRole and column == OUTCOME and item.status:
            return STATUS_COLOURS.get(item.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (item.title, item.group_id, state_text(item),
                                         item.text) if p)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_t("Group"), _t("State"), _t("Outcome"))[section] if 0 <= section < 3 else None

    def add(self, item: QueueItem) -> None:
        row = len(self._items)
        self.beginInsertRows(NO_PARENT, row, row)
        self._items.append(item)
        self.endInsertRows()

    def changed(self, item: QueueItem) -> None:
        row = self._row(item)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def remove_finished(self) -> int:
        """Drop done and cancelled items; returns how many went."""
        keep = [i for i in self._items if i.state not in (QueueState.DONE,
                                                          QueueState.CANCELLED)]
        removed = len(self._items) - len(keep)
        if removed:
            self.beginResetModel()
            self._items = keep
            self.endResetModel()
        return removed

    def items(self) -> list[QueueItem]:
        return list(self._items)

    def item(self, row: int) -> QueueItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def _row(self, item: QueueItem) -> int:
        return next((r for r, i in enumerate(self._items) if i is item), -1)
