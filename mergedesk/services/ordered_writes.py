"""Store writes a GUI need not wait for, on one thread of their own. No Qt.

A review decision's write is quick alone (1-2 ms with its fsync), but the store has one
writer at a time: while a scan caches 100,000 records, a decision waited for the lock
10-130 ms, on the GUI thread. Here the GUI thread only hands the write over. One thread
runs them in the order asked, so a decision and its undo land in that order; flush()
waits for all asked so far, for a read that must see them and before the store closes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

log = logging.getLogger(__name__)


class OrderedWrites:
    def __init__(self, on_error: Callable[[str], None] | None = None):
        """`on_error(text)` hears of a write that failed (called on the writing thread)."""
        self._on_error = on_error
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="store-writes")
        self._last: Future[None] | None = None

    def submit(self, call: Callable[..., Any], *args: Any,
               then: Callable[[], None] | None = None) -> None:  # fmt: skip
        """Run call(*args) after every write asked before it; then `then()`, on the
        writing thread, if it succeeded."""
        self._last = self._executor.submit(self._run, call, args, then)

    def flush(self) -> None:
        """Wait until every write asked so far has run (one thread: the last one)."""
        if self._last is not None:
            wait([self._last])

    def close(self) -> None:
        """Run what is asked, then end the thread."""
        self._executor.shutdown(wait=True)

    def _run(self, call: Callable[..., Any], args: tuple[Any, ...],
             then: Callable[[], None] | None) -> None:  # fmt: skip
        try:
            call(*args)
        except Exception as exc:  # the GUI thread is not there to raise it to
            log.exception("a store write failed: %s", getattr(call, "__qualname__", call))
            if self._on_error:
                self._on_error(f"{type(exc).__name__}: {exc}")
            return
        if then:
            then()
