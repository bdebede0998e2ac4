"""The re-count after a merge is journalled with it and shown by HistoryService, against
the Chatwoot fake over loopback with one conversation lost on the way (the fake's
`lose_conversations_on_merge`): per kind expected / found / missing, a warning on the
history row, searchable; also when the merge's answer was lost and it was reconciled by
reading, and when the re-count itself could not read the survivor."""

from __future__ import annotations

from mergedesk.core.models import MergeStatus
from mergedesk.providers.errors import ServerError
from mergedesk.sandbox.faults import Fault, FaultKind
from mergedesk.services.history import HistoryService
from mergedesk.store.journal import MergeState
from tests.services.conftest import listed, merge


def with_conversations(sandbox, n: int) -> list[str]:
    having = {c["contact_id"] for c in sandbox.fake.state.conversations.values()}
    return [rid for rid in listed(sandbox, 40) if int(rid) in having][:n]


def held(sandbox, rid: str) -> int:
    return len(sandbox.fake.state.conversations_of(int(rid)))


async def test_a_lost_conversation_is_journalled_and_shown_in_the_history(
        sandbox, provider, workspace):
    base, mergee = with_conversations(sandbox, 2)
    expected = held(sandbox, base) + held(sandbox, mergee)
    sandbox.fake.state.lose_conversations_on_merge = 1

    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee])

    assert outcome.status == MergeStatus.MERGED and "did not arrive" in outcome.message
    detail = HistoryService(workspace).detail(outcome.merge_id)
    assert detail is not None
    assert [(r.kind, r.expected, r.found, r.missing) for r in detail.recount] == [
        ("conversations", expected, expected - 1, 1)]
    assert detail.not_arrived == detail.recount
    entry = workspace.journal.get(outcome.merge_id)
    assert entry.status == MergeState.MERGED and entry.finished_at is not None
    assert entry.message == outcome.message  # the journal says what the outcome said
    (row,) = HistoryService(workspace).search("did not arrive")
    assert row.id == outcome.merge_id
    assert f"1 of {expected} conversations did not arrive on {base}" in row.warning


async def test_a_complete_merge_journals_its_recount_without_a_warning(
        sandbox, provider, workspace):
    base, mergee = with_conversations(sandbox, 2)
    expected = held(sandbox, base) + held(sandbox, mergee)

    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee])

    history = HistoryService(workspace)
    detail = history.detail(outcome.merge_id)
    assert [(r.kind, r.expected, r.found, r.missing) for r in detail.recount] == [
        ("conversations", expected, expected, 0)]
    assert detail.not_arrived == () and detail.summary.warning == ""
    assert history.search("did not arrive") == []


async def test_a_reconciled_merge_journals_its_recount_too(sandbox, provider, workspace):
    base, mergee = with_conversations(sandbox, 2)
    sandbox.fake.state.lose_conversations_on_merge = 1
    sandbox.fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST",
                                  path="contact_merge"))
    first = await merge(workspace, provider, sandbox.base_url, base, [mergee])
    assert first.status == MergeStatus.UNKNOWN

    settled = await merge(workspace, provider, sandbox.base_url, base, [mergee])

    assert settled.status == MergeStatus.MERGED
    (row,) = HistoryService(workspace).search()
    assert "did not arrive" in row.warning
    assert HistoryService(workspace).detail(row.id).not_arrived[0].missing == 1


async def test_a_recount_that_cannot_read_the_survivor_is_a_warning(
        sandbox, provider, workspace):
    base, mergee = with_conversations(sandbox, 2)
    # The merge's own verification reads the survivor; the re-count is the read after.
    reads = {"n": 0}
    real = provider.get_record

    async def failing_after_verify(entity, rid):
        if rid == base:
            reads["n"] += 1
            if reads["n"] == 3:  # staleness check, verification, then the re-count
                raise ServerError("503 from the CRM", provider="chatwoot")
        return await real(entity, rid)

    provider.get_record = failing_after_verify
    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee])

    assert outcome.status == MergeStatus.MERGED
    assert outcome.message.startswith("related items not re-counted")
    (row,) = HistoryService(workspace).search()
    assert row.warning.startswith("related items not re-counted")
