"""GroupListModel: one row per duplicate group (score, size, who, status) for a table
of up to millions of rows. Rows come from GroupPages, a page at a time from the store's
own indexes; sorting, filtering and search are SQL (store.group_query), not a proxy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QStaticText, QTransform

from mergedesk.core.review import GroupStatus
from mergedesk.store.group_query import GroupListing, GroupSort
from mergedesk.ui import messages
from mergedesk.ui.locale_format import percent
from mergedesk.ui.models.group_pages import GroupPages

GroupIdRole = Qt.ItemDataRole.UserRole + 1  # the group's id
StatusRole = Qt.ItemDataRole.UserRole + 2  # GroupStatus
ListingRole = Qt.ItemDataRole.UserRole + 3  # the GroupListing

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
SCORE, SIZE, SUMMARY, STATUS = range(4)
SORT_OF_COLUMN = {SCORE: GroupSort.SCORE, SIZE: GroupSort.SIZE, SUMMARY: GroupSort.TITLE,
                  STATUS: GroupSort.STATUS}

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
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class GroupListModel(QAbstractTableModel):
    """The rows of the current group query. Statuses the window changes show at once
    (`set_status`); the store has them too, so the next query agrees."""

    sort_requested = Signal(object, bool)  # GroupSort, descending: a header was clicked

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pages = GroupPages()
        self._status: dict[str, GroupStatus] = {}  # decided here since the rows were read
        self._views: dict[int, RowView] = {}  # painted rows' texts, by row
        # Words painted over and over (a screenful has a few distinct scores and
        # statuses): formatted and translated once per language, not once per row.
        self._words: dict[object, str] = {}
        self._version: int | None = None  # the store's change counter when rows were read
        # Live refresh on a team workspace: others' decisions and claims show within
        # POLL_MS (one tiny query; on SQLite nobody else writes, so it never fires).
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll_changes)
        self._poll.start()

    # Qt API
    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else self._pages.count

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 4

    def index(self, row: int, column: int, parent: ModelIndex = NO_PARENT) -> QModelIndex:
        # Qt's own asks rowCount() and columnCount() for every cell it paints: two calls
        # into Python instead of this one.
        if 0 <= row < self._pages.count and 0 <= column < 4 and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def multiData(self, index: ModelIndex, roles: QModelRoleDataSpan) -> None:
        """What a view paints, all roles of a cell in one call: painting a screenful of
        a million-row list costs one Python call per cell, not one per role."""
        if not index.isValid():
            return
        view = self.row_view(index.row())
        if view is None:
            return
        column = index.column()
        for item in roles:
            role = item.role()
            if role == _DISPLAY:
                item.setData(view.texts[column])
            elif role == _ALIGN:
                item.setData(_RIGHT if column in (SCORE, SIZE) else _LEFT)
            elif role == _FOREGROUND and column == STATUS and view.colour is not None:
                item.setData(view.colour)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        listing = self._pages.listing(index.row())
        if listing is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(listing, column)
        if role == GroupIdRole:
            return listing.id
        if role == StatusRole:
            return self.status_of(listing)
        if role == ListingRole:
            return listing
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (SCORE, SIZE) else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return STATUS_COLOURS.get(self.status_of(listing))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(listing)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _header_text(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in (SCORE, SIZE) else _LEFT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column in SORT_OF_COLUMN:
            self.sort_requested.emit(SORT_OF_COLUMN[column],
                                     order == Qt.SortOrder.DescendingOrder)

    # Our API
    @property
    def pages(self) -> GroupPages:
        return self._pages

    def set_pages(self, pages: GroupPages) -> None:
        """Show another query's rows (one reset). Statuses decided here that the store
        does not keep (a merge in flight) stay."""
        self.beginResetModel()
        self._pages = pages
        self._views.clear()
        self._status = {g: s for g, s in self._status.items() if s == GroupStatus.MERGING}
        self.endResetModel()

    def adopt_order(self, pages: GroupPages) -> bool:
        """The same query, now ordered: swap without a reset when nothing moved (the view
        keeps its scroll position and selection); False if the caller must set_pages."""
        if pages.query != self._pages.query or pages.count != self._pages.count:
            return False
        self._pages = pages
        self._views.clear()
        return True

    def listing(self, row: int) -> GroupListing | None:
        return self._pages.listing(row)

    def status_of(self, listing: GroupListing) -> GroupStatus:
        return self._status.get(listing.id) or GroupStatus.parse(listing.status)

    def status(self, group_id: str) -> GroupStatus | None:
        """The group's status as shown: decided here, or as stored; None if unknown."""
        if group_id in self._status:
            return self._status[group_id]
        pages = self._pages
        stored = pages.reader.status(pages.conn, group_id) if pages.reader else None
        return GroupStatus.parse(stored) if stored is not None else None

    def set_status(self, group_id: str, status: GroupStatus) -> None:
        self._status[group_id] = status
        row = self._pages.position_of(group_id)
        self._views.pop(row, None)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 3),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                                   StatusRole])

    def poll_changes(self) -> bool:
        """Re-read the shown rows if the store changed since they were read (statuses
        and who holds what); True if it did."""
        pages = self._pages
        if pages.reader is None:
            return False
        try:
            version = pages.reader.version(pages.conn)
        except Exception:  # reader closed, or the team server unreachable: next tick
            return False
        changed = self._version is not None and version != self._version
        self._version = version
        if changed:
            self._status = {g: s for g, s in self._status.items() if s == GroupStatus.MERGING}
            self.reload_rows()
        return changed

    def merging(self) -> int:
        return sum(1 for s in self._status.values() if s == GroupStatus.MERGING)

    def row_of(self, group_id: str) -> int:
        return self._pages.position_of(group_id)

    def reload_rows(self) -> None:
        """Read the shown rows again (titles were filled in the store)."""
        self._pages.forget()
        self._views.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 3))

    def retranslate(self) -> None:
        """Status words are cached per painted row: drop them on a language change."""
        self._views.clear()
        self._words.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, STATUS), self.index(self.rowCount() - 1, STATUS))

    # Presentation
    def row_view(self, row: int) -> RowView | None:
        """The painted texts and status colour of a row (cached while it is on screen)."""
        view = self._views.get(row)
        if view is None:
            listing = self._pages.listing(row)
            if listing is None:
                return None
            if len(self._views) > _VIEWS:
                self._views.clear()  # a screenful is rebuilt in microseconds
            status = self.status_of(listing)
            view = self._views[row] = RowView(
                tuple(self._display(listing, c) for c in range(4)), STATUS_COLOURS.get(status))
        return view

    def _display(self, listing: GroupListing, column: int) -> str:
        if column == SCORE:
            return self._word(listing.score, percent)
        if column == SIZE:
            return str(listing.size)
        if column == SUMMARY:
            return listing.title or ", ".join(f"#{r}" for r in listing.records)
        label = self._word(self.status_of(listing), messages.status_label)
        return f"{label} · {listing.claimed_by}" if listing.claimed_by else label

    def _word(self, key: Any, make: Callable[[Any], str]) -> str:
        word = self._words.get(key)
        if word is None:
            word = self._words[key] = make(key)
        return word


class RowView:
    """A painted row: its texts, its status colour, and its texts elided per width."""

    __slots__ = ("_elided", "_laid_out", "colour", "texts")

    def __init__(self, texts: tuple[str, ...], colour: QColor | None):
        self.texts, self.colour = texts, colour
        self._elided: dict[tuple[int, int], str] = {}
        self._laid_out: dict[tuple[int, int], QStaticText] = {}

    def static(self, column: int, width: int, font: QFont,
               make: Callable[[], str]) -> QStaticText:
        """The column's text as painted at `width` (`make` gives it, elided if need
        be), laid out once: a row scrolled by is redrawn without shaping it again."""
        key = (column, width)
        text = self._laid_out.get(key)
        if text is None:
            text = self._laid_out[key] = laid_out(make(), font)
        return text

    def elided(self, column: int, width: int, elide: Callable[[str], str]) -> str:
        key = (column, width)
        text = self._elided.get(key)
        if text is None:
            text = self._elided[key] = elide(self.texts[column])
        return text


def laid_out(text: str, font: QFont) -> QStaticText:
    """`text` as plain text, laid out in `font` once for drawing again and again (its
    size() is then this font's)."""
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(QTransform(), font)
    return static


_VIEWS = 4096
POLL_MS = 2000
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value


def _header_text(section: int) -> str:
    return (
        QCoreApplication.translate("GroupList", "Score"),
        QCoreApplication.translate("GroupList", "Records"),
        QCoreApplication.translate("GroupList", "Names and emails"),
        QCoreApplication.translate("GroupList", "Status"),
    )[section]


def _tooltip(listing: GroupListing) -> str:
    text = QCoreApplication.translate("GroupList", "Group {group}: records {records}")
    lines = [text.format(group=listing.id, records=", ".join(listing.records))]
    if listing.title:
        lines.extend(listing.title.split(" · "))
    return "\n".join(lines)
