"""Fixtures for the GUI tests: the offscreen platform, a qasync loop on the test's
QApplication, a window wired to a temporary workspace."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio
from collections.abc import Iterator

import pytest
import qasync


@pytest.fixture
def qloop(qapp, qtbot) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop on pytest-qt's QApplication, driven by qtbot.waitUntil/waitSignal.

    `already_running=True` registers it as the running loop (as inside app.exec()), so
    sync test code and slots can create tasks; pytest-asyncio is not involved: these
    tests are plain functions. Teardown cancels leftovers and detaches the loop so later
    asyncio tests get loops of their own."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            qtbot.waitUntil(lambda: all(t.done() for t in pending), timeout=5000)
        asyncio.events._set_running_loop(None)
        loop.stop()
        loop.close()
        asyncio.set_event_loop(None)
