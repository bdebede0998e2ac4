"""The GUI entry point: builds the QApplication, the qasync loop, logging, the workspace,
the services and the main window once, passes them in, and runs until the app quits.

With no CRM connection given (`--provider` + `--base-url`), MergeDesk opens on the
embedded Chatwoot sandbox with demo data in a temporary folder (never the user's
journal), and scans it at once so the window shows groups.

Start-up: only what the first paint needs loads before the window shows (measured by
tests/benchmarks/bench_startup.py). Connecting waits for that paint: the demo sandbox,
credentials (keyring), pydantic settings and the provider's client load after it."""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import mergedesk
from mergedesk.providers import registry
from mergedesk.resources import APP_ID
from mergedesk.services import logs
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import GUI_CHILD_PROCESS_FROM, ScanService
from mergedesk.services.workspace import HOME_ENV, Workspace
from mergedesk.ui import i18n, theme
from mergedesk.ui.connect.profiles import ProfileStore
from mergedesk.ui.connection import Connection
from mergedesk.ui.crash import CrashHandler
from mergedesk.ui.icons import icon
from mergedesk.ui.review.main_window import MainWindow
from mergedesk.ui.settings_menu import SettingsMenu

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from mergedesk.providers.base import ConnectionSettings, Provider
    from mergedesk.sandbox.server import SandboxServer
    from mergedesk.selftest import SelfTest

log = logging.getLogger(__name__)
DEMO_PROVIDER = "chatwoot"
DEMO_RECORDS = 300
DEMO_SEED = 5  # its data shows groups of two and of three records on first open
DEMO_MEMORY_ROOM = 512 * 2**20  # bytes free in /dev/shm to keep the demo's data there
SETTINGS_FILE = "settings.ini"  # in MERGEDESK_HOME or the self-test's folder (user_settings)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mergedesk", description="MergeDesk, the GUI.")
    parser.add_argument("--demo", action="store_true",
                        help="open on the embedded demo sandbox (the default without a CRM)")
    parser.add_argument("--provider", help="CRM to connect to, e.g. chatwoot; with --demo, "
                        "the CRM whose sandbox the demo serves (e.g. zoho, with files)")
    parser.add_argument("--base-url", help="the CRM's API root, tenant included")
    parser.add_argument("--entity", default="contacts")
    parser.add_argument("--profile", help="keyring profile holding the credentials")
    parser.add_argument("--seed", type=int, default=DEMO_SEED, help="demo data seed")
    parser.add_argument("--records", type=int, default=DEMO_RECORDS, help="demo records")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--lang", help="UI language: en, de, fr, es or system "
                        "(default: the choice saved in Settings, else the system's)")
    parser.add_argument("--theme", choices=theme.THEMES,
                        help="light or dark (default: the saved choice, else the system's)")
    parser.add_argument("--self-test", action="store_true",
                        help="review and merge one demo group offscreen; exit 0 on success")
    # For tests/benchmarks/bench_startup.py: print when the window is painted, then quit.
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return parser


class DesktopSession:
    """What the app opened and must close: the sandbox (demo), the provider, a scan."""

    def __init__(self, args: argparse.Namespace, saved: str = ""):
        """`saved`: the saved connection last used, opened when no CRM is named."""
        self.args = args
        # Without a CRM on the command line: the last saved connection, else the demo.
        named = args.demo or args.provider or args.base_url
        self.saved = "" if named else saved
        self.demo = not self.saved and (args.demo or not (args.provider and args.base_url))
        self.demo_provider = args.provider or DEMO_PROVIDER  # `--demo --provider zoho`
        self._sandbox: SandboxServer | None = None
        self._provider: Provider | None = None
        # The sandbox starts on a worker thread; the window may close meanwhile (the
        # start is not cancellable): the lock hands it to close(), or close's word to it.
        self._sandbox_lock = threading.Lock()
        self._closed = False

    async def open(self, window: MainWindow) -> None:
        """Connect (starting the sandbox in demo mode), then show or find groups."""
        from mergedesk.providers.base import ConnectionSettings
        from mergedesk.services import credentials

        if self.saved:
            await window.connections.open_saved(self.saved)
            return
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
        from pydantic import SecretStr

        from mergedesk.providers.base import ConnectionSettings

        window.status_bar.showMessage(
            QCoreApplication.translate("App", "Starting the demo CRM…"))
        # Generating the data and starting uvicorn take a moment: not on the GUI thread.
        loop = asyncio.get_running_loop()
        sandbox = await loop.run_in_executor(None, self._serve_demo_fake)
        spec = registry.spec(self.demo_provider)
        offered = sandbox.credentials  # environment-variable name -> value
        tokens = {name: SecretStr(offered[spec.env_var(name)])
                  for name in spec.credential_names if spec.env_var(name) in offered}
        settings = ConnectionSettings(provider=spec.name, base_url=sandbox.base_url,
                                      credentials=tokens)
        label = QCoreApplication.translate("App", "{crm} demo sandbox").format(
            crm=spec.display_name)
        return settings, label

    def _serve_demo_fake(self) -> SandboxServer:
        from mergedesk.sandbox import SANDBOXES
        from mergedesk.sandbox.server import SandboxServer

        fake = SANDBOXES[self.demo_provider](seed=self.args.seed, records=self.args.records,
                                             entity=self.args.entity)
        # uvicorn serves it from its own thread: a slow fake answer never stalls the GUI.
        server = SandboxServer.for_fake(fake).start()
        with self._sandbox_lock:
            self._sandbox, closed = server, self._closed
        if closed:  # the window closed while it started: its thread must not outlive it
            server.stop()
        return server

    @property
    def sandbox(self) -> SandboxServer | None:
        """The demo CRM while it runs; the self-test checks its state through it."""
        return self._sandbox

    async def close(self) -> None:
        if self._provider is not None:
            await self._provider.aclose()
        with self._sandbox_lock:
            self._closed, sandbox = True, self._sandbox
        if sandbox is not None:
            sandbox.stop()


def user_settings(folder: Path | None = None) -> QSettings:
    """The window's settings and saved connections: in `folder` if given (the
    self-test's throwaway one), else in the data folder when MERGEDESK_HOME gives the
    app one of its own (a portable install, a test run, a benchmark), else where the
    platform keeps an app's settings."""
    home = folder or os.environ.get(HOME_ENV)
    if home:
        return QSettings(str(Path(home) / SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings()


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    args, qt_args = build_parser().parse_known_args(sys.argv[1:] if argv is None else argv)
    if args.provider and not args.base_url and not args.demo:
        print("mergedesk: error: --provider needs --base-url (or --demo)", file=sys.stderr)
        return 2
    if args.self_test:
        # Offscreen unless the caller chose a platform: QT_QPA_PLATFORM=xcb under Xvfb
        # checks that an installed package finds the X libraries it depends on.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        args.demo = True
    logs.configure(verbose=args.verbose)
    app = QApplication([sys.argv[0], *qt_args])
    _describe_app(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    crash = CrashHandler(app, interactive=not args.self_test)
    crash.install(loop)
    session = DesktopSession(args, ProfileStore(user_settings()).last_saved())
    # Demo data lives in a throwaway folder: the demo never touches the real journal.
    demo_home = _demo_folder() if session.demo else None
    # The self-test keeps its settings there too: it must not move the user's window.
    settings = user_settings(Path(demo_home.name) if args.self_test and demo_home else None)
    translations, themes = _apply_preferences(app, args, settings)
    workspace = Workspace.open(Path(demo_home.name) if demo_home else None)
    # The self-test's small demo scan matches in a child process too: a frozen build must
    # prove it can start one (freeze_support), as its large scans will.
    scans = ScanService(workspace,
                        child_process_from=0 if args.self_test else GUI_CHILD_PROCESS_FROM)
    window = MainWindow(workspace, scans, ApplyService(workspace), settings,
                        demo=session.demo, tune_now=False)
    _add_settings_menu(window, SettingsMenu(settings, translations, themes, window))
    _quit_on_sigint(window)
    job = _self_test_hooks(args, window, session, started)
    crash.on_crash = job.on_crash if job else None
    window.show()
    window.tasks.start("connect", _after_first_paint(
        window, job.run if job else lambda: session.open(window)))
    try:
        with loop:
            loop.run_forever()  # returns when the last window closed (aboutToQuit)
            loop.run_until_complete(session.close())
    finally:
        crash.uninstall(loop)
        workspace.close()
        if demo_home is not None:
            demo_home.cleanup()
    return job.exit_code if job else 0


def _demo_folder() -> tempfile.TemporaryDirectory[str]:
    """The demo's throwaway folder, in memory where Linux offers it (/dev/shm): the demo
    opens a new database at every start, and its disk syncs (WAL, synchronous=FULL)
    took ~50 ms before the window could show, ~15 ms in memory. Elsewhere, or with
    little room there (a container's 64 MB), the usual temporary folder."""
    shm = Path("/dev/shm")
    in_memory = (shm.is_dir() and os.access(shm, os.W_OK)
                 and shutil.disk_usage(shm).free > DEMO_MEMORY_ROOM)
    return tempfile.TemporaryDirectory(prefix="mergedesk-demo-",
                                       dir=str(shm) if in_memory else None)


def _describe_app(app: QApplication) -> None:
    app.setOrganizationName("MergeDesk")
    app.setApplicationName("MergeDesk")
    app.setApplicationDisplayName("MergeDesk")
    app.setDesktopFileName(APP_ID)  # the .desktop file's name: Wayland's app_id
    app.setWindowIcon(icon("mergedesk"))


def _self_test_hooks(args: argparse.Namespace, window: MainWindow, session: DesktopSession,
                     started: float) -> SelfTest | None:
    """--self-test and the start-up probe; imported only then (httpx and friends are
    not worth loading before the window shows)."""
    if not (args.self_test or args.exit_when_shown):
        return None
    from mergedesk.selftest import SelfTest, exit_when_shown

    if args.exit_when_shown:
        exit_when_shown(window, started)
    return SelfTest(window, session, started) if args.self_test else None


def _add_settings_menu(window: MainWindow, menu: SettingsMenu) -> None:
    """Settings goes before the last menu, Help, which stays last by convention."""
    bar = window.menuBar()
    menus = bar.actions()
    if menus:
        bar.insertMenu(menus[-1], menu)
    else:
        bar.addMenu(menu)


def _apply_preferences(app: QApplication, args: argparse.Namespace, settings: QSettings,
                       ) -> tuple[i18n.Translations, theme.ThemeManager]:
    """Language and theme before any window exists: `--lang`/`--theme`, else the saved
    choice, else the system's. The Settings menu changes them later."""
    translations = i18n.Translations(app)
    translations.apply(i18n.chosen_language(args.lang, settings))
    themes = theme.ThemeManager(app)
    themes.apply(theme.chosen_theme(args.theme, settings))
    return translations, themes


class _PaintProbe(QObject):
    """Event filter: resolves `painted` once the window's first paint has been handled."""

    def __init__(self, window: QWidget, painted: asyncio.Future[None]):
        super().__init__(window)
        self._painted = painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted.done():
            # The filter runs before the window paints: resolve on the next loop turn.
            QTimer.singleShot(0, self._resolve)
        return False

    def _resolve(self) -> None:
        if not self._painted.done():
            self._painted.set_result(None)


async def _after_first_paint(window: QWidget, work: Callable[[], Awaitable[None]],
                             limit: float = 3.0) -> None:
    """Run `work` once the window has painted (or after `limit` seconds, for a window
    that never paints): starting the sandbox and connecting load modules and hold the
    GIL, which would delay the first paint if they started with it."""
    painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    probe = _PaintProbe(window, painted)
    window.installEventFilter(probe)
    try:
        await asyncio.wait_for(painted, limit)
    except TimeoutError:
        log.debug("no paint within %.0f s; connecting anyway", limit)
    finally:
        window.removeEventFilter(probe)
        probe.deleteLater()
        gc.enable()  # the command entry turned it off for the start-up (cli.main)
    # Nothing shown reads the version; the package metadata loads now, not before the paint.
    QCoreApplication.setApplicationVersion(mergedesk.__version__)
    if isinstance(window, MainWindow):
        window.tune_responsiveness()
    await work()


def _quit_on_sigint(window: MainWindow) -> None:
    """Ctrl+C in the terminal closes the window as the close button would. Python runs
    signal handlers only between bytecodes, so a timer wakes the interpreter."""
    signal.signal(signal.SIGINT, lambda *_: window.close())
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(250)
