"""Matching in a child process, for a GUI's scans of many records. No Qt.

A thread does not keep the matching engine off a GUI's event loop: numpy, rapidfuzz and
the set and dict builds over 100,000 records are single C calls that hold the GIL for
50-130 ms each, and the GUI thread waits for every one (bench_ui.py's loop stall). In a
child process the engine has an interpreter, and a GIL, of its own. What crosses the
pipe goes in slices of a few milliseconds' pickling each, so the GUI thread gets its
turn between them: records as (id, fields) pairs (all the engine reads of them), and
the groups found.

The child is spawned (never forked: a GUI process has threads), runs one scan and ends.
Cancelling (the scan's cancel(), or the awaiting task's cancellation) kills it."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import threading
import traceback
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from mergedesk.core.matching import MatchSettings
    from mergedesk.core.models import Record
    from mergedesk.services.scan import Found

log = logging.getLogger(__name__)

SLICE = 500  # records or groups a message: about a millisecond to pickle or unpickle
POLL_S = 0.05  # how often the parent's reader looks at cancel() while the child works
STEPS = 1000  # progress the child reports: a change of 1/1000 or more
CHILD_NICENESS = 10  # POSIX; on two cores the GUI thread waited up to 13 ms for one


class Row(NamedTuple):
    """A record as the child gets it: what the engine and with_search_texts() read."""

    id: str
    fields: dict[str, Any]


class MatchingFailed(RuntimeError):
    """The matching process raised, or ended without an answer (killed, out of memory)."""


async def match_in_child(
    records: Sequence[Record],
    entity: str,
    settings: MatchSettings,
    excluded_pairs: Collection[frozenset[str]],
    *,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple[Found, list[str]]:
    """find_groups() of `records` in a child process: the groups with their search
    texts, and the engine's notes. Raises ScanCancelled if cancel() turns true."""
    stop = threading.Event()
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(
            None, _run, records, entity, settings, excluded_pairs, progress,
            lambda: stop.is_set() or bool(cancel and cancel()))
    except asyncio.CancelledError:
        stop.set()  # the reader thread kills the child within POLL_S
        raise


def _run(records: Sequence[Record], entity: str, settings: MatchSettings,
         excluded_pairs: Collection[frozenset[str]],
         progress: Callable[[float], None] | None,
         stopped: Callable[[], bool]) -> tuple[Found, list[str]]:  # fmt: skip
    """The reader thread: start the child, feed it, relay its progress, take its answer."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    child = context.Process(target=child_main, args=(theirs,), name="mergedesk-matching",
                            daemon=True)
    child.start()
    theirs.close()  # so a dead child reads as EOF here
    answered = False
    try:
        try:
            _send(ours, records, (entity, settings, set(excluded_pairs), len(records)), stopped)
            found, notes = _receive(ours, progress, stopped)
        except (EOFError, BrokenPipeError, ConnectionResetError):
            child.join(5)
            raise MatchingFailed(
                f"the matching process ended unexpectedly (exit code {child.exitcode})"
            ) from None
        answered = True
        return found, notes
    finally:
        ours.close()
        if answered:
            child.join(5)  # it ends by itself once it has answered
        if child.is_alive():
            child.kill()  # cancelled, failed, or stuck
            child.join(5)


def _send(pipe: Connection, records: Sequence[Record], scan: tuple,
          stopped: Callable[[], bool]) -> None:  # fmt: skip
    pipe.send(scan)
    for start in range(0, len(records), SLICE):
        _check(stopped)
        pipe.send([(r.id, r.fields) for r in records[start : start + SLICE]])


def _receive(pipe: Connection, progress: Callable[[float], None] | None,
             stopped: Callable[[], bool]) -> tuple[Found, list[str]]:  # fmt: skip
    found: Found = []
    while True:
        _check(stopped)
        if not pipe.poll(POLL_S):
            continue
        kind, value = pipe.recv()
        if kind == "progress" and progress:
            progress(value)
        elif kind == "groups":
            found.extend(value)
        elif kind == "done":
            return found, value
        elif kind == "error":
            message, detail = value
            log.error("%s\n%s", message, detail)
            raise MatchingFailed(message)


def _check(stopped: Callable[[], bool]) -> None:
    if stopped():
        from mergedesk.core.matching.progress import ScanCancelled

        raise ScanCancelled("scan cancelled")


def child_main(pipe: Connection) -> None:
    """The child's whole life: read the scan, match, answer, end."""
    # Nothing it allocates is garbage before it ends: collections would only walk the
    # records arriving (unpickling 100,000 took 0.95 s with the collector on, 0.2 off).
    gc.disable()
    if hasattr(os, "nice"):  # background work: the GUI's thread comes first for a core
        os.nice(CHILD_NICENESS)
    try:
        from mergedesk.core.matching import find_groups  # loads while the parent pickles
        from mergedesk.services.scan import with_search_texts

        entity, settings, excluded, count = pipe.recv()
        records: list[Row] = []
        while len(records) < count:
            records.extend(Row(*pair) for pair in pipe.recv())
        last = [-1]

        def report(fraction: float) -> None:
            step = int(fraction * STEPS)
            if step > last[0]:
                last[0] = step
                pipe.send(("progress", fraction))

        result = find_groups(records, entity, settings, excluded_pairs=excluded,
                             progress=report)
        found = with_search_texts(result.groups, records)
        for start in range(0, len(found), SLICE):
            pipe.send(("groups", found[start : start + SLICE]))
        pipe.send(("done", list(result.notes)))
    except (EOFError, BrokenPipeError):
        pass  # the parent went away (cancelled, or closed): nobody to answer
    except BaseException as exc:  # every failure goes back, as text
        answer = (f"matching failed: {type(exc).__name__}: {exc}", traceback.format_exc())
        with contextlib.suppress(OSError):  # the parent went away meanwhile
            pipe.send(("error", answer))
    pipe.close()
    # Its answer is sent: tearing down the interpreter would only free, object by
    # object, a heap about to go whole (half a second at 100,000 records).
    os._exit(0)
