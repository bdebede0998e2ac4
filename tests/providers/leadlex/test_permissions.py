"""LeadLex: the key's own permissions from the workspace's key list (GET /v1/api-keys,
found by prefix), Write being what a merge needs; and a PATCH carrying the merge note
(which appends a note) is never re-sent after a lost answer."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers import errors
from mergedesk.providers.leadlex import LeadLexProvider
from mergedesk.providers.leadlex.mapping import MERGE_NOTE
from mergedesk.sandbox.faults import Fault, FaultKind
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.conftest import serve

PATCHES = "PATCH /v1/contacts/{contact_id}"


async def _no_sleep(_seconds: float) -> None:
    return None


@pytest.fixture
def served():
    running = serve("leadlex", seed=5, records=20)
    yield running
    running.server.stop()


def client_for(served, key: str | None = None) -> LeadLexProvider:
    settings = served.settings("leadlex")
    if key:
        settings = settings.model_copy(update={"credentials": {"api_key": SecretStr(key)}})
    return LeadLexProvider(settings, sleep=_no_sleep)


async def permissions(served, key=None):
    client = client_for(served, key)
    try:
        return await client.merge_permissions("contacts")
    finally:
        await client.aclose()


async def test_a_read_write_key_may_merge(served):
    found = await permissions(served)
    assert found.known and found.allowed
    assert served.fake.requests["GET /v1/api-keys"] == 1


async def test_a_read_only_key_lacks_write_in_plain_words(served):
    found = await permissions(served, served.fake.read_only_key)
    assert found.missing == ("write:contacts",)
    assert "no Write permission" in found.advice


async def test_a_refused_key_list_or_an_ambiguous_prefix_is_unknown(served):
    served.fake.faults.add(Fault(FaultKind.STATUS, status=403, method="GET",
                                 path="/v1/api-keys"))
    assert (await permissions(served)).known is False
    twin = served.fake.api_key[:8] + "0" * 40  # same prefix, other permissions
    served.fake.keys[twin] = (frozenset({"read"}), None)
    assert (await permissions(served)).known is False


async def test_a_patch_with_the_merge_note_is_not_resent_after_a_lost_answer(served):
    rid = served.fake.record_id(0)
    notes = len(served.fake.state.notes_of(rid))
    served.fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="PATCH",
                                 path="/v1/contacts/"))
    client = client_for(served)
    try:
        with pytest.raises(errors.OutcomeUnknown):
            await client.update("contacts", rid, {MERGE_NOTE: "merged from 2 contacts"})
    finally:
        await client.aclose()
    assert served.fake.requests[PATCHES] == 1
    assert len(served.fake.state.notes_of(rid)) == notes + 1  # one note, not two


async def test_a_patch_of_values_only_is_still_resent(served):
    rid = served.fake.record_id(0)
    served.fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="PATCH",
                                 path="/v1/contacts/"))
    client = client_for(served)
    try:
        await client.update("contacts", rid, {"job_title": "Partner"})
    finally:
        await client.aclose()
    assert served.fake.requests[PATCHES] == 2
    assert served.fake.state.contacts[rid]["job_title"] == "Partner"


async def test_a_lost_note_patch_is_settled_by_reading_and_the_note_added_once(served):
    """Through ApplyService: the note PATCH's answer is lost (applied), the merge stays
    unknown; settling reads the notes, finds it, and goes on with the merge alone."""
    primary, duplicate = served.fake.record_id(0), served.fake.record_id(1)
    note = "Kept from the merged contact: second e-mail other@example.org"
    merge = GroupMerge.model_validate({"group": "g1", "master": primary,
                                       "others": [duplicate],
                                       "fields": {MERGE_NOTE: {"value": note}}})
    plan = MergePlan(provider="leadlex", entity="contacts", merges=(merge,))
    served.fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="PATCH",
                                 path="/v1/contacts/"))
    workspace = Workspace.open()
    client = client_for(served)
    try:
        service = ApplyService(workspace, sleep=_no_sleep)
        ctx = await service.prepare(client, served.base_url, plan)
        (lost,) = [o async for o in service.run(ctx, plan.merges)]
        (settled,) = [o async for o in service.run(ctx, plan.merges)]
    finally:
        await client.aclose()
        workspace.close()
    assert lost.status == MergeStatus.UNKNOWN, lost.message
    assert settled.status == MergeStatus.MERGED, settled.message
    assert served.fake.requests[PATCHES] == 1
    assert [n["content"] for n in served.fake.state.notes_of(primary)].count(note) == 1
    assert served.fake.requests["POST /v1/contacts/merge"] == 1
