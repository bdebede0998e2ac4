"""LeadLex fixtures: fakes served on loopback, a provider for one, a shared fake clock
for rate-limit tests, and an ApplyService on a private workspace."""

from __future__ import annotations

import pytest

from mergedesk.providers.leadlex import LeadLexProvider
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.fixtures import group_merge, no_sleep, starter_fixture  # noqa: F401 (shared)


class FakeClock:
    """One monotonic clock for the fake's limiter and the client's pacer: the client's
    sleep moves it, so a minute of rate limiting passes in no time."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)
        self.slept += max(0.0, seconds)


start_leadlex = starter_fixture("leadlex", seed=5, records=120)


@pytest.fixture
def leadlex_sandbox(start_leadlex):
    return start_leadlex()


def provider_for(served, **kw) -> LeadLexProvider:
    settings = served.settings("leadlex")
    if "options" in kw:
        settings = settings.model_copy(update={"options": kw.pop("options")})
    return LeadLexProvider(settings, sleep=kw.pop("sleep", no_sleep), **kw)


@pytest.fixture
async def leadlex(leadlex_sandbox):
    provider = provider_for(leadlex_sandbox)
    yield provider
    await provider.aclose()


@pytest.fixture
def workspace(tmp_path):
    opened = Workspace.open(tmp_path / "ws")
    yield opened
    opened.close()


@pytest.fixture
def apply_service(workspace):
    return ApplyService(workspace, sleep=no_sleep)
