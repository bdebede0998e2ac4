"""MainWindow: the review desk. Group list on the left, the selected group side by side
on the right, merge outcomes below. It composes the panels and runs the services on the
qasync loop through one TaskRunner; merges run in the background while review goes on."""

from __future__ import annotations

import asyncio
from datetime import datetime

import qasync
from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QToolBar, QWidget

from mergedesk.core.models import MergeOutcome, MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan, PlanError
from mergedesk.providers import errors
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import ScanService
from mergedesk.services.workspace import Workspace
from mergedesk.ui import messages
from mergedesk.ui.connection import Connection
from mergedesk.ui.icons import icon
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.models.group_list import GroupListModel, GroupRow, group_rows
from mergedesk.ui.models.outcomes import OutcomeEntry, OutcomeLogModel
from mergedesk.ui.models.status import GroupStatus
from mergedesk.ui.review.group_panel import GroupListPanel
from mergedesk.ui.review.loader import GroupLoader
from mergedesk.ui.review.outcome_log import OutcomeLogView
from mergedesk.ui.review.review_panel import ReviewPanel
from mergedesk.ui.review.status_bar import ReviewStatusBar
from mergedesk.ui.tasks import TaskRunner

_BANNER_KIND = {GroupStatus.MERGED: "success", GroupStatus.FAILED: "error",
                GroupStatus.STALE: "warning", GroupStatus.UNKNOWN: "warning"}


class MainWindow(QMainWindow):
    groups_loaded = Signal(int)  # the group list was filled (after a scan or from the store)
    group_shown = Signal(str)  # the compare view shows fresh records of this group
    merge_finished = Signal(str, object)  # group id, MergeOutcome

    def __init__(self, workspace: Workspace, scan_service: ScanService,
                 apply_service: ApplyService, settings: QSettings,
                 tasks: TaskRunner | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._workspace = workspace
        self._scan_service = scan_service
        self._apply_service = apply_service
        self._settings = settings
        self.tasks = tasks or TaskRunner(self)
        self._connection: Connection | None = None
        self._loader: GroupLoader | None = None
        self._load_task: asyncio.Task[None] | None = None
        self._last_outcome: dict[str, OutcomeEntry] = {}
        self.groups = GroupListModel(self)
        self.compare = CompareModel(self)
        self.outcomes = OutcomeLogModel(self)
        self._build()
        self._connect_signals()
        self.retranslate()
        self._restore_settings()
        self._update_actions()

    # Building
    def _build(self) -> None:
        self.setWindowIcon(icon("mergedesk"))
        self.group_panel = GroupListPanel(self.groups, self)
        self.review_panel = ReviewPanel(self.compare, self)
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.addWidget(self.group_panel)
        self._splitter.addWidget(self.review_panel)
        self._splitter.setStretchFactor(0, 2)
        self._splitter.setStretchFactor(1, 3)
        self._splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self._splitter)
        self.outcome_view = OutcomeLogView(self)
        self.outcome_view.setModel(self.outcomes)
        self._dock = QDockWidget(self)
        self._dock.setObjectName("outcomes")
        self._dock.setWidget(self.outcome_view)
        self._dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                               | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self._dock)
        self.status_bar = ReviewStatusBar(self)
        self.setStatusBar(self.status_bar)
        self.scan_action = QAction(icon("scan"), "", self)
        self.scan_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self._quit_action = QAction(self)
        self._quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self._build_menus()

    def _build_menus(self) -> None:
        panel = self.review_panel
        self._toolbar = QToolBar(self)
        self._toolbar.setObjectName("main")
        self._toolbar.setMovable(False)
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._toolbar.addAction(self.scan_action)
        self._toolbar.addSeparator()
        for action in (panel.merge_action, panel.not_duplicates_action, panel.skip_action):
            self._toolbar.addAction(action)
        self.addToolBar(self._toolbar)
        menus = self.menuBar()
        self._file_menu = menus.addMenu("")
        self._file_menu.addAction(self.scan_action)
        self._file_menu.addSeparator()
        self._file_menu.addAction(self._quit_action)
        self._review_menu = menus.addMenu("")
        for action in (panel.merge_action, panel.not_duplicates_action, panel.skip_action):
            self._review_menu.addAction(action)
        self._view_menu = menus.addMenu("")
        self._view_menu.addAction(self._dock.toggleViewAction())

    def _connect_signals(self) -> None:
        self.scan_action.triggered.connect(self._on_scan_action_triggered)
        self._quit_action.triggered.connect(self.close)
        self.review_panel.merge_action.triggered.connect(self._on_merge_action_triggered)
        self.review_panel.not_duplicates_action.triggered.connect(
            self._on_not_duplicates_action_triggered)
        self.review_panel.skip_action.triggered.connect(self._on_skip_action_triggered)
        self.group_panel.group_selected.connect(self._on_group_panel_group_selected)
        self.tasks.failed.connect(self._on_tasks_failed)
        self.tasks.finished.connect(self._on_tasks_finished)
        for signal in (self.groups.modelReset, self.groups.dataChanged):
            signal.connect(self._update_counts)

    def retranslate(self) -> None:
        self.scan_action.setText(self.tr("&Scan for duplicates"))
        self.scan_action.setToolTip(self.tr("Read every record again and find duplicate "
                                            "groups (F5)"))
        self._quit_action.setText(self.tr("&Quit"))
        self._file_menu.setTitle(self.tr("&File"))
        self._review_menu.setTitle(self.tr("&Review"))
        self._view_menu.setTitle(self.tr("&View"))
        self._dock.setWindowTitle(self.tr("Merge outcomes"))
        self._toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.outcome_view.setAccessibleName(self.tr("Merge outcomes"))
        self.outcome_view.placeholder = self.tr(
            "Merges run in the background; their outcomes and the CRM's messages appear here.")
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Connection and groups
    @property
    def connection(self) -> Connection | None:
        return self._connection

    def set_connection(self, connection: Connection) -> None:
        self._connection = connection
        self._loader = GroupLoader(connection.provider, connection.entity)
        self.status_bar.set_connection(connection.label or connection.crm)
        self._update_title()
        self._update_actions()

    def start_scan(self) -> None:
        if self._connection is not None and not self.tasks.running("scan"):
            self.tasks.start("scan", self._scan())
            self._update_actions()

    def show_stored_groups(self) -> int:
        """Fill the list from the last scan in the store; select the first group."""
        if self._connection is None:
            return 0
        key = self._connection.key
        records = {r.id: r for r in self._workspace.cache.records(key)}
        rows = group_rows(self._workspace.groups.groups(key), records)
        self.groups.set_groups(rows)
        if not rows:
            self.review_panel.show_placeholder(self.tr(
                "No duplicates found. Scan again after the CRM's data changed."))
        self.group_panel.select_first()
        self.groups_loaded.emit(len(rows))
        return len(rows)

    async def _scan(self) -> None:
        connection = self._connection
        assert connection is not None
        self.status_bar.show_progress(self.tr("Reading records…"), 0, None)
        try:
            result = await self._scan_service.scan(
                connection.provider, connection.base_url, connection.entity,
                progress=self._on_scan_progress)
        finally:
            self.status_bar.hide_progress()
        self.status_bar.showMessage(self.tr("{records} records read, {groups} groups found")
                                    .format(records=result.records, groups=len(result.groups)),
                                    8000)
        self._last_outcome.clear()  # ids belong to the new groups now
        for note in result.notes:  # the matching engine's own words, e.g. no usable field
            self._log("", GroupStatus.OPEN, self.tr("Scan: {note}").format(note=note))
        self.show_stored_groups()

    def _on_scan_progress(self, phase: str, done: int, total: int | None) -> None:
        self.status_bar.show_progress(self.tr("Reading records: %v of %m"), done, total)

    # Selecting a group
    def _on_group_panel_group_selected(self, group_id: str) -> None:
        if self._load_task is not None and not self._load_task.done():
            self._load_task.cancel()
        row = self.groups.group_row(group_id) if group_id else None
        if row is None or self._loader is None:
            self.compare.clear()
            self.review_panel.show_placeholder()
            return
        self.review_panel.show_loading(row)
        self._load_task = self.tasks.start("load", self._load(row))

    async def _load(self, row: GroupRow) -> None:
        assert self._loader is not None and self._connection is not None
        loaded = await self._loader.load(row.group)
        current = self.groups.group_row(row.group.id) or row
        if len(loaded.records) < 2:
            self.compare.clear()
            self.review_panel.show_error(self.tr(
                "Fewer than two records of this group are left in {crm}: nothing to merge."
            ).format(crm=self._connection.crm))
            return
        self.compare.set_group(row.group.id, loaded.records, loaded.fields,
                               self._connection.provider.capabilities)
        self.review_panel.show_group(current, loaded.missing)
        self._show_last_outcome(current)
        self.group_shown.emit(row.group.id)

    def _show_last_outcome(self, row: GroupRow) -> None:
        entry = self._last_outcome.get(row.group.id)
        if row.status == GroupStatus.MERGING:
            self.review_panel.set_banner(self.tr(
                "This group is being merged in the background."), "info")
        elif entry is not None and entry.status in _BANNER_KIND:
            self.review_panel.set_banner(entry.text, _BANNER_KIND[entry.status])

    # Decisions
    def _on_merge_action_triggered(self) -> None:
        row = self.review_panel.group_row
        if (row is None or self._connection is None or not self.review_panel.loaded
                or self.compare.group_id != row.group.id):
            return
        current = self.groups.group_row(row.group.id) or row
        if not current.status.can_submit:
            return
        merge = self.compare.to_group_merge(row.group.id)
        self._set_status(row.group.id, GroupStatus.MERGING)
        self.tasks.start(f"merge:{row.group.id}", self._merge(merge))
        self._update_actions()
        if not self.group_panel.select_next_to_review(row.group.id):
            self._show_last_outcome(self.groups.group_row(row.group.id) or row)

    async def _merge(self, merge: GroupMerge) -> None:
        connection = self._connection
        assert connection is not None
        plan = MergePlan(provider=connection.provider.capabilities.provider,
                         entity=connection.entity, merges=(merge,))
        try:
            ctx = await self._apply_service.prepare(connection.provider,
                                                    connection.base_url, plan)
            outcome = await self._apply_service.apply_one(ctx, merge)
            text = messages.outcome_text(outcome)
        except (PlanError, errors.ProviderError) as exc:
            outcome = MergeOutcome(group=merge.group, status=MergeStatus.FAILED,
                                   master=merge.master, message=str(exc))
            text = messages.error_text(exc)
        self._finish_merge(merge.group, outcome, text)

    def _finish_merge(self, group_id: str, outcome: MergeOutcome, text: str) -> None:
        status = GroupStatus.from_outcome(outcome.status)
        self._set_status(group_id, status)
        self._log(group_id, status, text)
        if self.review_panel.group_row and self.review_panel.group_row.group.id == group_id:
            self.review_panel.set_banner(text, _BANNER_KIND.get(status, "info"))
        self.merge_finished.emit(group_id, outcome)

    def _on_not_duplicates_action_triggered(self) -> None:
        row = self.review_panel.group_row
        if row is None or self._connection is None:
            return
        self._workspace.groups.mark_not_duplicates(self._connection.key, row.group.records)
        self._set_status(row.group.id, GroupStatus.NOT_DUPLICATES)
        self._log(row.group.id, GroupStatus.NOT_DUPLICATES,
                  self.tr("Marked as not duplicates; never suggested again"))
        self.group_panel.select_next_to_review(row.group.id)

    def _on_skip_action_triggered(self) -> None:
        row = self.review_panel.group_row
        if row is None:
            return
        self._set_status(row.group.id, GroupStatus.SKIPPED)
        self.group_panel.select_next_to_review(row.group.id)

    def _set_status(self, group_id: str, status: GroupStatus) -> None:
        self.groups.set_status(group_id, status)
        if status.persisted and self._connection is not None:
            self._workspace.groups.set_status(self._connection.key, group_id, status)
        row = self.groups.group_row(group_id)
        if row is not None:
            self.review_panel.set_status(row)

    def _log(self, group_id: str, status: GroupStatus, text: str) -> None:
        row = self.groups.group_row(group_id) if group_id else None
        title = " / ".join(row.names[:2]) if row else ""
        entry = OutcomeEntry(datetime.now(), group_id, status, text, title)
        if group_id:
            self._last_outcome[group_id] = entry
        self.outcomes.add(entry)

    # Scan and failures
    def _on_scan_action_triggered(self) -> None:
        self.start_scan()

    def _on_tasks_failed(self, name: str, exc: object) -> None:
        text = messages.error_text(exc) if isinstance(exc, BaseException) else str(exc)
        if name == "load":
            self.review_panel.show_error(self.tr("Could not read this group: {error}").format(
                error=text))
        elif name.startswith("merge:"):
            group_id = name.removeprefix("merge:")
            self._set_status(group_id, GroupStatus.FAILED)
            self._log(group_id, GroupStatus.FAILED, text)
        else:
            self._log("", GroupStatus.FAILED, text)
            self.status_bar.showMessage(text, 15000)
            if self.groups.rowCount() == 0:
                self.review_panel.show_placeholder(text)

    def _on_tasks_finished(self, name: str) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        # A scan renumbers the groups, so merges and scans never overlap: a late outcome
        # would otherwise land on another group that took the same id.
        merging = any(n.startswith("merge:") for n in self.tasks.names())
        scanning = self.tasks.running("scan")
        self.scan_action.setEnabled(self._connection is not None and not merging
                                    and not scanning)
        self.review_panel.set_frozen(scanning)

    def _update_counts(self) -> None:
        self.status_bar.set_counts(self.groups.status_counts())

    def _update_title(self) -> None:
        if self._connection is None:
            self.setWindowTitle(self.tr("MergeDesk"))
        else:
            self.setWindowTitle(self.tr("MergeDesk — {connection}").format(
                connection=self._connection.label or self._connection.crm))

    # Settings and closing
    def _restore_settings(self) -> None:
        geometry = self._settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._default_geometry()
        for key, restore in (("main_window/state", self.restoreState),
                             ("main_window/splitter", self._splitter.restoreState)):
            value = self._settings.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)

    def _default_geometry(self) -> None:
        screen = self.screen().availableGeometry()
        width, height = min(1440, screen.width()), min(900, screen.height())
        self.resize(width, height)
        self._splitter.setSizes([width * 2 // 5, width * 3 // 5])
        self.resizeDocks([self._dock], [height // 8], Qt.Orientation.Vertical)

    def _save_settings(self) -> None:
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.setValue("main_window/state", self.saveState())
        self._settings.setValue("main_window/splitter", self._splitter.saveState())
        self._settings.sync()

    @qasync.asyncClose
    async def closeEvent(self, event: QCloseEvent) -> None:
        # Merges in flight are cancelled: the journal keeps them `running`, and the next
        # run reconciles them by reading the CRM instead of sending them again.
        self._save_settings()
        await self.tasks.cancel_all()
        event.accept()
