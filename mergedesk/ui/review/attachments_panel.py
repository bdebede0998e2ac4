"""AttachmentsPanel: every file of the group's records with a Keep checkbox where the
CRM lets the reviewer choose (Zoho's file fields), a line saying what this CRM does with
files, and a preview of each file's details (Enter, double click or the button)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mergedesk.ui.dialogs.file_details import FileDetailsDialog
from mergedesk.ui.icons import icon
from mergedesk.ui.models.attachments import (
    DATE,
    KEEP,
    NAME,
    RECORD,
    SIZE,
    TYPE,
    AttachmentModel,
    AttachmentRole,
)


class _FileTable(QTableView):
    """Space keeps or drops the current file; Enter previews it."""

    def __init__(self, panel: AttachmentsPanel):
        super().__init__(panel)
        self._panel = panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            self._panel.model.toggle(self.currentIndex().row())
            event.accept()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._panel.preview_current()
            event.accept()
        else:
            super().keyPressEvent(event)


class AttachmentsPanel(QWidget):
    def __init__(self, model: AttachmentModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._rule = QLabel(self)
        self._rule.setWordWrap(True)
        self.table = _FileTable(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # Fixed widths from the font: measuring every file on each group costs a frame.
        em = self.table.fontMetrics().horizontalAdvance("M")
        for column, width in ((KEEP, 5), (RECORD, 14), (SIZE, 8), (TYPE, 6), (DATE, 8)):
            header.resizeSection(column, width * em)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self._preview = QPushButton(icon("preview"), "", self)
        self._preview.clicked.connect(self.preview_current)
        self._empty = QLabel(self)
        self._empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top = QHBoxLayout()
        top.addWidget(self._rule, 1)
        top.addWidget(self._preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._empty)
        model.modelReset.connect(self._refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self._preview.setText(self.tr("&Preview"))
        self._preview.setToolTip(self.tr("The file's details and what the merge does with "
                                         "it (Enter)"))
        self.table.setAccessibleName(self.tr("Files of the records"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def preview_current(self) -> FileDetailsDialog | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        file = index.data(AttachmentRole)
        kept = self.model.index(index.row(), KEEP).data(
            Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        dialog = FileDetailsDialog(file, kept, self.model.rule_text(file), self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _refresh(self) -> None:
        count = self.model.rowCount()
        self._rule.setText(self.model.rule_text())
        self.table.setVisible(count > 0)
        self._preview.setEnabled(count > 0)
        self._empty.setVisible(count == 0)
        self._empty.setText(self.tr("None of these records has files."))
        if count and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, NAME))

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() != KEEP:
            self.preview_current()
