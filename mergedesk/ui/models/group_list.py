"""GroupListModel: one row per duplicate group (score, size, who, status), and the
GroupFilterProxy that filters it by text and status. No I/O: rows are given to it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from mergedesk.core.models import DuplicateGroup, Record
from mergedesk.ui import messages
from mergedesk.ui.models.display import distinct, record_emails, record_name
from mergedesk.ui.models.status import GroupStatus

GroupRole = Qt.ItemDataRole.UserRole + 1  # the DuplicateGroup
GroupIdRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3  # GroupStatus (arrives as its str value via Qt)
SearchRole = Qt.ItemDataRole.UserRole + 4  # lower-case text the search box matches
SortRole = Qt.ItemDataRole.UserRole + 5  # a number or text that sorts the column

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # an invalid index: the root of a flat model
SCORE, SIZE, SUMMARY, STATUS = range(4)

# Mid-tone colours that read on light and dark palettes alike.
STATUS_COLOURS = {
    GroupStatus.MERGING: QColor("#2f7fd8"),
    GroupStatus.MERGED: QColor("#2e9d52"),
    GroupStatus.FAILED: QColor("#d64545"),
    GroupStatus.STALE: QColor("#d98a1c"),
    GroupStatus.UNKNOWN: QColor("#d98a1c"),
    GroupStatus.NOT_DUPLICATES: QColor("#8a8f98"),
    GroupStatus.SKIPPED: QColor("#8a8f98"),
}


@dataclass(frozen=True)
class GroupRow:
    """A group with its review status and the names and emails that identify it."""

    group: DuplicateGroup
    status: GroupStatus = GroupStatus.OPEN
    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        names = " / ".join(self.names[:2]) + (" …" if len(self.names) > 2 else "")
        emails = ", ".join(self.emails[:2]) + (" …" if len(self.emails) > 2 else "")
        return " · ".join(p for p in (names, emails) if p) or ", ".join(self.group.records)

    @property
    def search_text(self) -> str:
        return " ".join((self.group.id, *self.group.records, *self.names, *self.emails)).lower()


def group_rows(
    pairs: Iterable[tuple[DuplicateGroup, str]], records: Mapping[str, Record]
) -> list[GroupRow]:
    """Rows for (group, stored status) pairs, summarised from the cached records."""
    rows = []
    for group, status in pairs:
        members = [records[r] for r in group.records if r in records]
        rows.append(GroupRow(
            group=group,
            status=GroupStatus.parse(status),
            names=tuple(distinct(record_name(r) for r in members)),
            emails=tuple(distinct(e for r in members for e in record_emails(r))),
        ))
    return rows


class GroupListModel(QAbstractTableModel):
    """Rows of GroupRow for the group table; filled by the main window, no I/O."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[GroupRow] = []
        self._row_of: dict[str, int] = {}

    # Qt API
    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == GroupRole:
            return row.group
        if role == GroupIdRole:
            return row.group.id
        if role == StatusRole:
            return row.status
        if role == SearchRole:
            return row.search_text
        if role == SortRole:
            return self._sort_key(row, column)
        return self._decoration(row, column, role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _header_text(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(section)
        return None

    # Our API
    def set_groups(self, rows: Iterable[GroupRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {r.group.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def replace_group(self, row: GroupRow) -> None:
        """Swap in a new version of a group's row; views repaint only that row."""
        number = self._row_of.get(row.group.id)
        if number is None:
            return
        self._rows[number] = row
        self.dataChanged.emit(
            self.index(number, 0), self.index(number, 3),
            [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, StatusRole,
             SortRole, SearchRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole],
        )

    def set_status(self, group_id: str, status: GroupStatus) -> None:
        row = self.group_row(group_id)
        if row is not None and row.status != status:
            self.replace_group(replace(row, status=status))

    def group_row(self, group_id: str) -> GroupRow | None:
        number = self._row_of.get(group_id)
        return self._rows[number] if number is not None else None

    def row_of(self, group_id: str) -> int:
        return self._row_of.get(group_id, -1)

    def rows(self) -> list[GroupRow]:
        return list(self._rows)

    def status_counts(self) -> dict[GroupStatus, int]:
        counts = dict.fromkeys(GroupStatus, 0)
        for row in self._rows:
            counts[row.status] += 1
        return counts

    # Presentation
    @staticmethod
    def _display(row: GroupRow, column: int) -> str:
        if column == SCORE:
            return f"{row.group.score:.0%}"
        if column == SIZE:
            return str(len(row.group.records))
        if column == SUMMARY:
            return row.summary
        return messages.status_label(row.status)

    @staticmethod
    def _sort_key(row: GroupRow, column: int) -> object:
        if column == SCORE:
            return row.group.score
        if column == SIZE:
            return len(row.group.records)
        if column == SUMMARY:
            return row.summary.casefold()
        return list(GroupStatus).index(row.status)

    @staticmethod
    def _decoration(row: GroupRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.FontRole and column == STATUS and not row.status.to_review:
            font = QFont()
            font.setBold(row.status in (GroupStatus.FAILED, GroupStatus.STALE))
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row)
        return None


def _header_text(section: int) -> str:
    return (
        QCoreApplication.translate("GroupList", "Score"),
        QCoreApplication.translate("GroupList", "Records"),
        QCoreApplication.translate("GroupList", "Names and emails"),
        QCoreApplication.translate("GroupList", "Status"),
    )[section]


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column in (SCORE, SIZE) else (
        Qt.AlignmentFlag.AlignLeft)
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def _tooltip(row: GroupRow) -> str:
    text = QCoreApplication.translate("GroupList", "Group {group}: records {records}")
    lines = [text.format(group=row.group.id, records=", ".join(row.group.records))]
    lines.extend(row.names)
    lines.extend(row.emails)
    return "\n".join(lines)


class GroupFilterProxy(QSortFilterProxyModel):
    """Filters groups by a search text (names, emails, ids) and by a set of statuses,
    and sorts by each column's SortRole."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._text = ""
        self._statuses: frozenset[GroupStatus] | None = None
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_text_filter(self, text: str) -> None:
        key = " ".join(text.lower().split())
        if key != self._text:
            self._change_filter(text=key)

    def set_status_filter(self, statuses: Iterable[GroupStatus] | None) -> None:
        """Show only these statuses; None shows every status."""
        chosen = frozenset(statuses) if statuses is not None else None
        if chosen != self._statuses:
            self._change_filter(statuses=chosen)

    def _change_filter(self, **changes: object) -> None:
        # Qt 6.10 replaced invalidateFilter() by begin/endFilterChange(); we support both.
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        self._text = changes.get("text", self._text)  # type: ignore[assignment]
        self._statuses = changes.get("statuses", self._statuses)  # type: ignore[assignment]
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._statuses is not None and model.data(index, StatusRole) not in self._statuses:
            return False
        if not self._text:
            return True
        haystack = model.data(index, SearchRole) or ""
        return all(word in haystack for word in self._text.split())
