"""Restore against the Zoho fake over loopback: a deleted child is re-created through
Insert Records with its values, the master's pre-merge values come back."""

from __future__ import annotations

from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from mergedesk.services.restore import RestoreService
from mergedesk.store.restores import ActionKind, RestoreStatus
from tests.conftest import serve
from tests.services.conftest import no_sleep


async def test_a_merged_zoho_child_is_recreated_and_the_master_reset(workspace):
    served = serve("zoho", seed=5, records=30)
    provider = registry.create(served.settings("zoho"), sleep=no_sleep)
    try:
        master, child = served.fake.record_id(0), served.fake.record_id(1)
        rows = served.fake.state.records["Contacts"]
        before_master, before_child = dict(rows[master]), dict(rows[child])
        plan = MergePlan(provider="zoho", entity="contacts", merges=(GroupMerge.model_validate(
            {"group": "g1", "master": master, "others": [child],
             "fields": {"Last_Name": {"from": child}, "Title": {"value": "CTO"}}}),))
        service = ApplyService(workspace, sleep=no_sleep)
        ctx = await service.prepare(provider, served.base_url, plan)
        (outcome,) = [o async for o in service.run(ctx, plan.merges)]
        assert outcome.status == "merged" and child not in rows

        report = await RestoreService(workspace).restore(provider, outcome.merge_id)

        assert report.status == RestoreStatus.RESTORED, report.lines()
        assert rows[master]["Last_Name"] == before_master["Last_Name"]
        assert rows[master].get("Title") == before_master.get("Title")
        new_id = next(a.new_id for a in report.actions if a.kind == ActionKind.RECREATE)
        for key in ("First_Name", "Last_Name", "Email", "Phone"):
            assert rows[new_id].get(key) == before_child.get(key), key
    finally:
        await provider.aclose()
        served.server.stop()
