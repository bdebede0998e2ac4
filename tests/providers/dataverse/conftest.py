"""Dataverse fixtures: the fake served on loopback, a provider for it (through msal's
client-credentials flow against the fake's Entra endpoints), and ApplyService runs."""

from __future__ import annotations

import pytest

from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers.dataverse import DataverseProvider
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.conftest import serve


async def no_sleep(_seconds: float) -> None:
    return None


@pytest.fixture
def dataverse_sandbox():
    served = serve("dataverse", seed=4, records=120)
    yield served
    served.server.stop()


@pytest.fixture
def start_dataverse():
    started = []

    def start(**options):
        served = serve("dataverse", **{"seed": 4, "records": 60, **options})
        started.append(served)
        return served

    yield start
    for served in started:
        served.server.stop()


def provider(served, sleep=no_sleep, timeout=None, **options) -> DataverseProvider:
    settings = served.settings("dataverse")
    if options:
        settings = settings.model_copy(update={"options": options})
    extra = {"timeout": timeout} if timeout is not None else {}
    return DataverseProvider(settings, sleep=sleep, **extra)


async def apply_plan(served, tmp_path, merges: list[dict], entity: str = "contacts",
                     timeout=None, **options):
    plan = MergePlan(provider="dataverse", entity=entity,
                     merges=tuple(GroupMerge.model_validate(m) for m in merges))
    workspace = Workspace.open(tmp_path / "ws")
    client = provider(served, timeout=timeout, **options)
    try:
        service = ApplyService(workspace, sleep=no_sleep)
        ctx = await service.prepare(client, served.base_url, plan)
        outcomes = [o async for o in service.run(ctx, plan.merges)]
    finally:
        await client.aclose()
        workspace.close()
    return {o.group: o for o in outcomes}
