"""Zoho fixtures: the fake served on loopback, a provider for it, and an ApplyService
run in-process on a private workspace."""

from __future__ import annotations

import pytest

from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers.zoho import ZohoProvider
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.conftest import serve


async def no_sleep(_seconds: float) -> None:
    return None


@pytest.fixture
def zoho_sandbox():
    served = serve("zoho", seed=5, records=120)
    yield served
    served.server.stop()


@pytest.fixture
def start_zoho():
    """`start_zoho(records=…, concurrency=…)`: a fake built with these options."""
    started = []

    def start(**options):
        served = serve("zoho", **{"seed": 5, "records": 60, **options})
        started.append(served)
        return served

    yield start
    for served in started:
        served.server.stop()


def provider(served, **options) -> ZohoProvider:
    settings = served.settings("zoho")
    if options:
        settings = settings.model_copy(update={"options": options})
    return ZohoProvider(settings, sleep=no_sleep)


async def apply_plan(served, tmp_path, merges: list[dict], entity: str = "contacts"):
    """Run ApplyService on `merges` (plan.json items); returns (outcomes, workspace)."""
    plan = MergePlan(provider="zoho", entity=entity,
                     merges=tuple(GroupMerge.model_validate(m) for m in merges))
    workspace = Workspace.open(tmp_path / "ws")
    client = provider(served)
    try:
        service = ApplyService(workspace, sleep=no_sleep)
        ctx = await service.prepare(client, served.base_url, plan)
        outcomes = [o async for o in service.run(ctx, plan.merges)]
    finally:
        await client.aclose()
        workspace.close()
    return {o.group: o for o in outcomes}
