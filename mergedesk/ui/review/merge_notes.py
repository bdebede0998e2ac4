"""MergeNotesPanel: what the merge will do in this CRM — who is deleted, deactivated or
retired, how many calls, every value and file that will be lost — and, where the CRM
offers one (LeadLex), the result of its own dry run."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from mergedesk.core.preview import PreviewNote
from mergedesk.ui import messages
from mergedesk.ui.models.compare import CompareModel

_WARNING = "#d98a1c"


class MergeNotesPanel(QWidget):
    def __init__(self, model: CompareModel, dry_run: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        self._notes = QLabel(self)
        self._notes.setWordWrap(True)
        self._notes.setTextFormat(Qt.TextFormat.RichText)
        self._notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._notes.setMargin(6)
        scroll = QScrollArea(self)
        scroll.setWidget(self._notes)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._dry_button = QToolButton(self)
        self._dry_button.setDefaultAction(dry_run)
        self._dry_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._dry_result = QLabel(self)
        self._dry_result.setWordWrap(True)
        self._dry_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self._dry_button)
        row.addWidget(self._dry_result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        model.choices_changed.connect(self.refresh)
        model.modelReset.connect(self.clear_dry_run)
        self.retranslate()

    def retranslate(self) -> None:
        self._notes.setAccessibleName(self.tr("What the merge will do"))
        self._dry_result.setAccessibleName(self.tr("Dry run result"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        caps = self._model.capabilities
        notes = self._model.notes()
        self._dry_button.setVisible(bool(caps and caps.dry_run))
        if caps is None:
            self._notes.clear()
            return
        crm = caps.display_name
        heading = html.escape(self.tr("What the merge will do in {crm}:").format(crm=crm))
        items = "".join(self._item(n, crm) for n in notes)
        self._notes.setText(f"<b>{heading}</b><ul style='margin:2px 0 0 -18px'>{items}</ul>")

    def warnings(self) -> list[str]:
        """The warning lines shown, as plain text."""
        caps = self._model.capabilities
        crm = caps.display_name if caps else ""
        preview = self._model.preview()
        return [self._line(n, crm) for n in (preview.warnings if preview else ())]

    def show_dry_run(self, text: str, ok: bool) -> None:
        colour = "#2e9d52" if ok else _WARNING
        self._dry_result.setStyleSheet(f"color: {colour}")
        self._dry_result.setText(text)

    def dry_run_text(self) -> str:
        return self._dry_result.text()

    def clear_dry_run(self) -> None:
        self._dry_result.clear()

    def _line(self, note: PreviewNote, crm: str) -> str:
        label: Callable[[str], str] = self._model.field_label
        return messages.note_text(note, crm, label, lambda r: f"#{r}")

    def _item(self, note: PreviewNote, crm: str) -> str:
        text = html.escape(self._line(note, crm))
        preview = self._model.preview()
        if preview is not None and note in preview.warnings:
            ink = self.palette().color(QPalette.ColorRole.WindowText).name()
            return (f"<li><span style='color:{_WARNING}'>⚠</span> "
                    f"<span style='color:{ink}'>{text}</span></li>")
        return f"<li>{text}</li>"
