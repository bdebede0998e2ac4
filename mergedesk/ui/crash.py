"""The crash handler: an exception nobody caught (sys.excepthook, a thread, the asyncio
loop) shows a dialog with a copyable report instead of the app vanishing. The report is
passed through the providers' redaction and has the home folder masked, so it can be
pasted into a support ticket as it is."""

from __future__ import annotations

import asyncio
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import mergedesk
from mergedesk.providers.redaction import redact
from mergedesk.ui.icons import icon

log = logging.getLogger(__name__)
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def crash_report(exc_info: ExcInfo, where: str) -> str:
    """Plain text for a support ticket: versions, where it happened, the traceback."""
    exc_type, exc, tb = exc_info
    lines = [
        f"MergeDesk {mergedesk.__version__} crash report, {datetime.now(UTC):%Y-%m-%d %H:%M:%SZ}",
        f"Where: {where}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}, "
        f"{platform.platform()}{', frozen' if getattr(sys, 'frozen', False) else ''}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return scrub("\n".join(line.rstrip("\n") for line in lines))


def scrub(text: str) -> str:
    """Known secrets and credential-looking values masked; the home folder shown as ~
    (it usually carries the user's name)."""
    home = str(Path.home())
    text = redact(text)
    return text.replace(home, "~") if len(home) > 1 else text


class CrashDialog(QDialog):
    """Says what happened in one sentence and offers the report to copy."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowIcon(icon("status-failed"))
        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self.report_view = QPlainTextEdit(self)
        self.report_view.setReadOnly(True)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_view.setPlainText(report)
        self._buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(icon("copy"), "", self)
        self._buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = self._buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.continue_button = self._buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.quit_button.clicked.connect(self._on_quit_button_clicked)
        self.continue_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self._message)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self._buttons)
        self.resize(760, 460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("MergeDesk ran into a problem"))
        self._message.setText(self.tr(
            "Something went wrong that MergeDesk did not expect. Merges already sent are in "
            "the journal, and any merge left open is settled by reading the CRM the next "
            "time MergeDesk connects. Please copy the report below and send it to your "
            "support contact: it contains no passwords, tokens or keys."))
        self.copy_button.setText(self.tr("&Copy report"))
        self.quit_button.setText(self.tr("&Quit MergeDesk"))
        self.continue_button.setText(self.tr("Keep &working"))

    @property
    def report(self) -> str:
        return self.report_view.toPlainText()

    def add_report(self, report: str) -> None:
        """A further crash while the dialog is open: appended, not another dialog."""
        self.report_view.appendPlainText("\n" + "-" * 72 + "\n" + report)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))

    def _on_quit_button_clicked(self) -> None:
        self.reject()
        QApplication.closeAllWindows()  # the main window's closeEvent saves and cancels
        QTimer.singleShot(0, QApplication.quit)


class CrashHandler(QObject):
    """Catches what nobody caught. From any thread the report reaches the GUI thread
    through a queued signal; widgets are touched there only.

    With `interactive=False` (the self-test) nothing waits for a person: the report is
    only logged (stderr and the log file) and `on_crash` is called with it."""

    crashed = Signal(str)  # the report

    def __init__(self, parent: QObject | None = None, *, interactive: bool = True,
                 on_crash: Callable[[str], None] | None = None):
        super().__init__(parent)
        self._interactive = interactive
        self.on_crash = on_crash  # also set later: the self-test exists after the handler
        self.dialog: CrashDialog | None = None
        self._previous: tuple[Any, Any] | None = None
        self.crashed.connect(self._on_crashed, Qt.ConnectionType.QueuedConnection)

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook
        if loop is not None:
            loop.set_exception_handler(self.loop_exception_handler)

    def uninstall(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        if loop is not None:
            loop.set_exception_handler(None)

    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report((exc_type, exc, tb), "the user interface (main thread)")

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread else "?"
        self.report((args.exc_type, args.exc_value, args.exc_traceback), f"thread {name}")

    def loop_exception_handler(self, loop: asyncio.AbstractEventLoop,
                               context: dict[str, Any]) -> None:
        exc = context.get("exception")
        # Messages without an exception (unclosed transports, slow callbacks) and
        # cancellations are asyncio's housekeeping: logged as asyncio does, no dialog.
        if not isinstance(exc, Exception):
            loop.default_exception_handler(context)
            return
        where = f"background task ({context.get('message', 'asyncio')})"
        self.report((type(exc), exc, exc.__traceback__), where)

    def report(self, exc_info: ExcInfo, where: str) -> None:
        """Log and show one crash; callable from any thread."""
        text = crash_report(exc_info, where)
        log.critical("unhandled exception in %s\n%s", where, text)
        self.crashed.emit(text)

    def _on_crashed(self, report: str) -> None:
        if self._interactive:  # else report() has logged it, and that is all
            self._show(report)
        if self.on_crash is not None:
            self.on_crash(report)

    def _show(self, report: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_report(report)
            return
        self.dialog = CrashDialog(report, QApplication.activeWindow())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._on_dialog_destroyed)
        # open(), not exec(): a nested event loop inside a crash could re-enter the code
        # that just failed, and would stall the qasync loop meanwhile.
        self.dialog.open()

    def _on_dialog_destroyed(self) -> None:
        self.dialog = None
