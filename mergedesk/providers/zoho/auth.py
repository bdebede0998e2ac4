"""Zoho OAuth 2: data centres, the access-token cache that refreshes before expiry and
once on 401 INVALID_TOKEN, and the interactive sign-in: authorization code with PKCE
(S256) and a one-shot loopback redirect listener (RFC 8252 §7.3) opened in the system
browser. Pure asyncio; the UI awaits `sign_in` and saves `ZohoGrant.credentials()`
through services.credentials. No Qt.

Zoho facts (PROVIDERS.md §3, Zoho Accounts docs): the header is `Zoho-oauthtoken`
although the token answer says Bearer; access tokens live 1 h; one refresh token may
mint at most 10 access tokens per 10 minutes, so the token is cached, never per call;
the token endpoint answers errors such as invalid_code with HTTP 200. Zoho's redirect
carries `code`, `state`, `location` and `accounts-server`: the code is redeemed at that
accounts server (the user's own data centre), and the token answer names the
`api_domain` (Zoho Accounts docs, "mobile and desktop apps")."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import secrets
import time
import webbrowser
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from pydantic import BaseModel, ConfigDict

from mergedesk.providers import errors
from mergedesk.providers.redaction import SECRETS
from mergedesk.providers.transport import (
    DEFAULT_TIMEOUT,
    LOOPBACK_HOSTS,
    check_base_url,
    tls_context,
)

PROVIDER = "zoho"
REFRESH_MARGIN = 300.0  # refresh 5 minutes before expiry: a call may take a while


@dataclass(frozen=True)
class DataCentre:
    code: str
    location: str  # the `location` Zoho puts on the redirect
    api_domain: str
    accounts_url: str


# Canada is the exception: its accounts server is zohocloud.ca, not zoho.ca.
DATA_CENTRES: dict[str, DataCentre] = {
    dc.code: dc for dc in (
        DataCentre("com", "us", "https://www.zohoapis.com", "https://accounts.zoho.com"),
        DataCentre("eu", "eu", "https://www.zohoapis.eu", "https://accounts.zoho.eu"),
        DataCentre("in", "in", "https://www.zohoapis.in", "https://accounts.zoho.in"),
        DataCentre("com.au", "au", "https://www.zohoapis.com.au", "https://accounts.zoho.com.au"),
        DataCentre("com.cn", "cn", "https://www.zohoapis.com.cn", "https://accounts.zoho.com.cn"),
        DataCentre("jp", "jp", "https://www.zohoapis.jp", "https://accounts.zoho.jp"),
        DataCentre("ca", "ca", "https://www.zohoapis.ca", "https://accounts.zohocloud.ca"),
        DataCentre("sa", "sa", "https://www.zohoapis.sa", "https://accounts.zoho.sa"),
    )
}


def accounts_url_for(base_url: str) -> str:
    """The accounts server of the data centre whose API a base URL points at."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    if host in LOOPBACK_HOSTS:  # a sandbox serves its accounts server next to the API
        return f"{parts.scheme}://{parts.netloc}"
    for dc in DATA_CENTRES.values():
        if host == urlsplit(dc.api_domain).hostname:
            return dc.accounts_url
    raise errors.ConfigError(
        f"cannot tell the Zoho data centre of {base_url!r}: set MERGEDESK_ZOHO_ACCOUNTS_URL",
        provider=PROVIDER,
    )


def check_accounts_url(url: str) -> str:
    """A token must only ever be sent to a Zoho accounts server (or a loopback sandbox)."""
    url = check_base_url(url)
    host = urlsplit(url).hostname or ""
    known = {urlsplit(dc.accounts_url).hostname for dc in DATA_CENTRES.values()}
    if host in known or host in LOOPBACK_HOSTS:
        return url
    raise errors.ConfigError(f"{url!r} is not a Zoho accounts server", provider=PROVIDER)


class TokenAnswer(BaseModel):
    """`POST /oauth/v2/token`: a token, or `error` (with HTTP 200 for most errors)."""

    model_config = ConfigDict(extra="ignore")

    access_token: str | None = None
    refresh_token: str | None = None
    api_domain: str | None = None
    expires_in: int | float | None = None
    # The granted scopes, space-separated (Zoho's refresh answer carries them:
    # zoho.com/developer/docs/vertical-solutions/api/v6/refresh.html); absent on some
    # answers, then what the token may do is unknown.
    scope: str | None = None
    error: str | None = None
    error_description: str | None = None


async def post_token(client: httpx.AsyncClient, accounts_url: str,
                     form: dict[str, str]) -> TokenAnswer:
    """One call to the token endpoint; AuthError/RateLimited/ServerError on refusal."""
    try:
        response = await client.post(f"{accounts_url}/oauth/v2/token", data=form)
    except httpx.HTTPError as exc:
        raise errors.ServerError(
            f"Zoho's accounts server {accounts_url} could not be reached: {type(exc).__name__}",
            provider=PROVIDER,
        ) from exc
    try:
        answer = TokenAnswer.model_validate(response.json())
    except ValueError:
        raise errors.BadResponse(
            f"Zoho's token endpoint answered HTTP {response.status_code} without a JSON token",
            provider=PROVIDER, status=response.status_code,
        ) from None
    if answer.error or not answer.access_token:
        raise _token_error(response.status_code, answer)
    SECRETS.add(answer.access_token)
    SECRETS.add(answer.refresh_token)
    return answer


def _token_error(status: int, answer: TokenAnswer) -> errors.ProviderError:
    code = answer.error or "no access_token"
    detail = answer.error_description or ""
    if "too many requests" in detail.lower():
        # 10 tokens per 10 minutes per refresh token: waiting is the only cure.
        return errors.RateLimited(
            f"Zoho refuses to mint more access tokens for now: {detail}",
            provider=PROVIDER, status=status, vendor_code=code, retry_after=600.0,
        )
    if status >= 500:
        return errors.ServerError(f"Zoho's token endpoint failed: {code}", provider=PROVIDER,
                                  status=status, vendor_code=code)
    hint = {
        "invalid_code": "the refresh token (or sign-in code) is invalid, expired or revoked: "
                        "sign in to Zoho again",
        "invalid_client": "the client id is unknown to this Zoho data centre",
        "invalid_client_secret": "the client secret is wrong",
        "invalid_redirect_uri": "the redirect URI is not registered for this client",
    }.get(code, detail or code)
    return errors.AuthError(f"Zoho refused the credentials: {hint}", provider=PROVIDER,
                            status=status, vendor_code=code)


class ZohoOAuth(httpx.Auth):
    """Adds `Authorization: Zoho-oauthtoken …`, minting access tokens from the refresh
    token only when none is cached or it expires within REFRESH_MARGIN, and once more
    when the API answers 401 INVALID_TOKEN (revoked or expired early)."""

    def __init__(self, client_id: str | None, client_secret: str | None,
                 refresh_token: str | None, accounts_url: str, *,
                 http_transport: httpx.AsyncBaseTransport | None = None,
                 clock: Callable[[], float] = time.monotonic):
        missing = [n for n, v in (("client id", client_id), ("client secret", client_secret),
                                  ("refresh token", refresh_token)) if not v]
        if missing:
            raise errors.ConfigError(
                f"no Zoho {', '.join(missing)}: sign in to Zoho, or set "
                "MERGEDESK_ZOHO_CLIENT_ID, _CLIENT_SECRET and _REFRESH_TOKEN", provider=PROVIDER)
        for secret in (client_secret, refresh_token):
            SECRETS.add(secret)
        self._form = {"grant_type": "refresh_token", "client_id": client_id or "",
                      "client_secret": client_secret or "", "refresh_token": refresh_token or ""}
        self.accounts_url = check_accounts_url(accounts_url)
        self._client = httpx.AsyncClient(timeout=DEFAULT_TIMEOUT, verify=tls_context(),
                                         transport=http_transport, trust_env=False)
        self._clock = clock
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()
        self.refreshes = 0  # how many access tokens we minted (tests check the budget)
        self.api_domain: str | None = None
        self.scopes: frozenset[str] | None = None  # as granted, lower-case; None: not told

    async def aclose(self) -> None:
        await self._client.aclose()

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self.access_token()
        request.headers["Authorization"] = f"Zoho-oauthtoken {token}"
        response = yield request
        if response.status_code == 401 and await _says_invalid_token(response):
            token = await self.access_token(stale=token)
            request.headers["Authorization"] = f"Zoho-oauthtoken {token}"
            yield request

    async def access_token(self, *, stale: str | None = None) -> str:
        """The cached token, refreshed if it is near expiry or is the `stale` one that the
        API just refused (a token another request already replaced is not refreshed again)."""
        async with self._lock:
            fresh = self._token is not None and self._clock() < self._expires_at - REFRESH_MARGIN
            if fresh and self._token != stale:
                return self._token  # type: ignore[return-value]
            answer = await post_token(self._client, self.accounts_url, self._form)
            self.refreshes += 1
            self._token = answer.access_token
            self._expires_at = self._clock() + float(answer.expires_in or 3600)
            self.api_domain = answer.api_domain or self.api_domain
            self.scopes = granted_scopes(answer.scope) if answer.scope else self.scopes
            return self._token  # type: ignore[return-value]


def granted_scopes(scope: str) -> frozenset[str]:
    """The token answer's `scope` (space-separated; commas tolerated) as lower-case names:
    Zoho compares scope names without regard to case."""
    return frozenset(s.lower() for s in scope.replace(",", " ").split())


def missing_record_scopes(granted: frozenset[str], module: str,
                          operations: tuple[str, ...]) -> tuple[str, ...]:
    """The record scopes a merge in `module` needs that `granted` lacks. Each operation is
    covered by ZohoCRM.modules.ALL, ZohoCRM.modules.{module}.ALL or .{OPERATION}
    (seed 002: scope = ZohoCRM.modules.{module_name}.{operation_type}; WRITE or ALL)."""
    m = module.lower()
    covers = {"zohocrm.modules.all", f"zohocrm.modules.{m}.all"}
    return tuple(f"ZohoCRM.modules.{m}.{op}" for op in operations
                 if not granted & (covers | {f"zohocrm.modules.{m}.{op.lower()}"}))


async def _says_invalid_token(response: httpx.Response) -> bool:
    """Only INVALID_TOKEN is cured by a new token; OAUTH_SCOPE_MISMATCH and
    AUTHENTICATION_FAILURE are not, and re-minting for them would burn the budget."""
    await response.aread()
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("code") == "INVALID_TOKEN"


# --- interactive sign-in ---------------------------------------------------------------

DEFAULT_SCOPES = (
    "ZohoCRM.modules.ALL",  # read, update and merge records (merge needs WRITE)
    "ZohoCRM.settings.fields.READ",  # field metadata
    "ZohoCRM.modules.attachments.ALL",  # attachment lists
)
CALLBACK_PATH = "/callback"
_DONE_PAGE = (b"<!doctype html><html><head><meta charset='utf-8'><title>MergeDesk</title>"
              b"</head><body><p>Signed in to Zoho. You can close this window and return to "
              b"MergeDesk.</p></body></html>")


@dataclass(frozen=True)
class ZohoGrant:
    """What a sign-in yields: store refresh token, accounts server and api domain."""

    client_id: str
    client_secret: str
    refresh_token: str
    accounts_url: str
    api_domain: str
    location: str = ""

    @property
    def base_url(self) -> str:
        return f"{self.api_domain.rstrip('/')}/crm/v8"

    def credentials(self) -> dict[str, str]:
        """Credential name -> value, as registry's credential_names for zoho."""
        return {"client_id": self.client_id, "client_secret": self.client_secret,
                "refresh_token": self.refresh_token, "accounts_url": self.accounts_url}


def pkce_pair() -> tuple[str, str]:
    """(code_verifier, S256 code_challenge), RFC 7636."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


async def sign_in(client_id: str, client_secret: str, *, data_centre: str = "com",
                  accounts_url: str | None = None, scopes: tuple[str, ...] = DEFAULT_SCOPES,
                  port: int = 0, timeout: float = 300.0,
                  open_browser: Callable[[str], object] = webbrowser.open,
                  http_transport: httpx.AsyncBaseTransport | None = None) -> ZohoGrant:
    """Open Zoho's consent page in the browser, wait for the redirect to
    http://127.0.0.1:`port`/callback (0: any free port; Zoho matches a registered
    redirect URI exactly, so a real client registers a fixed port) and redeem the code.
    Raises AuthError (refused, state mismatch), ConfigError, or TimeoutError."""
    start = check_accounts_url(accounts_url or _data_centre(data_centre).accounts_url)
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(16)
    listener = _OneShotListener()
    await listener.start(port)
    try:
        redirect_uri = f"http://127.0.0.1:{listener.port}{CALLBACK_PATH}"
        query = {"scope": ",".join(scopes), "client_id": client_id, "response_type": "code",
                 "access_type": "offline", "prompt": "consent", "redirect_uri": redirect_uri,
                 "state": state, "code_challenge": challenge, "code_challenge_method": "S256"}
        await asyncio.to_thread(open_browser, f"{start}/oauth/v2/auth?{urlencode(query)}")
        params = await asyncio.wait_for(listener.result, timeout)
    finally:
        await listener.close()
    code, server, location = _check_redirect(params, state, start)
    form = {"grant_type": "authorization_code", "client_id": client_id,
            "client_secret": client_secret, "redirect_uri": redirect_uri, "code": code,
            "code_verifier": verifier}
    async with httpx.AsyncClient(timeout=DEFAULT_TIMEOUT, verify=tls_context(),
                                 transport=http_transport, trust_env=False) as client:
        answer = await post_token(client, server, form)
    if not answer.refresh_token or not answer.api_domain:
        raise errors.BadResponse("Zoho's token answer lacks refresh_token or api_domain",
                                 provider=PROVIDER)
    return ZohoGrant(client_id, client_secret, answer.refresh_token, server,
                     answer.api_domain.rstrip("/"), location)


def _data_centre(code: str):
    try:
        return DATA_CENTRES[code]
    except KeyError:
        known = ", ".join(DATA_CENTRES)
        raise errors.ConfigError(f"unknown Zoho data centre {code!r} (known: {known})",
                                 provider=PROVIDER) from None


def _check_redirect(params: dict[str, str], state: str, start: str) -> tuple[str, str, str]:
    if params.get("error"):
        raise errors.AuthError(f"Zoho sign-in was not granted: {params['error']}",
                               provider=PROVIDER, vendor_code=params["error"])
    if not secrets.compare_digest(params.get("state", ""), state):
        raise errors.AuthError("the sign-in answer does not belong to this sign-in "
                               "(state mismatch); nothing was stored", provider=PROVIDER)
    if not params.get("code"):
        raise errors.AuthError("Zoho's redirect carried no authorization code", provider=PROVIDER)
    # The user may belong to another data centre than the one we started at.
    server = check_accounts_url(params.get("accounts-server") or start)
    return params["code"], server, params.get("location", "")


class _OneShotListener:
    """A tiny HTTP server on 127.0.0.1 that takes the first GET /callback, answers a
    'you can close this window' page, and resolves `result` with its query."""

    def __init__(self) -> None:
        self.result: asyncio.Future[dict[str, str]] = asyncio.get_running_loop().create_future()
        self._server: asyncio.Server | None = None
        self.port = 0

    async def start(self, port: int) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            target = head.split(b"\r\n", 1)[0].split(b" ")[1].decode("ascii", "replace")
            parts = urlsplit(target)
            found = parts.path == CALLBACK_PATH and not self.result.done()
            status, body = (b"200 OK", _DONE_PAGE) if found else (b"404 Not Found", b"")
            writer.write(b"HTTP/1.1 " + status + b"\r\nContent-Type: text/html; charset=utf-8"
                         b"\r\nConnection: close\r\nContent-Length: "
                         + str(len(body)).encode() + b"\r\n\r\n" + body)
            await writer.drain()
            if found:
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                self.result.set_result(query)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError,
                IndexError, ConnectionError):
            pass  # a stray or broken request (a browser's favicon probe): ignore it
        finally:
            writer.close()
