"""The GUI entry point's demo session: sandbox up, connected, scanned, shown, stopped."""

from __future__ import annotations

import gc
import socket
import threading

from PySide6.QtCore import QSettings

from mergedesk.app import DesktopSession, build_parser
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import ScanService
from mergedesk.services.workspace import Workspace
from mergedesk.ui.review.main_window import MainWindow


def test_demo_session_serves_scans_shows_a_group_and_stops(qtbot, qloop, tmp_path):
    args = build_parser().parse_args(["--demo", "--seed", "7", "--records", "120"])
    session = DesktopSession(args)
    assert session.demo
    workspace = Workspace.open(tmp_path / "demo")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, ScanService(workspace), ApplyService(workspace), settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.groups_loaded, timeout=30_000) as loaded:
        window.tasks.start("connect", session.open(window))
    assert loaded.args[0] > 0
    assert window.windowTitle() == "MergeDesk — Chatwoot demo sandbox"
    qtbot.waitUntil(lambda: window.review_panel.loaded, timeout=15_000)
    port = int(window.connection.base_url.split(":")[2].split("/")[0])

    closing = qloop.create_task(session.close())
    qtbot.waitUntil(closing.done, timeout=15_000)
    assert closing.exception() is None
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # the sandbox is gone
    workspace.close()


def test_a_provider_without_base_url_is_refused_before_any_window(capsys):
    from mergedesk.app import main

    assert main(["--provider", "chatwoot"]) == 2
    assert "--provider needs --base-url" in capsys.readouterr().err


def test_a_configured_connection_is_not_the_demo():
    args = build_parser().parse_args(
        ["--provider", "chatwoot", "--base-url", "https://chat.example.com/api/v1/accounts/3"])
    assert not DesktopSession(args).demo


def test_the_demo_can_serve_another_crm_and_a_saved_connection_beats_the_demo():
    args = build_parser().parse_args(["--demo", "--provider", "zoho"])
    session = DesktopSession(args, saved="Prod")
    assert session.demo and session.demo_provider == "zoho" and not session.saved
    plain = DesktopSession(build_parser().parse_args([]), saved="Prod")
    assert plain.saved == "Prod" and not plain.demo  # the real journal, not the demo's
    assert DesktopSession(build_parser().parse_args([]), saved="").demo


def test_connecting_waits_for_the_windows_first_paint(qtbot, qloop):
    # The demo sandbox, keyring and provider client load after the paint, not before.
    from PySide6.QtWidgets import QWidget

    from mergedesk.app import _after_first_paint

    window, ran = QWidget(), []
    qtbot.addWidget(window)

    async def work():
        ran.append("connected")

    gc.disable()  # as the command entry does for the start-up
    try:
        task = qloop.create_task(_after_first_paint(window, work))
        qtbot.wait(300)
        assert not ran and not gc.isenabled()  # not shown, not painted: nothing started
        window.show()
        qtbot.waitUntil(task.done, timeout=5_000)
        assert ran == ["connected"] and task.exception() is None
        assert gc.isenabled()  # collections resume once the window has painted
    finally:
        gc.enable()


def test_the_command_entry_turns_collection_back_on_when_the_gui_returns(capsys):
    from mergedesk.cli import main

    assert main(["--provider", "chatwoot"]) == 2  # refused before any window
    assert gc.isenabled()


def test_a_window_that_never_paints_still_connects(qtbot, qloop):
    from PySide6.QtWidgets import QWidget

    from mergedesk.app import _after_first_paint

    ran = []

    async def work():
        ran.append("connected")

    task = qloop.create_task(_after_first_paint(QWidget(), work, limit=0.2))
    qtbot.waitUntil(task.done, timeout=5_000)
    assert ran == ["connected"]


def test_a_window_closed_while_the_demo_starts_leaves_no_sandbox_serving(qtbot, qloop):
    """The sandbox starts on a worker thread and cannot be cancelled: if the window
    closes first, the start stops it itself, or its thread would keep the app alive."""
    args = build_parser().parse_args(["--demo", "--seed", "7", "--records", "30"])
    session = DesktopSession(args)
    closing = qloop.create_task(session.close())  # the window closed: nothing started yet
    qtbot.waitUntil(closing.done, timeout=15_000)
    server = session._serve_demo_fake()  # the start finishing late, on its thread
    port = server._port
    assert port
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # not serving
    assert not [t for t in threading.enumerate() if t.name.startswith("sandbox")
                and t.is_alive()]


def test_settings_live_in_mergedesk_home_when_it_is_set(monkeypatch, tmp_path):
    """A portable install (or a test run) keeps its window and connections with its
    data, never in the user's own settings; without MERGEDESK_HOME, the platform's."""
    from PySide6.QtCore import QSettings

    from mergedesk.app import SETTINGS_FILE, user_settings

    monkeypatch.setenv("MERGEDESK_HOME", str(tmp_path))
    settings = user_settings()
    assert settings.fileName() == str(tmp_path / SETTINGS_FILE)
    settings.setValue("connections/last", "demo")
    settings.sync()
    assert "last=demo" in (tmp_path / SETTINGS_FILE).read_text()
    monkeypatch.delenv("MERGEDESK_HOME")
    assert user_settings().fileName() == QSettings().fileName()
