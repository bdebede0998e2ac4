"""The GUI entry point: builds the QApplication, the qasync loop, logging, the workspace,
the services and the main window once, passes them in, and runs until the app quits.

With no CRM connection given (`--provider` + `--base-url`), MergeDesk opens on the
embedded Chatwoot sandbox with demo data in a temporary folder (never the user's
journal), and scans it at once so the window shows groups."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import qasync
from pydantic import SecretStr
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from mergedesk import __version__
from mergedesk.providers import registry
from mergedesk.providers.base import ConnectionSettings, Provider
from mergedesk.resources import APP_ID, translations_dir
from mergedesk.services import credentials, logs
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import ScanService
from mergedesk.services.workspace import Workspace
from mergedesk.ui.connection import Connection
from mergedesk.ui.icons import icon
from mergedesk.ui.review.main_window import MainWindow

if TYPE_CHECKING:
    from mergedesk.sandbox.server import SandboxServer

log = logging.getLogger(__name__)
DEMO_PROVIDER = "chatwoot"
DEMO_RECORDS = 300
DEMO_SEED = 5  # its data shows groups of two and of three records on first open


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mergedesk", description="MergeDesk, the GUI.")
    parser.add_argument("--demo", action="store_true",
                        help="open on the embedded demo sandbox (the default without a CRM)")
    parser.add_argument("--provider", help="CRM to connect to, e.g. chatwoot")
    parser.add_argument("--base-url", help="the CRM's API root, tenant included")
    parser.add_argument("--entity", default="contacts")
    parser.add_argument("--profile", help="keyring profile holding the credentials")
    parser.add_argument("--seed", type=int, default=DEMO_SEED, help="demo data seed")
    parser.add_argument("--records", type=int, default=DEMO_RECORDS, help="demo records")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser


class DesktopSession:
    """What the app opened and must close: the sandbox (demo), the provider, a scan."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.demo = args.demo or not (args.provider and args.base_url)
        self._sandbox: SandboxServer | None = None
        self._provider: Provider | None = None

    async def open(self, window: MainWindow) -> None:
        """Connect (starting the sandbox in demo mode), then show or find groups."""
        if self.demo:
            settings, label = await self._start_sandbox(window)
        else:
            spec = registry.spec(self.args.provider)
            settings = ConnectionSettings(
                provider=spec.name, base_url=self.args.base_url.rstrip("/"),
                credentials=credentials.load(spec, self.args.profile))
            label = f"{spec.display_name} · {settings.base_url}"
        self._provider = registry.create(settings)
        await self._provider.check_auth()
        window.set_connection(Connection(self._provider, settings.base_url,
                                         self.args.entity, label))
        if self.demo or window.show_stored_groups() == 0:
            window.start_scan()

    async def _start_sandbox(self, window: MainWindow) -> tuple[ConnectionSettings, str]:
        window.status_bar.showMessage(
            QCoreApplication.translate("App", "Starting the demo CRM…"))
        # Generating the data and starting uvicorn take a moment: not on the GUI thread.
        loop = asyncio.get_running_loop()
        self._sandbox = await loop.run_in_executor(None, self._serve_demo_fake)
        spec = registry.spec(DEMO_PROVIDER)
        offered = self._sandbox.credentials  # environment-variable name -> value
        tokens = {name: SecretStr(offered[spec.env_var(name)])
                  for name in spec.credential_names if spec.env_var(name) in offered}
        settings = ConnectionSettings(provider=DEMO_PROVIDER, base_url=self._sandbox.base_url,
                                      credentials=tokens)
        label = QCoreApplication.translate("App", "{crm} demo sandbox").format(
            crm=spec.display_name)
        return settings, label

    def _serve_demo_fake(self) -> SandboxServer:
        from mergedesk.sandbox import SANDBOXES
        from mergedesk.sandbox.server import SandboxServer

        fake = SANDBOXES[DEMO_PROVIDER](seed=self.args.seed, records=self.args.records)
        # uvicorn serves it from its own thread: a slow fake answer never stalls the GUI.
        return SandboxServer.for_fake(fake).start()

    async def close(self) -> None:
        if self._provider is not None:
            await self._provider.aclose()
        if self._sandbox is not None:
            self._sandbox.stop()


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = build_parser().parse_known_args(sys.argv[1:] if argv is None else argv)
    if args.provider and not args.base_url:
        print("mergedesk: error: --provider needs --base-url", file=sys.stderr)
        return 2
    logs.configure(verbose=args.verbose)
    app = QApplication([sys.argv[0], *qt_args])
    _describe_app(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    session = DesktopSession(args)
    # Demo data lives in a throwaway folder: the demo never touches the real journal.
    demo_home = tempfile.TemporaryDirectory(prefix="mergedesk-demo-") if session.demo else None
    workspace = Workspace.open(Path(demo_home.name) if demo_home else None)
    window = MainWindow(workspace, ScanService(workspace), ApplyService(workspace), QSettings())
    _quit_on_sigint(window)
    window.show()
    window.tasks.start("connect", session.open(window))
    try:
        with loop:
            loop.run_forever()  # returns when the last window closed (aboutToQuit)
            loop.run_until_complete(session.close())
    finally:
        workspace.close()
        if demo_home is not None:
            demo_home.cleanup()
    return 0


def _describe_app(app: QApplication) -> None:
    app.setOrganizationName("MergeDesk")
    app.setApplicationName("MergeDesk")
    app.setApplicationDisplayName("MergeDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # the .desktop file's name: Wayland's app_id
    app.setWindowIcon(icon("mergedesk"))
    _install_translators(app)


def _install_translators(app: QApplication) -> None:
    """Qt's own strings (qtbase) and ours, for the system language; English without."""
    locale = QLocale.system()
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         ("mergedesk", str(translations_dir()))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def _quit_on_sigint(window: MainWindow) -> None:
    """Ctrl+C in the terminal closes the window as the close button would. Python runs
    signal handlers only between bytecodes, so a timer wakes the interpreter."""
    signal.signal(signal.SIGINT, lambda *_: window.close())
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(250)
