"""Zoho: what the access token may do is read from the token answer's `scope` (no API
call), against what a merge needs in the module (READ and WRITE, or ALL)."""

from __future__ import annotations

import pytest

from mergedesk.providers import registry
from tests.conftest import serve

READ_ONLY = ("ZohoCRM.modules.contacts.READ", "ZohoCRM.settings.fields.READ",
             "ZohoCRM.modules.attachments.ALL")


async def _no_sleep(_seconds: float) -> None:
    return None


async def check(scopes=None, entity="contacts"):
    served = serve("zoho", seed=5, records=10, **({"scopes": scopes} if scopes else {}))
    client = registry.create(served.settings("zoho"), sleep=_no_sleep)
    try:
        found = await client.merge_permissions(entity)
        # No CRM call: the token answer says it (one token minted, the cached one after).
        assert served.fake.requests.snapshot() == {"POST /oauth/v2/token": 1}
        return found
    finally:
        await client.aclose()
        served.server.stop()


async def test_all_modules_scope_allows_merging():
    found = await check()
    assert found.known and found.allowed and found.missing == ()


async def test_a_read_only_token_lacks_the_write_scope_in_plain_words():
    found = await check(READ_ONLY)
    assert found.allowed is False
    assert found.missing == ("ZohoCRM.modules.contacts.WRITE",)
    assert "sign in to Zoho again and grant it" in found.advice


@pytest.mark.parametrize("scope", ["ZohoCRM.modules.contacts.ALL",
                                   "zohocrm.modules.contacts.read zohocrm.modules.contacts.write"])
async def test_module_all_or_read_and_write_suffice_in_any_case(scope):
    found = await check((*scope.split(), "ZohoCRM.settings.fields.READ"))
    assert found.allowed, found.missing


async def test_another_modules_scope_does_not_cover_contacts():
    found = await check(("ZohoCRM.modules.leads.ALL", "ZohoCRM.settings.fields.READ"))
    assert set(found.missing) == {"ZohoCRM.modules.contacts.READ",
                                  "ZohoCRM.modules.contacts.WRITE"}
