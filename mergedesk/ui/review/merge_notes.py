"""MergeNotesPanel: what the merge will do in this CRM — what will move to the survivor
(related items by kind and record, where the CRM counts them), who is deleted,
deactivated or retired, how many calls, every value the reviewer dropped and every value
and file that will be lost — and, where the CRM offers one (LeadLex), its dry run."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mergedesk.core.preflight import expected_related, will_move
from mergedesk.core.preview import NoteKind, PreviewNote
from mergedesk.ui import messages
from mergedesk.ui.models.checklist import Landing
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.models.display import value_text

_WARNING = "#d98a1c"


class MergeNotesPanel(QWidget):
    def __init__(self, model: CompareModel, dry_run: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        # A text browser, not a word-wrapped rich-text label: a label lays the whole
        # text out again on every size query of the window's layouts (12 ms a time
        # for a wide group, many times while the window first shows, even on a hidden
        # tab); a browser lays out only at its own width, when it is shown.
        self._notes = QTextBrowser(self)
        self._notes.setOpenLinks(False)
        self._notes.setFrameShape(QFrame.Shape.NoFrame)
        self._notes.viewport().setAutoFillBackground(False)  # the panel's own background
        self._notes.document().setDocumentMargin(6)
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
        layout.addWidget(self._notes, 1)
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
        moving = "".join(f"<li>{'<b>' * (i == 0)}{html.escape(line)}{'</b>' * (i == 0)}</li>"
                         for i, line in enumerate(self.will_move_lines()))  # summary first
        dropped = "".join(self._warning(line) for line in self.dropped_lines())
        items = "".join(self._item(n, crm) for n in notes)
        self._notes.setHtml(f"<b>{heading}</b><ul style='margin:2px 0 0 -18px'>"
                            f"{moving}{dropped}{items}</ul>")

    # What will move
    def will_move_summary(self) -> str:
        """"Will move to the survivor: 12 conversations, 3 notes" ("" when the CRM
        counts nothing): the other records' items; the survivor keeps its own."""
        master = self._model.master
        others = [r for r in self._model.records if r.id != master]
        total = expected_related(others)
        if not any(total.values()):
            return ""
        return self.tr("Will move to the survivor: {items}").format(items=self._counts(total))

    def will_move_lines(self) -> list[str]:
        summary = self.will_move_summary()
        if not summary:
            return []
        lines = [summary]
        for rid, counts in will_move(self._model.records).items():
            if any(counts.values()):
                template = (self.tr("#{id} (survivor) keeps: {items}") if rid == self._model.master
                            else self.tr("#{id} brings: {items}"))
                lines.append(template.format(id=rid, items=self._counts(counts)))
        return lines

    def dropped_lines(self) -> list[str]:
        """The checklist values the reviewer unticked: they will be lost."""
        choices = self._model.choices
        if choices is None:
            return []
        lines = []
        for name, checklist in choices.lists.items():
            gone = [value_text(v) for i, v in enumerate(checklist.items)
                    if not choices.ticked(name, i)]
            if gone:
                lines.append(self.tr("{field}: you dropped {values}; they will be lost.").format(
                    field=checklist.field.display_label, values=", ".join(gone)))
        return lines

    def _unaccounted(self, note: PreviewNote) -> PreviewNote | None:
        """`note` without the checklist values that land elsewhere (a loser's e-mail in
        a secondary slot or the note is not lost) or that the reviewer dropped (said
        above); None if nothing is left to warn of."""
        choices = self._model.choices
        if choices is None or note.kind != NoteKind.VALUE_DROPPED:
            return note
        checklist = next((c for c in choices.lists.values() if note.field in c.members), None)
        if checklist is None:
            return note

        def lost(value: object) -> bool:
            if isinstance(value, list):  # tags: lost if any of them is
                return any(lost(item) for item in value)
            found = [n for n, item in enumerate(checklist.items)
                     if checklist.key(item) == checklist.key(value)]
            return not found or all(choices.landing(checklist.name, n)[0] == Landing.LOST
                                    for n in found)

        keep = [i for i, v in enumerate(note.values) if lost(v)]
        if len(keep) == len(note.values):
            return note
        if not keep:
            return None
        paired = len(note.records) == len(note.values)
        return note.model_copy(update={
            "values": tuple(note.values[i] for i in keep),
            "records": tuple(note.records[i] for i in keep) if paired else note.records})

    def _counts(self, counts: dict[str, int]) -> str:
        return ", ".join(self._count(kind, n) for kind, n in sorted(
            counts.items(), key=lambda item: -item[1]) if n)

    def _count(self, kind: str, n: int) -> str:
        words = {
            "conversations": self.tr("%n conversation(s)", "", n),
            "notes": self.tr("%n note(s)", "", n),
            "activities": self.tr("%n activity(ies)", "", n),
            "deals": self.tr("%n deal(s)", "", n),
            "files": self.tr("%n file(s)", "", n),
            "emails": self.tr("%n email(s)", "", n),
            "tasks": self.tr("%n task(s)", "", n),
            "list_memberships": self.tr("%n list membership(s)", "", n),
        }
        text = words.get(kind, f"{n} {kind.replace('_', ' ')}")
        # Untranslated (English) plurals: "(s)" becomes "s" or nothing, as the count says.
        return text.replace("(ies)", "y" if n == 1 else "ies").replace(
            "(s)", "" if n == 1 else "s")

    def text(self) -> str:
        """What the panel says, as plain text."""
        return self._notes.toPlainText()

    def warnings(self) -> list[str]:
        """The warning lines shown, as plain text."""
        caps = self._model.capabilities
        crm = caps.display_name if caps else ""
        preview = self._model.preview()
        shown = (self._unaccounted(n) for n in (preview.warnings if preview else ()))
        return [*self.dropped_lines(), *(self._line(n, crm) for n in shown if n)]

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
        preview = self._model.preview()
        warning = preview is not None and note in preview.warnings
        shown = self._unaccounted(note)
        if shown is None:
            return ""
        line = self._line(shown, crm)
        return self._warning(line) if warning else f"<li>{html.escape(line)}</li>"

    def _warning(self, line: str) -> str:
        ink = self.palette().color(QPalette.ColorRole.WindowText).name()
        return (f"<li><span style='color:{_WARNING}'>⚠</span> "
                f"<span style='color:{ink}'>{html.escape(line)}</span></li>")
