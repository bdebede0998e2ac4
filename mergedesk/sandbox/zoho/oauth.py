"""The fake Zoho Accounts server: /oauth/v2/auth (consent given at once, redirect with
code, state, location and accounts-server), /oauth/v2/token (authorization code with
PKCE, refresh token), access tokens that expire, at most 10 tokens per refresh token
per 10 minutes, and scope checks. Token errors come with HTTP 200, as Zoho sends them."""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from mergedesk.sandbox.ratelimit import SlidingWindowLimiter

ALL_SCOPES = (
    "ZohoCRM.modules.ALL",
    "ZohoCRM.settings.fields.READ",
    "ZohoCRM.modules.attachments.ALL",
)
_TOO_MANY = {
    "error_description": "You have made too many requests continuously. Please try "
    "again after some time.",
    "error": "Access Denied",
    "status": "failure",
}


@dataclass
class Grant:
    client_id: str
    scopes: tuple[str, ...]
    redirect_uri: str = ""
    challenge: str = ""
    method: str = "plain"
    expires_at: float = 0.0


class ZohoAccounts:
    """Clients, codes, refresh and access tokens of the fake accounts server."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        refresh_token: str,
        scopes: tuple[str, ...] = ALL_SCOPES,
        token_lifetime: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
        deny_consent: bool = False,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_lifetime = token_lifetime
        self.clock = clock
        self.deny_consent = deny_consent
        self.lock = threading.Lock()
        self.codes: dict[str, Grant] = {}
        self.refresh_tokens: dict[str, Grant] = {refresh_token: Grant(client_id, tuple(scopes))}
        self.access_tokens: dict[str, Grant] = {}
        self.minted = 0  # access tokens issued, for tests of the refresh budget
        self._mint_limit = SlidingWindowLimiter(10, 600.0, clock)

    def routes(self) -> list[Route]:
        return [
            Route("/oauth/v2/auth", self.authorize, methods=["GET"]),
            Route("/oauth/v2/token", self.token, methods=["POST"]),
        ]

    def scopes_of(self, access_token: str) -> tuple[str, ...] | None:
        """The scopes of a live access token; None when unknown, expired or revoked."""
        with self.lock:
            grant = self.access_tokens.get(access_token)
            if grant is None or self.clock() >= grant.expires_at:
                return None
            return grant.scopes

    def revoke_access_tokens(self) -> None:
        with self.lock:
            self.access_tokens.clear()

    def revoke_refresh_token(self, token: str) -> None:
        with self.lock:
            self.refresh_tokens.pop(token, None)

    async def authorize(self, request: Request) -> Response:
        q = request.query_params
        if q.get("client_id") != self.client_id:
            return PlainTextResponse("Invalid Client", status_code=400)
        redirect = q.get("redirect_uri", "")
        if not redirect.startswith(("http://127.0.0.1:", "http://localhost:")):
            return PlainTextResponse("Invalid Redirect Uri", status_code=400)
        root = str(request.base_url).rstrip("/")
        answer = {"state": q.get("state", ""), "location": "us", "accounts-server": root}
        if self.deny_consent:
            answer["error"] = "access_denied"
        else:
            code = "1000." + secrets.token_hex(16)
            scopes = tuple(s for s in q.get("scope", "").split(",") if s)
            with self.lock:
                self.codes[code] = Grant(
                    self.client_id,
                    scopes,
                    redirect,
                    q.get("code_challenge", ""),
                    q.get("code_challenge_method", "plain"),
                    self.clock() + 120,
                )  # "valid for 2 minutes"
            answer["code"] = code
        return RedirectResponse(f"{redirect}?{urlencode(answer)}", status_code=302)

    async def token(self, request: Request) -> Response:
        # Parsed by hand: starlette's form() needs python-multipart, a dependency for one call.
        data = dict(parse_qsl((await request.body()).decode("utf-8", "replace")))
        if data.get("client_id") != self.client_id:
            return JSONResponse({"error": "invalid_client"})
        if data.get("client_secret") != self.client_secret:
            return JSONResponse({"error": "invalid_client_secret"})
        root = str(request.base_url).rstrip("/")
        if data.get("grant_type") == "authorization_code":
            return self._redeem(data, root)
        if data.get("grant_type") == "refresh_token":
            return self._refresh(data.get("refresh_token", ""), root)
        return JSONResponse({"error": "unsupported_grant_type"})

    def _redeem(self, data: dict[str, str], root: str) -> Response:
        with self.lock:
            grant = self.codes.pop(data.get("code", ""), None)
        if grant is None or self.clock() > grant.expires_at:
            return JSONResponse({"error": "invalid_code"})
        if grant.redirect_uri != data.get("redirect_uri"):
            return JSONResponse({"error": "invalid_redirect_uri"})
        if not _pkce_ok(grant, data.get("code_verifier", "")):
            return JSONResponse({"error": "invalid_code"})
        refresh = "1000." + secrets.token_hex(24)
        with self.lock:
            self.refresh_tokens[refresh] = Grant(grant.client_id, grant.scopes)
        return JSONResponse({**self._mint(refresh, grant.scopes, root), "refresh_token": refresh})

    def _refresh(self, refresh: str, root: str) -> Response:
        with self.lock:
            grant = self.refresh_tokens.get(refresh)
        if grant is None:
            return JSONResponse({"error": "invalid_code"})
        if not self._mint_limit.hit(refresh):
            return JSONResponse(_TOO_MANY, status_code=400)
        return JSONResponse(self._mint(refresh, grant.scopes, root))

    def _mint(self, refresh: str, scopes: tuple[str, ...], root: str) -> dict[str, object]:
        token = "1000." + secrets.token_hex(24)
        with self.lock:
            self.access_tokens[token] = Grant(
                self.client_id, scopes, expires_at=self.clock() + self.token_lifetime
            )
            self.minted += 1
        return {
            "access_token": token,
            "scope": " ".join(scopes),
            "api_domain": root,
            "token_type": "Bearer",
            "expires_in": int(self.token_lifetime),
        }


def _pkce_ok(grant: Grant, verifier: str) -> bool:
    if not grant.challenge:
        return True  # the client did not use PKCE (web-server clients need not)
    if grant.method == "S256":
        digest = hashlib.sha256(verifier.encode()).digest()
        expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    else:
        expected = verifier
    return secrets.compare_digest(expected, grant.challenge)


def scope_allows(scopes: tuple[str, ...], area: str, module: str, operation: str) -> bool:
    """Whether granted `scopes` cover `operation` (READ/WRITE/UPDATE) on records of
    `module` (area "modules"), attachments (area "attachments") or field metadata
    (area "fields"). Module names in scopes are lower-case (ZohoCRM.modules.leads.WRITE)."""
    granted = {s.lower() for s in scopes}
    if area == "fields":
        wanted = {
            "zohocrm.settings.all",
            "zohocrm.settings.fields.all",
            "zohocrm.settings.fields.read",
        }
    elif area == "attachments":
        wanted = {
            "zohocrm.modules.all",
            "zohocrm.modules.attachments.all",
            "zohocrm.modules.attachments.read" if operation == "READ" else "",
        }
    else:
        m = module.lower()
        wanted = {
            "zohocrm.modules.all",
            f"zohocrm.modules.{m}.all",
            f"zohocrm.modules.{m}.{operation.lower()}",
        }
        if operation == "UPDATE":
            wanted.add(f"zohocrm.modules.{m}.write")
    return bool(granted & wanted)
