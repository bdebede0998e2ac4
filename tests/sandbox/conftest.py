"""Fixtures for the sandbox's own tests: a freshly seeded fake Chatwoot per test, served
on loopback, and an httpx client that speaks to it. Named apart from the top-level
`chatwoot_sandbox` fixture."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest

from mergedesk.sandbox.chatwoot import ChatwootFake
from mergedesk.sandbox.server import SandboxServer


@dataclass
class Served:
    fake: ChatwootFake
    server: SandboxServer

    @property
    def headers(self) -> dict[str, str]:
        return {"api_access_token": self.fake.token}

    def client(self, **options: object) -> httpx.Client:
        return httpx.Client(
            base_url=self.server.base_url,
            headers=self.headers,
            timeout=httpx.Timeout(10.0),
            **options,
        )  # type: ignore[arg-type]


@pytest.fixture
def served_chatwoot() -> Iterator[Served]:
    fake = ChatwootFake(seed=7, records=120)
    with SandboxServer.for_fake(fake) as server:
        yield Served(fake, server)


@pytest.fixture
def serve_chatwoot() -> Iterator[Callable[..., Served]]:
    """`serve_chatwoot(rate_limit_per_minute=5, ...)`: a fake built with these options,
    served until the test ends."""
    servers: list[SandboxServer] = []

    def start(**options: object) -> Served:
        fake = ChatwootFake(**{"seed": 1, "records": 20, **options})  # type: ignore[arg-type]
        servers.append(SandboxServer.for_fake(fake).start())
        return Served(fake, servers[-1])

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def chatwoot_http(served_chatwoot: Served) -> Iterator[httpx.Client]:
    with served_chatwoot.client() as client:
        yield client


@pytest.fixture
def make_contact(served_chatwoot: Served) -> Callable[..., int]:
    """`make_contact(email=..., labels=(...), account_id=1, ...)` adds a contact with known
    values straight into the served fake's store and returns its id."""
    return functools.partial(add_contact, served_chatwoot.fake)


def add_contact(
    fake: ChatwootFake, *, account_id: int = 1, labels: tuple[str, ...] = (), **fields: object
) -> int:
    with fake.state.lock:
        contact_id = fake.state.next_id("contacts")
        row = {
            "id": contact_id,
            "account_id": account_id,
            "name": None,
            "email": None,
            "phone_number": None,
            "identifier": None,
            "blocked": False,
            "additional_attributes": {},
            "custom_attributes": {},
            "created_at": 1_700_000_000,
            "updated_at": 1_700_000_000,
            "last_activity_at": None,
        }
        row.update(fields)
        fake.state.contacts[contact_id] = row
        fake.state.labels[contact_id] = list(labels)
    return contact_id
