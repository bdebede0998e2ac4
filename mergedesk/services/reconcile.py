"""Running a journalled merge's steps, verifying the result by reading the CRM, and
settling merges whose outcome was lost (crash, timeout) without re-sending blindly.
Journal calls are awaited off the loop (services.journal_io). No Qt."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from mergedesk.core.models import MergeOutcome, MergeStatus, Record
from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.core.values import same_value
from mergedesk.providers import errors
from mergedesk.providers.base import Provider, StepState
from mergedesk.services.journal_io import OffLoopJournal
from mergedesk.store.journal import MergeEntry, MergeState
from mergedesk.store.journal import StepState as Journalled

log = logging.getLogger(__name__)
Sleep = Callable[[float], Awaitable[None]]
# (steps done, steps in all, the step about to be sent or None once all are done): a
# merge's progress as it happens, so a GUI need not poll the journal for it.
StepProgress = Callable[[int, int, MergeStep | None], None]
VERIFY_DELAYS = (0.2, 0.5, 1.0, 2.0)  # a CRM may finish a merge just after answering
JOB_POLL_DELAYS = (1, 2, 4, 8, 15, 30, 30, 30, 60, 60)


class StepRunner:
    """Sends the steps of one journalled merge that are not done yet, then verifies."""

    def __init__(self, provider: Provider, entity: str, journal: OffLoopJournal, *,
                 sleep: Sleep = asyncio.sleep, progress: StepProgress | None = None):
        self.provider = provider
        self.entity = entity
        self.journal = journal
        self._sleep = sleep
        self._progress = progress

    async def run(self, entry: MergeEntry) -> MergeOutcome:
        try:
            return await self._run(entry)
        except errors.ProviderError as exc:
            # A read (verification, job status) failed after calls may have been made:
            # the merge stays open in the journal, never reported as "nothing sent".
            return await self.conclude(entry, MergeState.UNKNOWN, MergeStatus.UNKNOWN,
                                       f"could not check the result: {exc}; "
                                       "will be reconciled by reading the CRM")

    async def _run(self, entry: MergeEntry) -> MergeOutcome:
        total = len(entry.steps)
        for done, item in enumerate(entry.steps):  # each sent only once all before are done
            if item.state == Journalled.DONE:
                continue
            self._report(done, total, item.step)
            failure = await self._send(entry, item.step)
            if failure is not None:
                return failure
        self._report(total, total, None)
        return await self.verify(entry)

    def _report(self, done: int, total: int, step: MergeStep | None) -> None:
        if self._progress is not None:
            self._progress(done, total, step)

    async def _send(self, entry: MergeEntry, step: MergeStep) -> MergeOutcome | None:
        await self.journal.set_step(entry.id, step.index, Journalled.SENT)
        try:
            if step.kind == StepKind.UPDATE:
                await self.provider.update(self.entity, step.master, step.values)
                await self.journal.set_step(entry.id, step.index, Journalled.DONE)
                return None
            result = await self.provider.merge(self.entity, step)
        except (errors.OutcomeUnknown, errors.BadResponse) as exc:
            # BadResponse: the CRM answered, but with a body we cannot read (truncated,
            # wrong shape), so the call may well have been applied: read, never re-send.
            await self.journal.set_step(entry.id, step.index, Journalled.UNKNOWN, error=str(exc))
            return await self.conclude(entry, MergeState.UNKNOWN, MergeStatus.UNKNOWN,
                                       f"{exc}; will be reconciled by reading the CRM")
        except errors.ProviderError as exc:
            await self.journal.set_step(entry.id, step.index, Journalled.FAILED, error=str(exc))
            current = await self.journal.get(entry.id) or entry  # the step states as written
            if any(i.state == Journalled.DONE for i in current.steps):
                await self._keep_after(entry)
            return await self.conclude(entry, MergeState.FAILED, MergeStatus.FAILED,
                                       _failure_text(current, step, exc))
        await self.journal.set_step(entry.id, step.index, Journalled.SENT,
                                    job_id=result.job_id, response=result.summary or None)
        state = result.state
        if state == StepState.PENDING and result.job_id:
            state = await self._wait_for_job(step, result.job_id)
        if state != StepState.APPLIED:
            await self.journal.set_step(entry.id, step.index, Journalled.UNKNOWN)
            return await self.conclude(entry, MergeState.UNKNOWN, MergeStatus.UNKNOWN,
                                       f"the CRM has not finished merging ({state}); "
                                       "will be reconciled by reading the CRM")
        await self.journal.set_step(entry.id, step.index, Journalled.DONE)
        return None

    async def _keep_after(self, entry: MergeEntry) -> None:
        """A failed merge that already wrote to the survivor: keep the survivor as it was
        left (history shows it; a new attempt knows the change was ours). Best effort:
        the failure may be the very token this read needs."""
        try:
            survivor = await self.provider.get_record(self.entity, entry.master)
        except errors.ProviderError:
            return
        if survivor is not None:
            await self.journal.set_after(entry.id, survivor)

    async def _wait_for_job(self, step: MergeStep, job_id: str) -> StepState:
        for delay in JOB_POLL_DELAYS:
            await self._sleep(delay)
            state = await self.provider.job_state(self.entity, step, job_id)
            if state != StepState.PENDING:
                return state
        return StepState.PENDING

    async def verify(self, entry: MergeEntry) -> MergeOutcome:
        """Read the survivor and the losers; the merge is done only if the CRM says so."""
        problems: list[str] = []
        for delay in (0.0, *VERIFY_DELAYS):
            if delay:
                await self._sleep(delay)
            problems, survivor = await self._problems(entry)
            if not problems and survivor is not None:
                await self.journal.set_after(entry.id, survivor)  # history's "after"
                return await self.conclude(entry, MergeState.MERGED, MergeStatus.MERGED, "")
            if not any(p.startswith("still there") for p in problems):
                break  # wrong values do not fix themselves; losers may still be going
        if any(p.startswith("still there") for p in problems):
            return await self.conclude(entry, MergeState.UNKNOWN, MergeStatus.UNKNOWN,
                                       "the CRM accepted the merge but " + "; ".join(problems))
        return await self.conclude(entry, MergeState.FAILED, MergeStatus.FAILED,
                                   "merged, but the survivor differs from the plan: "
                                   + "; ".join(problems))

    async def _problems(self, entry: MergeEntry) -> tuple[list[str], Record | None]:
        survivor = await self.provider.get_record(self.entity, entry.master)
        if survivor is None:
            return [f"the survivor {entry.master} is missing"], None
        problems = [f"still there: {rid}" for rid in await self.still_present(entry, entry.others)]
        for name, expected in entry.targets.items():
            if name in survivor.fields and not same_value(survivor.fields[name], expected):
                problems.append(f"{name} is {survivor.fields[name]!r}, expected {expected!r}")
        return problems, survivor

    async def still_present(self, entry: MergeEntry, ids: tuple[str, ...]) -> list[str]:
        reads = await asyncio.gather(*(self.provider.get_record(self.entity, r) for r in ids))
        return [rid for rid, rec in zip(ids, reads, strict=True) if _still_active(rec, entry)]

    async def conclude(self, entry: MergeEntry, state: MergeState, status: MergeStatus,
                       message: str) -> MergeOutcome:
        await self.journal.finish(entry.id, state, message)
        merged = entry.others if status == MergeStatus.MERGED else ()
        return MergeOutcome(group=entry.group_id, status=status, master=entry.master,
                            merged=merged, message=message, merge_id=entry.id)


class Reconciler:
    """Settles merges left `running` or `unknown` by reading what the CRM now holds."""

    def __init__(self, runner: StepRunner):
        self._runner = runner

    async def settle(self, entry: MergeEntry) -> MergeOutcome:
        try:
            return await self._settle(entry)
        except errors.ProviderError as exc:  # the CRM could not be read: try again later
            return await self._runner.conclude(entry, MergeState.UNKNOWN, MergeStatus.UNKNOWN,
                                               f"could not reconcile yet: {exc}")

    async def _settle(self, entry: MergeEntry) -> MergeOutcome:
        journal = self._runner.journal
        for item in entry.steps:
            if item.state not in (Journalled.SENT, Journalled.UNKNOWN):
                continue
            state = await self._observe(entry, item.step, item.job_id)
            log.info("reconciled merge #%s step %s: %s", entry.id, item.step.index, state)
            if state == StepState.APPLIED:
                await journal.set_step(entry.id, item.step.index, Journalled.DONE)
            elif state == StepState.NOT_APPLIED:
                # Reading proved the call never took effect: sending it is now safe.
                await journal.set_step(entry.id, item.step.index, Journalled.INTENT)
            else:
                message = (f"step {item.step.index} is {state}: "
                           "left for review, nothing re-sent")
                return await self._runner.conclude(entry, MergeState.UNKNOWN, MergeStatus.UNKNOWN,
                                                   message)
        refreshed = await journal.get(entry.id)
        assert refreshed is not None
        return await self._runner.run(refreshed)

    async def _observe(self, entry: MergeEntry, step: MergeStep, job_id: str | None):
        provider, entity = self._runner.provider, self._runner.entity
        if step.kind == StepKind.UPDATE:
            # Most updates set values: writing them again is harmless. One that appends
            # (LeadLex's merge note) is read back by the provider instead, so a lost
            # answer never adds it twice.
            check = getattr(provider, "update_applied", None)
            applied = await check(entity, step.master, step.values) if check else None
            return StepState.APPLIED if applied else StepState.NOT_APPLIED
        if job_id:
            state = await provider.job_state(entity, step, job_id)
            if state == StepState.PENDING:
                return state
        if await provider.get_record(entity, step.master) is None:
            return StepState.PARTIAL  # the survivor itself is gone: a human must look
        present = await self._runner.still_present(entry, step.losers)
        if not present:
            return StepState.APPLIED
        return StepState.NOT_APPLIED if len(present) == len(step.losers) else StepState.PARTIAL


def _still_active(record: Record | None, entry: MergeEntry) -> bool:
    return record is not None and record.active and record.merged_into != entry.master


def _failure_text(entry: MergeEntry, step: MergeStep, exc: errors.ProviderError) -> str:
    done = [i.step for i in entry.steps if i.state == Journalled.DONE and i.step.index < step.index]
    merged = [rid for s in done if s.kind == StepKind.MERGE for rid in s.losers]
    written = sorted({name for s in done if s.kind == StepKind.UPDATE for name in s.values})
    parts = [f"merging {', '.join(merged)}"] if merged else []
    parts += [f"writing {', '.join(written)} on {entry.master}"] if written else []
    # Say what was already done, so a failed merge never hides a half-applied one.
    prefix = f"after {' and '.join(parts)}: " if parts else ""
    return f"{prefix}{exc}"
