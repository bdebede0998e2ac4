"""BulkRulesDialog: write, load and save bulk rules (JSON), see how many groups each rule
takes, look at a random sample of them side by side with the merged result, and approve:
the merges go to the window's merge queue like hand merges. Evaluating and building run
through the injected coroutines (services.bulk); this dialog only shows and asks."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mergedesk.core.bulk_eval import Evaluation
from mergedesk.core.bulk_rules import BulkRule, RulesError, RuleSet
from mergedesk.core.plan import GroupMerge
from mergedesk.core.values import JsonValue, is_blank, same_value
from mergedesk.services.bulk import BulkService
from mergedesk.services.workspace import Workspace
from mergedesk.ui import messages
from mergedesk.ui.connection import Connection
from mergedesk.ui.locale_format import number
from mergedesk.ui.review.decisions import DecisionController
from mergedesk.ui.review.merge_queue import MergeQueue
from mergedesk.ui.tasks import TaskRunner

Evaluate = Callable[[RuleSet], Awaitable[Evaluation]]
Submit = Callable[[list[tuple[BulkRule, GroupMerge]]], int]  # returns merges queued
SAMPLE_SIZE = 5
EXAMPLE = """{
  "rules": [
    {
      "name": "same email, high score",
      "when": {"min_score": 0.97, "same": ["email"], "no_conflicts": true, "max_size": 3},
      "master": "oldest",
      "fields": {"*": "fill_blanks"},
      "never_overwrite_non_empty": true
    }
  ]
}
"""


class BulkRulesDialog(QDialog):
    evaluated = Signal(object)  # Evaluation
    approved = Signal(int)  # merges handed to the queue

    def __init__(self, evaluate: Evaluate, submit: Submit, tasks: TaskRunner,
                 parent: QWidget | None = None, text: str = EXAMPLE):
        super().__init__(parent)
        self._evaluate, self._submit, self._tasks = evaluate, submit, tasks
        self.evaluation: Evaluation | None = None
        self._seed = 0
        self._build(text)
        self.retranslate()
        self.resize(1200, 760)

    # Building
    def _build(self, text: str) -> None:
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(text)
        self.editor.setFont(QFont("monospace"))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.load_button, self.save_button, self.evaluate_button = (
            QPushButton(self) for _ in range(3))
        self.evaluate_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.counts = QTableWidget(0, 3, self)
        self.counts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.counts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.verticalHeader().hide()
        header = self.counts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.sample = SampleView(self)
        self.resample_button, self.approve_button, self.close_button = (
            QPushButton(self) for _ in range(3))
        self.approve_button.setEnabled(False)
        self.resample_button.setEnabled(False)
        self._lay_out()
        self.load_button.clicked.connect(self._on_load_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.evaluate_button.clicked.connect(self.start_evaluation)
        self.resample_button.clicked.connect(self._on_resample_button_clicked)
        self.approve_button.clicked.connect(self.approve)
        self.close_button.clicked.connect(self.reject)
        self.counts.itemSelectionChanged.connect(self._show_sample)
        self.editor.textChanged.connect(self._on_editor_text_changed)

    def _lay_out(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.editor, 1)
        column.addWidget(self.problems)
        row = QHBoxLayout()
        for button in (self.load_button, self.save_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.evaluate_button)
        column.addLayout(row)
        right = QWidget(self)
        results = QVBoxLayout(right)
        results.setContentsMargins(0, 0, 0, 0)
        results.addWidget(self.counts, 1)
        results.addWidget(self.summary)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(left)
        top.addWidget(right)
        top.setSizes([600, 600])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.sample)
        self.splitter.setSizes([300, 460])
        buttons = QHBoxLayout()
        buttons.addWidget(self.resample_button)
        buttons.addStretch(1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bulk rules"))
        self.editor.setAccessibleName(self.tr("Rules (JSON)"))
        self.load_button.setText(self.tr("&Load…"))
        self.save_button.setText(self.tr("&Save…"))
        self.evaluate_button.setText(self.tr("&Count groups"))
        self.evaluate_button.setToolTip(self.tr("How many groups each rule takes (Ctrl+Enter)"))
        self.counts.setHorizontalHeaderLabels(
            [self.tr("Rule"), self.tr("Groups taken"), self.tr("Blocked")])
        self.resample_button.setText(self.tr("Another &sample"))
        self.close_button.setText(self.tr("Close"))
        self._update_approve()
        if self.evaluation is None:
            self.summary.setText(self.tr(
                "Rules are tried in order; each group goes to the first rule that takes "
                "it. Decided groups, “not duplicates”, groups held by another reviewer and "
                "groups with conflicting owners, stages or parents are never taken."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Rules
    def rules(self) -> RuleSet | None:
        """The editor's rules, or None with the problems shown under it."""
        try:
            parsed = RuleSet.from_json_text(self.editor.toPlainText())
        except RulesError as exc:
            self.problems.setText(self.tr("The rules have problems:") + "\n" +
                                  "\n".join(exc.problems))
            return None
        self.problems.clear()
        return parsed

    def _on_load_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load rules"), "",
                                              self.tr("Rules (*.json)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        try:
            self.editor.setPlainText(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.setText(messages.error_text(exc))
            return
        self.rules()

    def _on_save_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rules"), "rules.json",
                                              self.tr("Rules (*.json)"))
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> bool:
        """Save the rules as they parse (normalised JSON); nothing on a problem."""
        parsed = self.rules()
        if parsed is None:
            return False
        path.write_text(parsed.to_json_text() + "\n", encoding="utf-8")
        return True

    def _on_editor_text_changed(self) -> None:
        # Counts and sample belong to the rules they were made with.
        self.evaluation = None
        self._update_approve()
        self.resample_button.setEnabled(False)

    # Evaluating
    def start_evaluation(self) -> None:
        parsed = self.rules()
        if parsed is not None and not self._tasks.running("bulk-evaluate"):
            self._tasks.start("bulk-evaluate", self._run_evaluation(parsed))

    async def _run_evaluation(self, rules: RuleSet) -> None:
        self.evaluate_button.setEnabled(False)
        self.summary.setText(self.tr("Counting…"))
        try:
            evaluation = await self._evaluate(rules)
        except RulesError as exc:  # a field this CRM does not have
            self.summary.clear()
            self.problems.setText(self.tr("The rules have problems:") + "\n" +
                                  "\n".join(exc.problems))
            return
        except Exception as exc:  # shown here: the dialog stays usable
            self.summary.setText(messages.error_text(exc))
            return
        finally:
            self.evaluate_button.setEnabled(True)
        self.show_evaluation(evaluation)

    def show_evaluation(self, evaluation: Evaluation) -> None:
        self.evaluation = evaluation
        self.counts.setRowCount(len(evaluation.results))
        for row, result in enumerate(evaluation.results):
            cells = (result.rule.name, number(len(result.groups)), number(len(result.blocked)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.counts.setItem(row, column, item)
        skipped = sum(evaluation.skipped.values())
        self.summary.setText(self.tr("{taken} groups taken by the rules; {left} left for "
                                     "review by hand.").format(taken=number(evaluation.total),
                                                               left=number(skipped)))
        self.resample_button.setEnabled(evaluation.total > 0)
        self._update_approve()
        if evaluation.results:
            self.counts.selectRow(0)
        self._show_sample()
        self.evaluated.emit(evaluation)

    def _on_resample_button_clicked(self) -> None:
        self._seed = random.randrange(1 << 30)
        self._show_sample()

    def _show_sample(self) -> None:
        rows = self.counts.selectionModel().selectedRows()
        if self.evaluation is None or not rows:
            self.sample.show_merges([], self.evaluation)
            return
        result = self.evaluation.results[rows[0].row()]
        merges = self.evaluation.sample(result.rule.name, SAMPLE_SIZE, self._seed)
        self.sample.show_merges(merges, self.evaluation)

    # Approving
    def _update_approve(self) -> None:
        total = self.evaluation.total if self.evaluation else 0
        self.approve_button.setEnabled(total > 0 and not self._tasks.running("bulk-approve"))
        self.approve_button.setText(self.tr("&Approve: queue %n merge(s)", "", total))

    def approve(self) -> None:
        if self.evaluation is not None and self.evaluation.total:
            self._tasks.start("bulk-approve", self._run_approve(self.evaluation))

    async def _run_approve(self, evaluation: Evaluation) -> None:
        self.approve_button.setEnabled(False)
        # Building tens of thousands of merges takes seconds: off the GUI thread.
        built = await asyncio.get_running_loop().run_in_executor(
            None, lambda: list(evaluation.merges()))
        queued = self._submit(built)
        self.summary.setText(self.tr("%n merge(s) queued. They run one after the other in "
                                     "the merge queue; merges not sent yet can be cancelled "
                                     "there.", "", queued))
        self.evaluation = None
        self._update_approve()
        self.approved.emit(queued)


class SampleView(QScrollArea):
    """Sampled groups one under the other: the records side by side, master first, and
    the merged result in the last column (changed values in bold)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.tables: list[QTableWidget] = []
        self.show_merges([], None)

    def show_merges(self, merges: Sequence[GroupMerge], evaluation: Evaluation | None) -> None:
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        self.tables = []
        for merge in merges:
            layout.addWidget(QLabel(self._caption(merge, evaluation), inner))
            self.tables.append(self._table(merge, inner))
            layout.addWidget(self.tables[-1])
        if not merges:
            layout.addWidget(QLabel(self.tr("Count the groups, then pick a rule to see a "
                                            "sample of the groups it takes."), inner))
        layout.addStretch(1)
        self.setWidget(inner)

    def _caption(self, merge: GroupMerge, evaluation: Evaluation | None) -> str:
        score = ""
        if evaluation is not None:
            found = next((g for g, _ in evaluation.inputs.groups if g.id == merge.group), None)
            score = number(found.score, 2) if found else ""
        return self.tr("Group {group} (score {score}): {count} records into #{master}").format(
            group=merge.group, score=score, count=len(merge.record_ids), master=merge.master)

    def _table(self, merge: GroupMerge, parent: QWidget) -> QTableWidget:
        snapshot = merge.snapshot or {}
        master = snapshot.get(merge.master, {})
        result = {**master, **{n: c.resolve(snapshot, n) for n, c in merge.fields.items()}}
        names = [n for n in dict.fromkeys(k for rid in merge.record_ids
                                          for k in snapshot.get(rid, {}))
                 if any(not is_blank(snapshot.get(r, {}).get(n)) for r in merge.record_ids)]
        table = QTableWidget(len(names), len(merge.record_ids) + 1, parent)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setHorizontalHeaderLabels(
            [self.tr("#{id} (master)").format(id=merge.master),
             *(f"#{rid}" for rid in merge.others), self.tr("Merged")])
        table.setVerticalHeaderLabels(names)
        bold = QFont(table.font())
        bold.setBold(True)
        for row, name in enumerate(names):
            for column, rid in enumerate(merge.record_ids):
                table.setItem(row, column, QTableWidgetItem(_shown(snapshot[rid].get(name))))
            merged = QTableWidgetItem(_shown(result.get(name)))
            if not same_value(result.get(name), master.get(name)):
                merged.setFont(bold)
            table.setItem(row, len(merge.record_ids), merged)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        height = table.horizontalHeader().height() + sum(
            table.rowHeight(r) for r in range(len(names))) + 4
        table.setFixedHeight(height)
        return table


def _shown(value: JsonValue) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or value)
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value)
    return str(value)


def bulk_rules_for(connection: Connection, workspace: Workspace, decisions: DecisionController,
                   queue: MergeQueue, tasks: TaskRunner,
                   parent: QWidget | None = None) -> BulkRulesDialog:
    """The dialog on the window's connection: counted from the store by services.bulk,
    approved merges handed to the window's merge queue (DecisionController.enqueue), so
    they run exactly as hand merges do. Groups already in the queue are never taken."""
    service = BulkService(workspace)

    async def evaluate(rules: RuleSet) -> Evaluation:
        busy = {i.group_id for i in queue.model.items() if queue.pending_for(i.group_id)}
        return await service.evaluate(rules, connection.provider, connection.base_url,
                                      connection.entity, busy)

    def submit(items: list[tuple[BulkRule, GroupMerge]]) -> int:
        # A reviewer may have merged some of them by hand since they were counted.
        fresh = [(r, m) for r, m in items if not queue.pending_for(m.group)]
        for rule, merge in fresh:
            decisions.enqueue(merge.group, rule.name, merge)
        return len(fresh)

    return BulkRulesDialog(evaluate, submit, tasks, parent)
