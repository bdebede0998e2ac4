"""The fault-injection harness shared by the fault matrix test and its script: for one
provider and one fault kind, serve that provider's fake on loopback, plan three merges,
arm the fault on the second merge call, apply, recover, apply again, then check what the
fake holds against what the journal and the outcomes say.

Provider-neutral on purpose: every provider with a registry entry AND a sandbox joins
(`candidates()`); records are picked through the Provider protocol, merges are counted
in the fake's `merges_json()`, state is read back through the provider."""

from __future__ import annotations

import asyncio
import importlib
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from mergedesk.core.models import FieldType, MergeOutcome, Record
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.core.values import is_blank
from mergedesk.providers import registry
from mergedesk.providers.base import Provider
from mergedesk.sandbox import SANDBOXES
from mergedesk.sandbox.faults import Fault, FaultKind
from mergedesk.services.apply import ApplyService
from mergedesk.services.recovery import RecoveryService
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import MergeState
from tests.fixtures import no_sleep

ENTITY = "contacts"
MERGE_CALL = "(?i)merge"  # every CRM's merge endpoint; POST only (Zoho polls jobs by GET)
SHORT_TIMEOUT = httpx.Timeout(connect=5.0, read=1.0, write=5.0, pool=5.0)
SLOW = 2.5  # seconds a slow answer is held: past SHORT_TIMEOUT's read timeout


def candidates() -> list[str]:
    """Providers that have both a client and a fake: every one of them is tested."""
    return sorted(set(registry.PROVIDERS) & set(SANDBOXES))


def importable(name: str) -> str | None:
    """Why `name` cannot be tested yet (its modules are still being written), or None."""
    for module in (f"mergedesk.providers.{name}", f"mergedesk.sandbox.{name}"):
        try:
            importlib.import_module(module)
        except Exception as exc:  # any import failure means "not ready yet"
            return f"{module} does not import yet: {exc!r}"
    return None


# --- the fault kinds ---------------------------------------------------------------------
Before = Callable[["Scenario"], Awaitable[None]]


@dataclass(frozen=True)
class FaultCase:
    name: str
    faults: tuple[Fault, ...] = ()
    before: Before | None = None  # something that happens between review and apply
    # The faulted merge's status once the admin applies again. A revoked token can leave
    # the survivor written by the failed attempt and unreadable: then "stale" (review
    # again) is the safe answer, and its message must say the write was MergeDesk's.
    final: tuple[str, ...] = ("merged",)
    short_timeout: bool = False


def on_merge(kind: FaultKind, **spec: Any) -> Fault:
    """The fault, fired once on the second merge call of the batch (mid-batch)."""
    return Fault(kind, method="POST", path=MERGE_CALL, skip=1, **spec)


async def _delete_loser(s: Scenario) -> None:
    """A colleague merged the loser of merge 2 elsewhere (the CRM's own way to delete)."""
    loser = s.pairs[1][1]
    await s.provider.merge(ENTITY, MergeStep(index=0, kind=StepKind.MERGE, master=s.spare,
                                             losers=(loser,)))


async def _change_master(s: Scenario) -> None:
    master = s.pairs[1][0]
    name = s.text_field(s.before[master])
    assert name, f"{s.provider_name}: no writable text field to change"
    await s.provider.update(ENTITY, master, {name: f"{s.before[master].fields[name]} (edited)"})


CASES: tuple[FaultCase, ...] = (
    FaultCase("429 with Retry-After", (on_merge(FaultKind.STATUS, status=429,
                                                headers={"Retry-After": "1"}),)),
    FaultCase("429 without Retry-After", (on_merge(FaultKind.STATUS, status=429),)),
    FaultCase("500", (on_merge(FaultKind.STATUS, status=500),)),
    FaultCase("502", (on_merge(FaultKind.STATUS, status=502),)),
    FaultCase("503", (on_merge(FaultKind.STATUS, status=503),)),
    FaultCase("timeout before apply", (on_merge(FaultKind.SLOW, delay=SLOW, apply=False),),
              short_timeout=True),
    FaultCase("timeout after apply", (on_merge(FaultKind.SLOW, delay=SLOW, apply=True),),
              short_timeout=True),
    FaultCase("connection reset", (on_merge(FaultKind.DROP_BEFORE_APPLY),)),
    FaultCase("dropped after success", (on_merge(FaultKind.DROP_AFTER_APPLY),)),
    FaultCase("malformed JSON", (on_merge(FaultKind.MALFORMED_JSON),)),
    FaultCase("wrong-shaped JSON", (on_merge(FaultKind.WRONG_SHAPE),)),
    FaultCase("HTML error page", (on_merge(FaultKind.HTML_ERROR),)),
    FaultCase("expired token mid-batch", (on_merge(FaultKind.STATUS, status=401),)),
    FaultCase("revoked token", (on_merge(FaultKind.REVOKE_TOKEN),), final=("merged", "stale")),
    FaultCase("deleted before apply", before=_delete_loser, final=("stale",)),
    FaultCase("changed before apply", before=_change_master, final=("stale",)),
    FaultCase("slow but in time", (on_merge(FaultKind.SLOW, delay=0.3, apply=True),),
              short_timeout=True),
)


# --- one run -------------------------------------------------------------------------------
@dataclass
class Scenario:
    provider_name: str
    provider: Provider
    fake: Any
    base_url: str
    pairs: list[tuple[str, str]]
    spare: str
    before: dict[str, Record]
    text_fields: list[str] = field(default_factory=list)

    def text_field(self, record: Record) -> str | None:
        return next((n for n in self.text_fields if isinstance(record.fields.get(n), str)
                     and not is_blank(record.fields[n])), None)


@dataclass
class CaseResult:
    provider: str
    case: str
    first: str
    recovered: str
    final: str
    merge_calls: int
    problems: list[str]

    @property
    def cell(self) -> str:
        path = self.first if self.recovered == "-" else f"{self.first}→{self.recovered}"
        path = path if self.final == path.rsplit("→", 1)[-1] else f"{path}→{self.final}"
        return path + ("" if not self.problems else " FAIL")


async def run_case(name: str, case: FaultCase, *, seed: int = 11, records: int = 40,
                   home: Path | None = None) -> CaseResult:
    from tests.conftest import serve

    served = serve(name, seed=seed, records=records)
    folder = Path(tempfile.mkdtemp(dir=home, prefix=f"{name}-"))
    workspace = Workspace.open(folder)
    options: dict[str, Any] = {"sleep": no_sleep}
    if case.short_timeout:
        options["timeout"] = SHORT_TIMEOUT
    provider = registry.create(served.settings(name), **options)
    try:
        scenario = await _scenario(name, provider, served)
        return await _run(scenario, case, workspace, lambda: registry.create(
            served.settings(name), sleep=no_sleep))
    finally:
        await provider.aclose()
        workspace.close()
        served.server.stop()


async def _scenario(name: str, provider: Provider, served) -> Scenario:
    ids: list[str] = []
    async for page in provider.list_records(ENTITY):
        ids += [r.id for r in page.records if r.active]
        if len(ids) >= 7:
            break
    before = {rid: await provider.get_record(ENTITY, rid) for rid in ids[:7]}
    defs = await provider.field_defs(ENTITY)
    texts = [d.api_name for d in defs if d.writable and not d.unique and d.type in (
        FieldType.TEXT, FieldType.LONG_TEXT)]
    pairs = [(ids[i], ids[i + 1]) for i in (0, 2, 4)]
    return Scenario(name, provider, served.fake, served.base_url, pairs, ids[6], before, texts)


def _plan(s: Scenario) -> MergePlan:
    merges = []
    for n, (master, loser) in enumerate(s.pairs):
        choice = _differing_text(s, master, loser)
        merges.append(GroupMerge.model_validate({
            "group": f"g{n + 1}", "master": master, "others": [loser],
            "fields": {choice: {"from": loser}} if choice else {},
            "snapshot": {rid: dict(s.before[rid].fields) for rid in (master, loser)}}))
    return MergePlan(provider=s.provider_name, entity=ENTITY, merges=tuple(merges))


def _differing_text(s: Scenario, master: str, loser: str) -> str | None:
    a, b = s.before[master].fields, s.before[loser].fields
    return next((n for n in s.text_fields if isinstance(a.get(n), str) and isinstance(
        b.get(n), str) and not is_blank(b[n]) and a[n] != b[n]), None)


async def _apply(workspace: Workspace, s: Scenario, plan: MergePlan) -> dict[str, MergeOutcome]:
    service = ApplyService(workspace, sleep=no_sleep)
    ctx = await service.prepare(s.provider, s.base_url, plan)
    return {o.group: o async for o in service.run(ctx, plan.merges, concurrency=1)}


async def _run(s: Scenario, case: FaultCase, workspace: Workspace, connect) -> CaseResult:
    plan = _plan(s)
    if case.before is not None:
        await case.before(s)
    s.fake.faults.extend(case.faults)
    first = await _apply(workspace, s, plan)
    s.fake.faults.clear()  # the outage ends; the token works again
    recovery = RecoveryService(workspace, lambda _p, _u: connect(), sleep=no_sleep)
    recovered = {o.group: o for o in (await recovery.settle_all()).outcomes}
    second = await _apply(workspace, s, plan)
    problems = await check(s, plan, [first, second], workspace)
    faulted = plan.merges[1].group
    ended = second[faulted]
    if ended.status not in case.final:
        problems.append(f"{faulted} ended {ended.status}, expected {' or '.join(case.final)}")
    if ended.status == "stale" and case.before is None and "failed attempt" not in ended.message:
        problems.append(f"{faulted} is stale without saying MergeDesk wrote to it")
    for merge in (plan.merges[0], plan.merges[2]):
        if second[merge.group].status != "merged":
            problems.append(f"{merge.group} (not faulted) ended {second[merge.group].status}")
    rec = recovered.get(faulted)
    return CaseResult(s.provider_name, case.name, str(first[faulted].status),
                      str(rec.status) if rec else "-", str(second[faulted].status),
                      merge_calls(s.fake, *s.pairs[1]), problems)


# --- the invariants ------------------------------------------------------------------------
def merge_calls(fake: Any, master: str, loser: str) -> int:
    """Merge calls the fake handled for this master and loser; a replay the CRM answered
    from its idempotency store (same key) is the same call."""
    keys: set[Any] = set()
    count = 0
    for entry in fake.merges_json():
        leaves = set(_leaves(entry))
        if master in leaves and loser in leaves:
            key = entry.get("idempotency_key")
            if key is None or key not in keys:
                count += 1
                keys.add(key)
    return count


def _leaves(value: Any):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _leaves(item)
    elif value is not None:
        yield str(value)


async def check(s: Scenario, plan: MergePlan, runs: list[dict[str, MergeOutcome]],
                workspace: Workspace) -> list[str]:
    problems: list[str] = []
    for n, run in enumerate(runs, start=1):
        if set(run) != {m.group for m in plan.merges}:
            problems.append(f"run {n}: outcomes for {sorted(run)}, not every merge")
        for group, outcome in run.items():
            if outcome.status != "merged" and not outcome.message:
                problems.append(f"run {n}: {group} {outcome.status} without a message")
    if workspace.journal.open_merges():
        problems.append("merges still open after recovery and a second apply")
    for merge in plan.merges:
        problems += await _check_merge(s, merge, runs[-1][merge.group], workspace)
    return problems


async def _check_merge(s: Scenario, merge: GroupMerge, outcome: MergeOutcome,
                       workspace: Workspace) -> list[str]:
    problems = []
    calls = merge_calls(s.fake, merge.master, merge.others[0])
    if calls > 1:
        problems.append(f"{merge.group}: merged {calls} times")
    survivor = await s.provider.get_record(ENTITY, merge.master)
    loser = await s.provider.get_record(ENTITY, merge.others[0])
    gone = loser is None or not loser.active or loser.merged_into == merge.master
    if outcome.status == "merged" and not (gone and survivor is not None):
        problems.append(f"{merge.group}: reported merged but the CRM disagrees")
    if outcome.status in ("stale", "failed") and gone and calls:
        problems.append(f"{merge.group}: reported {outcome.status} but the loser was merged")
    if gone and calls:
        problems += _snapshots_kept(s, merge, workspace)
    return problems


def _snapshots_kept(s: Scenario, merge: GroupMerge, workspace: Workspace) -> list[str]:
    """Nothing lost: what the merge destroyed is in the journal as it was before the
    first attempt (a failed attempt may have written the survivor already)."""
    attempts = [e for e in workspace.journal.history(None, details=True)
                if e.group_id == merge.group and e.same_records(merge.master, merge.others)]
    if not attempts or attempts[0].status not in (MergeState.MERGED, MergeState.FAILED):
        return [f"{merge.group}: merged in the CRM without a settled journal entry"]
    first = attempts[-1]  # history is newest first
    for rid in merge.record_ids:
        kept = first.snapshots.get(rid)
        if kept is None or kept.fields != s.before[rid].fields:
            return [f"{merge.group}: the journal's first snapshot of {rid} differs from "
                    "the CRM's"]
    return []


def matrix_text(results: list[CaseResult]) -> str:
    """The results as a table: one row per fault kind, one column per provider."""
    providers = sorted({r.provider for r in results})
    cases = list(dict.fromkeys(r.case for r in results))
    cells = {(r.case, r.provider): r.cell for r in results}
    widths = [max(len("fault"), *(len(c) for c in cases))] + [
        max(len(p), *(len(cells.get((c, p), "")) for c in cases)) for p in providers]
    rows = [["fault", *providers], *[[c, *(cells.get((c, p), "skipped") for p in providers)]
                                     for c in cases]]
    lines = [" | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


async def run_provider(name: str, home: Path | None = None, *, parallel: int = 4,
                       cases: tuple[FaultCase, ...] = CASES) -> list[CaseResult]:
    """Every case for one provider. Cases without a short timeout run `parallel` at a
    time (each has its own fake, server and journal); timing cases run alone, so a busy
    machine cannot turn "slow but in time" into a timeout."""
    plain = [c for c in cases if not c.short_timeout]
    results: dict[str, CaseResult] = {}
    for start in range(0, len(plain), parallel):
        batch = plain[start:start + parallel]
        done = await asyncio.gather(*(run_case(name, c, home=home) for c in batch))
        results.update((r.case, r) for r in done)
    for case in (c for c in cases if c.short_timeout):
        results[case.name] = await run_case(name, case, home=home)
    return [results[c.name] for c in cases]
