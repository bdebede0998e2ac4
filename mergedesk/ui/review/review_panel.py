"""ReviewPanel: the right side of the window. A group's title and evidence, the compare
table, what the merge will do (preview notes), and the decisions: Merge group
(Ctrl+Enter), Not duplicates, Skip. It only shows and asks; the window acts."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mergedesk.ui import messages
from mergedesk.ui.icons import icon
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.models.group_list import GroupRow
from mergedesk.ui.models.status import GroupStatus
from mergedesk.ui.review.compare_view import CompareView

_BANNER_COLOURS = {"error": "214,69,69", "warning": "217,138,28", "success": "46,157,82",
                   "info": "47,127,216"}
_PLACEHOLDER, _TABLE = 0, 1


class ReviewPanel(QWidget):
    """Shows one group for review. Its actions are shared with the window's toolbar."""

    def __init__(self, model: CompareModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        self._row: GroupRow | None = None
        self._loaded = False
        self._frozen = False
        self._missing: tuple[str, ...] = ()
        self.merge_action = QAction(icon("merge"), "", self)
        self.merge_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.not_duplicates_action = QAction(icon("not-duplicates"), "", self)
        self.skip_action = QAction(icon("skip"), "", self)
        for action in (self.merge_action, self.not_duplicates_action, self.skip_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self._build()
        model.choices_changed.connect(self._on_model_choices_changed)
        model.modelReset.connect(self._on_model_choices_changed)
        self.retranslate()
        self.show_placeholder()

    @property
    def compare_view(self) -> CompareView:
        return self._view

    @property
    def group_row(self) -> GroupRow | None:
        return self._row

    @property
    def loaded(self) -> bool:
        """The compare table shows fresh records of the current group."""
        return self._loaded

    def _build(self) -> None:
        self._title = QLabel(self)
        font = QFont(self._title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._title.setFont(font)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._subtitle = QLabel(self)
        self._subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._banner = QLabel(self)
        self._banner.setWordWrap(True)
        self._banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._banner.hide()
        self._view = CompareView(self)
        self._view.setModel(self._model)
        self._placeholder = QLabel(self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._stack = QStackedWidget(self)
        # Holds the focus while the table is hidden, so that it does not fall to the
        # search box; the table gets it back once the next group is shown.
        self._stack.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self._view)
        self._notes = QLabel(self)
        self._notes.setWordWrap(True)
        self._notes.setTextFormat(Qt.TextFormat.RichText)
        self._notes.setFrameShape(QFrame.Shape.StyledPanel)
        self._notes.setAutoFillBackground(True)
        self._notes.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._notes.setMargin(8)
        self._notes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._merge_button = _button_for(self.merge_action, self, primary=True)
        self._not_dup_button = _button_for(self.not_duplicates_action, self)
        self._skip_button = _button_for(self.skip_action, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self._hint, 1)
        for button in (self._skip_button, self._not_dup_button, self._merge_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addWidget(self._banner)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self._notes)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.merge_action.setText(self.tr("&Merge group"))
        self.merge_action.setToolTip(self.tr("Merge the records into the master (Ctrl+Enter)"))
        self.not_duplicates_action.setText(self.tr("&Not duplicates"))
        self.not_duplicates_action.setToolTip(
            self.tr("Remember that these records are different; never suggest them again"))
        self.skip_action.setText(self.tr("S&kip"))
        self.skip_action.setToolTip(self.tr("Decide later"))
        self._hint.setText(self.tr(
            "Click a value or press 1–9 to keep it · M or a column header picks the master "
            "· Ctrl+Enter merges"))
        self._view.setAccessibleName(self.tr("Records side by side"))
        self._notes.setAccessibleName(self.tr("What the merge will do"))
        if self._row is not None:
            self._show_header(self._row)
        self._on_model_choices_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # What to show
    def show_placeholder(self, text: str | None = None) -> None:
        self._row, self._loaded, self._missing = None, False, ()
        self._title.setText(self.tr("No group selected"))
        self._subtitle.setText("")
        self._placeholder.setText(text or self.tr(
            "Select a group on the left to compare its records side by side."))
        self._show_page(_PLACEHOLDER)
        self.clear_banner()
        self._update_state()

    def show_loading(self, row: GroupRow) -> None:
        self._row, self._loaded, self._missing = row, False, ()
        self._show_header(row)
        self._placeholder.setText(self.tr("Reading the records from the CRM…"))
        self._show_page(_PLACEHOLDER)
        self.clear_banner()
        self._update_state()

    def show_group(self, row: GroupRow, missing: tuple[str, ...] = ()) -> None:
        """The model holds this group's fresh records; show the table."""
        self._row, self._loaded, self._missing = row, True, missing
        self._show_header(row)
        self._show_page(_TABLE)
        self._view.go_to_first_difference()
        if missing:
            self.set_banner(self.tr("No longer in the CRM: {ids}. They were left out.").format(
                ids=", ".join(f"#{r}" for r in missing)), "warning")
        self._update_state()
        self._on_model_choices_changed()

    def show_error(self, text: str) -> None:
        self._loaded = False
        self._placeholder.setText(text)
        self._show_page(_PLACEHOLDER)
        self.set_banner(text, "error")
        self._update_state()

    def set_status(self, row: GroupRow) -> None:
        """The group's status changed (merge finished, decision taken)."""
        if self._row is not None and row.group.id == self._row.group.id:
            self._row = row
            self._show_header(row)
            self._update_state()

    def set_frozen(self, frozen: bool) -> None:
        """Hold every decision (while a scan replaces the groups under our feet)."""
        self._frozen = frozen
        self._update_state()

    def set_banner(self, text: str, kind: str = "info") -> None:
        rgb = _BANNER_COLOURS.get(kind, _BANNER_COLOURS["info"])
        self._banner.setStyleSheet(
            f"QLabel {{ background: rgba({rgb},0.14); border: 1px solid rgba({rgb},0.55);"
            " border-radius: 4px; padding: 6px; }")
        self._banner.setText(text)
        self._banner.show()

    def clear_banner(self) -> None:
        self._banner.hide()
        self._banner.clear()

    # Internals
    def _show_page(self, page: int) -> None:
        if page == _PLACEHOLDER and self._view.hasFocus():
            self._stack.setFocus()
        refocus = page == _TABLE and self._stack.hasFocus()
        self._stack.setCurrentIndex(page)
        if refocus:
            self._view.setFocus()

    def _show_header(self, row: GroupRow) -> None:
        self._title.setText(" / ".join(row.names[:3]) or self.tr("Group {id}").format(
            id=row.group.id))
        fields = _strongest_fields(row)
        parts = [
            self.tr("Group {id}").format(id=row.group.id),
            self.tr("{score} match").format(score=f"{row.group.score:.0%}"),
            self.tr("{count} records").format(count=len(row.group.records)),
        ]
        if fields:
            parts.append(self.tr("matched on {fields}").format(fields=", ".join(fields)))
        parts.append(messages.status_label(row.status))
        self._subtitle.setText(" · ".join(parts))

    def _update_state(self) -> None:
        status = self._row.status if self._row else None
        decidable = not self._frozen and status is not None and status not in (
            GroupStatus.MERGED, GroupStatus.MERGING, GroupStatus.UNKNOWN)
        self.merge_action.setEnabled(self._loaded and decidable)
        self.not_duplicates_action.setEnabled(decidable)
        self.skip_action.setEnabled(decidable)
        self._notes.setVisible(self._loaded)

    def _on_model_choices_changed(self) -> None:
        caps = self._model.capabilities
        if not self._loaded or caps is None:
            self._notes.clear()
            return
        crm = caps.display_name
        lines = [messages.note_text(n, crm, self._model.field_label, _record_label)
                 for n in self._model.notes()]
        heading = html.escape(self.tr("What the merge will do in {crm}:").format(crm=crm))
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        self._notes.setText(f"<b>{heading}</b><ul style='margin:2px 0 0 -18px'>{items}</ul>")


def _strongest_fields(row: GroupRow, limit: int = 4) -> list[str]:
    """The fields that matched best across the group's pairs, strongest first."""
    best: dict[str, float] = {}
    for evidence in row.group.evidence:
        best[evidence.field] = max(best.get(evidence.field, 0.0), evidence.score)
    ranked = sorted(best, key=lambda f: (-best[f], f))
    return [f.replace("_", " ") for f in ranked[:limit]]


def _record_label(record_id: str) -> str:
    return f"#{record_id}"


def _button_for(action: QAction, parent: QWidget, *, primary: bool = False) -> QPushButton:
    """A push button that mirrors an action (text, icon, enabled) and triggers it."""
    button = QPushButton(parent)
    button.setAutoDefault(False)
    button.setDefault(primary)
    if primary:
        font = QFont(button.font())
        font.setBold(True)
        button.setFont(font)

    def sync() -> None:
        button.setText(action.text())
        button.setIcon(action.icon())
        button.setToolTip(action.toolTip())
        button.setEnabled(action.isEnabled())

    action.changed.connect(sync)
    button.clicked.connect(action.trigger)
    sync()
    return button
