"""ChecksPanel: above the compare table, what stands between the group and a merge that
loses nothing, in plain language: fields to decide (owner, status, parent), safe
defaults chosen for the reviewer (opt-outs, consent, creation date) with their reason,
and the pre-flight findings with what to change. Shows; the model and flow act."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mergedesk.core.preflight import Finding, FindingKind
from mergedesk.ui.models import compare_text
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.models.safeguards import FlagKind, blockers, findings

_RED = "#d64545"  # the icon set's "failed" red: glyphs only, text keeps the palette's ink
_AMBER = compare_text.WARNING
_BLUE = "#2f7fd8"
_GREEN = "#2e9d52"


def _t(text: str) -> str:
    return QCoreApplication.translate("ChecksPanel", text)


def finding_text(finding: Finding, label: Callable[[str], str] = str) -> str:
    """A pre-flight finding as a sentence with what to change; kinds whose words the
    UI knows are translated, the others keep core's plain English. `label` names a
    field as the table does."""
    ids = ", ".join(f"#{r}" for r in finding.records)
    field = label(finding.field or "")
    if finding.kind == FindingKind.UNIQUE:
        return _t("{field}: the value chosen already belongs to {ids}, outside this group, "
                  "and the CRM keeps it unique. Choose another value, or add {ids} to the "
                  "group.").format(field=field, ids=ids)
    if finding.kind == FindingKind.PARENT and finding.field == "Account_Name":
        return _t("Zoho needs Reporting To and Account Name from the same record: take "
                  "both from one record.")
    if finding.kind == FindingKind.CONFLICT:  # a field MergeDesk cannot write
        return _t("{field}: the records differ and the CRM does not let MergeDesk write "
                  "it; the master keeps its own. Make the record with the right one the "
                  "master (M or W).").format(field=field)
    if finding.kind == FindingKind.LOCKED:
        return _t("{ids} cannot be merged now (locked or in an approval). Finish or cancel "
                  "that in the CRM, or split the record out of the group.").format(ids=ids)
    if finding.kind == FindingKind.CLOSED:
        return _t("{ids} is closed: only open deals can be merged. Reopen it in the CRM or "
                  "split it out of the group.").format(ids=ids)
    if finding.kind == FindingKind.CALL_CAP:
        return _t("This group takes several calls, one after the other; a failure half-way "
                  "leaves some records merged. Split the group if that matters.")
    if finding.kind == FindingKind.NO_SLOT:
        return _t("Some values have neither a field nor a note to go to; copy them by hand "
                  "before merging.")
    return finding.text()


class ChecksPanel(QWidget):
    def __init__(self, model: CompareModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        self._extra: tuple[Finding, ...] = ()
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.RichText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self._text)
        model.choices_changed.connect(self.refresh)
        self.refresh()

    def set_extra(self, found: Sequence[Finding]) -> None:
        """Findings of a check that read the CRM (unique values, permissions)."""
        self._extra = tuple(found)
        self.refresh()

    def blockers(self) -> list[Finding]:
        choices = self._model.choices
        return blockers(choices, self._extra) if choices is not None else []

    def lines(self) -> list[str]:
        """What the panel says, as plain lines (for tests and screen readers)."""
        return [line for _glyph, _colour, line, _stop in self._items()]

    def refresh(self) -> None:
        items = self._items()
        self.setVisible(bool(items))
        if not items:
            self._text.clear()
            return
        ink = self.palette().color(QPalette.ColorRole.WindowText).name()
        parts = []
        # What stops the group first, under its own heading; then what was checked.
        for heading, stops in ((_t("Before this group can be merged:"), True),
                               (_t("Checked before merging:"), False)):
            rows = "".join(
                f"<tr><td style='color:{colour}; padding-right:6px'>{glyph}</td>"
                f"<td style='color:{ink}'>{html.escape(line)}</td></tr>"
                for glyph, colour, line, stop in items if stop == stops)
            if rows:
                parts.append(f"<b>{html.escape(heading)}</b><table cellspacing='1'>{rows}</table>")
        self._text.setText("".join(parts))
        self._text.setAccessibleDescription("\n".join(item[2] for item in items))

    def _items(self) -> list[tuple[str, str, str, bool]]:
        """(glyph, colour, line, stops the group) per thing to show."""
        choices = self._model.choices
        if choices is None:
            return []
        items: list[tuple[str, str, str, bool]] = []
        for name, flag in self._model.flags_shown().items():
            field = choices.definition(name)
            if field is None:
                continue
            badge = compare_text.flag_badge(flag)
            line = f"{badge}: {compare_text.flag_reason(flag, field)}"
            if flag.kind == FlagKind.CONFLICT:
                items.append(("✔" if flag.decided else "⚠", _GREEN if flag.decided else _RED,
                              line, not flag.decided))
            else:
                items.append(("◆", _BLUE, line, False))
        flagged = self._model.flags_shown()
        for finding in findings(choices, self._extra):
            if finding.kind == FindingKind.CONFLICT and (finding.field in flagged
                                                         or finding.blocking):
                continue  # shown above as a flag, with the field's own words
            items.append(("✖" if finding.blocking else "⚠",
                          _RED if finding.blocking else _AMBER,
                          finding_text(finding, self._model.field_label),
                          finding.blocking))
        return items

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.refresh()
        super().changeEvent(event)
