"""After a merge the survivor is re-counted: related items the snapshots counted that did
not arrive (a Chatwoot fake that loses one conversation per merge) are reported."""

from __future__ import annotations

from mergedesk.core.models import MergeStatus
from tests.services.conftest import listed, merge


def with_conversations(sandbox, n: int) -> list[str]:
    state = sandbox.fake.state
    having = {c["contact_id"] for c in state.conversations.values()}
    return [rid for rid in listed(sandbox, 40) if int(rid) in having][:n]


async def test_a_lost_conversation_is_reported(sandbox, provider, workspace):
    base, mergee = with_conversations(sandbox, 2)
    sandbox.fake.state.lose_conversations_on_merge = 1

    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee])

    assert outcome.status == MergeStatus.MERGED  # the merge itself stands
    assert "1 of" in outcome.message and "conversations did not arrive" in outcome.message


async def test_nothing_is_reported_when_everything_arrived(sandbox, provider, workspace):
    base, mergee = with_conversations(sandbox, 2)

    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee])

    assert outcome.status == MergeStatus.MERGED and "did not arrive" not in outcome.message
