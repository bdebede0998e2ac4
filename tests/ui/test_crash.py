"""The crash handler: an exception nobody caught (a slot, a thread, the asyncio loop)
shows a dialog with a copyable report that carries no secret."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from mergedesk.providers.redaction import SECRETS
from mergedesk.ui.crash import CrashDialog, CrashHandler, crash_report

TOKEN = "cw_tok_9f8e7d6c5b4a3210"


class ClientBlewUp(RuntimeError):
    pass


def _exc_info(message: str) -> tuple:
    try:
        raise ClientBlewUp(message)
    except ClientBlewUp as exc:
        return type(exc), exc, exc.__traceback__


@pytest.fixture
def handler(qtbot):
    SECRETS.add(TOKEN)  # as a provider client does with the token it holds
    crash = CrashHandler()
    yield crash
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.close()


def test_the_report_names_the_error_and_masks_secrets_and_the_home_folder(monkeypatch):
    monkeypatch.setattr(Path, "home", lambda: Path("/home/ana"))
    report = crash_report(_exc_info(
        f"GET /contacts api_access_token={TOKEN} Authorization: Bearer abc.def.ghi "
        "from /home/ana/.local/share/mergedesk"), "the user interface")
    assert "ClientBlewUp" in report and "MergeDesk" in report and "Python" in report
    assert TOKEN not in report and "abc.def.ghi" not in report
    assert "/home/ana" not in report and "~/.local/share/mergedesk" in report
    assert "Traceback (most recent call last)" in report


def test_an_exception_in_a_slot_opens_the_dialog_with_the_redacted_report(qtbot, handler):
    handler.excepthook(*_exc_info(f"token {TOKEN} refused"))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    qtbot.addWidget(handler.dialog)
    report = handler.dialog.report
    assert "ClientBlewUp" in report and TOKEN not in report and "***" in report


@pytest.mark.qt_no_exception_capture
def test_installed_it_catches_what_a_qt_slot_raises(qtbot, handler):
    before = sys.excepthook
    handler.install()
    assert sys.excepthook == handler.excepthook

    def slot() -> None:
        raise ClientBlewUp(f"from a timer with {TOKEN}")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "from a timer" in handler.dialog.report and TOKEN not in handler.dialog.report
    handler.uninstall()
    assert sys.excepthook == before


def test_copy_puts_the_whole_report_on_the_clipboard(qtbot):
    dialog = CrashDialog("MergeDesk crash report\nline two")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "MergeDesk crash report\nline two"
    assert dialog.copy_button.text() == "Copied"


def test_a_second_crash_is_added_to_the_open_dialog(qtbot, handler):
    handler.excepthook(*_exc_info("first"))
    qtbot.waitUntil(lambda: handler.dialog is not None)
    first_dialog = handler.dialog
    handler.excepthook(*_exc_info("second"))
    qtbot.waitUntil(lambda: "second" in first_dialog.report)
    assert handler.dialog is first_dialog and "first" in first_dialog.report


def test_a_thread_crash_reaches_the_gui_thread(qtbot, handler):
    handler.install()

    def work() -> None:
        raise ClientBlewUp("in a worker")

    with qtbot.waitSignal(handler.crashed, timeout=5000):
        thread = threading.Thread(target=work, name="worker-7")
        thread.start()
        thread.join()
    qtbot.waitUntil(lambda: handler.dialog is not None)
    assert "thread worker-7" in handler.dialog.report


def test_the_loop_handler_reports_task_exceptions_and_leaves_housekeeping(qtbot, qloop,
                                                                          handler):
    handler.install(qloop)
    qloop.call_exception_handler({"message": "unclosed transport"})  # no exception: no dialog
    qloop.call_exception_handler({"message": "Task exception was never retrieved",
                                  "exception": ClientBlewUp(f"lost {TOKEN}")})
    qtbot.waitUntil(lambda: handler.dialog is not None)
    report = handler.dialog.report
    assert "Task exception was never retrieved" in report and TOKEN not in report
    assert "unclosed transport" not in report
    handler.uninstall(qloop)


def test_without_a_person_the_crash_only_reaches_the_callback(qtbot):
    seen: list[str] = []
    crash = CrashHandler(interactive=False, on_crash=seen.append)
    crash.excepthook(*_exc_info("self-test"))
    qtbot.waitUntil(lambda: bool(seen))
    assert crash.dialog is None and "self-test" in seen[0]
