"""Start-up recovery and journal lock benchmark: N merges left open by a "crash" (their
merge call sent and applied by the Chatwoot sandbox, the answer never journalled) are
settled by RecoveryService.settle_connection over loopback, as the window does when it
connects; and the cost of the inter-process journal lock (uncontended acquire/release,
and a nested one as merges side by side take it).

    .venv/bin/python tests/benchmarks/bench_recovery.py --merges 50

Prints JSON: wall and CPU seconds, merge calls sent by recovery (must be 0), the load."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mergedesk.core.plan import GroupMerge  # noqa: E402
from mergedesk.core.steps import StepKind, plan_steps  # noqa: E402
from mergedesk.providers import registry  # noqa: E402
from mergedesk.sandbox import SANDBOXES  # noqa: E402
from mergedesk.sandbox.server import SandboxServer  # noqa: E402
from mergedesk.services.journal_lock import journal_lock  # noqa: E402
from mergedesk.services.recovery import RecoveryService  # noqa: E402
from mergedesk.services.workspace import Workspace  # noqa: E402
from mergedesk.store.cache import connection_key  # noqa: E402
from mergedesk.store.journal import StepState  # noqa: E402

MERGES = "POST /actions/contact_merge"


async def _no_sleep(_seconds: float) -> None:
    return None


async def crash(workspace: Workspace, provider, base_url: str, pairs) -> None:
    """Journal each merge, send its calls, and 'die' before journalling the answer."""
    defs = {f.api_name: f for f in await provider.field_defs("contacts")}
    for base, mergee in pairs:
        records = {r: await provider.get_record("contacts", r) for r in (base, mergee)}
        group = GroupMerge.model_validate({"group": f"g{base}", "master": base,
                                           "others": [mergee]})
        planned = plan_steps(group, records, provider.capabilities, defs)
        merge_id = workspace.journal.begin(
            conn=connection_key("chatwoot", base_url, "contacts"), provider="chatwoot",
            base_url=base_url, entity="contacts", merge=group, snapshots=records.values(),
            steps=planned.steps, targets=planned.targets)
        for step in planned.steps:
            state = StepState.SENT if step.kind == StepKind.MERGE else StepState.DONE
            workspace.journal.set_step(merge_id, step.index, state)
            if step.kind == StepKind.MERGE:
                await provider.merge("contacts", step)
            else:
                await provider.update("contacts", step.master, step.values)


def lock_costs(workspace: Workspace, rounds: int) -> dict[str, float]:
    start = time.perf_counter()
    for _ in range(rounds):
        with journal_lock(workspace, "bench"):
            pass
    single = (time.perf_counter() - start) / rounds
    with journal_lock(workspace, "bench"):
        start = time.perf_counter()
        for _ in range(rounds):
            with journal_lock(workspace, "bench"):
                pass
        nested = (time.perf_counter() - start) / rounds
    return {"lock_us": round(single * 1e6, 1), "nested_lock_us": round(nested * 1e6, 1)}


async def main(merges: int, rounds: int) -> dict:
    fake = SANDBOXES["chatwoot"](seed=11, records=merges * 2 + 10)
    server = SandboxServer.for_fake(fake).start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            workspace = Workspace.open(Path(folder))
            provider = registry.create(server_settings(server), sleep=_no_sleep)
            ids = [str(c["id"]) for c in fake.state.resolved(1)[:merges * 2]]
            await crash(workspace, provider, server.base_url, zip(ids[::2], ids[1::2], strict=True))
            sent_before = fake.requests[MERGES]
            wall, cpu = time.perf_counter(), time.process_time()
            outcomes = await RecoveryService(workspace, sleep=_no_sleep).settle_connection(
                provider, server.base_url, "contacts")
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            result = {
                "open_merges": merges, "settled_merged": sum(o.status == "merged"
                                                             for o in outcomes),
                "merge_calls_sent_by_recovery": fake.requests[MERGES] - sent_before,
                "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
                "ms_per_merge": round(wall * 1000 / max(1, merges), 1),
                **lock_costs(workspace, rounds), "lock_rounds": rounds,
                "load_avg": os.getloadavg(),
            }
            await provider.aclose()
            workspace.close()
            return result
    finally:
        server.stop()


def server_settings(server):
    from mergedesk.providers.base import ConnectionSettings
    from mergedesk.providers.registry import spec

    chatwoot = spec("chatwoot")
    creds = {n: server.credentials[chatwoot.env_var(n)] for n in chatwoot.credential_names
             if chatwoot.env_var(n) in server.credentials}
    return ConnectionSettings(provider="chatwoot", base_url=server.base_url, credentials=creds)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--merges", type=int, default=50)
    parser.add_argument("--lock-rounds", type=int, default=2000)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main(args.merges, args.lock_rounds))))
