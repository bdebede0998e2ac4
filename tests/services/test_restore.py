"""Restore over loopback against the Chatwoot fake: values back, losers re-created,
never twice, and plain words about what cannot come back."""

from __future__ import annotations

import pytest

from mergedesk.core.models import MergeStatus
from mergedesk.sandbox.faults import Fault, FaultKind
from mergedesk.services.restore import RestoreRefused, RestoreService
from mergedesk.store.journal import MergeState
from mergedesk.store.restores import ActionKind, ActionState, RestoreStatus
from tests.services.conftest import listed, merge

CREATES = "POST /contacts"


def contact(sandbox, rid: str) -> dict | None:
    return sandbox.fake.state.contacts.get(int(rid))


async def test_restore_resets_the_survivor_and_recreates_the_loser_with_its_labels(
    sandbox, workspace, provider
):
    base, mergee = listed(sandbox, 2)
    sandbox.fake.state.set_labels(1, int(mergee), ["vip", "churn-risk"])
    before_base, before_mergee = dict(contact(sandbox, base)), dict(contact(sandbox, mergee))
    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee], name=mergee)
    assert outcome.status == MergeStatus.MERGED and contact(sandbox, mergee) is None

    report = await RestoreService(workspace).restore(provider, outcome.merge_id)

    assert report.status == RestoreStatus.RESTORED
    assert contact(sandbox, base)["name"] == before_base["name"]
    recreated = next(a for a in report.actions if a.kind == ActionKind.RECREATE)
    new = contact(sandbox, recreated.new_id)
    for key in ("name", "email", "phone_number", "identifier", "additional_attributes"):
        assert new[key] == before_mergee[key], key
    assert sandbox.fake.state.labels[int(recreated.new_id)] == ["vip", "churn-risk"]
    assert workspace.journal.get(outcome.merge_id).status == MergeState.RESTORED
    text = "\n".join(report.lines())
    assert "new id " + recreated.new_id in text and "cannot come back: conversations" in text


async def test_restoring_twice_creates_nothing_the_second_time(sandbox, workspace, provider):
    base, mergee = listed(sandbox, 2)
    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee])
    service = RestoreService(workspace)
    await service.restore(provider, outcome.merge_id)
    created = sandbox.fake.requests[CREATES]
    again = await service.restore(provider, outcome.merge_id)
    assert again.status is None and "restored already" in again.notes[0]
    assert sandbox.fake.requests[CREATES] == created == 1


async def test_a_lost_create_answer_is_unknown_and_never_sent_again(sandbox, workspace, provider):
    base, mergee = listed(sandbox, 2)
    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee])
    sandbox.fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="/contacts$"))
    service = RestoreService(workspace)

    first = await service.restore(provider, outcome.merge_id)
    assert first.status == RestoreStatus.PARTIAL
    assert [a.state for a in first.actions if a.kind == ActionKind.RECREATE] == [
        ActionState.UNKNOWN]
    second = await service.restore(provider, outcome.merge_id)
    assert sandbox.fake.requests[CREATES] == 1  # the contact was created once, and only once
    assert second.status == RestoreStatus.PARTIAL
    assert any("outcome unknown; check the CRM" in line for line in second.lines())


async def test_a_field_changed_since_the_merge_is_left_as_is(sandbox, workspace, provider):
    base, mergee = listed(sandbox, 2)
    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee], name=mergee)
    await provider.update("contacts", base, {"name": "Renamed Later"})
    plan = await RestoreService(workspace).plan(provider, outcome.merge_id)
    assert all("name" not in a.values for a in plan.actions if a.kind == ActionKind.RESET_SURVIVOR)
    assert any("name changed since the merge" in note for note in plan.notes)


async def test_a_dry_run_plan_sends_nothing(sandbox, workspace, provider):
    base, mergee = listed(sandbox, 2)
    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee], name=mergee)
    writes = sum(n for k, n in sandbox.fake.requests.snapshot().items() if not k.startswith("GET"))
    plan = await RestoreService(workspace).plan(provider, outcome.merge_id)
    assert {a.kind for a in plan.actions} == {ActionKind.RESET_SURVIVOR, ActionKind.RECREATE}
    after = sum(n for k, n in sandbox.fake.requests.snapshot().items() if not k.startswith("GET"))
    assert after == writes


async def test_open_unknown_and_stale_merges_are_not_restored(sandbox, workspace, provider):
    base, mergee = listed(sandbox, 2)
    sandbox.fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="merge"))
    unknown = await merge(workspace, provider, sandbox.base_url, base, [mergee])
    assert unknown.status == MergeStatus.UNKNOWN
    with pytest.raises(RestoreRefused, match="settle it first"):
        await RestoreService(workspace).plan(provider, unknown.merge_id)
    with pytest.raises(RestoreRefused, match="no merge #999"):
        RestoreService(workspace).entry(999)


async def test_a_merge_that_changed_nothing_has_nothing_to_restore(sandbox, workspace, provider):
    base, mergee = listed(sandbox, 2)
    sandbox.fake.faults.add(Fault(FaultKind.STATUS, status=422, method="POST", path="merge"))
    failed = await merge(workspace, provider, sandbox.base_url, base, [mergee])
    assert failed.status == MergeStatus.FAILED
    report = await RestoreService(workspace).restore(provider, failed.merge_id)
    assert report.status is None and "changed nothing" in report.notes[0]
