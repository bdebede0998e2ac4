"""PreflightRunner: runs the apply service's pre-flight (services.preflight) on the group
on screen, a moment after the reviewer's last change, so that what needs a read of the
CRM — a unique e-mail or phone another record already holds (Chatwoot), a permission the
connection was refused — is shown before submission, not after. Reads only."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, QTimer

from mergedesk.core.preflight import Finding, FindingKind
from mergedesk.providers import errors
from mergedesk.services.preflight import Preflight
from mergedesk.ui.connection import Connection
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.review.checks_panel import ChecksPanel
from mergedesk.ui.tasks import TaskRunner

DELAY_MS = 400  # after the last pick: one search per pause, not one per key
# What only the service can know; the rest the checks panel computes itself.
NEEDS_THE_CRM = frozenset({FindingKind.UNIQUE, FindingKind.PERMISSION, FindingKind.PARENT})


class PreflightRunner(QObject):
    def __init__(self, preflight: Preflight, model: CompareModel, checks: ChecksPanel,
                 tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._preflight, self._model, self._checks, self._tasks = preflight, model, checks, tasks
        self._connection: Connection | None = None
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        model.modelReset.connect(self._on_model_reset)
        model.choices_changed.connect(self._timer.start)

    def set_connection(self, connection: Connection | None) -> None:
        self._connection = connection
        self._checks.set_extra(())

    def _on_model_reset(self) -> None:
        self._checks.set_extra(())  # another group: the last one's findings do not apply

    def _on_timer_timeout(self) -> None:
        if self._connection is None or self._model.choices is None:
            return
        try:
            asyncio.get_event_loop()
        except RuntimeError:
            return  # the loop is gone: the window is closing
        self._tasks.start("preflight", self.check())

    async def check(self) -> list[Finding]:
        """Run the service's checks on the group on screen and show what they add."""
        choices, connection = self._model.choices, self._connection
        if choices is None or connection is None:
            return []
        group = choices.group_id
        merge = choices.to_group_merge(snapshot=False)
        records = {r.id: r for r in choices.records}
        defs = {f.api_name: f for f in choices.fields}
        defs.update({n: d for n in merge.fields if (d := choices.definition(n)) is not None})
        try:
            found = await self._preflight.review(connection.provider, connection.key, merge,
                                                 records, defs)
        except errors.ProviderError:
            return []  # a read failed: the service checks again before sending anything
        extra = [f for f in found if f.kind in NEEDS_THE_CRM]
        if self._model.group_id == group:
            self._checks.set_extra(extra)
        return extra
