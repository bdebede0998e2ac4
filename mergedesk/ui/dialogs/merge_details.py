"""MergeDetailsDialog: one journalled merge explained — each record before, where each
surviving value came from, the survivor after — and what a restore would bring back."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mergedesk.services.history import MergeDetail
from mergedesk.ui.models.display import value_text
from mergedesk.ui.models.history import state_label


class MergeDetailsDialog(QDialog):
    def __init__(self, detail: MergeDetail, parent: QWidget | None = None):
        super().__init__(parent)
        s = detail.summary
        self.setWindowTitle(self.tr("Merge #{id}").format(id=s.id))
        self.resize(900, 520)
        head = QLabel(self.tr("{when} · group {group} · {state}").format(
            when=s.created_at.replace("T", " "), group=s.group, state=state_label(s.status)),
            self)
        message = QLabel(s.message, self)
        message.setWordWrap(True)
        self.model = QStandardItemModel(self)
        ids = [s.master, *s.others]
        self.model.setHorizontalHeaderLabels(
            [self.tr("Field"), *(f"#{r}" for r in ids), self.tr("Kept from"), self.tr("After")])
        for row in detail.fields:
            source = {None: self.tr("the CRM's rule"), "typed": self.tr("typed")}.get(
                row.chosen_from, f"#{row.chosen_from}")
            cells = [row.field, *(value_text(row.before.get(r)) for r in ids), source,
                     value_text(row.after)]
            self.model.appendRow([QStandardItem(c) for c in cells])
        table = QTableView(self)
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAccessibleName(self.tr("Fields before and after the merge"))
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(message)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
