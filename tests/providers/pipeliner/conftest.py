"""Pipeliner fixtures: fakes served on loopback, a provider for one, a merge plan helper
and an ApplyService on a private workspace."""

from __future__ import annotations

import pytest

from mergedesk.core.plan import GroupMerge
from mergedesk.providers.pipeliner import PipelinerProvider
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.conftest import serve


async def no_sleep(_seconds: float) -> None:
    return None


@pytest.fixture
def start_pipeliner():
    """`start_pipeliner(records=…, tier=…, rate_limit=…)`: a fake built with these options,
    served until the test ends."""
    started = []

    def start(**options):
        served = serve("pipeliner", **{"seed": 5, "records": 120, **options})
        started.append(served)
        return served

    yield start
    for served in started:
        served.server.stop()


@pytest.fixture
def pipeliner_sandbox(start_pipeliner):
    return start_pipeliner()


def provider_for(served, **kw) -> PipelinerProvider:
    return PipelinerProvider(served.settings("pipeliner"), sleep=kw.pop("sleep", no_sleep), **kw)


@pytest.fixture
async def pipeliner(pipeliner_sandbox):
    provider = provider_for(pipeliner_sandbox)
    yield provider
    await provider.aclose()


@pytest.fixture
def apply_service(tmp_path):
    workspace = Workspace.open(tmp_path / "ws")
    yield ApplyService(workspace, sleep=no_sleep)
    workspace.close()


def group_merge(ids: list[str], group: str = "g1", **fields) -> GroupMerge:
    """A merge of `ids` into the first; `fields` name -> record index (int) or {"value": …}."""
    choices = {name: {"from": ids[src]} if isinstance(src, int) else src
               for name, src in fields.items()}
    return GroupMerge.model_validate({"group": group, "master": ids[0], "others": ids[1:],
                                      "fields": choices})
