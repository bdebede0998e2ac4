"""QueuePanel: the merge queue dock. Each submitted merge with where it stands (held for
undo, queued, its current step, done) and its outcome with the CRM's own message;
merges not sent yet can be cancelled (Delete) while review goes on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mergedesk.ui.delegates.progress import StepProgressDelegate
from mergedesk.ui.icons import icon
from mergedesk.ui.models.queue import GROUP, OUTCOME, STATE, QueueItem, QueueModel
from mergedesk.ui.review.merge_queue import MergeQueue


class _QueueTable(QTableView):
    """Delete cancels the current merge if it was not sent; a hint while empty."""

    def __init__(self, panel: QueuePanel):
        super().__init__(panel)
        self._panel = panel
        self.placeholder = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._panel.cancel_current()
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.placeholder and (model is None or model.rowCount() == 0):
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(8, 6, -8, -6),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self.placeholder)
            painter.end()


class QueuePanel(QWidget):
    def __init__(self, queue: MergeQueue, parent: QWidget | None = None):
        super().__init__(parent)
        self._queue = queue
        self.model: QueueModel = queue.model
        self.table = _QueueTable(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(STATE, StepProgressDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OUTCOME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(GROUP, 260)
        header.resizeSection(STATE, 300)
        self._cancel = QPushButton(icon("cancel"), "", self)
        self._cancel.clicked.connect(self.cancel_current)
        self._clear = QPushButton(self)
        self._clear.clicked.connect(self.model.remove_finished)
        buttons = QVBoxLayout()
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._clear)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._on_model_rows_inserted)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self._cancel.setText(self.tr("Cancel"))
        self._cancel.setToolTip(self.tr("Take back the selected merge if it was not sent "
                                        "yet (Delete)"))
        self._clear.setText(self.tr("Clear finished"))
        self.table.setAccessibleName(self.tr("Merge queue"))
        self.table.placeholder = self.tr(
            "Merges run here in the background while you go on reviewing: Ctrl+Enter "
            "submits the group on screen.")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def current_item(self) -> QueueItem | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def cancel_current(self) -> bool:
        item = self.current_item()
        return item is not None and self._queue.cancel(item)

    def _update_buttons(self, *_args: object) -> None:
        item = self.current_item()
        self._cancel.setEnabled(item is not None and item.state.pending)

    def _on_model_rows_inserted(self, *_args: object) -> None:
        self.table.scrollToBottom()
        self._update_buttons()
