"""CompareView: the table of a group's records side by side. Clicking a cell keeps
that value; 1–9 keep record N's value for the current field; M makes the current
column's record the master (as does clicking its header)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from mergedesk.ui.delegates.compare_cell import CompareCellDelegate
from mergedesk.ui.models.compare import CompareModel, DiffersRole

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class CompareView(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.setItemDelegate(CompareCellDelegate(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(110)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._on_header_section_clicked)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setHighlightSections(False)
        self.clicked.connect(self._on_view_clicked)

    def compare_model(self) -> CompareModel | None:
        model = self.model()
        return model if isinstance(model, CompareModel) else None

    def pick(self, number: int) -> bool:
        """Keep record `number`'s (1-based) value for the current field."""
        model = self.compare_model()
        row = self.currentIndex().row()
        if model is None or row < 0 or not 1 <= number <= len(model.record_ids):
            return False
        if not model.choose(row, model.record_ids[number - 1]):
            return False
        self.setCurrentIndex(model.index(row, number - 1))
        return True

    def make_current_master(self) -> bool:
        model = self.compare_model()
        record = model.record_at(self.currentIndex().column()) if model else None
        return record is not None and model is not None and model.set_master(record.id)

    def go_to_first_difference(self) -> None:
        """Put the cursor on the first field that needs a decision (keyboard review)."""
        model = self.compare_model()
        if model is None or model.rowCount() == 0:
            return
        self.setCurrentIndex(model.index(0, 0))
        if not model.index(0, 0).data(DiffersRole):
            self._advance()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in _PLAIN
        if plain and event.key() in _DIGITS:
            if self.pick(_DIGITS[event.key()]):
                self._advance()
            event.accept()
            return
        if plain and event.key() == Qt.Key.Key_M:
            self.make_current_master()
            event.accept()
            return
        if plain and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_view_clicked(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def _advance(self) -> None:
        """After a pick, go to the next field whose values differ (keyboard review)."""
        model = self.compare_model()
        current = self.currentIndex()
        if model is None or not current.isValid():
            return
        for row in range(current.row() + 1, model.rowCount()):
            if model.field_at(row).writable and model.index(row, 0).data(DiffersRole):
                self.setCurrentIndex(model.index(row, current.column()))
                return

    def _on_view_clicked(self, index: QModelIndex) -> None:
        model = self.compare_model()
        record = model.record_at(index.column()) if model and index.isValid() else None
        if model is not None and record is not None:
            model.choose(index.row(), record.id)

    def _on_header_section_clicked(self, section: int) -> None:
        model = self.compare_model()
        record = model.record_at(section) if model else None
        if model is not None and record is not None:
            model.set_master(record.id)
