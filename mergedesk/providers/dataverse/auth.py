"""Dataverse sign-in with msal: a service principal (client credentials), a person
(interactive browser or device code, then silent refresh from the token cache), or a
bearer token from the environment. The msal token cache is persisted encrypted with
msal-extensions. msal is synchronous: every call runs in a worker thread. No Qt.

Sandboxes: msal insists on https authorities (authority.canonicalize), so a loopback
authority `http://127.0.0.1:PORT/TENANT` is given to msal as https and `MsalHttpClient`
(msal's documented `http_client` hook) sends it as plain http to that loopback host
only. `instance_discovery=False` skips the call to login.microsoftonline.com."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import msal

from mergedesk.providers import errors
from mergedesk.providers.redaction import SECRETS
from mergedesk.providers.transport import LOOPBACK_HOSTS, check_base_url, tls_context

log = logging.getLogger(__name__)
PROVIDER = "dataverse"
PUBLIC_AUTHORITY = "https://login.microsoftonline.com"


def resource_scope(base_url: str) -> str:
    """`https://org.api.crm4.dynamics.com/api/data/v9.2` -> `https://org.crm4.dynamics.com/.default`
    (the environment URL without the optional `.api.` label, PROVIDERS.md §4)."""
    parts = urlsplit(base_url)
    host = (parts.netloc or "").replace(".api.", ".", 1)
    return f"{parts.scheme}://{host}/.default"


def authority_for(base_url: str, tenant_id: str | None, override: str | None = None) -> str:
    if override:
        return check_base_url(override)
    if not tenant_id:
        raise errors.ConfigError("no Dataverse tenant: set MERGEDESK_DATAVERSE_TENANT_ID",
                                 provider=PROVIDER)
    parts = urlsplit(base_url)
    if parts.hostname in LOOPBACK_HOSTS:  # a sandbox serves Entra's endpoints itself
        return f"{parts.scheme}://{parts.netloc}/{tenant_id}"
    return f"{PUBLIC_AUTHORITY}/{tenant_id}"


class MsalHttpClient:
    """msal's http_client: httpx with the system trust store, no proxies from the
    environment, and https -> http only for the loopback sandbox authority."""

    def __init__(self, loopback_netloc: str | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self._loopback = loopback_netloc
        self._client = httpx.Client(verify=tls_context(), trust_env=False, timeout=30.0,
                                    transport=transport)

    def _url(self, url: str) -> str:
        if self._loopback and url.startswith(f"https://{self._loopback}/"):
            return "http://" + url.removeprefix("https://")
        return url

    def post(self, url: str, params=None, data=None, headers=None, **kwargs: Any):
        body = {"content": data} if isinstance(data, (str, bytes)) else {"data": data}
        return self._client.post(self._url(url), params=params, headers=headers,
                                 timeout=kwargs.get("timeout", 30.0), **body)

    def get(self, url: str, params=None, headers=None, **kwargs: Any):
        return self._client.get(self._url(url), params=params, headers=headers,
                                timeout=kwargs.get("timeout", 30.0))

    def close(self) -> None:
        self._client.close()


def msal_authority(authority: str) -> tuple[str, str | None]:
    """(the https authority msal accepts, the loopback host:port to send as http)."""
    parts = urlsplit(authority)
    if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS:
        return "https://" + authority.removeprefix("http://"), parts.netloc
    return authority, None


def token_cache(path: Path) -> tuple[msal.SerializableTokenCache, bool]:
    """(the persisted msal cache, whether it is encrypted). msal-extensions encrypts with
    DPAPI, the macOS keychain or libsecret; where none works (a bare Linux box without
    a secret service) it falls back to a plain file, as msal-extensions' own sample
    does, readable by this user only, and says so in the log."""
    from msal_extensions import (
        FilePersistence,
        PersistedTokenCache,
        build_encrypted_persistence,
    )

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        persistence = build_encrypted_persistence(str(path))
    except Exception as exc:  # ImportError (no gi), libsecret errors, unsupported OS
        log.warning("token cache encryption unavailable (%s); using a plain file readable "
                    "only by this user: %s", type(exc).__name__, path)
        persistence = FilePersistence(str(path))
        path.touch(mode=0o600, exist_ok=True)
        path.chmod(0o600)
    return PersistedTokenCache(persistence), persistence.is_encrypted


class TokenSource:
    """Where bearer tokens come from; `fresh=True` skips any cached token."""

    async def token(self, *, fresh: bool = False) -> str:
        raise NotImplementedError

    def close(self) -> None:
        return None


class StaticToken(TokenSource):
    """MERGEDESK_DATAVERSE_TOKEN: used as given; when it expires, a new one is needed."""

    def __init__(self, token: str) -> None:
        SECRETS.add(token)
        self._token = token

    async def token(self, *, fresh: bool = False) -> str:
        if fresh:
            raise errors.AuthError("Dataverse refused the bearer token (expired?): set a new "
                                   "MERGEDESK_DATAVERSE_TOKEN", provider=PROVIDER)
        return self._token


class MsalTokenSource(TokenSource):
    """Client credentials (with a secret) or a signed-in person (silent, from the cache)."""

    def __init__(self, app: Callable[[], msal.ClientApplication], scope: str,
                 http: MsalHttpClient, account: str | None = None) -> None:
        # Built on first use, in the worker thread: msal reads the authority's OpenID
        # configuration over the network when the application object is created.
        self._make_app, self._app_obj = app, None
        self._scopes, self._http, self._account = [scope], http, account
        self._lock = asyncio.Lock()
        self.acquired = 0

    async def token(self, *, fresh: bool = False) -> str:
        async with self._lock:  # one msal call at a time: its cache is shared
            result = await asyncio.to_thread(self._acquire, fresh)
        if "access_token" not in result:
            raise _msal_error(result)
        self.acquired += 1
        SECRETS.add(result["access_token"])
        return result["access_token"]

    def _acquire(self, fresh: bool) -> dict[str, Any]:
        try:
            if self._app_obj is None:
                self._app_obj = self._make_app()
            return self._acquire_with(self._app_obj, fresh)
        except ValueError as exc:  # msal: authority discovery failed (wrong tenant, 4xx)
            return {"error": "authority_unavailable", "error_description": str(exc)}

    def _acquire_with(self, app: msal.ClientApplication, fresh: bool) -> dict[str, Any]:
        if isinstance(app, msal.ConfidentialClientApplication):
            if fresh:
                app.remove_tokens_for_client()  # the API refused it: never reuse it
            # msal answers from its cache until the token nears expiry (msal >= 1.23).
            return app.acquire_token_for_client(self._scopes)
        accounts = app.get_accounts(username=self._account) if self._account else \
            app.get_accounts()
        if not accounts:
            return {"error": "interaction_required",
                    "error_description": "no signed-in Dataverse user in the token cache"}
        found = app.acquire_token_silent(self._scopes, account=accounts[0],
                                         force_refresh=fresh)
        return found or {"error": "interaction_required",
                         "error_description": "the sign-in expired"}

    def close(self) -> None:
        self._http.close()


def _msal_error(result: dict[str, Any]) -> errors.ProviderError:
    code = str(result.get("error") or "unknown_error")
    detail = str(result.get("error_description") or "").split("\r\n")[0]
    if code == "interaction_required":
        return errors.AuthError(f"sign in to Dataverse again: {detail}", provider=PROVIDER,
                                vendor_code=code)
    return errors.AuthError(f"Microsoft Entra refused the sign-in: {code}: {detail}",
                            provider=PROVIDER, vendor_code=code)


def confidential_source(base_url: str, tenant_id: str | None, client_id: str,
                        client_secret: str, *, authority: str | None = None,
                        transport: httpx.BaseTransport | None = None) -> MsalTokenSource:
    """A service principal (an application user in the environment with a role)."""
    SECRETS.add(client_secret)
    https_authority, loopback = msal_authority(authority_for(base_url, tenant_id, authority))
    http = MsalHttpClient(loopback, transport)

    def app() -> msal.ClientApplication:
        return msal.ConfidentialClientApplication(
            client_id, client_credential=client_secret, authority=https_authority,
            http_client=http, instance_discovery=False if loopback else None)

    return MsalTokenSource(app, resource_scope(base_url), http)


def public_app(base_url: str, tenant_id: str | None, client_id: str, cache: Any = None, *,
               authority: str | None = None,
               transport: httpx.BaseTransport | None = None) -> tuple[msal.PublicClientApplication,
                                                                   MsalHttpClient]:
    """The msal app for a person's sign-in (interactive or device code), with the cache
    the provider later reads silently. Blocking (msal reads the authority's OpenID
    configuration here): from the event loop, call it through asyncio.to_thread."""
    https_authority, loopback = msal_authority(authority_for(base_url, tenant_id, authority))
    http = MsalHttpClient(loopback, transport)
    app = msal.PublicClientApplication(client_id, authority=https_authority, token_cache=cache,
                                       http_client=http,
                                       instance_discovery=False if loopback else None)
    return app, http


def public_source(base_url: str, tenant_id: str | None, client_id: str, cache: Any, *,
                  authority: str | None = None, account: str | None = None) -> MsalTokenSource:
    """A signed-in person's tokens, silently from the cache (built lazily, off the loop)."""
    https_authority, loopback = msal_authority(authority_for(base_url, tenant_id, authority))
    http = MsalHttpClient(loopback)

    def app() -> msal.ClientApplication:
        return msal.PublicClientApplication(client_id, authority=https_authority,
                                            token_cache=cache, http_client=http,
                                            instance_discovery=False if loopback else None)

    return MsalTokenSource(app, resource_scope(base_url), http, account)


async def sign_in_interactive(app: msal.PublicClientApplication, base_url: str, *,
                              timeout: int = 300) -> str:
    """The system browser and msal's own loopback listener; returns the username."""
    result = await asyncio.to_thread(app.acquire_token_interactive, [resource_scope(base_url)],
                                     timeout=timeout, prompt="select_account")
    return _signed_in(result)


async def sign_in_device_code(app: msal.PublicClientApplication, base_url: str,
                              show: Callable[[str], object]) -> str:
    """Device code: `show` gets Microsoft's text ("go to … and enter the code …")."""
    flow = await asyncio.to_thread(app.initiate_device_flow, [resource_scope(base_url)])
    if "user_code" not in flow:
        raise _msal_error(flow)
    show(flow["message"])
    result = await asyncio.to_thread(app.acquire_token_by_device_flow, flow)
    return _signed_in(result)


def _signed_in(result: dict[str, Any]) -> str:
    if "access_token" not in result:
        raise _msal_error(result)
    SECRETS.add(result["access_token"])
    claims = result.get("id_token_claims") or {}
    return str(claims.get("preferred_username") or claims.get("name") or "")


class DataverseAuth(httpx.Auth):
    """Bearer token on every request; once more with a fresh token after a 401."""

    def __init__(self, source: TokenSource) -> None:
        self.source = source

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        request.headers["Authorization"] = f"Bearer {await self.source.token()}"
        response = yield request
        if response.status_code == 401:
            request.headers["Authorization"] = f"Bearer {await self.source.token(fresh=True)}"
            yield request
