"""Apply's own safety rules over loopback: an unreadable merge answer is unknown (it may
have been applied), and a merge that failed after writing to the survivor says so and
can be applied again without looking stale because of its own write."""

from __future__ import annotations

from mergedesk.core.models import MergeStatus
from mergedesk.sandbox.faults import Fault, FaultKind
from mergedesk.services.recovery import RecoveryService
from tests.services.conftest import listed, merge, no_sleep

MERGES = "POST /actions/contact_merge"


async def test_a_truncated_merge_answer_is_unknown_and_reconciled_not_resent(
    sandbox, workspace, provider
):
    base, mergee = listed(sandbox, 2)
    sandbox.fake.faults.add(Fault(FaultKind.MALFORMED_JSON, method="POST", path="merge"))
    first = await merge(workspace, provider, sandbox.base_url, base, [mergee])
    assert first.status == MergeStatus.UNKNOWN and "not JSON" in first.message

    report = await RecoveryService(workspace, lambda _p, _u: provider, sleep=no_sleep
                                   ).settle_connection(provider, sandbox.base_url, "contacts")

    assert [o.status for o in report] == [MergeStatus.MERGED]
    assert sandbox.fake.requests[MERGES] == 1


async def test_a_merge_refused_after_writing_the_survivor_says_so_and_can_be_retried(
    sandbox, workspace, provider
):
    base, mergee = listed(sandbox, 2)
    sandbox.fake.faults.add(Fault(FaultKind.STATUS, status=401, method="POST", path="merge"))
    first = await merge(workspace, provider, sandbox.base_url, base, [mergee], name=mergee)
    assert first.status == MergeStatus.FAILED
    assert first.message.startswith(f"after writing name on {base}: ")
    assert workspace.journal.get(first.merge_id).after is not None  # as the attempt left it

    again = await merge(workspace, provider, sandbox.base_url, base, [mergee], name=mergee)

    assert again.status == MergeStatus.MERGED, again.message
    assert sandbox.fake.requests[MERGES] == 2  # the refused call, then the real one
