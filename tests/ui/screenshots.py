"""Screenshots of the review window on a real X server, for the README and for looking
at. Not a test: it drives the real app (demo sandbox, services, journal) through a few
moments of a review and grabs the screen with ImageMagick's `import`.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshots OUT

writes OUT/main-window.png, OUT/compare-view.png, OUT/merge-queue.png."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import qasync
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from mergedesk.app import DesktopSession, _describe_app, build_parser
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import ScanService
from mergedesk.services.workspace import Workspace
from mergedesk.ui.models.attachments import KEEP
from mergedesk.ui.models.queue import QueueState
from mergedesk.ui.review.main_window import MainWindow
from mergedesk.ui.review.review_panel import FILES_TAB, NOTES_TAB


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        await asyncio.sleep(0.05)


async def settle(seconds: float = 0.6) -> None:
    """Let Qt lay out and paint before the grab."""
    await asyncio.sleep(seconds)


def grab(path: Path) -> None:
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print(path)


async def shoot(window: MainWindow, session: DesktopSession, out: Path) -> None:
    await session.open(window)
    await until(lambda: window.groups.rowCount() > 0 and window.review_panel.loaded)
    window.queue.hold_seconds = 0.0
    window.activateWindow()
    view = window.review_panel.compare_view
    view.setFocus()
    # A value picked by key, then Ctrl+Enter: merged in the background meanwhile.
    first = window.compare.group_id
    view.pick(2)
    _decide_blockers(window)
    window.actions.merge.trigger()
    await until(lambda: window.review_panel.loaded and window.compare.group_id != first)
    await until(lambda: window.queue.count(QueueState.DONE) == 1)
    await _open_group_with_files(window)
    await settle()
    grab(out / "main-window.png")
    await _compare_with_files(window)
    grab(out / "compare-view.png")
    await _queue_with_failure(window, session)
    grab(out / "merge-queue.png")


async def _open_group_with_files(window: MainWindow) -> None:
    """The next group whose records have files in file fields (Zoho's selectable kind)."""
    for _ in range(12):
        if any(a.field for a in window.compare.attachments()) and len(
                window.compare.record_ids) >= 2:
            return
        current = window.compare.group_id
        window.actions.next_group.trigger()
        await until(lambda c=current: window.review_panel.loaded
                    and window.compare.group_id != c)


async def _compare_with_files(window: MainWindow) -> None:
    panel = window.review_panel
    panel.show_tab(FILES_TAB)
    files = panel.attachments
    for row in range(files.rowCount()):
        index = files.index(row, KEEP)
        if files.flags(index) & Qt.ItemFlag.ItemIsEnabled and files.index(row, 2).data() \
                and "(master)" not in files.index(row, 2).data():
            files.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
            panel.files.table.selectRow(row)
            break
    title = window.compare.row_of("Title")
    if title >= 0:
        window.compare.set_custom(title, "Head of Partnerships")
    panel.compare_view.setFocus()
    await settle()


async def _queue_with_failure(window: MainWindow, session: DesktopSession) -> None:
    sandbox = session.sandbox
    assert sandbox is not None
    token = sandbox.credentials["MERGEDESK_ZOHO_REFRESH_TOKEN"]
    fault = {"kind": "status", "method": "POST", "path": "actions/merge", "status": 400,
             "body": {"data": [{"code": "INVALID_DATA", "status": "error", "details": {},
                                "message": "the master record is locked by an approval"}]}}
    async with httpx.AsyncClient(base_url=sandbox.root_url, timeout=10) as client:
        answer = await client.post("/_sandbox/faults", json=fault,
                                   headers={"x-sandbox-token": token})
        answer.raise_for_status()
    window.review_panel.show_tab(NOTES_TAB)
    for _ in range(2):  # one fails with the CRM's words, one goes through
        current = window.compare.group_id
        _decide_blockers(window)
        window.actions.merge.trigger()
        await until(lambda c=current: window.review_panel.loaded
                    and window.compare.group_id != c)
    await until(lambda: window.queue.count(QueueState.DONE) == 3, 30)
    window.queue.hold_seconds = 600.0  # the next ones wait, as they would for an undo
    for _ in range(2):
        current = window.compare.group_id
        _decide_blockers(window)
        window.actions.merge.trigger()
        await until(lambda c=current: window.review_panel.loaded
                    and window.compare.group_id != c)
    window.queue_dock.raise_()
    window.resizeDocks([window.queue_dock], [260], Qt.Orientation.Vertical)
    window.queue_panel.table.selectRow(1)
    await settle()


def _decide_blockers(window: MainWindow) -> None:
    """What a reviewer does before Ctrl+Enter on a flagged group: keep the master's value
    of each field the checks ask to decide."""
    for finding in window.review_panel.checks.blockers():
        row = window.compare.row_of(finding.field or "")
        if row >= 0:
            window.compare.choose(row, window.compare.master)


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "resources/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    args = build_parser().parse_args(["--demo", "--provider", "zoho", "--seed", "5",
                                      "--records", "300"])
    app = QApplication([sys.argv[0]])
    _describe_app(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    home = tempfile.TemporaryDirectory(prefix="mergedesk-shots-")
    settings = QSettings(str(Path(home.name) / "settings.ini"), QSettings.Format.IniFormat)
    workspace = Workspace.open(Path(home.name))
    session = DesktopSession(args)
    window = MainWindow(workspace, ScanService(workspace), ApplyService(workspace), settings,
                        demo=True)
    window.resize(1400, 900)
    window.move(0, 0)
    window.show()
    failed: list[BaseException] = []

    async def run() -> None:
        try:
            await shoot(window, session, out)
        except BaseException as exc:
            failed.append(exc)
            raise
        finally:
            # From the loop's next turn: the async closeEvent must be a task of its own.
            QTimer.singleShot(0, window.close)

    window.tasks.start("screenshots", run())
    with loop:
        loop.run_forever()
        loop.run_until_complete(session.close())
    workspace.close()
    home.cleanup()
    if failed:
        print(f"screenshots failed: {failed[0]!r}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
