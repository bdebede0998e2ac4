"""Pipeliner fixtures: fakes served on loopback, a provider for one, a merge plan helper
and an ApplyService on a private workspace."""

from __future__ import annotations

import pytest

from mergedesk.providers.pipeliner import PipelinerProvider
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.fixtures import group_merge, no_sleep, starter_fixture  # noqa: F401 (shared)

start_pipeliner = starter_fixture("pipeliner", seed=5, records=120)


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
