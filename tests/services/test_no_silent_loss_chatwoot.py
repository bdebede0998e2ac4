"""Post-merge verification against the Chatwoot fake over loopback: the merge answer is
lost (a DROP_AFTER_APPLY fault cuts the connection after the fake merged) while the fake
drops one of the mergee's conversations; MergeDesk reconciles the merge by reading and
still re-counts the survivor, reporting the conversation that did not arrive. Chatwoot
contacts have no owner, status or parent field, so they have no conflict to flag (the
three-contact e-mail / phone / label / opt-out test is tests/services/test_preflight.py)."""

from __future__ import annotations

from mergedesk.core.models import MergeStatus
from mergedesk.core.rules import conflicts
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.services.conftest import listed, merge

MERGES = "POST /actions/contact_merge"


def with_conversations(sandbox, n: int) -> list[str]:
    having = {c["contact_id"] for c in sandbox.fake.state.conversations.values()}
    return [rid for rid in listed(sandbox, 40) if int(rid) in having][:n]


def conversations_of(sandbox, rid: str) -> int:
    return sum(1 for c in sandbox.fake.state.conversations.values()
               if c["contact_id"] == int(rid))


async def test_a_conversation_lost_behind_a_dropped_answer_is_still_reported(
        sandbox, provider, workspace):
    base, mergee = with_conversations(sandbox, 2)
    expected = conversations_of(sandbox, base) + conversations_of(sandbox, mergee)
    sandbox.fake.state.lose_conversations_on_merge = 1
    sandbox.fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST",
                                  path="contact_merge"))

    first = await merge(workspace, provider, sandbox.base_url, base, [mergee])
    assert first.status == MergeStatus.UNKNOWN  # the answer was lost
    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee])

    assert [f.kind for f in sandbox.fake.faults.fired] == [FaultKind.DROP_AFTER_APPLY]
    assert sandbox.fake.requests[MERGES] == 1  # reconciled by reading, not sent again
    assert outcome.status == MergeStatus.MERGED, outcome.message
    assert conversations_of(sandbox, base) == expected - 1
    assert f"1 of {expected} conversations did not arrive on {base}" in outcome.message


async def test_chatwoot_contacts_have_no_conflict_to_flag(sandbox, provider):
    ids = listed(sandbox, 3)
    records = [await provider.get_record("contacts", rid) for rid in ids]
    defs = {f.api_name: f for f in await provider.field_defs("contacts")}
    assert conflicts(records, defs) == []
