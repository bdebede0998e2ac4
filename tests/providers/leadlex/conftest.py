"""LeadLex fixtures: fakes served on loopback, a provider for one, a shared fake clock
for rate-limit tests, and an ApplyService on a private workspace."""

from __future__ import annotations

import pytest

from mergedesk.core.plan import GroupMerge
from mergedesk.providers.leadlex import LeadLexProvider
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.conftest import serve


async def no_sleep(_seconds: float) -> None:
    return None


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


@pytest.fixture
def start_leadlex():
    """`start_leadlex(records=…, plan=…, merge_delay=…)`: a fake built with these options,
    served until the test ends."""
    started = []

    def start(**options):
        served = serve("leadlex", **{"seed": 5, "records": 120, **options})
        started.append(served)
        return served

    yield start
    for served in started:
        served.server.stop()


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


def group_merge(ids: list[str], group: str = "g1", **fields) -> GroupMerge:
    """A merge of `ids` into the first; `fields` name -> record index (int) or {"value": …}."""
    choices = {name: {"from": ids[src]} if isinstance(src, int) else src
               for name, src in fields.items()}
    return GroupMerge.model_validate({"group": group, "master": ids[0], "others": ids[1:],
                                      "fields": choices})
