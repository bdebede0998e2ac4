"""What the provider and service test folders share: instant sleeps, a fixture that serves
a CRM's fake on loopback for the length of a test, a merge built from record positions,
and a plan run through the real ApplyService. Each folder's conftest names its own
defaults (seed, record count) and keeps only what is particular to its CRM."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from mergedesk.core.models import MergeOutcome
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers.base import Provider
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.conftest import Served, serve


async def no_sleep(_seconds: float) -> None:
    return None


def starter_fixture(provider: str, **defaults: Any):
    """A fixture that yields `start(**options)`: the fake built with the defaults and these
    options, served until the test ends."""

    @pytest.fixture
    def start() -> Iterator[Callable[..., Served]]:
        started: list[Served] = []

        def start_one(**options: Any) -> Served:
            served = serve(provider, **{**defaults, **options})
            started.append(served)
            return served

        yield start_one
        for served in started:
            served.server.stop()

    return start


def served_fixture(provider: str, **options: Any):
    """A fixture that serves the fake built with `options` for the test."""

    @pytest.fixture
    def served() -> Iterator[Served]:
        one = serve(provider, **options)
        yield one
        one.server.stop()

    return served


def group_merge(ids: list[str], group: str = "g1", **fields: Any) -> GroupMerge:
    """A merge of `ids` into the first; `fields` name -> record index (int) or {"value": …}."""
    choices = {name: {"from": ids[src]} if isinstance(src, int) else src
               for name, src in fields.items()}
    return GroupMerge.model_validate({"group": group, "master": ids[0], "others": ids[1:],
                                      "fields": choices})


async def run_merges(workspace: Workspace, provider: str, client: Provider, base_url: str,
                     merges: tuple[GroupMerge, ...], entity: str = "contacts",
                     concurrency: int | None = None) -> dict[str, MergeOutcome]:
    """Run ApplyService on `merges` with `client` of `provider`; the outcomes by group."""
    plan = MergePlan(provider=provider, entity=entity, merges=merges)
    service = ApplyService(workspace, sleep=no_sleep)
    ctx = await service.prepare(client, base_url, plan)
    return {o.group: o async for o in service.run(ctx, plan.merges, concurrency=concurrency)}


async def apply_plan(served: Served, tmp_path, provider: str, client: Provider,
                     merges: list[dict], entity: str = "contacts") -> dict[str, MergeOutcome]:
    """Run ApplyService on `merges` (plan.json items) with `client` of `provider`, which it
    closes, on a workspace of its own; the outcomes by group."""
    workspace = Workspace.open(tmp_path / "ws")
    try:
        return await run_merges(workspace, provider, client, served.base_url,
                                tuple(GroupMerge.model_validate(m) for m in merges), entity)
    finally:
        await client.aclose()
        workspace.close()
