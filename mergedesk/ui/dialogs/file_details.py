"""FileDetailsDialog: one file of a record — name, type, size, date, where it sits —
and what this merge does with it. MergeDesk reads files' details, not their contents:
the file itself stays in the CRM, where it opens."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from mergedesk.core.models import Attachment
from mergedesk.ui.locale_format import short_date_time


class FileDetailsDialog(QDialog):
    def __init__(self, file: Attachment, kept: bool, rule: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("File: {name}").format(name=file.name or file.id))
        form = QFormLayout(self)
        size = QLocale().formattedDataSize(file.size) if file.size is not None else "—"
        rows = [
            (self.tr("Name"), file.name or "—"),
            (self.tr("Type"), file.mime_type or "—"),
            (self.tr("Size"), size),
            (self.tr("Added"), short_date_time(file.created_at)),
            (self.tr("Record"), f"#{file.record_id}"),
            (self.tr("Field"), file.field or self.tr("Attachments list")),
            (self.tr("File id"), file.id),
            (self.tr("After the merge"), self.tr("kept") if kept else self.tr("removed")),
        ]
        for label, value in rows:
            shown = QLabel(value, self)
            shown.setAccessibleName(label)
            form.addRow(label, shown)
        note = QLabel(rule + "\n" + self.tr(
            "MergeDesk reads the details of files, not their contents: open the file in "
            "the CRM to see it."), self)
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
