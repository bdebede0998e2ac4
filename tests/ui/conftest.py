"""Fixtures for the GUI tests: the offscreen platform, a qasync loop on the test's
QApplication, a window wired to a temporary workspace."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QSettings

from mergedesk.core.models import DuplicateGroup
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import ScanService
from mergedesk.services.workspace import Workspace
from mergedesk.ui.connection import Connection
from mergedesk.ui.refcount import keep_none_alive
from mergedesk.ui.review.main_window import MainWindow
from mergedesk.ui.review.window_settings import HOLD_KEY

keep_none_alive()  # PySide6 6.12 on Python 3.11 leaks references to None (ui.refcount)

# Closed loops are kept, never freed. qasync's timer object kills its Qt timers lazily
# (close() only marks them stopped), and if the cyclic GC freed a closed loop in another
# thread (uvicorn's, which allocates a lot) Qt could not unregister those timers and would
# later deliver a timer event to freed memory: a segfault in QTimerInfoList.
_RETIRED_LOOPS: list[asyncio.AbstractEventLoop] = []


@pytest.fixture
def qloop(qapp, qtbot) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop on pytest-qt's QApplication, driven by qtbot.waitUntil/waitSignal.

    It is registered as the running loop (as inside app.exec()) so that sync test code
    and slots can create tasks; pytest-asyncio is not involved, these tests are plain
    functions. Not `already_running=True`: its stop() calls QApplication.exit(), which
    leaves Qt's quitNow flag set and makes every later nested event loop (qtbot.wait)
    return at once. Teardown cancels leftovers and detaches the loop."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            qtbot.waitUntil(lambda: all(t.done() for t in pending), timeout=5000)
        asyncio.events._set_running_loop(None)
        loop.close()
        asyncio.set_event_loop(None)
        _RETIRED_LOOPS.append(loop)


@dataclass
class Desk:
    """A main window connected to a real Chatwoot sandbox over loopback."""

    window: MainWindow
    fake: Any  # mergedesk.sandbox.chatwoot.ChatwootFake: its state is the CRM's truth
    workspace: Workspace
    connection: Connection
    groups: list[DuplicateGroup]

    def contact(self, record_id: str) -> dict[str, Any] | None:
        with self.fake.state.lock:
            return self.fake.state.contacts.get(int(record_id))


def planted_groups(fake: Any) -> list[DuplicateGroup]:
    """The sandbox's planted duplicate groups, pairs first (one merge call each)."""
    truth = sorted(fake.generated.truth, key=lambda members: (len(members), min(members)))
    return [
        DuplicateGroup(id=f"g{n}", score=round(0.99 - n / 100, 2),
                       records=tuple(str(fake.contact_id(i)) for i in sorted(members)))
        for n, members in enumerate(truth, start=1)
    ]


@contextmanager
def open_desk(qtbot, qloop, tmp_path, served, label: str,
              groups_of: Callable[[Any], list[DuplicateGroup]]) -> Iterator[Desk]:
    """The window connected to `served` (a sandbox over loopback), with the groups
    `groups_of(fake)` in the store as a scan would leave them; shown."""
    workspace = Workspace.open(tmp_path / "workspace")
    provider = registry.create(served.settings(served.fake.provider))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(HOLD_KEY, 0)  # merges go at once; tests of the undo delay set one
    window = MainWindow(workspace, ScanService(workspace), ApplyService(workspace), settings)
    qtbot.addWidget(window)
    connection = Connection(provider, served.server.base_url, "contacts", label)
    window.set_connection(connection)
    groups = groups_of(served.fake)
    workspace.groups.replace_groups(connection.key, [(g, "") for g in groups])
    window.show()
    qtbot.waitExposed(window)
    try:
        yield Desk(window, served.fake, workspace, connection, groups)
    finally:
        closing = qloop.create_task(provider.aclose())
        qtbot.waitUntil(closing.done)
        workspace.close()


@pytest.fixture
def desk(qtbot, qloop, tmp_path, chatwoot_sandbox) -> Iterator[Desk]:
    """The window on the Chatwoot sandbox (tests/conftest.py) with its planted groups."""
    with open_desk(qtbot, qloop, tmp_path, chatwoot_sandbox, "Chatwoot sandbox",
                   planted_groups) as opened:
        yield opened
