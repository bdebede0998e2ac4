"""Helpers for the Chatwoot client tests: contacts with known values put straight into
the fake, providers built against it, and plans run through the real ApplyService."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from mergedesk.core.models import MergeOutcome
from mergedesk.core.plan import MergePlan
from mergedesk.providers.base import ConnectionSettings
from mergedesk.providers.chatwoot import ChatwootProvider
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.conftest import Served, serve
from tests.fixtures import no_sleep


@pytest.fixture
def cw() -> Iterator[Served]:
    """A small seeded Chatwoot fake, over loopback HTTP."""
    served = serve("chatwoot", seed=5, records=60)
    yield served
    served.server.stop()


@pytest.fixture
def workspace() -> Iterator[Workspace]:
    ws = Workspace.open()  # the per-test MERGEDESK_HOME of tests/conftest.py
    yield ws
    ws.close()


def provider(served: Served, *, options: dict[str, Any] | None = None,
             **transport: Any) -> ChatwootProvider:
    """A client of `served`; sleeps are instant unless a test passes `sleep`."""
    settings = served.settings("chatwoot")
    if options:
        settings = settings.model_copy(update={"options": options})
    transport.setdefault("sleep", no_sleep)
    return ChatwootProvider(settings, **transport)


def settings_for(served: Served, base_url: str, token: str) -> ConnectionSettings:
    return ConnectionSettings(provider="chatwoot", base_url=base_url,
                              credentials={"token": token})  # type: ignore[dict-item]


def add_contact(served: Served, *, labels: tuple[str, ...] = (), account_id: int = 1,
                **fields: Any) -> str:
    """A contact with exactly these values, put into the fake's store; its id as text."""
    state = served.fake.state
    with state.lock:
        contact_id = state.next_id("contacts")
        row = {"id": contact_id, "account_id": account_id, "name": None, "email": None,
               "phone_number": None, "identifier": None, "blocked": False,
               "additional_attributes": {}, "custom_attributes": {},
               "created_at": 1_700_000_000, "updated_at": 1_700_000_000,
               "last_activity_at": None}
        row.update(fields)
        state.contacts[contact_id] = row
        state.labels[contact_id] = list(labels)
    return str(contact_id)


def contact(served: Served, record_id: str) -> dict[str, Any] | None:
    with served.fake.state.lock:
        row = served.fake.state.contacts.get(int(record_id))
        return None if row is None else dict(row)


def labels_of(served: Served, record_id: str) -> list[str]:
    with served.fake.state.lock:
        return list(served.fake.state.labels.get(int(record_id), []))


def merge_calls(served: Served) -> list[tuple[int, int]]:
    with served.fake.state.lock:
        return [(m.base, m.mergee) for m in served.fake.merge_log]


async def apply_plan(served: Served, workspace: Workspace, merges: list[dict[str, Any]], *,
                     client: ChatwootProvider | None = None, sleep: Any = None,
                     concurrency: int | None = None) -> dict[str, MergeOutcome]:
    """Run `merges` (plan.json items) through ApplyService against `served`; outcomes by
    group. The service's own waits (verification, job polls) are real unless `sleep`."""
    plan = MergePlan.model_validate({"provider": "chatwoot", "entity": "contacts",
                                     "merges": merges})
    own = client is None
    client = client or provider(served)
    service = ApplyService(workspace, **({"sleep": sleep} if sleep else {}))
    try:
        ctx = await service.prepare(client, served.base_url, plan)
        outcomes = [o async for o in service.run(ctx, plan.merges, concurrency=concurrency)]
    finally:
        if own:
            await client.aclose()
    return {o.group: o for o in outcomes}
