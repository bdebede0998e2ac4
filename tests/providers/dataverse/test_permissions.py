"""Dataverse: WhoAmI, then RetrieveUserPrivileges of that user, against Microsoft's
"Merge message privileges" for the table; the fake's Merge refuses the same way."""

from __future__ import annotations

import pytest

from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.providers import errors, registry
from mergedesk.sandbox.dataverse.security import ALL_PRIVILEGES
from tests.conftest import serve


async def _no_sleep(_seconds: float) -> None:
    return None


@pytest.fixture
def start():
    started = []

    def served_with(**options):
        served = serve("dataverse", seed=4, records=10, **options)
        started.append(served)
        return served, registry.create(served.settings("dataverse"), sleep=_no_sleep)

    yield served_with
    for served in started:
        served.server.stop()


async def test_a_full_security_role_allows_merging(start):
    _served, client = start()
    try:
        found = await client.merge_permissions("contacts")
    finally:
        await client.aclose()
    assert found.known and found.allowed
    assert "RetrieveUserPrivileges" in found.source


async def test_missing_merge_and_write_privileges_are_named(start):
    held = ALL_PRIVILEGES - {"prvMerge", "prvWriteAccount"}
    served, client = start(entity="accounts", privileges=held)
    try:
        accounts = await client.merge_permissions("accounts")
        contacts = await client.merge_permissions("contacts")
        step = MergeStep(index=0, kind=StepKind.MERGE, master=served.fake.record_id(0),
                         losers=(served.fake.record_id(1),))
        with pytest.raises(errors.PermissionDenied, match="prvMerge"):
            await client.merge("accounts", step)  # the fake refuses as Dataverse does
    finally:
        await client.aclose()
    assert accounts.missing == ("prvMerge", "prvWriteAccount")
    assert "ask an administrator" in accounts.advice
    assert contacts.missing == ("prvMerge",)


async def test_an_answer_without_privilege_names_is_unknown(start):
    served, client = start()
    served.fake.privileges = frozenset()  # an empty list names nothing either
    try:
        found = await client.merge_permissions("contacts")
    finally:
        await client.aclose()
    assert not found.known and found.allowed is None
