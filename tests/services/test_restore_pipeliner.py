"""Restore against the Pipeliner fake over loopback: a deleted secondary is re-created
through POST /entities/Contacts with its values, the master's pre-merge values return."""

from __future__ import annotations

from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from mergedesk.services.restore import RestoreService
from mergedesk.store.restores import ActionKind, RestoreStatus
from tests.conftest import serve
from tests.services.conftest import no_sleep


async def test_a_merged_pipeliner_secondary_is_recreated_and_the_master_reset(workspace):
    served = serve("pipeliner", seed=5, records=30)
    provider = registry.create(served.settings("pipeliner"), sleep=no_sleep)
    try:
        rows = served.fake.state.rows["Contacts"]
        master, child = served.fake.state.order["Contacts"][:2]
        before_master, before_child = dict(rows[master]), dict(rows[child])
        plan = MergePlan(provider="pipeliner", entity="contacts", merges=(
            GroupMerge.model_validate({"group": "g1", "master": master, "others": [child],
                                       "fields": {"last_name": {"from": child}}}),))
        service = ApplyService(workspace, sleep=no_sleep)
        ctx = await service.prepare(provider, served.base_url, plan)
        (outcome,) = [o async for o in service.run(ctx, plan.merges)]
        assert outcome.status == "merged" and rows[child]["is_deleted"]

        report = await RestoreService(workspace).restore(provider, outcome.merge_id)

        assert report.status == RestoreStatus.RESTORED, report.lines()
        assert rows[master]["last_name"] == before_master["last_name"]
        new_id = next(a.new_id for a in report.actions if a.kind == ActionKind.RECREATE)
        for key in ("first_name", "last_name", "email1", "phone1"):
            assert rows[new_id].get(key) == before_child.get(key), key
    finally:
        await provider.aclose()
        served.server.stop()
