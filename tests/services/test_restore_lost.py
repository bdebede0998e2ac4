"""What a restore can and cannot bring back, CRM by CRM, over loopback against each
fake: Chatwoot, Pipeliner and Zoho re-create a deleted loser (new id), Dataverse
reactivates it, and LeadLex, which retires merged contacts and offers no call to bring
them back, is said so plainly, with where the values are kept."""

from __future__ import annotations

import pytest

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from mergedesk.services.restore import RestoreReport, RestoreService
from mergedesk.store.restores import ActionKind
from tests.conftest import serve
from tests.services.conftest import no_sleep

OPTIONS = {"zoho": {"files_share": 0.0}, "dataverse": {"notes_share": 0.0}}
EXPECTED = {  # provider: (the loser's action, words of what stays lost)
    "chatwoot": (ActionKind.RECREATE, "a re-created contact gets a new id"),
    "pipeliner": (ActionKind.RECREATE, "a re-created record gets a new id"),
    "zoho": (ActionKind.RECREATE, "a re-created record gets a new id"),
    "dataverse": (ActionKind.REACTIVATE, "related rows the merge moved to the survivor"),
    "leadlex": (None, "the merged records themselves: LeadLex retires them and offers no "
                      "call to bring them back"),
}


@pytest.fixture(params=sorted(EXPECTED))
async def merged(request, workspace):
    """Two planted duplicates of one provider's fake, merged through ApplyService."""
    name = request.param
    served = serve(name, seed=6, records=40, **OPTIONS.get(name, {}))
    provider = registry.create(served.settings(name), sleep=no_sleep)
    master, loser = (served.fake.record_id(i) for i in sorted(served.fake.generated.truth[0])
                     [:2])
    plan = MergePlan(provider=name, entity="contacts", merges=(GroupMerge.model_validate(
        {"group": "g", "master": master, "others": [loser]}),))
    service = ApplyService(workspace, sleep=no_sleep)
    ctx = await service.prepare(provider, served.base_url, plan)
    (outcome,) = [o async for o in service.run(ctx, plan.merges)]
    assert outcome.status == MergeStatus.MERGED, outcome.message
    yield name, served, provider, outcome.merge_id, loser
    await provider.aclose()
    served.server.stop()


def writes(served) -> int:
    return sum(n for key, n in served.fake.requests.snapshot().items()
               if not key.startswith("GET"))


async def test_the_plan_names_what_comes_back_and_what_cannot(merged, workspace):
    name, served, provider, merge_id, loser = merged
    kind, lost_words = EXPECTED[name]
    sent = writes(served)

    plan = await RestoreService(workspace).plan(provider, merge_id)

    assert writes(served) == sent  # a plan sends nothing
    assert [a.kind for a in plan.actions if a.record_id == loser] == ([kind] if kind else [])
    assert any(lost_words in item for item in plan.lost), plan.lost
    assert "records the merge deleted" not in plan.lost  # generic words never stand alone
    lines = RestoreReport(merge_id=merge_id, restore_id=None, status=None,
                          actions=plan.actions, notes=plan.notes, lost=plan.lost).lines()
    assert any(line.startswith("cannot come back: ") and lost_words in line for line in lines)


@pytest.mark.parametrize("merged", ["leadlex"], indirect=True)
async def test_leadlex_says_why_its_merged_contacts_stay_merged(merged, workspace):
    _name, served, provider, merge_id, loser = merged
    sent = writes(served)

    report = await RestoreService(workspace).restore(provider, merge_id)

    # Only the survivor's own values go back (one PATCH); the retired loser stays so.
    assert [a.kind for a in report.actions] == [ActionKind.RESET_SURVIVOR]
    assert writes(served) == sent + 1 and await provider.get_record("contacts", loser) is None
    assert (f"{loser} cannot come back: LeadLex retires merged contacts and offers no call "
            "to bring them back; their values are in the journal: see them with "
            f"`mergedesk history --id {merge_id}`") in "\n".join(report.notes)
