"""A merge whose records another reviewer is merging (RecordsBusy from the journal's
record-claim guard) is reported as skipped, with nothing sent, and the rest of the batch
goes on: one busy group never ends a batch."""

from __future__ import annotations

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.fixtures import no_sleep
from tests.services.conftest import listed


def group_merge(group: str, records: list[str]) -> GroupMerge:
    return GroupMerge.model_validate({"group": group, "master": records[0],
                                      "others": records[1:]})


async def test_a_merge_of_records_another_reviewer_is_merging_is_skipped(
        tmp_path, sandbox, provider):
    folder = tmp_path / "team"
    ana = Workspace.open(folder, reviewer="ana")
    ben = Workspace.open(folder, reviewer="ben")  # another workstation on the same store
    try:
        a, b, c, d = listed(sandbox, 4)
        base_url = sandbox.server.base_url
        service = ApplyService(ana, sleep=no_sleep)
        plan = MergePlan(provider="chatwoot", entity="contacts",
                         merges=(group_merge("g1", [a, b]), group_merge("g2", [c, d])))
        ctx = await service.prepare(provider, base_url, plan)
        # Ben's merge of b (and another record) is under way: its claims hold b.
        ben.journal.begin(conn=ctx.conn, provider="chatwoot", base_url=base_url,
                          entity="contacts", merge=group_merge("gb", [b, "999"]),
                          snapshots=[], steps=[], targets={})
        outcomes = {o.group: o async for o in service.run(ctx, plan.merges)}
        assert outcomes["g1"].status == MergeStatus.SKIPPED
        assert "another reviewer is merging these records" in outcomes["g1"].message
        assert outcomes["g2"].status == MergeStatus.MERGED
        assert sandbox.fake.state.contacts.get(int(b)) is not None  # nothing was sent
        assert sandbox.fake.state.contacts.get(int(d)) is None  # merged into c
        assert ana.journal.latest_for_group(ctx.conn, "g1") is None  # nothing journalled
    finally:
        ben.close()
        ana.close()
