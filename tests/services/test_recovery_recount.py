"""A merge settled by crash recovery (RecoveryService) is re-counted like one ApplyService
finished itself: against the Chatwoot fake over loopback with one conversation lost on
the way (`lose_conversations_on_merge`), the history row of the recovered merge warns
that it did not arrive; a complete recovered merge shows full counts and no warning."""

from __future__ import annotations

from mergedesk.core.models import MergeStatus
from mergedesk.services.history import HistoryService
from mergedesk.store.journal import MergeState, StepState
from tests.services.test_recount_history import held, with_conversations
from tests.services.test_recovery import MERGES, journal_merge, merge_step, service


async def crashed_after_merge(workspace, provider, sandbox, base: str, mergee: str) -> int:
    """The merge call reached the CRM, then the app died before recording the answer."""
    merge_id = await journal_merge(workspace, provider, sandbox, base, mergee)
    index = merge_step(workspace, merge_id)
    workspace.journal.set_step(merge_id, index, StepState.SENT)
    await provider.merge("contacts", workspace.journal.get(merge_id).steps[index].step)
    return merge_id


async def test_a_recovered_merge_that_lost_a_conversation_warns_in_the_history(
        sandbox, provider, workspace):
    base, mergee = with_conversations(sandbox, 2)
    expected = held(sandbox, base) + held(sandbox, mergee)
    sandbox.fake.state.lose_conversations_on_merge = 1
    merge_id = await crashed_after_merge(workspace, provider, sandbox, base, mergee)

    report = await service(workspace, sandbox).settle_all()

    (outcome,) = report.outcomes
    assert outcome.status == MergeStatus.MERGED and "did not arrive" in outcome.message
    assert sandbox.fake.requests[MERGES] == 1  # settled by reading, not sent again
    entry = workspace.journal.get(merge_id)
    assert entry.status == MergeState.MERGED and entry.message == outcome.message
    (row,) = HistoryService(workspace).search("did not arrive")
    assert row.id == merge_id
    assert f"1 of {expected} conversations did not arrive on {base}" in row.warning
    (short,) = HistoryService(workspace).detail(merge_id).not_arrived
    assert (short.kind, short.expected, short.found, short.missing) == (
        "conversations", expected, expected - 1, 1)


async def test_a_merge_recovery_sends_after_reading_is_recounted_too(
        sandbox, provider, workspace):
    base, mergee = with_conversations(sandbox, 2)
    sandbox.fake.state.lose_conversations_on_merge = 1
    merge_id = await journal_merge(workspace, provider, sandbox, base, mergee)
    workspace.journal.set_step(merge_id, merge_step(workspace, merge_id), StepState.SENT)

    report = await service(workspace, sandbox).settle_all()

    assert [o.status for o in report.outcomes] == [MergeStatus.MERGED]
    assert sandbox.fake.requests[MERGES] == 1
    (row,) = HistoryService(workspace).search()
    assert row.id == merge_id and "did not arrive" in row.warning


async def test_a_complete_recovered_merge_journals_its_recount_without_a_warning(
        sandbox, provider, workspace):
    base, mergee = with_conversations(sandbox, 2)
    expected = held(sandbox, base) + held(sandbox, mergee)
    merge_id = await crashed_after_merge(workspace, provider, sandbox, base, mergee)

    await service(workspace, sandbox).settle_all()

    detail = HistoryService(workspace).detail(merge_id)
    assert [(r.kind, r.expected, r.found, r.missing) for r in detail.recount] == [
        ("conversations", expected, expected, 0)]
    assert detail.not_arrived == () and detail.summary.warning == ""
