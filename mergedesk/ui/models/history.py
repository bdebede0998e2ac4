"""HistoryModel: the journal's merges, newest first (when, group, records, status, the
CRM's message), as HistoryService finds them. No I/O: the dock reads and sets them."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from mergedesk.services.history import MergeSummary
from mergedesk.store.journal import MergeState
from mergedesk.ui.locale_format import short_date_time

SummaryRole = Qt.ItemDataRole.UserRole + 1  # the MergeSummary
ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
NUMBER, WHEN, GROUP, RECORDS, STATE, MESSAGE = range(6)
_COLOURS = {MergeState.MERGED: QColor("#2e9d52"), MergeState.FAILED: QColor("#d64545"),
            MergeState.UNKNOWN: QColor("#d98a1c"), MergeState.RUNNING: QColor("#2f7fd8"),
            MergeState.RESTORED: QColor("#8a8f98")}


def _t(text: str) -> str:
    return QCoreApplication.translate("HistoryModel", text)


def state_label(state: MergeState) -> str:
    return {
        MergeState.RUNNING: _t("Running or interrupted"),
        MergeState.MERGED: _t("Merged"),
        MergeState.FAILED: _t("Failed"),
        MergeState.UNKNOWN: _t("Outcome unknown"),
        MergeState.RESTORED: _t("Restored"),
    }[state]


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[MergeSummary] = []

    def set_rows(self, rows: list[MergeSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> MergeSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 6

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == SummaryRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column, role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE:
            return _COLOURS.get(row.status)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (_t("#"), _t("When"), _t("Group"), _t("Records"), _t("Status"), _t("Message"))
        return titles[section] if 0 <= section < 6 else None

    @staticmethod
    def _text(row: MergeSummary, column: int, full: bool) -> str:
        if column == NUMBER:
            return str(row.id)
        if column == WHEN:
            return short_date_time(row.created_at) if not full else row.created_at
        if column == GROUP:
            return row.group
        if column == RECORDS:
            others = ", ".join(f"#{r}" for r in row.others)
            return _t("#{master} ← {others}").format(master=row.master, others=others)
        if column == STATE:
            return state_label(row.status)
        return row.message
