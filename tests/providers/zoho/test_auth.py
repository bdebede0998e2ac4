"""Zoho sign-in and token handling over loopback: the browser sign-in with PKCE, the
access token cached and refreshed before expiry, once on INVALID_TOKEN, never per call."""

from __future__ import annotations

import httpx
import pytest

from mergedesk.providers import errors
from mergedesk.providers.base import ConnectionSettings
from mergedesk.providers.zoho import ZohoProvider
from mergedesk.providers.zoho.auth import accounts_url_for, pkce_pair, sign_in
from tests.providers.zoho.conftest import provider


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def browser_that_consents(opened: list[str]):
    """Plays the user's browser: follows Zoho's consent redirect to our loopback listener."""
    def open_browser(url: str) -> bool:
        opened.append(url)
        consent = httpx.get(url, follow_redirects=False, timeout=5)
        assert consent.status_code == 302
        httpx.get(consent.headers["location"], timeout=5)
        return True
    return open_browser


async def test_browser_sign_in_with_pkce_yields_a_working_refresh_token(zoho_sandbox):
    fake, opened = zoho_sandbox.fake, []
    root = zoho_sandbox.base_url.removesuffix("/crm/v8")
    grant = await sign_in(fake.client_id, fake.client_secret, accounts_url=root,
                          open_browser=browser_that_consents(opened))
    assert "code_challenge_method=S256" in opened[0] and "access_type=offline" in opened[0]
    assert grant.accounts_url == root and grant.api_domain == root
    assert grant.base_url == zoho_sandbox.base_url
    settings = ConnectionSettings(provider="zoho", base_url=grant.base_url,
                                  credentials=grant.credentials())
    client = ZohoProvider(settings)
    assert (await client.check_auth()).provider == "zoho"
    await client.aclose()


async def test_refused_consent_is_an_auth_error(zoho_sandbox):
    zoho_sandbox.fake.accounts.deny_consent = True
    root = zoho_sandbox.base_url.removesuffix("/crm/v8")
    with pytest.raises(errors.AuthError, match="access_denied"):
        await sign_in(zoho_sandbox.fake.client_id, zoho_sandbox.fake.client_secret,
                      accounts_url=root, open_browser=browser_that_consents([]))


def test_pkce_challenge_is_the_s256_of_the_verifier():
    import base64
    import hashlib

    verifier, challenge = pkce_pair()
    digest = hashlib.sha256(verifier.encode()).digest()
    assert challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert 43 <= len(verifier) <= 128


@pytest.mark.parametrize(("base", "accounts"), [
    ("https://www.zohoapis.eu/crm/v8", "https://accounts.zoho.eu"),
    ("https://www.zohoapis.ca/crm/v8", "https://accounts.zohocloud.ca"),
    ("https://www.zohoapis.com.au/crm/v8", "https://accounts.zoho.com.au"),
])
def test_the_accounts_server_follows_the_data_centre(base, accounts):
    assert accounts_url_for(base) == accounts


async def test_many_calls_mint_one_token(zoho_sandbox):
    client = provider(zoho_sandbox)
    rid = zoho_sandbox.fake.record_id(0)
    for _ in range(15):
        await client.get_record("contacts", rid)
    assert client.token_refreshes == 1 and zoho_sandbox.fake.accounts.minted == 1
    await client.aclose()


async def test_the_token_is_refreshed_before_it_expires(start_zoho):
    clock = Clock()
    served = start_zoho(clock=clock)
    client = provider(served)
    client._auth._clock = clock  # the client's and the fake's time move together
    await client.get_record("contacts", served.fake.record_id(0))
    clock.now += 3400  # 200 s left: inside the refresh margin
    await client.get_record("contacts", served.fake.record_id(1))
    assert client.token_refreshes == 2
    assert served.fake.requests["GET /{module}/{record_id}"] == 2  # no refused call
    await client.aclose()


async def test_an_expired_token_is_refreshed_once_and_the_call_repeated(start_zoho):
    served = start_zoho()
    client = provider(served)
    await client.get_record("contacts", served.fake.record_id(0))
    served.fake.faults.revoke_token()  # every access token issued so far dies
    record = await client.get_record("contacts", served.fake.record_id(1))
    assert record is not None and client.token_refreshes == 2
    await client.aclose()


async def test_a_revoked_refresh_token_asks_to_sign_in_again(zoho_sandbox):
    zoho_sandbox.fake.accounts.revoke_refresh_token(zoho_sandbox.fake.refresh_token)
    client = provider(zoho_sandbox)
    with pytest.raises(errors.AuthError, match="sign in to Zoho again"):
        await client.check_auth()
    await client.aclose()


async def test_a_missing_scope_is_permission_denied_naming_the_scope(start_zoho):
    served = start_zoho(scopes=("ZohoCRM.modules.contacts.READ", "ZohoCRM.settings.fields.READ",
                                "ZohoCRM.modules.attachments.ALL"))
    client = provider(served)
    rid = served.fake.record_id(0)
    with pytest.raises(errors.PermissionDenied, match=r"ZohoCRM\.modules\.contacts\.WRITE"):
        await client.update("contacts", rid, {"Title": "CEO"})
    await client.aclose()


async def test_missing_credentials_name_the_environment_variables():
    settings = ConnectionSettings(provider="zoho", base_url="https://www.zohoapis.com/crm/v8")
    with pytest.raises(errors.ConfigError, match="MERGEDESK_ZOHO_CLIENT_ID"):
        ZohoProvider(settings)
