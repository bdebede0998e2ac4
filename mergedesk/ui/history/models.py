"""Table models of the history dialog: HistoryListModel (one row per journalled merge)
and MergeFieldsModel (one row per field of one merge: each record's value before, where
the chosen value came from, the survivor after). No I/O: filled by the dialog from
HistoryService."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime

from pydantic import JsonValue
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from mergedesk.services.history import FieldRow, MergeDetail, MergeSummary
from mergedesk.store.journal import MergeState
from mergedesk.ui.icons import icon
from mergedesk.ui.locale_format import short_date_time

SummaryRole = Qt.ItemDataRole.UserRole + 1  # the MergeSummary of a history row
ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryModels", text)


_STATE_TEXTS = {
    MergeState.RUNNING: QT_TRANSLATE_NOOP("HistoryModels", "Running or interrupted"),
    MergeState.MERGED: QT_TRANSLATE_NOOP("HistoryModels", "Merged"),
    MergeState.FAILED: QT_TRANSLATE_NOOP("HistoryModels", "Failed"),
    MergeState.UNKNOWN: QT_TRANSLATE_NOOP("HistoryModels", "Outcome unknown"),
    MergeState.RESTORED: QT_TRANSLATE_NOOP("HistoryModels", "Restored"),
}


def state_text(state: MergeState | str) -> str:
    """The journal's state of a merge in the UI's language."""
    try:
        return _tr(_STATE_TEXTS[MergeState(state)])
    except (KeyError, ValueError):  # a state a newer MergeDesk wrote into the journal
        return str(state)


_LIST_COLUMNS: tuple[tuple[str, Callable[[MergeSummary], str]], ...] = (
    (QT_TRANSLATE_NOOP("HistoryModels", "#"), lambda s: str(s.id)),
    (QT_TRANSLATE_NOOP("HistoryModels", "When"), lambda s: short_date_time(s.created_at)),
    (QT_TRANSLATE_NOOP("HistoryModels", "CRM"), lambda s: s.provider),
    (QT_TRANSLATE_NOOP("HistoryModels", "Group"), lambda s: s.group),
    (QT_TRANSLATE_NOOP("HistoryModels", "Survivor"), lambda s: s.master),
    (QT_TRANSLATE_NOOP("HistoryModels", "Merged"), lambda s: ", ".join(s.others)),
    (QT_TRANSLATE_NOOP("HistoryModels", "Status"), lambda s: state_text(s.status)),
    (QT_TRANSLATE_NOOP("HistoryModels", "Message"), lambda s: s.message),
)
STATUS_COLUMN = [name for name, _ in _LIST_COLUMNS].index("Status")  # shows re-count warnings


class HistoryListModel(QAbstractTableModel):
    """Rows of MergeSummary, newest first as the service returns them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MergeSummary] = []

    def set_rows(self, rows: Sequence[MergeSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(_LIST_COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == SummaryRole:
            return row
        if row.warning and index.column() == STATUS_COLUMN:
            return self._warning(row, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _LIST_COLUMNS[index.column()][1](row)
        return None

    @staticmethod
    def _warning(row: MergeSummary, role: int) -> object:
        """A merge that went through but whose re-count found something missing."""
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("status-warning")
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr("{status}, incomplete").format(status=state_text(row.status))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr("Not everything arrived on the survivor: {warning}").format(
                warning=row.warning)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(_LIST_COLUMNS[section][0])
        return None


class MergeFieldsModel(QAbstractTableModel):
    """One merge, field by field: a column per record (survivor first), then the source
    of the chosen value, then the survivor as read after the merge."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: tuple[FieldRow, ...] = ()
        self._ids: tuple[str, ...] = ()

    def set_detail(self, detail: MergeDetail | None) -> None:
        self.beginResetModel()
        self._rows = detail.fields if detail else ()
        self._ids = (detail.summary.master, *detail.summary.others) if detail else ()
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 3 + len(self._ids)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                                Qt.ItemDataRole.ToolTipRole):
            return None
        row, column = self._rows[index.row()], index.column()
        if column == 0:
            return row.field
        if column == len(self._ids) + 1:
            return _source(row.chosen_from)
        value = row.before.get(self._ids[column - 1]) if column <= len(self._ids) else row.after
        # Timestamps read as the user's language writes them; the tooltip keeps the
        # exact value the journal holds (seconds, time zone) for audits.
        return _text(value) if role == Qt.ItemDataRole.ToolTipRole else _display(value)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return _tr("Field")
        if section <= len(self._ids):
            rid = self._ids[section - 1]
            return (_tr("Survivor {id} before") if section == 1
                    else _tr("{id} before")).format(id=rid)
        return _tr("Chosen from") if section == len(self._ids) + 1 else _tr("After")


def _text(value: JsonValue) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _display(value: JsonValue) -> str:
    """A field value for the eye: an ISO 8601 date and time (as CRMs send `updated_at`)
    in the locale's short form and the user's time zone; anything else as it is."""
    if isinstance(value, str) and _looks_like_a_moment(value):
        try:
            return short_date_time(datetime.fromisoformat(value))
        except ValueError:  # 2024-13-45T…: not a moment after all
            pass
    return _text(value)


def _looks_like_a_moment(text: str) -> bool:
    # "YYYY-MM-DDTHH:MM…" or with a space: a date alone is left as the CRM wrote it.
    return (16 <= len(text) <= 40 and text[4] == "-" and text[7] == "-"
            and text[10] in "T " and text[13] == ":" and text[:4].isdigit())


def _source(chosen_from: str | None) -> str:
    if chosen_from is None:
        return _tr("CRM's rule")
    return _tr("typed") if chosen_from == "typed" else chosen_from
