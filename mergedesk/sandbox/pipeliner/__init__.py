"""A protocol-faithful fake Pipeliner CRM space: its REST API under
/api/v100/rest/spaces/{space_id} for Accounts and Contacts (lists, reads, PATCH,
merge), field metadata and files, HTTP Basic with the space's API key and secret,
fault injection, an optional request limit and the /_sandbox admin API. Never imports
mergedesk.providers: a fake sharing the client's code would hide the client's bugs."""

from __future__ import annotations

import base64
import binascii
import math
import secrets
import time
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from mergedesk.sandbox.admin import admin_routes
from mergedesk.sandbox.counter import RequestCounter
from mergedesk.sandbox.faults import FaultPlan
from mergedesk.sandbox.generator import GeneratedData
from mergedesk.sandbox.injection import ADMIN_PREFIX, FaultInjector
from mergedesk.sandbox.pipeliner import schema
from mergedesk.sandbox.pipeliner.app import PREFIX, unknown_url, vendor_routes
from mergedesk.sandbox.pipeliner.seed import populate
from mergedesk.sandbox.pipeliner.state import MergeCall, PipelinerState
from mergedesk.sandbox.ratelimit import SlidingWindowLimiter

KEY_ENV, SECRET_ENV = "MERGEDESK_PIPELINER_KEY", "MERGEDESK_PIPELINER_SECRET"
SPACE_ID = "sandbox_space_1"
# Missing Basic credentials answer 401 with this challenge (developers.pipelinersales.com,
# "Getting started": WWW-Authenticate: Basic realm="restapi").
_CHALLENGE = {"WWW-Authenticate": 'Basic realm="restapi"'}


class PipelinerFake:
    """The fake's ASGI `app`, its data (`state`, `merge_log`), `faults` and request counts.
    Generated record i of `entity` is `record_id(i)`.

    `tier` ("business"/"enterprise" may merge; "starter" may not) and `delete_rights`
    model the merge preconditions. `rate_limit=(n, seconds)` refuses more than n
    requests per sliding window with 429 and Retry-After (Pipeliner documents no limit;
    the fake's is for exercising clients)."""

    provider = "pipeliner"

    def __init__(self, *, seed: int = 0, records: int = 200, entity: str = "contacts",
                 key: str | None = None, secret: str | None = None, tier: str = "business",
                 delete_rights: bool = True, rate_limit: tuple[int, float] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if entity not in ("contacts", "accounts"):
            raise ValueError(
                f"the Pipeliner sandbox has no {entity!r}; it has contacts and accounts")
        self.key = key or "sbx_" + secrets.token_hex(12)
        self.secret = secret or secrets.token_urlsafe(24)
        self.space_id = SPACE_ID
        self.entity = "Contacts" if entity == "contacts" else "Accounts"
        self.tier = tier
        self.delete_rights = delete_rights
        self.state = PipelinerState()
        self.generated: GeneratedData = populate(self.state, seed, records, entity)
        self.faults = FaultPlan()
        routes = vendor_routes(self)
        self.requests = RequestCounter(routes, prefix=PREFIX)
        limiter = SlidingWindowLimiter(rate_limit[0], rate_limit[1], clock) if rate_limit else None
        starlette = Starlette(routes=[*routes, *admin_routes(self),
                                      Route("/{path:path}", unknown_url,
                                            methods=["GET", "POST", "PATCH", "DELETE"])])
        self.app = FaultInjector(_Throttle(starlette, limiter), self.faults, vendor_error,
                                 self.requests)

    @property
    def base_path(self) -> str:
        return f"/api/v100/rest/spaces/{self.space_id}"

    @property
    def merge_log(self) -> list[MergeCall]:
        return self.state.merge_log

    def credentials(self) -> dict[str, str]:
        return {KEY_ENV: self.key, SECRET_ENV: self.secret}

    def record_id(self, record_index: int) -> str:
        return self.state.order[self.entity][record_index]

    def field_rows(self) -> list[dict[str, Any]]:
        return [{"id": f"fld-{entity}-{f['api_name']}", "entity_name": entity, **f,
                 "is_deleted": False}
                for entity, fields in schema.FIELDS.items() for f in fields]

    def refuse(self, request: Request) -> Response | None:
        """Basic credentials first (401 with the realm challenge), then the space id."""
        if not self._authorised(request) or self.faults.token_revoked:
            return JSONResponse(schema.plain(401, "Unauthorized"), status_code=401,
                                headers=_CHALLENGE)
        if request.path_params.get("space_id") != self.space_id:
            return JSONResponse(schema.plain(404, schema.NOT_FOUND_URL), status_code=404)
        return None

    def admin_authorised(self, request: Request) -> bool:
        """The space's Basic credentials, or X-Sandbox-Token with the API secret."""
        token = request.headers.get("x-sandbox-token")
        if token is not None:
            return secrets.compare_digest(token, self.secret)
        return self._authorised(request)

    def _authorised(self, request: Request) -> bool:
        scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            user, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return (secrets.compare_digest(user, self.key)
                and secrets.compare_digest(password, self.secret))

    def state_json(self) -> dict[str, Any]:
        return self.state.dump()

    def merges_json(self) -> list[dict[str, Any]]:
        with self.state.lock:
            return [{"entity": c.entity, "master": c.master, "secondaries": list(c.secondaries),
                     "values": list(c.values)} for c in self.state.merge_log]


class _Throttle:
    """Refuses requests over the window's limit with 429, Retry-After (whole seconds, as
    HTTP allows) and the API's error envelope; admin requests pass."""

    def __init__(self, app: ASGIApp, limiter: SlidingWindowLimiter | None) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (self.limiter is None or scope["type"] != "http"
                or scope["path"].startswith(ADMIN_PREFIX) or self.limiter.hit("space")):
            await self.app(scope, receive, send)
            return
        wait = max(1, math.ceil(self.limiter.retry_in("space")))
        body = schema.coded(429, 429, "ERROR_TOO_MANY_REQUESTS", "Too many requests.")
        await JSONResponse(body, status_code=429, headers={"Retry-After": str(wait)})(
            scope, receive, send)


def vendor_error(status: int) -> tuple[bytes, str]:
    """The body Pipeliner sends for `status` when a fault gives none of its own."""
    if status == 404:
        body = schema.plain(404, schema.NOT_FOUND_URL)
    elif status == 401:
        body = schema.plain(401, "Unauthorized")
    elif status < 500:
        body = schema.coded(status, 117 if status == 400 else status, "ERROR_REQUEST",
                            "The request was refused.")
    else:
        body = schema.plain(status, "Internal Server Error")
    return JSONResponse(body).body, "application/json"


def create(seed: int = 0, records: int = 200, entity: str = "contacts",
           token: str | None = None, **options: Any) -> PipelinerFake:
    """The SANDBOXES factory; `token`, when given, is the API secret; `options` go to
    PipelinerFake (tier, delete_rights, rate_limit, key)."""
    return PipelinerFake(seed=seed, records=records, entity=entity, secret=token, **options)
