"""The CRM's own dry run of a merge (LeadLex: `dry_run: true` changes nothing and
answers with the primary as it would be), compared with MergeDesk's preview. Plain
async code; values MergeDesk writes in update steps are not part of a merge call's dry
run, so those fields are left out of the comparison."""

from __future__ import annotations

from dataclasses import dataclass

from mergedesk.core.models import FieldDef, Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.steps import StepKind, plan_steps
from mergedesk.core.values import JsonValue, same_value
from mergedesk.providers.base import Provider


@dataclass(frozen=True)
class DryRunResult:
    calls: int  # merge calls the CRM previewed
    differences: dict[str, tuple[JsonValue, JsonValue]]  # field -> (CRM says, preview says)


async def dry_run(provider: Provider, entity: str, merge: GroupMerge,
                  records: dict[str, Record], fields: dict[str, FieldDef],
                  preview: dict[str, JsonValue]) -> DryRunResult:
    """Ask the CRM for each merge call of the plan in dry-run mode; compare its last
    answer with our preview, field by field."""
    caps = provider.capabilities
    plan = plan_steps(merge, records, caps, fields)
    written = {name for step in plan.steps if step.kind == StepKind.UPDATE
               for name in step.values}
    answer: dict[str, JsonValue] = {}
    calls = 0
    for step in plan.steps:
        if step.kind == StepKind.MERGE:
            result = await provider.merge(entity, step, dry_run=True)
            answer = dict(result.preview or {})
            calls += 1
    differences = {
        name: (answer.get(name), value) for name, value in preview.items()
        if name in answer and name not in written and not same_value(answer.get(name), value)
    }
    return DryRunResult(calls, differences)
