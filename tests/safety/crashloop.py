"""Crash loops: the real `mergedesk apply` CLI runs as a subprocess against a fake CRM
served from this process and is killed with SIGKILL at a point drawn from a seeded RNG —
either when the fake receives its k-th request (before or after handling it, so "sent
but never applied" and "applied but the answer lost" are both hit exactly), or after a
random time (any point, journal writes included). Then recovery settles the journal, the
admin applies the plan again, and the fake must hold exactly the plan's intent with no
merge made twice. Shared by test_crash_loop.py and the crash_loop script."""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mergedesk.core.models import MergeStatus
from mergedesk.providers import registry
from mergedesk.sandbox import SANDBOXES
from mergedesk.sandbox.server import SandboxServer
from mergedesk.services.recovery import RecoveryService
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import StepState
from tests.conftest import Served
from tests.safety.harness import _apply, _plan, _scenario, merge_calls, no_sleep

ADMIN = "/_sandbox"


class KillSwitch:
    """ASGI wrapper: on the k-th vendor request, SIGKILL the apply process, before the
    fake handles the request or just after (the answer then goes nowhere)."""

    def __init__(self, app: Any):
        self.app = app
        self.count = 0
        self.kill_at: int | None = None
        self.after = False
        self.pid: int | None = None
        self.first_at: float | None = None  # time.monotonic() of the first vendor request
        self._lock = threading.Lock()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(ADMIN):
            await self.app(scope, receive, send)
            return
        with self._lock:
            self.count += 1
            hit = self.count == self.kill_at
            self.first_at = self.first_at or time.monotonic()
        if hit and not self.after:
            self._kill()
        await self.app(scope, receive, send)
        if hit and self.after:
            self._kill()

    def _kill(self) -> None:
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)


@dataclass
class RunResult:
    run: int
    mode: str  # "request 7 before", "request 7 after", "timer 0.83 s", "completed"
    killed: bool
    open_after_crash: int
    settled: dict[str, int]  # recovery outcomes by status
    problems: list[str]


def serve_with_switch(name: str, seed: int, records: int) -> tuple[Served, KillSwitch]:
    fake = SANDBOXES[name](seed=seed, records=records)
    switch = KillSwitch(fake.app)
    server = SandboxServer(switch, base_path=fake.base_path, credentials=fake.credentials())
    return Served(fake, server.start()), switch


def apply_process(plan: Path, name: str, served: Served, home: Path) -> subprocess.Popen:
    env = {**os.environ, **served.credentials, "MERGEDESK_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "mergedesk", "apply", str(plan), "--provider", name,
         "--base-url", served.base_url], env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE)


@dataclass(frozen=True)
class Calibration:
    """One uninterrupted apply in a subprocess: its vendor requests, and when the first
    and the last came (seconds after the process started)."""

    requests: int
    first: float
    last: float


@dataclass(frozen=True)
class KillPoint:
    request: int | None = None  # kill on this vendor request ...
    after: bool = False  # ... once the fake handled it
    delay: float | None = None  # or this long after the fake saw its first request

    @property
    def mode(self) -> str:
        if self.request is not None:
            return f"request {self.request} {'after' if self.after else 'before'}"
        return "completed" if self.delay is None else f"timer {self.delay:.2f}s"


def kill_points(rng: random.Random, cal: Calibration, runs: int) -> list[KillPoint]:
    """70 % on an exact request (before or after the fake handles it), 30 % on a timer
    anywhere between the first and the last request (journal writes included). Timers
    count from the first request: how long Python takes to start varies far more."""
    points = []
    for _ in range(runs):
        if rng.random() < 0.7:
            points.append(KillPoint(request=rng.randint(1, cal.requests),
                                    after=rng.random() < 0.5))
        else:
            points.append(KillPoint(delay=rng.uniform(0.0, 0.9 * (cal.last - cal.first))))
    return points


async def calibrate(name: str, seed: int, home: Path) -> Calibration:
    result, cal = await _run(name, 0, seed, home, KillPoint())
    assert not result.problems and cal is not None, result.problems
    return cal


async def crash_run(name: str, run: int, seed: int, home: Path, point: KillPoint) -> RunResult:
    return (await _run(name, run, seed, home, point))[0]


async def _run(name: str, run: int, seed: int, home: Path,
               point: KillPoint) -> tuple[RunResult, Calibration | None]:
    served, switch = serve_with_switch(name, seed + run, records=24)
    folder = home / f"run{run}"
    folder.mkdir(parents=True)
    provider = registry.create(served.settings(name), sleep=no_sleep)
    try:
        scenario = await _scenario(name, provider, served)
        plan = _plan(scenario)
        (folder / "plan.json").write_text(plan.to_json_text())
        base, switch.first_at = switch.count, None
        if point.request is not None:
            switch.kill_at, switch.after = base + point.request, point.after
        started = time.monotonic()
        process = apply_process(folder / "plan.json", name, served, folder)
        switch.pid = process.pid
        killed = await _wait(process, switch, started, point.delay)
        cal = Calibration(switch.count - base, (switch.first_at or started) - started,
                          time.monotonic() - started)
        result = await _recover_and_check(run, point.mode, killed, scenario, plan, folder,
                                          name, served)
        return result, cal
    finally:
        await provider.aclose()
        served.server.stop()


async def _wait(process: subprocess.Popen, switch: KillSwitch, started: float,
                timer: float | None) -> bool:
    """Until the process ends (or the timer kills it); True if SIGKILL ended it. The
    loop yields, so the fake — served from this process — keeps answering."""
    deadline = started + 60
    while process.poll() is None and time.monotonic() < deadline:
        first = switch.first_at
        if timer is not None and first is not None and time.monotonic() - first >= timer:
            process.send_signal(signal.SIGKILL)
        await asyncio.sleep(0.005)
    if process.poll() is None:
        process.kill()
        raise AssertionError("the apply process neither finished nor died within 60 s")
    process.communicate()
    return process.returncode == -signal.SIGKILL


async def _recover_and_check(run: int, mode: str, killed: bool, scenario, plan,
                             folder: Path, name: str, served: Served) -> RunResult:
    workspace = Workspace.open(folder)
    problems: list[str] = []
    try:
        open_after_crash = len(workspace.journal.open_merges())
        def connect(_provider: str, _base_url: str):
            return registry.create(served.settings(name), sleep=no_sleep)

        report = await RecoveryService(workspace, connect, sleep=no_sleep).settle_all()
        settled: dict[str, int] = {}
        for outcome in report.outcomes:
            settled[str(outcome.status)] = settled.get(str(outcome.status), 0) + 1
        if report.still_open:
            problems.append(f"{report.still_open} merges still open after recovery")
        problems += _unsettled_steps(workspace)
        second = await _apply(workspace, scenario, plan)
        problems += [f"{g}: {o.status} after recovery and a new apply ({o.message})"
                     for g, o in second.items() if o.status != MergeStatus.MERGED]
        problems += await _intent_reached(scenario, plan)
    finally:
        workspace.close()
    return RunResult(run, mode, killed, open_after_crash, settled, problems)


def _unsettled_steps(workspace: Workspace) -> list[str]:
    """After recovery no step may be left `sent` or `unknown`."""
    return [f"merge #{e.id} step {s.step.index} left {s.state}"
            for e in workspace.journal.history(None, details=True)
            for s in e.steps if s.state in (StepState.SENT, StepState.UNKNOWN)]


async def _intent_reached(scenario, plan) -> list[str]:
    """Each loser gone, each survivor there with the reviewer's choices, each pair
    merged exactly once."""
    problems = []
    provider, fake = scenario.provider, scenario.fake
    for merge in plan.merges:
        loser = await provider.get_record("contacts", merge.others[0])
        survivor = await provider.get_record("contacts", merge.master)
        if survivor is None or (loser is not None and loser.active
                                and loser.merged_into != merge.master):
            problems.append(f"{merge.group}: the CRM does not hold the merge")
        for field, choice in merge.fields.items():
            wanted = scenario.before[choice.from_record or ""].fields.get(field)
            if survivor is not None and survivor.fields.get(field) != wanted:
                problems.append(f"{merge.group}: {field} is {survivor.fields.get(field)!r}")
        calls = merge_calls(fake, merge.master, merge.others[0])
        if calls != 1:
            problems.append(f"{merge.group}: merged {calls} times")
    return problems


async def crash_loop(name: str, runs: int, home: Path, *, seed: int = 2026,
                     parallel: int = 2) -> tuple[Calibration, list[RunResult]]:
    """`runs` killed applies of `name`, `parallel` at a time (each has its own fake,
    folder and process), kill points drawn from Random(seed)."""
    home = home / name  # one folder per provider: run numbers repeat
    cal = await calibrate(name, seed, home)
    points = kill_points(random.Random(f"{seed}:{name}"), cal, runs)
    results: list[RunResult] = []
    for start in range(0, runs, parallel):
        batch = points[start:start + parallel]
        results += await asyncio.gather(*(
            crash_run(name, start + i + 1, seed, home, p) for i, p in enumerate(batch)))
    return cal, results


def summary(results: list[RunResult]) -> dict[str, Any]:
    settled: dict[str, int] = {}
    for r in results:
        for status, n in r.settled.items():
            settled[status] = settled.get(status, 0) + n
    return {
        "runs": len(results),
        "killed": sum(r.killed for r in results),
        "killed_by_request": sum(r.killed and r.mode.startswith("request") for r in results),
        "killed_by_timer": sum(r.killed and r.mode.startswith("timer") for r in results),
        "open_after_crash": sum(r.open_after_crash for r in results),
        "recovery_outcomes": settled,
        "failures": [f"run {r.run} ({r.mode}): {p}" for r in results for p in r.problems],
    }


def print_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, indent=2))
