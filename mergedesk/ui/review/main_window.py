"""MainWindow: the review desk. The group list on the left, the selected group side by
side on the right, the merge queue and the history in docks. It composes the panels,
runs the services on the qasync loop through one TaskRunner, and saves its layout."""

from __future__ import annotations

import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QToolBar,
    QToolButton,
    QWidget,
)

from mergedesk.core.review import GroupStatus
from mergedesk.services.apply import ApplyService
from mergedesk.services.history import HistoryService
from mergedesk.services.restore import RestoreService
from mergedesk.services.rule_templates import TemplateStore
from mergedesk.services.scan import ScanService
from mergedesk.services.workspace import Workspace
from mergedesk.ui import messages
from mergedesk.ui.connection import Connection
from mergedesk.ui.dialogs.awaitable import inform
from mergedesk.ui.dialogs.cheat_sheet import CheatSheetDialog
from mergedesk.ui.icons import icon
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.models.group_list import GroupListModel
from mergedesk.ui.models.queue import QueueItem, QueueState
from mergedesk.ui.refcount import keep_none_alive
from mergedesk.ui.responsiveness import IdleCollector
from mergedesk.ui.review import window_settings
from mergedesk.ui.review.actions import ReviewActions, ReviewMenus
from mergedesk.ui.review.connections import ConnectionManager
from mergedesk.ui.review.decisions import DecisionController
from mergedesk.ui.review.group_panel import GroupListPanel
from mergedesk.ui.review.history_dock import HistoryPanel
from mergedesk.ui.review.merge_queue import MergeQueue
from mergedesk.ui.review.preflight_runner import PreflightRunner
from mergedesk.ui.review.queue_dock import QueuePanel
from mergedesk.ui.review.review_flow import ReviewFlow
from mergedesk.ui.review.review_panel import EVIDENCE_TAB, FILES_TAB, NOTES_TAB, ReviewPanel
from mergedesk.ui.review.scanning import Scanner
from mergedesk.ui.review.startup_recovery import StartupRecovery
from mergedesk.ui.review.status_bar import ReviewStatusBar
from mergedesk.ui.review.team_claims import GroupClaims
from mergedesk.ui.review.titles import fill_titles
from mergedesk.ui.tasks import TaskRunner
from mergedesk.ui.warmup import warm_up


class MainWindow(QMainWindow):
    groups_loaded = Signal(int)  # the group list was filled (after a scan or from the store)
    group_shown = Signal(str)  # the compare view shows fresh records of this group
    merge_finished = Signal(str, object)  # group id, MergeOutcome

    def __init__(self, workspace: Workspace, scan_service: ScanService,
                 apply_service: ApplyService, settings: QSettings,
                 tasks: TaskRunner | None = None, parent: QWidget | None = None, *,
                 history: HistoryService | None = None, restore: RestoreService | None = None,
                 demo: bool = False, tune_now: bool = True):
        """`demo`: the workspace is the demo's throwaway folder (saved connections then
        open at the next start, never into the demo's journal). `tune_now=False`: the
        caller runs tune_responsiveness() itself once the window has painted (app.py)."""
        super().__init__(parent)
        keep_none_alive()  # before any model is painted (see ui.refcount)
        self._first_dock_height = 0  # set on a first run, applied when first shown
        self._workspace = workspace
        self._settings = settings
        self.tasks = tasks or TaskRunner(self)
        self._connection: Connection | None = None
        self.groups = GroupListModel(self)
        self.compare = CompareModel(self)
        self.actions = ReviewActions(self)
        self.queue = MergeQueue(apply_service, self.tasks,
                                window_settings.hold_seconds(settings), self)
        self.claims = GroupClaims(workspace, self.tasks, self)
        self.decisions = DecisionController(workspace, self.groups, self.compare, self.queue,
                                            self, claims=self.claims)
        self.connections = ConnectionManager(settings, self.tasks, self, demo)
        self._build(history or HistoryService(workspace), restore or RestoreService(workspace))
        self.flow = ReviewFlow(workspace, self.group_panel, self.review_panel, self.compare,
                               self.decisions, self.actions, self.tasks, self,
                               claims=self.claims)
        self.flow.rule = window_settings.master_rule(settings)
        self.preflight = PreflightRunner(apply_service.preflight, self.compare,
                                         self.review_panel.checks, self.tasks, self)
        self.review_panel.set_templates(TemplateStore())
        self.review_panel.rule.setCurrentIndex(self.review_panel.rule.findData(self.flow.rule))
        self.scanner = Scanner(scan_service, self.status_bar, self.tasks, self)
        self._connect_signals()
        self.startup_recovery = StartupRecovery(self, workspace)
        self.retranslate()
        if tune_now:
            self.tune_responsiveness()
        if not window_settings.restore(settings, self._layout()):
            self._default_geometry()
        self._update_actions()

    # Building
    def _build(self, history: HistoryService, restore: RestoreService) -> None:
        self.setWindowIcon(icon("mergedesk"))
        self.group_panel = GroupListPanel(self.groups, self.tasks, self)
        self.review_panel = ReviewPanel(self.compare, self.actions, self)
        self.review_panel.set_settings(self._settings)
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.addWidget(self.group_panel)
        self._splitter.addWidget(self.review_panel)
        self._splitter.setStretchFactor(0, 2)
        self._splitter.setStretchFactor(1, 3)
        self._splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self._splitter)
        self.queue_panel = QueuePanel(self.queue, self)
        self.history_panel = HistoryPanel(history, restore, self.tasks, lambda: self.connection,
                                          self)
        self.queue_dock = self._dock("queue", self.queue_panel, "Ctrl+Shift+Q")
        self.history_dock = self._dock("history", self.history_panel, "Ctrl+H")
        # The second dock given ends up on top: the queue, what a reviewer watches.
        self.tabifyDockWidget(self.history_dock, self.queue_dock)
        self.status_bar = ReviewStatusBar(self)
        self.setStatusBar(self.status_bar)
        stack = self.decisions.undo_stack
        self.undo_action = stack.createUndoAction(self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = stack.createRedoAction(self)
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.redo_action.setIcon(icon("redo"))
        self._toolbar = QToolBar(self)
        self._toolbar.setObjectName("main")
        self._toolbar.setMovable(False)
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        a = self.actions
        self._toolbar.addWidget(self.connections.selector)
        for item in (a.scan, None, self.undo_action, self.redo_action, None, a.merge,
                     a.not_duplicates, a.skip, a.split):
            self._toolbar.addAction(item) if item else self._toolbar.addSeparator()
        self.addToolBar(self._toolbar)
        for action in (self.undo_action, self.redo_action):
            # "Undo merge Ana Núñez / …" is for the menu; the toolbar keeps to the icon.
            button = self._toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.menus = ReviewMenus(self, a, self.undo_action, self.redo_action,
                                 [self.queue_dock.toggleViewAction(),
                                  self.history_dock.toggleViewAction()])

    def _dock(self, name: str, widget: QWidget, shortcut: str) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        dock.toggleViewAction().setShortcut(QKeySequence(shortcut))
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def _connect_signals(self) -> None:
        a = self.actions
        a.connect.triggered.connect(self.connections.new)
        a.scan.triggered.connect(self.start_scan)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.group_panel.focus_search)
        a.show_notes.triggered.connect(lambda: self.review_panel.show_tab(NOTES_TAB))
        a.show_files.triggered.connect(lambda: self.review_panel.show_tab(FILES_TAB))
        a.show_evidence.triggered.connect(lambda: self.review_panel.show_tab(EVIDENCE_TAB))
        a.send_now.triggered.connect(self.queue.release_held)
        a.cancel_pending.triggered.connect(self.queue.cancel_pending)
        a.cheat_sheet.triggered.connect(self.show_cheat_sheet)
        a.about.triggered.connect(self._on_about_triggered)
        a.bulk_rules.triggered.connect(self.show_bulk_rules)
        a.team_audit.triggered.connect(self.show_team_audit)
        self.connections.opened.connect(self._on_connections_opened)
        self.connections.failed.connect(self._on_connections_failed)
        self.connections.deferred.connect(self._on_connections_deferred)
        self.flow.group_shown.connect(self.group_shown)
        self.scanner.finished.connect(self._on_scanner_finished)
        self.queue.merge_finished.connect(self._on_queue_merge_finished)
        self.queue.counts_changed.connect(self._update_counts)
        self.decisions.status_changed.connect(self._update_counts)
        self.decisions.stored.connect(self._update_counts)
        self.decisions.told.connect(lambda text: self.status_bar.showMessage(text, 10000))
        self.group_panel.query_applied.connect(self._update_counts)
        self.review_panel.rule_changed.connect(self._on_review_panel_rule_changed)
        self.tasks.failed.connect(self._on_tasks_failed)
        self.tasks.finished.connect(lambda _name: self._update_actions())

    def retranslate(self) -> None:
        self.queue_dock.setWindowTitle(self.tr("Merge queue"))
        self.history_dock.setWindowTitle(self.tr("History"))
        self._toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.menus.retranslate()
        self.actions.retranslate()
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
        """Review `connection` from now on (merges not sent on the old one are dropped)."""
        previous = self.connections.adopt(connection)
        self._connection = connection
        self.queue.set_connection(connection)
        self.decisions.set_connection(connection.key)
        self.flow.set_connection(connection)
        self.preflight.set_connection(connection)
        self.group_panel.set_source(self._workspace.db, connection.key)
        self.status_bar.set_connection(connection.label or connection.crm)
        self.history_panel.refresh()
        self.tasks.start("titles", self._fill_titles(connection.key))
        self._update_title()
        self._update_actions()
        # Merges a crash left open here are settled before any new one can be sent.
        self.startup_recovery.start(connection)
        if previous is not None and previous is not connection:
            self.tasks.start("disconnect", previous.provider.aclose())

    def show_stored_groups(self) -> int:
        """List the groups the store holds for this connection (the last scan)."""
        if self._connection is None or self.group_panel.reader is None:
            return 0
        self.group_panel.refresh()
        count = self.groups.rowCount()
        if count == 0:
            self.review_panel.show_placeholder(self.tr(
                "No duplicates found. Scan again after the CRM's data changed."))
        self.groups_loaded.emit(count)
        return count

    def start_scan(self) -> None:
        if self._connection is not None:
            self.scanner.start(self._connection)
            self._update_actions()

    def _on_scanner_finished(self, conn: str) -> None:
        if self._connection is not None and conn == self._connection.key:
            self.tasks.start("titles", self._fill_titles(conn))
            self.show_stored_groups()

    async def _fill_titles(self, conn: str) -> None:
        def batch_done(_done: int) -> None:
            if self._connection is not None and self._connection.key == conn:
                self.groups.reload_rows()

        await fill_titles(self._workspace, conn, batch_done)

    def _on_connections_opened(self, connection: Connection) -> None:
        if self.queue.count(QueueState.RUNNING):
            self.status_bar.showMessage(self.tr(
                "Merges are still running: the connection changes once they are done."), 15000)
            self.tasks.start("disconnect", connection.provider.aclose())
            return
        self.set_connection(connection)
        if self.show_stored_groups() == 0:
            self.start_scan()

    def _on_connections_failed(self, name: str, exc: object) -> None:
        text = messages.error_text(exc) if isinstance(exc, BaseException) else str(exc)
        inform(self, self.tr("Could not connect to {name}").format(name=name), text,
               warning=True)

    def _on_connections_deferred(self, name: str) -> None:
        inform(self, self.tr("Connection saved"), self.tr(
            "“{name}” opens the next time MergeDesk starts without --demo: the demo keeps "
            "its data and journal apart from your CRM's.").format(name=name))

    # Merges, settings, help
    def _on_queue_merge_finished(self, item: QueueItem) -> None:
        if item.outcome is not None:
            self.merge_finished.emit(item.group_id, item.outcome)
        self.history_panel.refresh()

    def _on_review_panel_rule_changed(self, rule: object) -> None:
        self._settings.setValue(window_settings.RULE_KEY, str(rule))
        if rule != self.flow.rule:
            self.flow.rule = rule  # type: ignore[assignment]
            self.flow.reload()

    def show_cheat_sheet(self) -> CheatSheetDialog:
        dialog = CheatSheetDialog(self.menus.all(), self)
        dialog.show()
        return dialog

    def show_bulk_rules(self) -> QWidget | None:
        """The Bulk rules dialog on this connection (loaded on first use)."""
        from mergedesk.ui.review.bulk_rules_dialog import bulk_rules_for

        if self._connection is None:
            return None
        dialog = bulk_rules_for(self._connection, self._workspace, self.decisions,
                                self.queue, self.tasks, self)
        dialog.show()
        return dialog

    def show_team_audit(self) -> QWidget:
        from mergedesk.store.audit import audit_by_reviewer_day
        from mergedesk.ui.review.audit_dialog import TeamAuditDialog

        key = self._connection.key if self._connection else None
        dialog = TeamAuditDialog(lambda: audit_by_reviewer_day(self._workspace.db, key),
                                 self.tasks, self)
        dialog.show()
        return dialog

    def _on_about_triggered(self) -> None:
        inform(self, self.tr("About MergeDesk"), self.tr(
            "MergeDesk merges duplicate CRM records through each CRM's own merge API, "
            "with a journal that explains and can restore every merge."))

    def _on_tasks_failed(self, name: str, exc: object) -> None:
        error = exc if isinstance(exc, BaseException) else RuntimeError(str(exc))
        if name == "load":
            self.flow.on_load_failed(error)
            return
        text = messages.error_text(error)
        self.status_bar.showMessage(text, 15000)
        if name in ("scan", "connect") and self.groups.rowCount() == 0:
            self.review_panel.show_placeholder(text)

    def _update_actions(self) -> None:
        self.actions.scan.setEnabled(self._connection is not None and not self.scanner.running)
        self.actions.bulk_rules.setEnabled(self._connection is not None)
        self.flow.update_actions()

    def _update_counts(self, *_args: object) -> None:
        reader, connection = self.group_panel.reader, self._connection
        if reader is None or connection is None:
            self.status_bar.set_counts({})
            return
        counts = {GroupStatus.parse(k): v for k, v in reader.status_counts(connection.key)
                  .items()}
        counts[GroupStatus.MERGING] = self.queue.count(QueueState.HELD, QueueState.QUEUED,
                                                       QueueState.RUNNING)
        self.status_bar.set_counts(counts)
        self.status_bar.set_queue(self.queue.count(QueueState.RUNNING),
                                  self.queue.count(QueueState.HELD, QueueState.QUEUED))

    def _update_title(self) -> None:
        if self._connection is None:
            self.setWindowTitle(self.tr("MergeDesk"))
        else:
            self.setWindowTitle(self.tr("MergeDesk — {connection}").format(
                connection=self._connection.label or self._connection.crm))

    # Settings and closing
    def _layout(self) -> window_settings.WindowLayout:
        return window_settings.WindowLayout(
            self, {"main": self._splitter, "review": self.review_panel.splitter},
            {"groups": self.group_panel.table.horizontalHeader(),
             "queue": self.queue_panel.table.horizontalHeader()})

    def _default_geometry(self) -> None:
        screen = self.screen().availableGeometry()
        width, height = min(1440, screen.width()), min(900, screen.height())
        self.resize(width, height)
        self._splitter.setSizes([width * 2 // 5, width * 3 // 5])
        self.review_panel.splitter.setSizes([height * 3 // 5, height // 5])
        # Before the first show the docks are not laid out and Qt ignores resizeDocks
        # (the queue took a third of the window from the compare table): see showEvent.
        self._first_dock_height = height // 5

    def tune_responsiveness(self) -> None:
        """The app's garbage-collection and thread-switch policy (ui.responsiveness), and
        the libraries' one-off lazy set-ups the first rows would pay (ui.warmup). The
        first full collection walks every start-up object: 70-130 ms that the first
        paint need not wait for."""
        app = QCoreApplication.instance()
        if app is not None:
            IdleCollector.install(app, lambda: self.scanner.running)
        warm_up()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_dock_height:  # once laid out: Qt ignores it any earlier
            height, self._first_dock_height = self._first_dock_height, 0
            QTimer.singleShot(0, lambda: self.resizeDocks(
                [self.queue_dock], [height], Qt.Orientation.Vertical))

    @qasync.asyncClose
    async def closeEvent(self, event: QCloseEvent) -> None:
        # Merges in flight are cancelled: the journal keeps them `running`, and the next
        # run reconciles them by reading the CRM instead of sending them again. Merges
        # not sent yet are dropped: nothing of them reached the CRM.
        window_settings.save(self._settings, self._layout())
        self.queue.cancel_pending()
        await self.claims.close()  # other reviewers get the group on screen at once
        await self.tasks.cancel_all()
        await self.connections.close_owned()
        self.decisions.close()  # the last decisions' writes (milliseconds)
        event.accept()
