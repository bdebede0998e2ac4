"""Bulk rules use case: evaluate a RuleSet over the groups and cached records of the last
scan, count what each rule takes, sample it, and submit the merges as one batch through
the SAME ApplyService (journal, pre-flight, rate limits, reconciliation) as hand merges.
There is no second merge path here. No Qt."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Collection, Sequence
from dataclasses import dataclass, field

from mergedesk.core.bulk_eval import BulkInputs, Evaluation, evaluate
from mergedesk.core.bulk_rules import RuleSet
from mergedesk.core.models import FieldDef, MergeOutcome, MergeStatus, Record
from mergedesk.core.plan import GroupMerge, MergePlan, check_fields
from mergedesk.core.review import GroupStatus
from mergedesk.providers.base import Provider
from mergedesk.services.apply import ApplyContext, ApplyService
from mergedesk.services.budget import BudgetCheck, check_budget
from mergedesk.services.scan import provider_field_map
from mergedesk.services.workspace import Workspace
from mergedesk.store.cache import connection_key
from mergedesk.store.group_query import GroupQuery, GroupReader


class NoGroups(Exception):
    """Nothing to evaluate: the connection was never scanned (or found no duplicates)."""


@dataclass
class Batch:
    """The merges a batch sends, each with the rule that made it, in submission order."""

    merges: list[GroupMerge]
    rule_of: dict[str, str]  # group id -> rule name
    budget: BudgetCheck | None = None


@dataclass
class RuleTally:
    """What one rule took and what came of it."""

    name: str
    taken: int
    blocked: int
    outcomes: dict[str, int] = field(default_factory=dict)  # MergeStatus value -> count

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "taken": self.taken, "blocked": self.blocked,
                "outcomes": dict(self.outcomes)}


class BulkService:
    """`apply` is needed to submit; the review window evaluates only and hands the
    merges to its MergeQueue, which runs them through its own ApplyService."""

    def __init__(self, workspace: Workspace, apply: ApplyService | None = None):
        self._workspace = workspace
        self._apply = apply
        # The cached records of each connection, read once: a dialog counts again and
        # again. A record changed since is caught where it matters: the apply service
        # re-reads every record before a merge and stops a stale one, nothing sent.
        self._records: dict[str, dict[str, Record]] = {}

    # Evaluating
    async def evaluate(self, rules: RuleSet, provider: Provider, base_url: str,
                       entity: str, busy: Collection[str] = ()) -> Evaluation:
        """Which groups each rule takes (reads the store and the field metadata; the
        CPU work runs in the executor, off the caller's loop). `busy`: group ids whose
        merge is queued or running here, never taken twice."""
        fields = {f.api_name: f for f in await provider.field_defs(entity)}
        conn = connection_key(provider.capabilities.provider, base_url, entity)
        loop = asyncio.get_running_loop()
        inputs = await loop.run_in_executor(None, self.inputs, conn, entity, fields, provider)
        inputs.excluded = {*inputs.excluded, *busy}
        return await loop.run_in_executor(None, evaluate, rules, inputs)

    def inputs(self, conn: str, entity: str, fields: dict[str, FieldDef],
               provider: Provider | None = None) -> BulkInputs:
        """The groups (with status), cached records and decisions of `conn`. Raises
        NoGroups when there are none. Blocking: seconds for 100,000 groups."""
        groups = self._workspace.groups.groups(conn)
        if not groups:
            raise NoGroups(f"no duplicate groups stored for {conn}: scan first")
        records = self._records.get(conn)
        if records is None:  # read once per service: 225,000 records take seconds
            records = {r.id: r for r in self._workspace.cache.records(conn)}
            self._records[conn] = records
        return BulkInputs(
            entity=entity, groups=groups, records=records, fields=fields,
            caps=provider.capabilities if provider else None,
            not_duplicates=self._workspace.groups.not_duplicate_pairs(conn),
            excluded=self.held_by_others(conn),
            field_map=provider_field_map(provider, entity) if provider else None)

    def held_by_others(self, conn: str) -> set[str]:
        """Groups another reviewer holds a live lease on (team workspace only)."""
        if not self._workspace.shared:
            return set()
        reader = GroupReader(self._workspace.db)
        try:
            order = reader.order(conn, GroupQuery(statuses=frozenset({GroupStatus.OPEN})))
            me = self._workspace.db.actor
            held: set[str] = set()
            for start in range(0, len(order), 5000):
                held.update(row.id for row in reader.rows(order[start:start + 5000])
                            if row.claimed_by and row.claimed_by != me)
            return held
        finally:
            reader.close()

    @staticmethod
    def tallies(evaluation: Evaluation) -> list[RuleTally]:
        return [RuleTally(r.rule.name, len(r.groups), len(r.blocked))
                for r in evaluation.results]

    # Submitting
    async def batch(self, evaluation: Evaluation, provider: Provider,
                    limit: int | None = None) -> Batch:
        """Build the merges (in the executor) and check the CRM's request budget."""
        def build() -> list[tuple[str, GroupMerge]]:
            return [(rule.name, merge) for rule, merge in evaluation.merges(limit)]

        built = await asyncio.get_running_loop().run_in_executor(None, build)
        merges = [m for _, m in built]
        return Batch(merges, {m.group: name for name, m in built},
                     await check_budget(provider, merges))

    async def context(self, provider: Provider, base_url: str, entity: str,
                      merges: Sequence[GroupMerge]) -> ApplyContext:
        """The apply service's context, the batch checked against the CRM's fields."""
        plan = MergePlan(provider=provider.capabilities.provider, entity=entity,
                         merges=tuple(merges))
        assert self._apply is not None, "BulkService was built without an ApplyService"
        ctx = await self._apply.prepare(provider, base_url, plan)
        check_fields(plan, ctx.field_defs)
        return ctx

    async def submit(self, ctx: ApplyContext, batch: Batch, *,
                     dry_run: bool = False) -> AsyncIterator[tuple[str, MergeOutcome]]:
        """Yield (rule name, outcome) as each merge finishes, through ApplyService.run;
        the group's review status follows the outcome (not for a dry run)."""
        assert self._apply is not None, "BulkService was built without an ApplyService"
        async for outcome in self._apply.run(ctx, tuple(batch.merges), dry_run=dry_run):
            if not dry_run:
                self._record(ctx.conn, outcome)
            yield batch.rule_of.get(outcome.group, ""), outcome

    def _record(self, conn: str, outcome: MergeOutcome) -> None:
        status = GroupStatus.from_outcome(outcome.status)
        if status.persisted and outcome.status != MergeStatus.DRY_RUN:
            self._workspace.groups.set_status(conn, outcome.group, status)
