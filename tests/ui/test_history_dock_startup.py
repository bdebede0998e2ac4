"""The history dock at start-up: behind the merge queue's tab it is neither made nor
read before the window's first paint (bench_startup.py); it is when its tab shows."""

from __future__ import annotations

import sys


def test_the_history_is_made_when_its_tab_comes_on_screen_not_with_the_window(qtbot, desk):
    panel = desk.window.history_panel
    qtbot.wait(50)  # a few loop turns after the first paint
    assert panel._dialog is None  # the queue's tab is on top
    desk.window.history_dock.raise_()
    qtbot.waitUntil(lambda: panel._dialog is not None, timeout=5_000)
    qtbot.waitUntil(lambda: panel.dialog.isVisibleTo(desk.window), timeout=5_000)
    assert "mergedesk.ui.history.dialog" in sys.modules
