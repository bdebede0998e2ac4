"""Start-up recovery over loopback: open merges are settled by reading the CRM, each
merge is sent at most once, and what cannot be reached stays open and is reported."""

from __future__ import annotations

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge
from mergedesk.core.steps import StepKind, plan_steps
from mergedesk.providers import errors, registry
from mergedesk.services.recovery import RecoveryService
from mergedesk.store.cache import connection_key
from mergedesk.store.journal import MergeState, StepState
from tests.services.conftest import listed, no_sleep

MERGES = "POST /actions/contact_merge"


async def journal_merge(workspace, provider, sandbox, base: str, mergee: str) -> int:
    """Journal a merge exactly as ApplyService does before its first call."""
    records = {rid: await provider.get_record("contacts", rid) for rid in (base, mergee)}
    group = GroupMerge.model_validate({"group": f"g{base}", "master": base, "others": [mergee]})
    defs = {f.api_name: f for f in await provider.field_defs("contacts")}
    planned = plan_steps(group, records, provider.capabilities, defs)
    return workspace.journal.begin(
        conn=connection_key("chatwoot", sandbox.base_url, "contacts"), provider="chatwoot",
        base_url=sandbox.base_url, entity="contacts", merge=group,
        snapshots=records.values(), steps=planned.steps, targets=planned.targets)


def service(workspace, sandbox) -> RecoveryService:
    def connect(name: str, base_url: str):
        assert (name, base_url) == ("chatwoot", sandbox.base_url)
        return registry.create(sandbox.settings("chatwoot"), sleep=no_sleep)

    return RecoveryService(workspace, connect, sleep=no_sleep)


def merge_step(workspace, merge_id: int) -> int:
    entry = workspace.journal.get(merge_id)
    return next(s.step.index for s in entry.steps if s.step.kind == StepKind.MERGE)


async def test_a_sent_merge_that_was_applied_is_settled_without_sending_it_again(
    sandbox, workspace, provider
):
    base, mergee = listed(sandbox, 2)
    merge_id = await journal_merge(workspace, provider, sandbox, base, mergee)
    index = merge_step(workspace, merge_id)
    workspace.journal.set_step(merge_id, index, StepState.SENT)
    await provider.merge("contacts", workspace.journal.get(merge_id).steps[index].step)
    # ... and the app died before it could record the answer.

    report = await service(workspace, sandbox).settle_all()

    assert [o.status for o in report.outcomes] == [MergeStatus.MERGED]
    assert sandbox.fake.requests[MERGES] == 1
    assert workspace.journal.open_merges() == [] and report.still_open == 0
    assert workspace.journal.get(merge_id).after is not None


async def test_a_sent_merge_that_never_arrived_is_sent_once_after_reading(
    sandbox, workspace, provider
):
    base, mergee = listed(sandbox, 2)
    merge_id = await journal_merge(workspace, provider, sandbox, base, mergee)
    workspace.journal.set_step(merge_id, merge_step(workspace, merge_id), StepState.SENT)

    report = await service(workspace, sandbox).settle_all()

    assert [o.status for o in report.outcomes] == [MergeStatus.MERGED]
    assert sandbox.fake.requests[MERGES] == 1
    assert int(mergee) not in sandbox.fake.state.contacts


async def test_a_merge_whose_calls_never_started_is_closed_not_started(
    sandbox, workspace, provider
):
    base, mergee = listed(sandbox, 2)
    merge_id = await journal_merge(workspace, provider, sandbox, base, mergee)

    report = await service(workspace, sandbox).settle_all()

    (outcome,) = report.outcomes
    assert outcome.status == MergeStatus.FAILED and "nothing changed" in outcome.message
    assert workspace.journal.get(merge_id).status == MergeState.FAILED
    assert sandbox.fake.requests[MERGES] == 0 and int(mergee) in sandbox.fake.state.contacts


async def test_an_unreachable_connection_stays_open_and_is_reported(sandbox, workspace, provider):
    base, mergee = listed(sandbox, 2)
    merge_id = await journal_merge(workspace, provider, sandbox, base, mergee)
    workspace.journal.set_step(merge_id, merge_step(workspace, merge_id), StepState.UNKNOWN)

    def refuse(name: str, base_url: str):
        raise errors.ConfigError("no Chatwoot access token", provider=name)

    report = await RecoveryService(workspace, refuse, sleep=no_sleep).settle_all()

    (unreachable,) = report.unreachable
    assert unreachable.open_merges == (merge_id,)
    assert "no Chatwoot access token" in unreachable.reason
    assert report.still_open == 1 and [e.id for e in workspace.journal.open_merges()] == [merge_id]


async def test_a_crm_that_cannot_be_read_keeps_the_merge_open(sandbox, workspace, provider):
    base, mergee = listed(sandbox, 2)
    merge_id = await journal_merge(workspace, provider, sandbox, base, mergee)
    workspace.journal.set_step(merge_id, merge_step(workspace, merge_id), StepState.SENT)
    sandbox.fake.faults.add("status", status=503, method="GET", count=None)

    report = await service(workspace, sandbox).settle_all()

    assert [o.status for o in report.outcomes] == [MergeStatus.UNKNOWN]
    assert "could not reconcile yet" in report.outcomes[0].message
    assert sandbox.fake.requests[MERGES] == 0 and report.still_open == 1
