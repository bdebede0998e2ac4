"""Shared harness of the throughput benchmarks: serves a fake CRM in a child process
(its own GIL, TCP_NODELAY sockets), merges the planted groups through ApplyService,
and reads the fake's own counts of requests, refusals and merges.

Not a test module: the bench_throughput_<crm>.py scripts use it, and each adds only its
CRM's options and limit model."""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # runnable from a source tree

from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers.base import ConnectionSettings, Provider
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace


def _serve(provider: str, options: dict[str, Any], pipe: Any) -> None:
    import uvicorn

    from mergedesk.sandbox import SANDBOXES

    fake = SANDBOXES[provider](**options)
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says
    # TCP, and without it every keep-alive answer waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    ids = {"groups": [[fake.record_id(i) for i in sorted(g)] for g in fake.generated.truth]}
    pipe.send({"port": port, "base_path": fake.base_path, "credentials": fake.credentials(),
               **ids})
    config = uvicorn.Config(fake.app, log_config=None, log_level="warning", access_log=False,
                            lifespan="off", http="h11")
    uvicorn.Server(config).run(sockets=[sock])


class ChildFake:
    """A fake CRM served by a child process until `stop()`."""

    def __init__(self, provider: str, options: dict[str, Any]) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(provider, options, child),
                                       daemon=True)
        self.process.start()
        self.info = parent.recv()
        self.root = f"http://127.0.0.1:{self.info['port']}"
        self.base_url = self.root + self.info["base_path"]
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(self.root + "/_sandbox/state", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise TimeoutError("the fake did not start")

    def admin(self, path: str, token: str) -> Any:
        return httpx.get(f"{self.root}/_sandbox/{path}", headers={"x-sandbox-token": token},
                         timeout=30).json()

    def stop(self) -> None:
        self.process.terminate()
        self.process.join(10)


def plan_for(provider: str, entity: str, groups: list[list[str]], count: int,
             field: str) -> MergePlan:
    """The first `count` planted groups: master = first record, `field` from the last."""
    merges = [GroupMerge(group=f"g{i}", master=ids[0], others=tuple(ids[1:]),
                         fields={field: {"from": ids[-1]}})
              for i, ids in enumerate(groups[:count])]
    return MergePlan(provider=provider, entity=entity, merges=tuple(merges))


async def apply_all(client: Provider, base_url: str, plan: MergePlan,
                    concurrency: int) -> tuple[float, dict[str, int]]:
    """Seconds taken and outcome counts by status; closes `client`."""
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder))
        try:
            service = ApplyService(workspace)
            ctx = await service.prepare(client, base_url, plan)
            started = time.perf_counter()
            statuses: dict[str, int] = {}
            async for outcome in service.run(ctx, plan.merges, concurrency=concurrency):
                statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
            return time.perf_counter() - started, statuses
        finally:
            workspace.close()
            await client.aclose()


def call_log(fake: ChildFake, token: str) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """The fake's request counts by route and the merge calls it received."""
    return fake.admin("requests", token)["requests"], fake.admin("merges", token)["merges"]


def summary(provider: str, plan: MergePlan, seconds: float, statuses: dict[str, int],
            merges: list[dict[str, Any]], loser_keys: tuple[str, ...]) -> dict[str, Any]:
    """What every throughput report says: the work done, how long, and re-sent merges."""
    return {"provider": provider, "groups": len(plan.merges),
            "records_merged": sum(len(m.others) for m in plan.merges),
            "seconds": round(seconds, 2), "merge_calls": len(merges),
            "duplicate_merges": duplicate_merges(merges, loser_keys), "statuses": statuses}


def sliding_window_figures(admitted: int, seconds: float, limit: int,
                           window: float) -> dict[str, Any]:
    """Throughput against a limit of `limit` requests in any `window` seconds."""
    allowed = limit / window
    # A sliding window admits request k*limit + 1 no sooner than k windows after the
    # first: the fastest any client can finish `admitted` requests under this limit.
    fastest = math.floor((admitted - 1) / limit) * window
    return {"requests": admitted, "achieved_rps": round(admitted / seconds, 1),
            "allowed_rps": round(allowed, 1), "ratio": round(admitted / seconds / allowed, 3),
            "fastest_possible_seconds": fastest,
            "ratio_to_fastest": round(fastest / seconds, 3),
            "limit": f"{limit} per {window:g} s"}


def budget_figures(requests: int, seconds: float, budget: int, window: float) -> dict[str, Any]:
    """Throughput against a budget of `budget` requests (or credits) per fixed `window`,
    whose first window is spent at once."""
    allowed_calls = budget * (seconds / window + 1)
    return {"requests": requests, "achieved_rps": round(requests / seconds, 1),
            "allowed_rps": round(allowed_calls / seconds, 1),
            "ratio": round(requests / allowed_calls, 3),
            "ratio_vs_rate": round(requests / seconds / (budget / window), 3)}


def settings(provider: str, base_url: str, credentials: dict[str, str],
             options: dict[str, Any]) -> ConnectionSettings:
    prefix = f"MERGEDESK_{provider.upper()}_"
    creds = {k.removeprefix(prefix).lower(): v for k, v in credentials.items()}
    return ConnectionSettings(provider=provider, base_url=base_url, credentials=creds,
                              options=options)


def duplicate_merges(merges: list[dict[str, Any]], loser_keys: tuple[str, ...]) -> int:
    """Losers merged more than once (a re-sent merge would show up here)."""
    seen: dict[str, int] = {}
    for call in merges:
        for key in loser_keys:
            value = call.get(key)
            for loser in value if isinstance(value, list) else [value]:
                if loser:
                    seen[loser] = seen.get(loser, 0) + 1
    return sum(n - 1 for n in seen.values() if n > 1)


def run(coro: Any) -> Any:
    return asyncio.run(coro)
