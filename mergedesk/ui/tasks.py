"""TaskRunner: the one way widgets start coroutines on the qasync loop. It keeps every
task referenced, reports failures as a signal, and cancels and awaits all on close."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class TaskRunner(QObject):
    """Runs named coroutines as asyncio tasks on the loop of the GUI thread.

    `failed(name, exc)` is emitted when a task raises (never for cancellation);
    `finished(name)` is emitted after every task that was not cancelled, failed or not,
    so that busy indicators can be cleared in one place.
    """

    failed = Signal(str, object)
    finished = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks: dict[asyncio.Task[Any], str] = {}

    def start(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Schedule `coro`; must be called on the GUI thread while the qasync loop is set."""
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks[task] = name
        task.add_done_callback(self._on_task_done)
        return task

    def running(self, name: str | None = None) -> bool:
        """Whether a task (of that name, if given) is still running."""
        return any(name is None or n == name for t, n in self._tasks.items() if not t.done())

    def names(self) -> list[str]:
        return [n for t, n in self._tasks.items() if not t.done()]

    async def cancel_all(self) -> None:
        """Cancel every task and wait until each has unwound (its finally blocks ran)."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    def _on_task_done(self, task: asyncio.Task[Any]) -> None:
        name = self._tasks.pop(task, task.get_name())
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            # Logged with its traceback here; the UI shows the text from ui.messages.
            log.error("task %s failed", name, exc_info=exc)
            self.failed.emit(name, exc)
        self.finished.emit(name)
