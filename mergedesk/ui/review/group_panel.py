"""GroupListPanel: the left side of the window. A search box, a status filter and the
table of duplicate groups; it reports which group the reviewer selected."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mergedesk.ui.models.group_list import (
    SCORE,
    SIZE,
    STATUS,
    SUMMARY,
    GroupFilterProxy,
    GroupIdRole,
    GroupListModel,
    StatusRole,
)
from mergedesk.ui.models.status import GroupStatus

# Status filter choices, in combo order: None shows every group.
_FILTERS: tuple[frozenset[GroupStatus] | None, ...] = (
    None,
    frozenset({GroupStatus.OPEN, GroupStatus.SKIPPED, GroupStatus.STALE}),
    frozenset({GroupStatus.MERGED, GroupStatus.MERGING}),
    frozenset({GroupStatus.NOT_DUPLICATES}),
    frozenset({GroupStatus.FAILED, GroupStatus.UNKNOWN, GroupStatus.STALE}),
    frozenset({GroupStatus.SKIPPED}),
)


class GroupListPanel(QWidget):
    group_selected = Signal(str)  # a group id; "" when nothing is selected

    def __init__(self, model: GroupListModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        self.proxy = GroupFilterProxy(self)
        self.proxy.setSourceModel(model)
        self._search = QLineEdit(self)
        self._search.setClearButtonEnabled(True)
        self._search.textChanged.connect(self.proxy.set_text_filter)
        self._filter = QComboBox(self)
        self._filter.currentIndexChanged.connect(self._on_filter_current_index_changed)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self._setup_table()
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        top = QHBoxLayout()
        top.addWidget(self._search, 1)
        top.addWidget(self._filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setSortingEnabled(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column in (SCORE, SIZE, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)
        # Best first; ties keep the store's order. Clicking a header re-sorts in the proxy.
        table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)

    def retranslate(self) -> None:
        self._search.setPlaceholderText(self.tr("Search names, emails, record ids"))
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def current_group_id(self) -> str:
        index = self.table.currentIndex()
        return index.data(GroupIdRole) if index.isValid() else ""

    def select_group(self, group_id: str) -> bool:
        source_row = self._model.row_of(group_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self._model.index(source_row, 0))
        if not index.isValid():
            return False
        self._select(index)
        return True

    def select_first(self) -> bool:
        if self.proxy.rowCount() == 0:
            return False
        self._select(self.proxy.index(0, 0))
        return True

    def select_next_to_review(self, after_group_id: str) -> bool:
        """Select the next group below `after_group_id` (in view order) that still needs
        a decision, wrapping around; False if there is none."""
        count = self.proxy.rowCount()
        source_row = self._model.row_of(after_group_id)
        start = self.proxy.mapFromSource(self._model.index(source_row, 0)).row() \
            if source_row >= 0 else -1
        for step in range(1, count + 1):
            index = self.proxy.index((start + step) % count, 0)
            status = GroupStatus.parse(index.data(StatusRole) or "")
            if status.to_review and (
                    index.data(GroupIdRole) != after_group_id):
                self._select(index)
                return True
        return False

    def _select(self, index: QModelIndex) -> None:
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        group_id = current.data(GroupIdRole) if current.isValid() else ""
        previous_id = previous.data(GroupIdRole) if previous.isValid() else ""
        if group_id != previous_id:
            self.group_selected.emit(group_id or "")

    def _on_filter_current_index_changed(self, index: int) -> None:
        self.proxy.set_status_filter(_FILTERS[index] if 0 <= index < len(_FILTERS) else None)
