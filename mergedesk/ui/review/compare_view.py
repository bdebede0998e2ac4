"""CompareView: the table of a group's records side by side. Clicking a cell keeps that
value, or on a checklist value (e-mails, phones, tags, long text) ticks or unticks it,
as Space does; the window's actions (1–9, M, E) act on the current field and column; F2,
E or a double click on the merged preview types a value of one's own. "Differences
only" hides the rows where every record agrees and nothing is flagged."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from mergedesk.ui.delegates.compare_cell import CompareCellDelegate
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.review.field_header import FieldHeader

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class CompareView(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.setVerticalHeader(FieldHeader(self))
        self._delegate = CompareCellDelegate(self)
        self.setItemDelegate(self._delegate)
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
        self.doubleClicked.connect(self._on_view_double_clicked)
        self._differences_only = False

    def setModel(self, model) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._apply_filter)
            model.dataChanged.connect(lambda *_args: self._apply_filter())

    # Differences only
    @property
    def differences_only(self) -> bool:
        return self._differences_only

    def set_differences_only(self, on: bool) -> None:
        """Hide the rows that need no look (every record agrees, nothing flagged)."""
        self._differences_only = on
        self._apply_filter()

    def _apply_filter(self) -> None:
        model = self.compare_model()
        if model is None:
            return
        for row in range(model.rowCount()):
            self.setRowHidden(row, self._differences_only and not model.needs_row(row))
        current = self.currentIndex()
        if current.isValid() and self.isRowHidden(current.row()):
            self.go_to_first_difference()

    def toggle_current(self) -> bool:
        """Space on a checklist value: keep it or drop it."""
        model = self.compare_model()
        row = self.currentIndex().row()
        return model is not None and row >= 0 and model.toggle(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange):
            self._delegate.refresh_style()
        super().changeEvent(event)

    def compare_model(self) -> CompareModel | None:
        model = self.model()
        return model if isinstance(model, CompareModel) else None

    def pick(self, number: int) -> bool:
        """Keep record `number`'s (1-based) value for the current field, then go on to
        the next field whose values differ."""
        model = self.compare_model()
        row = self.currentIndex().row()
        if model is None or row < 0 or not 1 <= number <= len(model.record_ids):
            return False
        if not model.choose(row, model.record_ids[number - 1]):
            return False
        self.setCurrentIndex(model.index(row, number - 1))
        self._advance()
        return True

    def make_current_master(self) -> bool:
        model = self.compare_model()
        record = model.record_at(self.currentIndex().column()) if model else None
        return record is not None and model is not None and model.set_master(record.id)

    def current_record_id(self) -> str:
        model = self.compare_model()
        record = model.record_at(self.currentIndex().column()) if model else None
        return record.id if record else ""

    def edit_current_value(self) -> bool:
        """Open the editor on the merged preview of the current field."""
        model = self.compare_model()
        row = self.currentIndex().row()
        if model is None or row < 0:
            return False
        index = model.index(row, model.preview_column)
        if not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        self.setCurrentIndex(index)
        self.edit(index)
        return True

    def go_to_first_difference(self) -> None:
        """Put the cursor on the first field that needs a decision (keyboard review)."""
        model = self.compare_model()
        if model is None or model.rowCount() == 0:
            return
        first = next((r for r in range(model.rowCount()) if not self.isRowHidden(r)), 0)
        self.setCurrentIndex(model.index(first, 0))
        if not model.needs_row(first):
            self._advance()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # In the window these keys are menu actions (which call pick() and co.); the view
        # handles them itself too, so that it works alone (tests, other windows).
        plain = event.modifiers() in _PLAIN
        if plain and event.key() in _DIGITS:
            self.pick(_DIGITS[event.key()])
            event.accept()
            return
        if plain and event.key() == Qt.Key.Key_M:
            self.make_current_master()
            event.accept()
            return
        if plain and event.key() == Qt.Key.Key_E:
            self.edit_current_value()
            event.accept()
            return
        if plain and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.toggle_current():
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
            if model.item_at(row) < 0 and model.needs_row(row) and not self.isRowHidden(row) \
                    and model.field_at(row).writable:
                self.setCurrentIndex(model.index(row, current.column()))
                return

    def _on_view_clicked(self, index: QModelIndex) -> None:
        model = self.compare_model()
        if model is None or not index.isValid():
            return
        if model.item_at(index.row()) >= 0:
            model.toggle(index.row())
            return
        record = model.record_at(index.column())
        if record is not None:
            model.choose(index.row(), record.id)

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        model = self.compare_model()
        if model is not None and index.isValid() and index.column() == model.preview_column:
            self.edit(index)

    def _on_header_section_clicked(self, section: int) -> None:
        model = self.compare_model()
        record = model.record_at(section) if model else None
        if model is not None and record is not None:
            model.set_master(record.id)
