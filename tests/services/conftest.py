"""Service fixtures: a small Chatwoot fake on loopback, a provider for it, a private
workspace, and a helper that merges two contacts through ApplyService."""

from __future__ import annotations

import pytest

from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.conftest import serve
from tests.fixtures import no_sleep


@pytest.fixture
def sandbox():
    served = serve("chatwoot", seed=3, records=40)
    yield served
    served.server.stop()


@pytest.fixture
def workspace():
    opened = Workspace.open()
    yield opened
    opened.close()


@pytest.fixture
async def provider(sandbox):
    client = registry.create(sandbox.settings("chatwoot"), sleep=no_sleep)
    yield client
    await client.aclose()


def listed(sandbox, n: int) -> list[str]:
    """Ids of the first `n` contacts Chatwoot lists."""
    return [str(c["id"]) for c in sandbox.fake.state.resolved(1)[:n]]


async def merge(workspace, provider, base_url: str, master: str, others: list[str],
                group: str = "g1", **fields):
    """Apply one merge; `fields` name -> the record id whose value wins."""
    choices = {name: {"from": rid} for name, rid in fields.items()}
    plan = MergePlan(provider="chatwoot", entity="contacts", merges=(GroupMerge.model_validate(
        {"group": group, "master": master, "others": others, "fields": choices}),))
    service = ApplyService(workspace, sleep=no_sleep)
    ctx = await service.prepare(provider, base_url, plan)
    (outcome,) = [o async for o in service.run(ctx, plan.merges)]
    return outcome
