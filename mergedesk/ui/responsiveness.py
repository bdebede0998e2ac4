"""Keeping the GUI thread responsive while worker threads (matching, caching) run:

- Full garbage collections walk every live object: with a scan's 100,000 records in
  memory that is a 100 ms pause of the GUI thread. Young objects are still collected as
  usual (milliseconds); full collections wait until the reviewer has stopped typing and
  clicking for a moment and no scan is running. What the app built before its window
  showed (modules, Qt wrappers) is frozen out of collections altogether.
- The GIL is handed over every millisecond instead of every 5: a worker thread then
  never keeps the GUI thread waiting for long (matching 30,000 records otherwise made
  the loop stall 60 ms at a time; tests/benchmarks/bench_ui.py)."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

IDLE_SECONDS = 2.0  # no key or mouse for this long counts as idle
SWITCH_INTERVAL = 0.001  # seconds a thread may hold the GIL while another waits
CHECK_MS = 15_000  # how often a pending full collection looks for an idle moment
_NEVER = 1_000_000_000  # gen2 threshold: no automatic full collections
_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                    QEvent.Type.MouseMove})


class IdleCollector(QObject):
    """Installed once per application (install()); `busy()` says a scan is running."""

    def __init__(self, app: QCoreApplication, busy: Callable[[], bool]):
        super().__init__(app)
        self.setObjectName("mergedesk-idle-collector")
        self._busy = busy
        self._last_input = time.monotonic()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect_if_idle)

    @classmethod
    def install(cls, app: QCoreApplication, busy: Callable[[], bool]) -> IdleCollector:
        found = app.findChild(IdleCollector, "mergedesk-idle-collector")
        if isinstance(found, IdleCollector):
            found._busy = busy  # the newest window's idea of busy
            return found
        collector = cls(app, busy)
        gc.collect()
        gc.freeze()  # start-up objects live as long as the app: never walk them again
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, _NEVER)
        sys.setswitchinterval(SWITCH_INTERVAL)
        collector._watch_windows(app)
        collector._timer.start()
        return collector

    def _watch_windows(self, app: QCoreApplication) -> None:
        """See input where it arrives: at the top-level windows. An application-wide
        filter would be called from C++ for every event to every object, wrapping each
        in Python: a sixth of the CPU of the window's first paint and of each scroll
        frame. The window that gets the focus is watched too (installing twice is a
        no-op in Qt); input to a window never focused is not needed to tell idleness."""
        if not isinstance(app, QGuiApplication):
            return
        for window in app.topLevelWindows():
            window.installEventFilter(self)
        app.focusWindowChanged.connect(self._on_focus_window_changed)

    def _on_focus_window_changed(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last_input = time.monotonic()
        return False

    def collect_if_idle(self) -> bool:
        if time.monotonic() - self._last_input < IDLE_SECONDS or self._busy():
            return False
        gc.collect()
        self.collections += 1
        return True
