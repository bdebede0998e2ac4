"""Restoring a Dataverse merge over loopback: the deactivated subordinate is made active
again under its own id by a status-only PATCH, the target's values are written back,
the fake refuses a state and reason that do not belong together, and `mergedesk restore
--dry-run` lists the actions without sending them."""

from __future__ import annotations

import pytest

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers import errors
from mergedesk.services.apply import ApplyService
from mergedesk.services.restore import RestoreService
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import MergeState
from mergedesk.store.restores import (
    ActionKind,
    ActionState,
    RestoreAction,
    RestoreJournal,
    RestoreStatus,
)
from tests.providers.dataverse.conftest import no_sleep, provider
from tests.test_cli import run_cli

PATCHES = "PATCH /{rest:path}"
COLUMNS = ("firstname", "lastname", "emailaddress1", "telephone1", "jobtitle",
           "address1_city", "description")


@pytest.fixture
async def merged(dataverse_sandbox):
    """Contact 20 merged into contact 19, with the subordinate's phone and a typed title
    written onto the target; yields (workspace, client, merge id, target, subordinate,
    both rows as they were before)."""
    fake = dataverse_sandbox.fake
    target, sub = fake.record_id(19), fake.record_id(20)
    before = {rid: dict(fake.rows()[rid]) for rid in (target, sub)}
    workspace = Workspace.open()
    client = provider(dataverse_sandbox)
    plan = MergePlan(provider="dataverse", entity="contacts", merges=(GroupMerge.model_validate(
        {"group": "r", "master": target, "others": [sub],
         "fields": {"telephone1": {"from": sub}, "jobtitle": {"value": "Head of Restores"}}}),))
    service = ApplyService(workspace, sleep=no_sleep)
    ctx = await service.prepare(client, dataverse_sandbox.base_url, plan)
    (outcome,) = [o async for o in service.run(ctx, plan.merges)]
    assert outcome.status == MergeStatus.MERGED, outcome.message
    assert fake.rows()[sub]["statecode"] == 1
    yield workspace, client, outcome.merge_id, target, sub, before
    await client.aclose()
    workspace.close()


async def test_restore_reactivates_the_subordinate_and_resets_the_target(
    dataverse_sandbox, merged
):
    workspace, client, merge_id, target, sub, before = merged
    rows = dataverse_sandbox.fake.rows()
    assert rows[target]["jobtitle"] == "Head of Restores"

    report = await RestoreService(workspace).restore(client, merge_id)

    assert report.status == RestoreStatus.RESTORED, report.lines()
    assert {(a.kind, a.record_id, a.state) for a in report.actions} == {
        (ActionKind.RESET_SURVIVOR, target, ActionState.DONE),
        (ActionKind.REACTIVATE, sub, ActionState.DONE)}
    assert (rows[sub]["statecode"], rows[sub]["statuscode"]) == (0, 1)
    for column in COLUMNS:  # the subordinate kept its own values, and the target its old
        assert rows[sub][column] == before[sub][column], column
        assert rows[target][column] == before[target][column], column
    assert workspace.journal.get(merge_id).status == MergeState.RESTORED
    reactivated = await client.get_record("contacts", sub)
    assert reactivated is not None and reactivated.active
    text = "\n".join(report.lines())
    assert f"reactivate {sub}: done" in text and "cannot come back: notes, activities" in text


async def test_restoring_again_sends_nothing(dataverse_sandbox, merged):
    workspace, client, merge_id, *_ = merged
    service = RestoreService(workspace)
    await service.restore(client, merge_id)
    patches = dataverse_sandbox.fake.requests[PATCHES]
    again = await service.restore(client, merge_id)
    assert again.status is None and "restored already" in again.notes[0]
    assert dataverse_sandbox.fake.requests[PATCHES] == patches


@pytest.mark.parametrize("took_effect", [True, False])
async def test_a_reactivation_whose_answer_was_lost_is_read_before_any_resend(
    dataverse_sandbox, merged, took_effect
):
    workspace, client, merge_id, _target, sub, _before = merged
    # The app died after sending the reactivation, before journalling its answer.
    restores = RestoreJournal(workspace.db)
    restore_id = restores.begin(merge_id, [RestoreAction(index=0, kind=ActionKind.REACTIVATE,
                                                         record_id=sub)])
    restores.set_action(restore_id, 0, ActionState.SENT)
    if took_effect:
        await client.reactivate("contacts", sub)
    patches = dataverse_sandbox.fake.requests[PATCHES]

    report = await RestoreService(workspace).restore(client, merge_id)

    assert report.status == RestoreStatus.RESTORED and report.restore_id == restore_id
    assert dataverse_sandbox.fake.rows()[sub]["statecode"] == 0
    sent = dataverse_sandbox.fake.requests[PATCHES] - patches
    assert sent == (0 if took_effect else 1)


async def test_the_fake_holds_state_and_reason_together(dataverse_sandbox):
    fake = dataverse_sandbox.fake
    rid = fake.record_id(30)
    client = provider(dataverse_sandbox)
    try:
        # Active with the Inactive reason: refused, as Dataverse refuses it.
        with pytest.raises(errors.ValidationFailed, match="not a valid status code"):
            await client.update("contacts", rid, {"statecode": 0, "statuscode": 2})
        # A state alone takes its default reason.
        await client.update("contacts", rid, {"statecode": 1})
        assert (fake.rows()[rid]["statecode"], fake.rows()[rid]["statuscode"]) == (1, 2)
        await client.reactivate("contacts", rid)
        assert (fake.rows()[rid]["statecode"], fake.rows()[rid]["statuscode"]) == (0, 1)
        with pytest.raises(errors.NotFound):  # If-Match: * never creates a row
            await client.reactivate("contacts", "00000000-0000-4000-8000-00000000abcd")
    finally:
        await client.aclose()


async def test_cli_restore_dry_run_lists_the_actions_and_sends_nothing(
    dataverse_sandbox, merged
):
    workspace, _client, merge_id, target, sub, _before = merged
    workspace.close()  # the CLI opens the same journal in its own process
    patches = dataverse_sandbox.fake.requests[PATCHES]
    result = run_cli("restore", str(merge_id), "--dry-run", env=dataverse_sandbox.credentials)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"would reactivate {sub}" in lines
    assert any(line.startswith(f"would reset survivor {target} (") and "jobtitle" in line
               and "telephone1" in line for line in lines)
    assert any(line.startswith("cannot come back: ") for line in lines)
    assert dataverse_sandbox.fake.requests[PATCHES] == patches
    assert dataverse_sandbox.fake.rows()[sub]["statecode"] == 1
