"""Dataverse sign-in over loopback: msal's client-credentials, device-code and
interactive flows against the fake Entra endpoints, the token cache, the env token."""

from __future__ import annotations

import asyncio
import html
import re
import stat
import threading

import httpx
import pytest
from pydantic import SecretStr

from mergedesk.providers import errors
from mergedesk.providers.base import ConnectionSettings
from mergedesk.providers.dataverse import DataverseProvider, auth
from tests.providers.dataverse.conftest import provider


async def test_client_credentials_through_msal_mint_one_token_for_many_calls(dataverse_sandbox):
    client = provider(dataverse_sandbox)
    info = await client.check_auth()
    for i in range(5):
        await client.get_record("contacts", dataverse_sandbox.fake.record_id(i))
    assert info.user and dataverse_sandbox.fake.entra.minted == 1
    await client.aclose()


async def test_a_wrong_client_secret_is_an_auth_error_with_entras_code(dataverse_sandbox):
    settings = dataverse_sandbox.settings("dataverse")
    creds = {**settings.credentials, "client_secret": SecretStr("not-the-secret-at-all")}
    client = DataverseProvider(settings.model_copy(update={"credentials": creds}))
    with pytest.raises(errors.AuthError, match="AADSTS7000215"):
        await client.check_auth()
    await client.aclose()


async def test_an_expired_token_is_replaced_before_use(start_dataverse):
    served = start_dataverse(token_lifetime=1.0)
    client = provider(served)
    await client.check_auth()
    await asyncio.sleep(1.1)
    await client.check_auth()  # the fake would answer 401 to the first token now
    assert served.fake.entra.minted == 2
    await client.aclose()


async def test_a_revoked_token_is_replaced_once_and_the_call_repeated(dataverse_sandbox):
    client = provider(dataverse_sandbox)
    await client.check_auth()
    dataverse_sandbox.fake.faults.revoke_token()
    assert (await client.get_record("contacts", dataverse_sandbox.fake.record_id(1))).active
    assert dataverse_sandbox.fake.entra.minted == 2
    await client.aclose()


async def test_the_env_bearer_token_works_until_revoked(start_dataverse):
    served = start_dataverse(token="sandbox-static-bearer-token-123")
    assert set(served.credentials) == {"MERGEDESK_DATAVERSE_TOKEN"}
    client = provider(served)
    await client.check_auth()
    served.fake.faults.revoke_token()
    with pytest.raises(errors.AuthError, match="MERGEDESK_DATAVERSE_TOKEN"):
        await client.check_auth()
    await client.aclose()


def test_the_scope_is_the_environment_url_without_the_api_label():
    base = "https://contoso.api.crm4.dynamics.com/api/data/v9.2"
    assert auth.resource_scope(base) == "https://contoso.crm4.dynamics.com/.default"
    assert auth.authority_for(base, "t1") == "https://login.microsoftonline.com/t1"


def test_the_token_cache_falls_back_to_a_private_plain_file_where_it_cannot_encrypt(tmp_path):
    cache, encrypted = auth.token_cache(tmp_path / "msal" / "cache.bin")
    assert cache is not None
    if not encrypted:  # a bare Linux box: no secret service for libsecret
        mode = stat.S_IMODE((tmp_path / "msal" / "cache.bin").stat().st_mode)
        assert mode == 0o600


def _person_settings(served, cache_path) -> ConnectionSettings:
    creds = {k: v for k, v in served.settings("dataverse").credentials.items()
             if k in ("tenant_id", "client_id")}
    return ConnectionSettings(provider="dataverse", base_url=served.base_url,
                              credentials=creds, options={"token_cache": str(cache_path)})


async def test_device_code_sign_in_then_silent_tokens_from_the_cache(dataverse_sandbox, tmp_path):
    fake, path = dataverse_sandbox.fake, tmp_path / "cache.bin"
    cache, _ = auth.token_cache(path)
    app, http = auth.public_app(dataverse_sandbox.base_url, fake.tenant_id,
                                fake.entra.client_id, cache)
    shown: list[str] = []
    user = await auth.sign_in_device_code(app, dataverse_sandbox.base_url, shown.append)
    http.close()
    assert "enter the code" in shown[0] and user == "admin@sandbox.onmicrosoft.com"
    client = DataverseProvider(_person_settings(dataverse_sandbox, path))
    assert (await client.check_auth()).user
    await client.aclose()


async def test_interactive_sign_in_with_the_browser_and_msals_loopback(
        dataverse_sandbox, tmp_path, monkeypatch):
    def consent(url: str) -> None:
        page = httpx.get(url.replace("https://", "http://", 1)).text
        action = re.search(r'action="([^"]+)"', page)[1]
        fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page))
        httpx.post(html.unescape(action), data={k: html.unescape(v) for k, v in fields.items()},
                   timeout=5)

    def browser(url: str, *args, **kwargs) -> bool:  # a browser is another process: no wait
        threading.Thread(target=consent, args=(url,), daemon=True).start()
        return True

    monkeypatch.setattr("webbrowser.open", browser)
    fake = dataverse_sandbox.fake
    app, http = auth.public_app(dataverse_sandbox.base_url, fake.tenant_id,
                                fake.entra.client_id, None)
    user = await auth.sign_in_interactive(app, dataverse_sandbox.base_url, timeout=20)
    http.close()
    assert user == "admin@sandbox.onmicrosoft.com"


async def test_no_credentials_name_the_environment_variables():
    settings = ConnectionSettings(provider="dataverse",
                                  base_url="https://org.api.crm.dynamics.com/api/data/v9.2")
    with pytest.raises(errors.ConfigError, match="MERGEDESK_DATAVERSE_TOKEN"):
        DataverseProvider(settings)
