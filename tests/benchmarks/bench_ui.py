"""The review window with a million groups in the store, measured on a real X server
(or offscreen): prints one JSON object.

    first_paint_ms     window.show() -> the group list's first painted rows on screen
    scroll             frame times (scroll step + synchronous repaint) of 400 steps:
                       wheel steps, page steps and scrollbar jumps anywhere in the list
    compare_render_ms  selecting a group of 10 records x 100 fields -> compare table painted
    loop_stall         the longest gap of a 5 ms QTimer heartbeat while a scan of 100,000
                       records and 100 queued merges run against a sandbox (Dataverse fake
                       in a child process, as a CRM is another machine)

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tests/benchmarks/bench_ui.py
        [--groups 1000000] [--records 100000] [--merges 100] [--skip-list] [--trace-stalls]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # runnable from a source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import qasync
from bench_ui_support import (
    WIDE,
    Heartbeat,
    PaintClock,
    StubProvider,
    build_store,
    close,
    connection_for,
    until,
)
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from mergedesk.ui.review.window_settings import HOLD_KEY


async def measure_list(app: PaintClock, window, provider: StubProvider) -> dict:
    table = window.group_panel.table
    app.watch(table.viewport())
    started = time.perf_counter()
    window.show()
    await until(lambda: app.painted_after(started) and window.groups.rowCount() > 0)
    first_paint = (app.first_paint_end - started) * 1000
    next_turn = (app.first_paint_turn - started) * 1000
    await until(lambda: window.groups.pages.ordered, 30)
    ordered = (time.perf_counter() - started) * 1000
    bar = table.verticalScrollBar()
    rows_per_page = max(1, table.viewport().height() // table.rowHeight(0))
    rng = random.Random(7)
    kinds: dict[str, list[float]] = {"wheel": [], "page": [], "jump": []}
    steps = [("wheel", 3)] * 200 + [("page", rows_per_page)] * 100 + [("jump", 0)] * 100
    rng.shuffle(steps)
    for kind, step in steps:
        target = rng.randrange(bar.maximum()) if kind == "jump" else min(
            bar.maximum(), bar.value() + step)
        begin = time.perf_counter()
        bar.setValue(target)
        table.viewport().repaint()  # the whole screenful, every frame: the worst case
        kinds[kind].append((time.perf_counter() - begin) * 1000)
        await asyncio.sleep(0)
    frames = sorted(f for times in kinds.values() for f in times)
    return {
        "groups": window.groups.rowCount(),
        "first_paint_ms": round(first_paint, 1),
        "first_paint_next_turn_ms": round(next_turn, 1),  # the looser stamp (PaintClock)
        "ordering_ready_ms": round(ordered, 1),
        "scroll": {"frames": len(frames), "rows_on_screen": rows_per_page,
                   "p50_ms": round(frames[len(frames) // 2], 2),
                   "p95_ms": round(frames[int(len(frames) * 0.95)], 2),
                   "max_ms": round(frames[-1], 2),
                   **{f"{k}_p95_ms": round(sorted(v)[int(len(v) * 0.95)], 2)
                      for k, v in kinds.items()}},
    }


async def measure_compare(app: PaintClock, window, groups: list[str]) -> dict:
    """Select each group of 10 records x 100 fields (from another one) and time until
    the compare table has painted it."""
    view = window.review_panel.compare_view
    app.watch(view.viewport())
    times = []
    for group_id in groups:
        begin = time.perf_counter()
        window.group_panel.select_group(group_id)
        await until(lambda g=group_id: window.compare.group_id == g
                    and window.review_panel.loaded)
        await until(lambda b=begin: app.painted_after(b, view.viewport()))
        times.append((app.last_paint_end - begin) * 1000)
    return {"records": len(window.compare.record_ids), "fields": window.compare.rowCount(),
            "compare_render_ms": {"median": round(statistics.median(times), 1),
                                  "max": round(max(times), 1),
                                  "each": [round(t, 1) for t in times]}}


def main(argv: list[str] | None = None) -> int:
    # Bytecode cached, as in a checkout that ran once or an installed app (as
    # bench_startup.py does) even where PYTHONDONTWRITEBYTECODE is set: otherwise the
    # scan's worker compiles the matching modules as it imports them, each compile() one
    # call holding the GIL (up to 40 ms): a loop stall no installed app has.
    sys.dont_write_bytecode = False
    sys.pycache_prefix = str(Path(__file__).resolve().parents[2] / "build" / "bench-pycache")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=1_000_000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--merges", type=int, default=100)
    parser.add_argument("--skip-stall", action="store_true")
    parser.add_argument("--skip-list", action="store_true",
                        help="only the loop-stall phase (no million-group store)")
    parser.add_argument("--trace-stalls", action="store_true",
                        help="print the GUI thread's stack whenever the loop stalls")
    parser.add_argument("--fault-trace", action="store_true",
                        help="faulthandler dumps every thread's stack when the loop stalls 50 ms "
                             "late (a C thread: it needs no GIL, unlike --trace-stalls)")
    args = parser.parse_args(argv)
    qapp = QApplication([sys.argv[0]])
    qapp.setQuitOnLastWindowClosed(False)  # one window per phase
    app = PaintClock()
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    result: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as home:
        store = None if args.skip_list else build_store(args.groups)
        if store:
            result["store_build_s"] = store.build_seconds

        async def run() -> None:
            from bench_ui_stall import measure_stall

            if store:
                window, provider = connection_for(store, QSettings(
                    str(Path(home) / "s.ini"), QSettings.Format.IniFormat))
                result.update(await measure_list(app, window, provider))
                # The groups of 10 records alternate, so each selection loads another one.
                picks = [WIDE[1 - n % 2] for n in range(6)]  # bench-0 is on screen first
                result.update(await measure_compare(app, window, picks))
                await close(window)
            if not args.skip_stall:
                settings = QSettings(str(Path(home) / "s2.ini"), QSettings.Format.IniFormat)
                settings.setValue(HOLD_KEY, 0)
                try:
                    result["loop_stall"] = await measure_stall(
                        Path(home), settings, args.records, args.merges,
                        lambda: Heartbeat(trace=args.trace_stalls, fault_trace=args.fault_trace))
                except TimeoutError as exc:  # keep the figures measured so far
                    result["loop_stall"] = {"error": str(exc)}

        with loop:
            loop.run_until_complete(run())
        if store:
            store.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
