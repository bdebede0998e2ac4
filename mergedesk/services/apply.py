"""Apply use case: re-read, journal, call the CRM step by step, verify by reading.

Per merge: a group already settled in the journal is not sent again; an unsettled one
is reconciled first (services.reconcile); records that changed since review stop the
merge as `stale` before anything is sent. No Qt."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import nullcontext
from dataclasses import dataclass, field

from mergedesk.core.models import FieldDef, MergeOutcome, MergeStatus, Record
from mergedesk.core.plan import GroupMerge, MergePlan, PlanError, check_fields
from mergedesk.core.preflight import open_blockers
from mergedesk.core.steps import MergeStep, StepKind, plan_steps
from mergedesk.providers import errors
from mergedesk.providers.base import Provider
from mergedesk.services.journal_io import OffLoopJournal
from mergedesk.services.journal_lock import journal_lock
from mergedesk.services.preflight import Preflight
from mergedesk.services.reconcile import Reconciler, StepProgress, StepRunner
from mergedesk.services.recount import recount_merge
from mergedesk.services.staleness import stale_reason
from mergedesk.services.workspace import Workspace
from mergedesk.store.cache import connection_key
from mergedesk.store.claims import RecordsBusy
from mergedesk.store.journal import MergeEntry, MergeState, StepState

Sleep = Callable[[float], Awaitable[None]]


@dataclass
class ApplyContext:
    provider: Provider
    base_url: str
    entity: str
    conn: str
    field_defs: dict[str, FieldDef] = field(default_factory=dict)


class ApplyService:
    def __init__(self, workspace: Workspace, *, sleep: Sleep = asyncio.sleep):
        self._workspace = workspace
        self._sleep = sleep
        # Journal calls on a thread of their own: a GUI loop never waits for a commit.
        self.journal = OffLoopJournal(workspace.journal)
        self.preflight = Preflight()

    async def prepare(self, provider: Provider, base_url: str, plan: MergePlan) -> ApplyContext:
        """Check the plan against the CRM before anything is merged (PlanError if not)."""
        caps = provider.capabilities
        if plan.provider != caps.provider:
            raise PlanError([f"provider: plan is for {plan.provider!r}, not {caps.provider!r}"])
        if plan.entity not in caps.mergeable:
            raise PlanError([f"entity: {caps.display_name} cannot merge {plan.entity!r}"])
        defs = {f.api_name: f for f in await provider.field_defs(plan.entity)}
        check_fields(plan, defs)
        conn = connection_key(caps.provider, base_url, plan.entity)
        return ApplyContext(provider, base_url, plan.entity, conn, defs)

    async def run(
        self, ctx: ApplyContext, merges: tuple[GroupMerge, ...], *, dry_run: bool = False,
        concurrency: int | None = None,
    ) -> AsyncIterator[MergeOutcome]:
        """Yield one outcome per merge, as each finishes (independent groups run side by
        side, up to the CRM's concurrency)."""
        # The whole batch holds the journal: another process cannot slip merges in.
        with nullcontext() if dry_run else journal_lock(self._workspace, "apply merges"):
            async for outcome in self._run(ctx, merges, dry_run, concurrency):
                yield outcome

    async def _run(self, ctx: ApplyContext, merges: tuple[GroupMerge, ...], dry_run: bool,
                   concurrency: int | None) -> AsyncIterator[MergeOutcome]:
        limit = asyncio.Semaphore(concurrency or ctx.provider.capabilities.max_concurrency)
        queue: asyncio.Queue[MergeOutcome] = asyncio.Queue()

        async def one(merge: GroupMerge) -> None:
            async with limit:
                await queue.put(await self.apply_one(ctx, merge, dry_run=dry_run))

        tasks = [asyncio.create_task(one(m)) for m in merges]
        try:
            for _ in tasks:
                yield await queue.get()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def apply_one(
        self, ctx: ApplyContext, merge: GroupMerge, *, dry_run: bool = False,
        progress: StepProgress | None = None,
    ) -> MergeOutcome:
        """`progress` hears of each step as it is sent (on the loop, no I/O)."""
        try:
            with nullcontext() if dry_run else journal_lock(self._workspace, "apply merges"):
                return await self._apply_one(ctx, merge, dry_run, progress)
        except errors.ProviderError as exc:  # nothing was sent for this merge (or JournalBusy)
            return _outcome(merge, MergeStatus.FAILED, str(exc))
        except RecordsBusy:  # team workspace: nothing written or sent; the batch goes on
            return _outcome(merge, MergeStatus.SKIPPED, "another reviewer is merging these "
                            "records; nothing was sent")

    async def _apply_one(self, ctx: ApplyContext, merge: GroupMerge, dry_run: bool,
                         progress: StepProgress | None):
        prior = await self.journal.latest_for_group(ctx.conn, merge.group)
        if prior and prior.same_records(merge.master, merge.others):
            if prior.status == MergeState.MERGED:
                return _outcome(merge, MergeStatus.MERGED,
                                f"already merged (journal #{prior.id}); not sent again",
                                merge_id=prior.id)
            if prior.status in (MergeState.RUNNING, MergeState.UNKNOWN) and not dry_run:
                settled = await Reconciler(self.runner(ctx, progress)).settle(prior)
                if settled.status != MergeStatus.MERGED:
                    return settled
                return await recount_merge(ctx.provider, self.journal, prior,
                                           settled)  # a lost answer hid it
        current = await self._read_group(ctx, merge)
        crm = ctx.provider.capabilities.display_name
        for rid in merge.record_ids:
            seen = (merge.snapshot or {}).get(rid)
            if seen is None and merge.snapshot is None:
                cached = self._workspace.cache.get(ctx.conn, rid)
                seen = cached.fields if cached else None
            seen = _after_own_writes(seen, rid, prior if prior and prior.same_records(
                merge.master, merge.others) else None)
            reason = stale_reason(rid, current[rid], seen, crm)
            if reason and prior and prior.status == MergeState.FAILED and rid == prior.master \
                    and prior.after is None and _wrote(prior):
                reason += (f" (MergeDesk's failed attempt #{prior.id} had already written "
                           "to it; review the group again)")
            if reason:
                return _outcome(merge, MergeStatus.STALE, reason + "; nothing was sent")
        records: dict[str, Record] = {k: v for k, v in current.items() if v is not None}
        planned = plan_steps(merge, records, ctx.provider.capabilities, ctx.field_defs)
        findings = await self.preflight.check(ctx.provider, ctx.conn, merge, records,
                                              ctx.field_defs, planned.targets)
        if blockers := open_blockers(findings, merge):
            return _outcome(merge, MergeStatus.FAILED, "pre-flight: " + "; ".join(
                f.text() for f in blockers) + "; nothing was sent")
        if dry_run:
            return _outcome(merge, MergeStatus.DRY_RUN, _describe_steps(planned.steps),
                            preview=planned.targets)
        steps = self._with_keys(ctx, planned.steps)
        merge_id = await self.journal.begin(
            conn=ctx.conn, provider=ctx.provider.capabilities.provider, base_url=ctx.base_url,
            entity=ctx.entity, merge=merge, snapshots=records.values(), steps=steps,
            targets=planned.targets,
        )
        entry = await self.journal.get(merge_id)
        assert entry is not None
        outcome = await self.runner(ctx, progress).run(entry)
        if outcome.status == MergeStatus.FAILED:
            self.preflight.remember_text(ctx.conn, outcome.message)
        elif outcome.status == MergeStatus.MERGED:
            outcome = await recount_merge(ctx.provider, self.journal, entry, outcome)
        return outcome

    def runner(self, ctx: ApplyContext, progress: StepProgress | None = None) -> StepRunner:
        return StepRunner(ctx.provider, ctx.entity, self.journal, sleep=self._sleep,
                          progress=progress)

    async def _read_group(self, ctx: ApplyContext, merge: GroupMerge) -> dict[str, Record | None]:
        reads = [ctx.provider.get_record(ctx.entity, rid) for rid in merge.record_ids]
        return dict(zip(merge.record_ids, await asyncio.gather(*reads), strict=True))

    @staticmethod
    def _with_keys(ctx: ApplyContext, steps: tuple[MergeStep, ...]) -> list[MergeStep]:
        """An Idempotency-Key per merge step, journalled before the call, where the CRM
        honours one: a retry after a lost answer then returns the first result."""
        if not ctx.provider.capabilities.idempotent_merge:
            return list(steps)
        return [
            s.model_copy(update={"idempotency_key": str(uuid.uuid4())})
            if s.kind == StepKind.MERGE else s
            for s in steps
        ]


def _after_own_writes(seen: dict | None, rid: str, prior: MergeEntry | None) -> dict | None:
    """A failed attempt may have written the survivor before its merge call failed: the
    reviewed values, as our own journalled updates left them, are not a stale record."""
    if seen is None or prior is None or prior.status != MergeState.FAILED:
        return seen
    written: dict = {}
    for item in prior.steps:
        if item.state == StepState.DONE and item.step.kind == StepKind.UPDATE \
                and item.step.master == rid:
            written.update(item.step.values)
    if written and prior.after is not None and prior.after.id == rid:
        written = prior.after.fields  # as read once the attempt failed: derived fields too
    return {k: written.get(k, v) for k, v in seen.items()}


def _wrote(entry: MergeEntry) -> bool:
    return any(i.state == StepState.DONE and i.step.kind == StepKind.UPDATE for i in entry.steps)


def _outcome(merge: GroupMerge, status: MergeStatus, message: str, **extra) -> MergeOutcome:
    merged = merge.others if status in (MergeStatus.MERGED, MergeStatus.DRY_RUN) else ()
    return MergeOutcome(group=merge.group, status=status, master=merge.master,
                        merged=merged, message=message, **extra)


def _describe_steps(steps: tuple[MergeStep, ...]) -> str:
    parts = []
    for step in steps:
        if step.kind == StepKind.MERGE:
            parts.append(f"merge {', '.join(step.losers)} into {step.master}")
        else:
            parts.append(f"update {step.master}: {', '.join(sorted(step.values))}")
    return "would " + "; then ".join(parts)

