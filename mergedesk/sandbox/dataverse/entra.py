"""The fake Microsoft Entra ID of the Dataverse sandbox, enough for msal: OpenID
discovery, the v2.0 token endpoint (client credentials, authorization code with PKCE,
device code, refresh token), the device-code and authorize endpoints, tokens that
expire. Discovery advertises https URLs as Entra does; clients reach them over loopback
http. AADSTS codes and texts follow Microsoft's error reference."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
USER = {"oid": "7a1f5d52-2f1b-4c55-9a0a-5d1f1c0e9b11", "name": "Sandbox Admin",
        "preferred_username": "admin@sandbox.onmicrosoft.com"}


@dataclass
class Issued:
    expires_at: float
    subject: str
    scopes: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


class FakeEntra:
    """One tenant, one confidential app (id + secret) that also serves as a public
    client for people; accepts tokens only for this sandbox's resource."""

    def __init__(self, *, tenant_id: str, client_id: str, client_secret: str,
                 token_lifetime: float = 3600.0, clock: Callable[[], float] = time.monotonic):
        self.tenant_id, self.client_id, self.client_secret = tenant_id, client_id, client_secret
        self.token_lifetime = token_lifetime
        self.clock = clock
        self.lock = threading.Lock()
        self.access: dict[str, Issued] = {}
        self.codes: dict[str, Issued] = {}
        self.devices: dict[str, Issued] = {}
        self.refresh: dict[str, Issued] = {}
        self.minted = 0

    def routes(self) -> list[Route]:
        t = "/{tenant}"
        return [Route(t + "/v2.0/.well-known/openid-configuration", self.discovery),
                Route(t + "/oauth2/v2.0/token", self.token, methods=["POST"]),
                Route(t + "/oauth2/v2.0/devicecode", self.device_code, methods=["POST"]),
                Route(t + "/oauth2/v2.0/authorize", self.authorize)]

    def subject_of(self, token: str, resource: str) -> str | None:
        """Who a live access token for `resource` belongs to; None if not valid."""
        with self.lock:
            issued = self.access.get(token)
        if issued is None or self.clock() >= issued.expires_at:
            return None
        if not any(s.startswith(resource) for s in issued.scopes):
            return None
        return issued.subject

    def revoke_access_tokens(self) -> None:
        with self.lock:
            self.access.clear()

    async def discovery(self, request: Request) -> Response:
        if request.path_params["tenant"] != self.tenant_id:
            return JSONResponse({"error": "invalid_tenant", "error_description":
                                 f"AADSTS90002: Tenant '{request.path_params['tenant']}' not "
                                 "found."}, status_code=400)
        base = f"https://{request.headers.get('host', '127.0.0.1')}/{self.tenant_id}"
        return JSONResponse({
            "issuer": f"{base}/v2.0", "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
            "token_endpoint": f"{base}/oauth2/v2.0/token",
            "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
            "response_types_supported": ["code", "id_token", "code id_token"],
            "token_endpoint_auth_methods_supported": ["client_secret_post",
                                                      "client_secret_basic"],
        })

    async def authorize(self, request: Request) -> Response:
        q = request.query_params
        redirect = q.get("redirect_uri", "")
        if q.get("client_id") != self.client_id or not redirect.startswith("http://localhost"):
            return PlainTextResponse("AADSTS50011: The redirect URI does not match.", 400)
        code = secrets.token_urlsafe(24)
        with self.lock:
            self.codes[code] = Issued(self.clock() + 600, USER["oid"], extra={
                "challenge": q.get("code_challenge", ""), "redirect": redirect,
                "nonce": q.get("nonce", ""), "scope": q.get("scope", "")})
        answer = {"code": code, "state": q.get("state", ""), "client_info": self._client_info()}
        if q.get("response_mode") == "form_post":  # msal asks for it: the page POSTs back
            inputs = "".join(f'<input type="hidden" name="{k}" value="{html.escape(v)}"/>'
                             for k, v in answer.items())
            return HTMLResponse(f'<html><body onload="document.forms[0].submit()"><form '
                                f'method="post" action="{html.escape(redirect)}">{inputs}'
                                "</form></body></html>")
        return RedirectResponse(f"{redirect}?{urlencode(answer)}", status_code=302)

    async def device_code(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        if form.get("client_id") != self.client_id:
            return _aad(400, "unauthorized_client", "AADSTS700016: Application not found")
        device, user = secrets.token_urlsafe(32), secrets.token_hex(4).upper()
        with self.lock:
            self.devices[device] = Issued(self.clock() + 900, USER["oid"],
                                          extra={"polls": "0", "scope": form.get("scope", "")})
        url = "https://microsoft.com/devicelogin"
        return JSONResponse({"user_code": user, "device_code": device, "verification_uri": url,
                             "expires_in": 900, "interval": 1, "message": f"To sign in, use a "
                             f"web browser to open the page {url} and enter the code {user} "
                             "to authenticate."})

    async def token(self, request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        if request.path_params["tenant"] != self.tenant_id:
            return _aad(400, "invalid_request", f"AADSTS90002: Tenant "
                        f"'{request.path_params['tenant']}' not found.")
        client_id, secret = _client_auth(request, form)
        if client_id != self.client_id:
            return _aad(400, "unauthorized_client", f"AADSTS700016: Application with "
                        f"identifier '{client_id}' was not found in the directory.")
        grant = form.get("grant_type", "")
        if grant == "client_credentials":
            if secret != self.client_secret:
                return _aad(401, "invalid_client", "AADSTS7000215: Invalid client secret "
                            "provided. Ensure the secret being sent in the request is the "
                            "client secret value, not the client secret ID.")
            return self._mint("app:" + client_id, form.get("scope", ""), user=False)
        if grant == "authorization_code":
            return self._redeem(form)
        if grant == DEVICE_GRANT:
            return self._device(form)
        if grant == "refresh_token":
            with self.lock:
                issued = self.refresh.pop(form.get("refresh_token", ""), None)
            if issued is None:
                return _aad(400, "invalid_grant", "AADSTS70000: The refresh token is invalid.")
            return self._mint(issued.subject, form.get("scope") or " ".join(issued.scopes),
                              user=True)
        return _aad(400, "unsupported_grant_type", "AADSTS70003: unsupported grant type")

    def _redeem(self, form: dict[str, str]) -> Response:
        with self.lock:
            issued = self.codes.pop(form.get("code", ""), None)
        if issued is None or self.clock() > issued.expires_at:
            return _aad(400, "invalid_grant", "AADSTS70008: The provided authorization code "
                        "has expired or is invalid.")
        verifier = form.get("code_verifier", "")
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        if issued.extra["challenge"] and digest.rstrip(b"=").decode() != issued.extra["challenge"]:
            return _aad(400, "invalid_grant", "AADSTS501481: The Code_Verifier does not match "
                        "the code_challenge supplied in the authorization request.")
        return self._mint(issued.subject, form.get("scope") or issued.extra["scope"],
                          user=True, nonce=issued.extra["nonce"])

    def _device(self, form: dict[str, str]) -> Response:
        with self.lock:
            issued = self.devices.get(form.get("device_code", ""))
            if issued is None:
                return _aad(400, "expired_token", "AADSTS70020: The device code expired.")
            polls = int(issued.extra["polls"]) + 1
            issued.extra["polls"] = str(polls)
        if polls == 1:  # the person has not typed the code yet
            return _aad(400, "authorization_pending", "AADSTS70016: OAuth 2.0 device flow "
                        "error. Authorization is pending. Continue polling.")
        with self.lock:
            self.devices.pop(form.get("device_code", ""), None)
        # The scope was given with the device code request, not with the polls.
        return self._mint(issued.subject, form.get("scope") or issued.extra["scope"], user=True)

    def _mint(self, subject: str, scope: str, *, user: bool, nonce: str = "") -> Response:
        scopes = tuple(s for s in scope.split() if s.endswith("/.default"))
        if not scopes:
            return _aad(400, "invalid_scope", "AADSTS70011: The provided value for the input "
                        "parameter 'scope' is not valid.")
        token = secrets.token_urlsafe(48)
        with self.lock:
            self.access[token] = Issued(self.clock() + self.token_lifetime, subject, scopes)
            self.minted += 1
        life = int(self.token_lifetime)
        body: dict[str, object] = {"token_type": "Bearer", "expires_in": life,
                                   "ext_expires_in": life, "access_token": token}
        if user:
            refresh = secrets.token_urlsafe(48)
            with self.lock:
                self.refresh[refresh] = Issued(self.clock() + 86400 * 90, subject, scopes)
            body.update({"scope": " ".join(scopes), "refresh_token": refresh,
                         "id_token": self._id_token(nonce), "client_info": self._client_info()})
        return JSONResponse(body)

    def _id_token(self, nonce: str) -> str:
        now = int(time.time())
        claims = {"aud": self.client_id, "iss": f"https://login.sandbox/{self.tenant_id}/v2.0",
                  "tid": self.tenant_id, "sub": USER["oid"], "iat": now, "nbf": now,
                  "exp": now + 3600, **USER, **({"nonce": nonce} if nonce else {})}
        parts = ({"alg": "none", "typ": "JWT"}, claims)
        return ".".join(_b64(json.dumps(p).encode()) for p in parts) + "."

    def _client_info(self) -> str:
        return _b64(json.dumps({"uid": USER["oid"], "utid": self.tenant_id}).encode())


def _client_auth(request: Request, form: dict[str, str]) -> tuple[str, str]:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("basic "):
        user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        return user, password
    return form.get("client_id", ""), form.get("client_secret", "")


def _aad(status: int, error: str, description: str) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description,
                         "error_codes": [int(description[5:].split(":")[0])
                                         if description[5:].split(":")[0].isdigit() else 0]},
                        status_code=status)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
