"""The history dock at start-up: behind the merge queue's tab it is neither made nor
read before the window's first paint (bench_startup.py); it is when its tab shows."""

from __future__ import annotations

import sys
import threading


def test_the_history_is_made_when_its_tab_comes_on_screen_not_with_the_window(qtbot, desk):
    panel = desk.window.history_panel
    qtbot.wait(50)  # a few loop turns after the first paint
    assert panel._dialog is None  # the queue's tab is on top
    desk.window.history_dock.raise_()
    qtbot.waitUntil(lambda: panel._dialog is not None, timeout=5_000)
    qtbot.waitUntil(lambda: panel.dialog.isVisibleTo(desk.window), timeout=5_000)
    assert "mergedesk.ui.history.dialog" in sys.modules


def test_merges_finishing_read_the_history_again_on_a_worker_thread(qtbot, desk,
                                                                      monkeypatch):
    """A burst of finished merges reads the journal once, off the loop: 500 entries are
    ~50 ms of work the loop would stand still for while merges and a scan run."""
    panel = desk.window.history_panel
    desk.window.history_dock.raise_()
    qtbot.waitUntil(lambda: panel._dialog is not None, timeout=5_000)
    panel._pending.setInterval(0)
    threads: list[int] = []
    search = panel._history.search

    def spy(text: str = ""):
        threads.append(threading.get_ident())
        return search(text)

    monkeypatch.setattr(panel._history, "search", spy)
    for _ in range(5):
        panel.refresh()
    qtbot.waitUntil(lambda: bool(threads) and not desk.window.tasks.running("history-read"),
                    timeout=5_000)
    assert len(threads) == 1 and threads[0] != threading.get_ident()
