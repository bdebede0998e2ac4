"""Full garbage collections wait for an idle moment (no input, no scan), the GIL is
handed over often; the window installs the policy once per application."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from mergedesk.ui import responsiveness
from mergedesk.ui.responsiveness import IdleCollector


def test_full_collections_wait_for_the_reviewer_and_the_scan(qapp, monkeypatch):
    busy = [True]
    collector = IdleCollector.install(qapp, lambda: busy[0])
    assert IdleCollector.install(qapp, lambda: busy[0]) is collector  # once per app
    assert gc.get_threshold()[2] >= 1_000_000  # no automatic full collections
    assert sys.getswitchinterval() == responsiveness.SWITCH_INTERVAL
    monkeypatch.setattr(responsiveness, "IDLE_SECONDS", 0.0)
    assert not collector.collect_if_idle()  # a scan runs
    busy[0] = False
    monkeypatch.setattr(responsiveness, "IDLE_SECONDS", 60.0)
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(1, 1), QPointF(1, 1),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
    collector.eventFilter(collector, press)
    assert not collector.collect_if_idle()  # the reviewer just clicked
    monkeypatch.setattr(responsiveness, "IDLE_SECONDS", 0.0)
    before = collector.collections
    assert collector.collect_if_idle() and collector.collections == before + 1


def test_input_arriving_at_a_window_counts_as_activity(qtbot, qapp, monkeypatch):
    """The collector watches the windows, not every object: a key pressed in a focused
    window (delivered as the platform does, through the QWindow) defers collections."""
    collector = IdleCollector.install(qapp, lambda: False)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is field.windowHandle())
    monkeypatch.setattr(responsiveness, "IDLE_SECONDS", 60.0)
    collector._last_input = 0.0  # long idle
    assert collector.collect_if_idle()
    QTest.keyClick(field.windowHandle(), Qt.Key.Key_A)
    assert field.text() == "a"
    assert not collector.collect_if_idle()  # the reviewer just typed
