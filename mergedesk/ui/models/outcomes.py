"""OutcomeLogModel: what happened to each submitted merge (and other lasting decisions),
newest first, with the CRM's message. No I/O; the journal is the durable record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mergedesk.ui.icons import icon
from mergedesk.ui.models.group_list import STATUS_COLOURS
from mergedesk.ui.models.status import GroupStatus

OutcomeRole = Qt.ItemDataRole.UserRole + 1  # the OutcomeEntry
ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
_ICONS = {
    GroupStatus.MERGED: "status-merged",
    GroupStatus.FAILED: "status-failed",
    GroupStatus.STALE: "status-warning",
    GroupStatus.UNKNOWN: "status-warning",
    GroupStatus.NOT_DUPLICATES: "not-duplicates",
}


@dataclass(frozen=True)
class OutcomeEntry:
    when: datetime
    group_id: str  # "" for an entry about the connection or a scan
    status: GroupStatus
    text: str  # already translated (ui.messages), with the CRM's message
    title: str = ""  # who the group is about, for the reader

    def line(self) -> str:
        time = self.when.strftime("%H:%M:%S")
        if not self.group_id:  # about the connection or a scan, not one group
            return f"{time}  {self.text}"
        template = QCoreApplication.translate("OutcomeLog", "{time}  Group {group}{title}: {text}")
        title = f" ({self.title})" if self.title else ""
        return template.format(time=time, group=self.group_id, title=title, text=self.text)


class OutcomeLogModel(QAbstractListModel):
    """Entries newest first; the view shows each as one line."""

    def __init__(self, parent: QObject | None = None, limit: int = 5000):
        super().__init__(parent)
        self._entries: list[OutcomeEntry] = []
        self._limit = limit

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return entry.line()
        if role == OutcomeRole:
            return entry
        if role == Qt.ItemDataRole.DecorationRole and entry.status in _ICONS:
            return icon(_ICONS[entry.status])
        if role == Qt.ItemDataRole.ForegroundRole and entry.status in (
                GroupStatus.FAILED, GroupStatus.STALE, GroupStatus.UNKNOWN):
            return STATUS_COLOURS[entry.status]
        return None

    def add(self, entry: OutcomeEntry) -> None:
        self.beginInsertRows(NO_PARENT, 0, 0)
        self._entries.insert(0, entry)
        self.endInsertRows()
        if len(self._entries) > self._limit:  # the journal keeps them all
            self.beginRemoveRows(NO_PARENT, self._limit, len(self._entries) - 1)
            del self._entries[self._limit:]
            self.endRemoveRows()

    def entries(self) -> list[OutcomeEntry]:
        return list(self._entries)
