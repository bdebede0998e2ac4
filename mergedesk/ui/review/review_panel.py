"""ReviewPanel: the right side of the window. A group's title, score and why its master
is the master; the checks that stand before the merge (fields to decide, safe defaults,
pre-flight findings); the compare table with the merged preview; below it what the
merge will do and move, the files and the why-matched evidence; the decision buttons.
It shows, and keeps the view's own settings (differences only, how long texts join)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mergedesk.core.master import MasterRule
from mergedesk.core.models import DuplicateGroup
from mergedesk.core.preflight import FindingKind
from mergedesk.core.review import GroupStatus
from mergedesk.store.group_query import GroupListing
from mergedesk.ui import messages
from mergedesk.ui.locale_format import percent
from mergedesk.ui.models.attachments import AttachmentModel
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.models.compare_text import rule_label
from mergedesk.ui.models.display import group_title
from mergedesk.ui.models.evidence import EvidenceModel
from mergedesk.ui.review.actions import ReviewActions
from mergedesk.ui.review.attachments_panel import AttachmentsPanel
from mergedesk.ui.review.checks_panel import ChecksPanel
from mergedesk.ui.review.compare_options import CompareOptions, TemplateSource
from mergedesk.ui.review.compare_view import CompareView
from mergedesk.ui.review.merge_notes import MergeNotesPanel

_BANNER_COLOURS = {"error": "214,69,69", "warning": "217,138,28", "success": "46,157,82",
                   "info": "47,127,216"}
_PLACEHOLDER, _TABLE = 0, 1
NOTES_TAB, FILES_TAB, EVIDENCE_TAB = range(3)
GREY_AFTER_MS = 150  # a group read slower than this greys the previous one out
class ReviewPanel(QWidget):
    rule_changed = Signal(object)  # MasterRule chosen for default masters

    def __init__(self, model: CompareModel, actions: ReviewActions | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        self.actions = actions or ReviewActions(self)
        self.attachments = AttachmentModel(model, self)
        self.evidence = EvidenceModel(self)
        self._listing: GroupListing | None = None
        self._status = GroupStatus.OPEN
        self._loaded = False
        self._grey = QTimer(self, singleShot=True, interval=GREY_AFTER_MS)
        self._grey.timeout.connect(self._on_grey_timeout)
        self._build()
        model.choices_changed.connect(self._on_model_choices_changed)
        self.actions.swap_master.triggered.connect(self.swap_master)
        self.retranslate()
        self.show_placeholder()

    # Compatibility with the window's callers and the self-test
    @property
    def compare_view(self) -> CompareView:
        return self._view

    @property
    def merge_action(self) -> QAction:
        return self.actions.merge

    @property
    def not_duplicates_action(self) -> QAction:
        return self.actions.not_duplicates

    @property
    def skip_action(self) -> QAction:
        return self.actions.skip

    @property
    def loaded(self) -> bool:
        """The compare table shows fresh records of the current group."""
        return self._loaded

    @property
    def listing(self) -> GroupListing | None:
        return self._listing

    @property
    def group_id(self) -> str:
        return self._listing.id if self._listing else ""

    def _build(self) -> None:
        self._title = QLabel(self)
        font = QFont(self._title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._title.setFont(font)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._subtitle = QLabel(self)
        self._subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._master = QLabel(self)
        # Long lines wrap instead of widening the panel: their full width would be the
        # panel's minimum and squeeze the group list (German, long ids, many reasons).
        self._subtitle.setWordWrap(True)
        self._master.setWordWrap(True)
        self._rule_label = QLabel(self)
        self.rule = QComboBox(self)
        _narrow(self.rule)
        for rule in MasterRule:
            self.rule.addItem("", rule)
        self.rule.currentIndexChanged.connect(
            lambda i: self.rule_changed.emit(self.rule.itemData(i)))
        self._rule_label.setBuddy(self.rule)
        master_row = QHBoxLayout()
        master_row.addWidget(self._master, 1)
        master_row.addWidget(self._rule_label)
        master_row.addWidget(self.rule)
        self.checks = ChecksPanel(self._model, self)
        self._banner = QLabel(self)
        self._banner.setWordWrap(True)
        self._banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._banner.hide()
        self._view = CompareView(self)
        self._view.setModel(self._model)
        self.options = CompareOptions(self._model, self._view, self.actions,
                                      lambda: self._loaded, self)
        master_row.insertWidget(1, self.options.templates_label)
        master_row.insertWidget(2, self.options.templates)
        _narrow(self.options.templates)
        self._model.value_rejected.connect(self._on_model_value_rejected)
        self.notes = MergeNotesPanel(self._model, self.actions.dry_run, self)
        self.files = AttachmentsPanel(self.attachments, self)
        self._evidence_view = QTableView(self)
        self._evidence_view.setModel(self.evidence)
        self._evidence_view.verticalHeader().hide()
        self._evidence_view.setShowGrid(False)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.notes, "")
        self.tabs.addTab(self.files, "")
        self.tabs.addTab(self._evidence_view, "")
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("review_splitter")
        self.splitter.addWidget(self._view)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self._placeholder = QLabel(self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._stack = QStackedWidget(self)
        # Holds the focus while the table is hidden, so that it does not fall to the
        # search box; the table gets it back once the next group is shown.
        self._stack.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self.splitter)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for action in (self.actions.split, self.actions.skip, self.actions.not_duplicates,
                       self.actions.merge):
            buttons.addWidget(_button_for(action, self, primary=action is self.actions.merge))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addLayout(master_row)
        layout.addWidget(self.checks)
        layout.addWidget(self._banner)
        layout.addWidget(self.options.join_row)
        layout.addWidget(self._stack, 1)
        # The hint gets a row of its own: beside the buttons it wrapped to six lines in
        # German and French.
        layout.addWidget(self._hint)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self._hint.setText(self.tr(
            "1–9 keep a value · Space ticks · E types · M/W master · Ctrl+Enter merges · "
            "F1 keys"))
        self.options.retranslate()
        self._view.setAccessibleName(self.tr("Records side by side"))
        self._rule_label.setText(self.tr("&Default master:"))
        self.rule.setAccessibleName(self.tr("Rule for the default master"))
        for index in range(self.rule.count()):
            self.rule.setItemText(index, rule_label(self.rule.itemData(index)))
        self._evidence_view.setAccessibleName(self.tr("Why the records were matched"))
        self.tabs.setTabText(NOTES_TAB, self.tr("What the merge does"))
        self.tabs.setTabText(EVIDENCE_TAB, self.tr("Why matched"))
        self._update_files_tab()
        if self._listing is not None:
            self._show_header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # What to show
    def show_placeholder(self, text: str | None = None) -> None:
        self._listing, self._loaded = None, False
        self._view.setEnabled(True)
        self._title.setText(self.tr("No group selected"))
        self._subtitle.setText("")
        self._master.setText("")
        self._placeholder.setText(text or self.tr(
            "Select a group on the left to compare its records side by side."))
        self._show_page(_PLACEHOLDER)
        self.evidence.set_group(None)
        self.clear_banner()

    def show_loading(self, listing: GroupListing, status: GroupStatus) -> None:
        """The group's fresh records are being read. A table on screen stays (greyed),
        so that moving from group to group does not flash an empty page."""
        self._listing, self._status, self._loaded = listing, status, False
        self._show_header()
        self._master.setText(self.tr("Reading the records from the CRM…"))
        if self._stack.currentIndex() == _TABLE:
            self._grey.start()  # only if the CRM takes a while: no flicker on fast reads
        else:
            self._placeholder.setText(self.tr("Reading the records from the CRM…"))
        self.clear_banner()

    def _on_grey_timeout(self) -> None:
        if not self._loaded and self._stack.currentIndex() == _TABLE:
            if self._view.hasFocus():
                self._stack.setFocus()  # a disabled table would hand the focus on
            self._view.setEnabled(False)

    def show_group(self, listing: GroupListing, group: DuplicateGroup, status: GroupStatus,
                   missing: tuple[str, ...] = ()) -> None:
        """The model holds this group's fresh records; show the table."""
        self._listing, self._status, self._loaded = listing, status, True
        self._grey.stop()
        self.evidence.set_group(group)
        self._show_header()
        self._view.setEnabled(True)
        self._show_page(_TABLE)
        self.options.group_shown()
        self._view.go_to_first_difference()
        if missing:
            self.set_banner(self.tr("No longer in the CRM: {ids}. They were left out.").format(
                ids=", ".join(f"#{r}" for r in missing)), "warning")
        self._on_model_choices_changed()

    def show_error(self, text: str) -> None:
        self._loaded = False
        self._view.setEnabled(True)
        self._placeholder.setText(text)
        self._show_page(_PLACEHOLDER)
        self.set_banner(text, "error")

    def set_status(self, status: GroupStatus) -> None:
        self._status = status
        if self._listing is not None:
            self._show_header()

    def set_banner(self, text: str, kind: str = "info") -> None:
        rgb = _BANNER_COLOURS.get(kind, _BANNER_COLOURS["info"])
        self._banner.setStyleSheet(
            f"QLabel {{ background: rgba({rgb},0.14); border: 1px solid rgba({rgb},0.55);"
            " border-radius: 4px; padding: 6px; }")
        self._banner.setText(text)
        self._banner.show()

    def banner_text(self) -> str:
        return self._banner.text() if self._banner.isVisible() else ""

    def clear_banner(self) -> None:
        self._banner.hide()
        self._banner.clear()

    def show_tab(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)

    # Checks before merging
    def confirm_merge(self) -> bool:
        """Whether the group may be submitted now. If not (a conflict to decide, a
        refusal pre-flight foresees), say what to change and put the cursor on the
        first field to decide: one-key submission waits for the reviewer."""
        blockers = self.checks.blockers()
        if not blockers:
            return True
        undecided = [f.field for f in blockers
                     if f.kind == FindingKind.CONFLICT and f.field]
        rows = [r for f in blockers if f.field and (r := self._model.row_of(f.field)) >= 0]
        if rows:
            row = rows[0]
            self._view.setRowHidden(row, False)
            self._view.setCurrentIndex(self._model.index(row, 0))
            self._view.setFocus()
        names = ", ".join(dict.fromkeys(self._model.field_label(f) for f in undecided))
        text = (self.tr("Not merged yet: decide {fields} first (1–9 on the row keeps a "
                        "record's value).").format(fields=names) if names else
                self.tr("Not merged: pre-flight says the CRM would refuse this group. "
                        "See the checks above for what to change."))
        self.set_banner(text, "warning")
        return False

    def swap_master(self) -> bool:
        """The next record of the group becomes the master (with two records: the other)."""
        ids = self._model.record_ids
        if not self._loaded or len(ids) < 2:
            return False
        following = ids[(ids.index(self._model.master) + 1) % len(ids)]
        return self._model.set_master(following)

    # Options of the compare view (main window wiring)
    def set_settings(self, settings: QSettings) -> None:
        self.options.set_settings(settings)

    def set_templates(self, source: TemplateSource) -> None:
        self.options.set_templates(source)

    # Internals
    def _show_page(self, page: int) -> None:
        if page == _PLACEHOLDER and self._view.hasFocus():
            self._stack.setFocus()
        refocus = page == _TABLE and self._stack.hasFocus()
        self._stack.setCurrentIndex(page)
        if refocus:
            self._view.setFocus()

    def _show_header(self) -> None:
        listing = self._listing
        assert listing is not None
        names = listing.title.split(" · ")[0] if listing.title else ""
        if self._loaded and self._model.group_id == listing.id:
            names = group_title(self._model.records).split(" · ")[0] or names
        self._title.setText(names or self.tr("Group {id}").format(id=listing.id))
        parts = [
            self.tr("Group {id}").format(id=listing.id),
            self.tr("{score} match").format(score=percent(listing.score)),
            self.tr("Records: {count}").format(count=listing.size),
        ]
        fields = self.evidence.strongest() if self._loaded else []
        if fields:
            parts.append(self.tr("matched on {fields}").format(fields=", ".join(fields)))
        parts.append(messages.status_label(self._status))
        self._subtitle.setText(" · ".join(parts))

    def _update_files_tab(self) -> None:
        count = self.attachments.rowCount()
        kept = self.attachments.kept_count()
        text = (self.tr("Files ({kept} of {count} kept)").format(kept=kept, count=count)
                if count else self.tr("Files"))
        self.tabs.setTabText(FILES_TAB, text)

    def _on_model_choices_changed(self) -> None:
        self._master.setText(self._model.master_reason() if self._loaded else "")
        self._update_files_tab()
        self.actions.swap_master.setEnabled(self._loaded and len(self._model.record_ids) > 1)

    def _on_model_value_rejected(self, field: str, typed: str) -> None:
        self.set_banner(self.tr("“{text}” is not a value {field} can hold.").format(
            text=typed, field=field), "warning")


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


def _narrow(combo: QComboBox) -> None:
    """A combo box as wide as its longest item only when there is room: a long template
    name would otherwise set the panel's minimum width."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
