"""ReviewStatusBar: counts of groups by decision, the merge queue at a glance, scan
progress, and the connection."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from mergedesk.core.review import GroupStatus
from mergedesk.ui.locale_format import number
from mergedesk.ui.models.group_list import STATUS_COLOURS


class ReviewStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._counts: dict[GroupStatus, int] = {}
        self._queue = (0, 0)
        self._progress = QProgressBar(self)
        self._progress.setMaximumWidth(240)
        self._progress.setTextVisible(True)
        self._progress.hide()
        self._counts_label = QLabel(self)
        self._counts_label.setTextFormat(Qt.TextFormat.RichText)
        self._queue_label = QLabel(self)
        self._queue_label.setContentsMargins(12, 0, 0, 0)
        self._connection = QLabel(self)
        self._connection.setContentsMargins(12, 0, 6, 0)
        self.addWidget(self._progress)
        self.addPermanentWidget(self._counts_label)
        self.addPermanentWidget(self._queue_label)
        self.addPermanentWidget(self._connection)
        self.retranslate()

    def retranslate(self) -> None:
        self._counts_label.setAccessibleName(self.tr("Groups by status"))
        self._queue_label.setAccessibleName(self.tr("Merge queue"))
        self._connection.setAccessibleName(self.tr("Connection"))
        self.set_counts(self._counts)
        self.set_queue(*self._queue)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_connection(self, text: str) -> None:
        self._connection.setText(text)

    def set_counts(self, counts: dict[GroupStatus, int]) -> None:
        """Groups per status; MERGING counts the merges queued or running (their groups
        are still stored as open)."""
        self._counts = dict(counts)
        get = self._counts.get
        merging = get(GroupStatus.MERGING, 0)
        to_review = max(0, sum(get(s, 0) for s in GroupStatus if s.to_review) - merging)
        parts = [
            (self.tr("To review: {n}"), to_review, None),
            (self.tr("Merging: {n}"), merging, GroupStatus.MERGING),
            (self.tr("Merged: {n}"), get(GroupStatus.MERGED, 0), GroupStatus.MERGED),
            (self.tr("Not duplicates: {n}"), get(GroupStatus.NOT_DUPLICATES, 0), None),
            (self.tr("Failed: {n}"), get(GroupStatus.FAILED, 0), GroupStatus.FAILED),
            (self.tr("Unknown: {n}"), get(GroupStatus.UNKNOWN, 0), GroupStatus.UNKNOWN),
        ]
        shown = []
        for template, count, colour_of in parts:
            if count == 0 and colour_of in (GroupStatus.MERGING, GroupStatus.UNKNOWN):
                continue  # only while there is something to say
            text = template.format(n=number(count))
            colour = STATUS_COLOURS.get(colour_of) if colour_of and count else None
            shown.append(f"<span style='color:{colour.name()}'>{text}</span>" if colour
                         else text)
        self._counts_label.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(shown))

    def counts_text(self) -> str:
        return self._counts_label.text()

    def set_queue(self, running: int, waiting: int) -> None:
        self._queue = (running, waiting)
        self._queue_label.setVisible(bool(running or waiting))
        self._queue_label.setText(self.tr("Queue: {running} running, {waiting} waiting").format(
            running=running, waiting=waiting))

    def show_progress(self, text: str, done: int, total: int | None) -> None:
        self._progress.setRange(0, total or 0)  # 0..0: a busy indicator
        if total:
            self._progress.setValue(min(done, total))
        self._progress.setFormat(text)
        self._progress.show()

    def hide_progress(self) -> None:
        self._progress.hide()
