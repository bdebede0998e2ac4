"""GroupListPanel: the left side of the window. A search box, a status filter and the
table of duplicate groups, virtual over the store (a million rows scroll like ten);
it reports which group the reviewer selected and moves between groups."""

from __future__ import annotations

import asyncio
import sqlite3

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mergedesk.core.review import GroupStatus
from mergedesk.store.database import Database
from mergedesk.store.group_query import GroupListing, GroupQuery, GroupReader, GroupSort
from mergedesk.ui.delegates.group_row import GroupRowDelegate
from mergedesk.ui.models.group_list import SCORE, SIZE, STATUS, SUMMARY, GroupListModel
from mergedesk.ui.models.group_pages import GroupPages
from mergedesk.ui.tasks import TaskRunner

# Status filter choices, in combo order: None shows every group.
FILTERS: tuple[frozenset[GroupStatus] | None, ...] = (
    None,
    frozenset({GroupStatus.OPEN, GroupStatus.SKIPPED, GroupStatus.STALE}),
    frozenset({GroupStatus.MERGED}),
    frozenset({GroupStatus.NOT_DUPLICATES}),
    frozenset({GroupStatus.FAILED, GroupStatus.UNKNOWN, GroupStatus.STALE}),
    frozenset({GroupStatus.SKIPPED}),
)
SEARCH_DELAY_MS = 250  # typing pauses this long before a search runs
LOOKAHEAD = 5000  # rows searched for the next group to review before giving up


class GroupListPanel(QWidget):
    group_selected = Signal(str)  # a group id; "" when nothing is selected
    query_applied = Signal(int)  # rows now listed (after a search, filter or sort)
    ordered = Signal()  # the list's ordering is known: any row is one lookup away

    def __init__(self, model: GroupListModel, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._tasks = tasks
        self._db: Database | None = None
        self._reader: GroupReader | None = None
        self._conn = ""
        self._query = GroupQuery()
        self._building: GroupReader | None = None
        self._wanted = ""  # a group to select once its row is known
        self._selected = ""  # the group last reported by group_selected
        self._quiet = False
        self._search = QLineEdit(self)
        self._search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self._search.textChanged.connect(lambda _text: self._search_timer.start())
        self._filter = QComboBox(self)
        self._filter.currentIndexChanged.connect(self._on_filter_current_index_changed)
        self._busy = QLabel(self)
        self._busy.hide()
        self.table = QTableView(self)
        self.table.setModel(model)
        self._setup_table()
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        model.sort_requested.connect(self._on_model_sort_requested)
        top = QHBoxLayout()
        top.addWidget(self._search, 1)
        top.addWidget(self._filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addLayout(top)
        layout.addWidget(self._busy)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        self._delegate = GroupRowDelegate(table)
        table.setItemDelegate(self._delegate)
        rows = table.verticalHeader()
        rows.hide()
        # Fixed heights: Qt never asks a million rows for their size.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)
        digits = table.fontMetrics().horizontalAdvance("0000%") + 18
        header.resizeSection(SCORE, digits)
        header.resizeSection(SIZE, table.fontMetrics().horizontalAdvance("Records") + 18)
        header.resizeSection(STATUS, table.fontMetrics().horizontalAdvance("Changed, review") + 24)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(SCORE, Qt.SortOrder.DescendingOrder)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.model.sort)

    def retranslate(self) -> None:
        self._search.setPlaceholderText(self.tr("Search names, emails, record ids (Ctrl+F)"))
        self._search.setAccessibleName(self.tr("Search groups"))
        labels = (self.tr("All groups"), self.tr("To review"), self.tr("Merged"),
                  self.tr("Not duplicates"), self.tr("Needs attention"), self.tr("Skipped"))
        current = max(self._filter.currentIndex(), 0)
        self._filter.blockSignals(True)
        self._filter.clear()
        self._filter.addItems(list(labels))
        self._filter.setCurrentIndex(current)
        self._filter.blockSignals(False)
        self._filter.setAccessibleName(self.tr("Show groups by status"))
        self.table.setAccessibleName(self.tr("Duplicate groups"))
        self._busy.setText(self.tr("Searching the groups…"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                              QEvent.Type.StyleChange):
            self._delegate.refresh_style()
            self.model.reload_rows()  # elided texts depend on the font
        super().changeEvent(event)

    # The source
    def set_source(self, db: Database | None, conn: str) -> None:
        """List the groups of `conn` in the store (empty with no connection)."""
        self._cancel_build()
        if self._reader is not None:
            self._reader.close()
        self._db, self._conn = db, conn
        self._reader = GroupReader(db) if db is not None else None
        self.refresh()

    @property
    def reader(self) -> GroupReader | None:
        return self._reader

    @property
    def query(self) -> GroupQuery:
        return self._query

    def focus_search(self) -> None:
        self._search.setFocus()
        self._search.selectAll()

    def refresh(self, select: str | None = None) -> None:
        """Run the current query again (the store changed); keep or move the selection."""
        self._wanted = self.current_group_id() if select is None else select
        self._apply(self._query)

    def _apply(self, query: GroupQuery) -> None:
        self._cancel_build()
        self._query = query
        if self._reader is None:
            self._show(GroupPages(), final=True)
            return
        count = self._reader.count(self._conn, query)
        if query.indexed and count is not None:
            # Shown at once from the indexes; the ordering follows for deep scrolling.
            self._show(GroupPages(self._reader, self._conn, query, count), final=False)
        else:
            self._busy.show()
        self._tasks.start("group-order", self._build_order(query))

    async def _build_order(self, query: GroupQuery) -> None:
        assert self._db is not None
        builder = GroupReader(self._db)
        self._building = builder
        loop = asyncio.get_running_loop()
        try:
            order = await loop.run_in_executor(None, _read_order, builder, self._conn, query)
        except sqlite3.OperationalError:  # interrupted: a newer query replaced this one
            return
        except asyncio.CancelledError:  # the window closes: stop the statement too
            builder.interrupt()
            raise
        finally:
            if self._building is builder:
                self._building = None
        if query != self._query:
            return
        self._busy.hide()
        pages = GroupPages(self._reader, self._conn, query, order=order)
        if self.model.adopt_order(pages):
            self._restore_selection(final=True)
        else:
            self._show(pages, final=True)
        self.ordered.emit()

    def _cancel_build(self) -> None:
        if self._building is not None:
            self._building.interrupt()
            self._building = None
        self._busy.hide()

    def _show(self, pages: GroupPages, *, final: bool) -> None:
        self._quiet = True  # a reset clears the selection: not a choice of the reviewer
        try:
            self.model.set_pages(pages)
            self._restore_selection(final)
        finally:
            self._quiet = False
        self._emit_selection()
        self.query_applied.emit(self.model.rowCount())

    def _restore_selection(self, final: bool) -> None:
        """Select the wanted group if it is listed; once the ordering is known and it is
        not, or when nothing was wanted, the first row."""
        if self._wanted:
            row = self.model.row_of(self._wanted)
            if row >= 0:
                self._wanted = ""
                self._select(row)
                return
            if not final:
                return
            self._wanted = ""
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self._select(0)

    # Selection
    def current_group_id(self) -> str:
        listing = self.current_listing()
        return listing.id if listing else ""

    def current_listing(self) -> GroupListing | None:
        index = self.table.currentIndex()
        return self.model.listing(index.row()) if index.isValid() else None

    def select_group(self, group_id: str) -> bool:
        """Select a listed group; one not found yet is selected when the ordering
        arrives, if it is listed at all."""
        row = self.model.row_of(group_id)
        if row < 0:
            if not self.model.pages.ordered:
                self._wanted = group_id
            return False
        self._select(row)
        return True

    def select_first(self) -> bool:
        if self.model.rowCount() == 0:
            return False
        self._select(0)
        return True

    def select_relative(self, step: int) -> bool:
        """J/K: the next or previous row."""
        row = self.table.currentIndex().row() + step
        if not 0 <= row < self.model.rowCount():
            return False
        self._select(row)
        return True

    def select_next_to_review(self, after_group_id: str) -> bool:
        """Select the next group below `after_group_id` (in list order) that still needs
        a decision, wrapping around; False if none is found nearby."""
        count = self.model.rowCount()
        start = self.model.row_of(after_group_id)
        start = start if start >= 0 else self.table.currentIndex().row()
        for step in range(1, min(count, LOOKAHEAD) + 1):
            row = (start + step) % count
            listing = self.model.listing(row)
            if listing is not None and listing.id != after_group_id and \
                    self.model.status_of(listing).to_review:
                self._select(row)
                return True
        return False

    def _select(self, row: int) -> None:
        index = self.model.index(row, SUMMARY)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    # Slots
    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self._quiet:
            self._emit_selection()

    def _emit_selection(self) -> None:
        group_id = self.current_group_id()
        if group_id != self._selected:
            self._selected = group_id
            self.group_selected.emit(group_id)

    def _on_filter_current_index_changed(self, index: int) -> None:
        statuses = FILTERS[index] if 0 <= index < len(FILTERS) else None
        self._wanted = self.current_group_id()
        self._apply(GroupQuery(statuses=frozenset(s.value for s in statuses)
                               if statuses is not None else None,
                               words=self._query.words, sort=self._query.sort,
                               descending=self._query.descending))

    def _on_search_timer_timeout(self) -> None:
        words = tuple(self._search.text().lower().split())
        if words != self._query.words:
            self._wanted = self.current_group_id()
            self._apply(GroupQuery(statuses=self._query.statuses, words=words,
                                   sort=self._query.sort, descending=self._query.descending))

    def _on_model_sort_requested(self, sort: GroupSort, descending: bool) -> None:
        if (sort, descending) != (self._query.sort, self._query.descending):
            self._wanted = self.current_group_id()
            self._apply(GroupQuery(statuses=self._query.statuses, words=self._query.words,
                                   sort=sort, descending=descending))


def _read_order(builder: GroupReader, conn: str, query: GroupQuery):
    """The whole ordering, on a worker thread; the reader is closed there too, never
    from the loop while its statement may still run (closing under it crashes). numpy,
    which finds a row in the ordering (GroupPages.position_of), is loaded here as well:
    on the loop its import stalled the first group selected by a quarter second."""
    try:
        return builder.order(conn, query)
    finally:
        builder.close()
        import numpy  # noqa: F401
