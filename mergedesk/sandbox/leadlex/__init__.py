"""A protocol-faithful fake LeadLex workspace: its REST API under
/functions/v1/api-gateway for contacts (list, get, PATCH with appended notes, CSV
export, merge with dry_run and Idempotency-Key), workspace keys with permissions and
expiry, plan rate limits with X-RateLimit-* headers, fault injection and the /_sandbox
admin API. Never imports mergedesk.providers: a fake sharing the client's code would
hide the client's bugs. contact.merged webhooks are not modelled (nothing to receive)."""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from mergedesk.sandbox.admin import admin_routes
from mergedesk.sandbox.counter import RequestCounter
from mergedesk.sandbox.faults import FaultPlan
from mergedesk.sandbox.generator import GeneratedData
from mergedesk.sandbox.injection import FaultInjector
from mergedesk.sandbox.leadlex.app import PREFIX, error, vendor_routes
from mergedesk.sandbox.leadlex.idempotency import IdempotencyStore
from mergedesk.sandbox.leadlex.limits import WorkspaceLimits
from mergedesk.sandbox.leadlex.seed import populate
from mergedesk.sandbox.leadlex.state import LeadLexState, MergeCall

KEY_ENV = "MERGEDESK_LEADLEX_API_KEY"
_ERRORS = {400: "validation_error", 401: "invalid_key", 403: "insufficient_permissions",
           404: "not_found", 409: "merge_conflict", 429: "rate_limited"}


class LeadLexFake:
    """The fake's ASGI `app`, data (`state`), `faults`, request counts, limits and
    Idempotency-Key store. `keys` maps each accepted key to its permissions and expiry:
    `api_key` (read+write), `read_only_key` and `expired_key` exist for tests.

    `plan` ("starter", "pro", "org" or "unlimited") sets the daily and per-minute limits;
    `daily`, `per_minute` and `window` override them. `merge_delay` keeps each merge
    (and its key) in flight that many seconds."""

    provider = "leadlex"

    def __init__(self, *, seed: int = 0, records: int = 200, key: str | None = None,
                 plan: str = "org", daily: int | None = None, per_minute: int | None = None,
                 window: float = 60.0, merge_delay: float = 0.0,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.api_key = key or "wbk_" + secrets.token_hex(24)
        self.read_only_key = "wbk_" + secrets.token_hex(24)
        self.expired_key = "wbk_" + secrets.token_hex(24)
        past = now() - timedelta(days=1)
        self.keys: dict[str, tuple[frozenset[str], datetime | None]] = {
            self.api_key: (frozenset({"read", "write"}), None),
            self.read_only_key: (frozenset({"read"}), None),
            self.expired_key: (frozenset({"read", "write"}), past),
        }
        self._now = now
        self.state = LeadLexState()
        self.generated: GeneratedData
        self.generated, self.contact_ids = populate(self.state, seed, records)
        self.limits = WorkspaceLimits(plan, daily=daily, per_minute=per_minute, window=window,
                                      now=now, clock=clock)
        self.idempotency = IdempotencyStore(clock)
        self.merge_delay = merge_delay
        self.merge_requests = 0  # every merge call answered by the handler, replays included
        self.faults = FaultPlan()
        routes = vendor_routes(self)
        self.requests = RequestCounter(routes, prefix=PREFIX)
        starlette = Starlette(routes=[*routes, *admin_routes(self)])
        self.app = FaultInjector(_RequestIds(starlette), self.faults, vendor_error, self.requests)

    @property
    def base_path(self) -> str:
        return PREFIX

    @property
    def merge_log(self) -> list[MergeCall]:
        return self.state.merge_log

    def credentials(self) -> dict[str, str]:
        return {KEY_ENV: self.api_key}

    def record_id(self, record_index: int) -> str:
        """The contact id of generated record `record_index`."""
        return self.contact_ids[record_index]

    def refuse(self, request: Request, need: str) -> Response | None:
        """401 invalid_key for a missing, unknown, expired or revoked key; 403
        insufficient_permissions when it lacks `need` (read or write)."""
        scheme, _, key = request.headers.get("authorization", "").partition(" ")
        granted = self.keys.get(key) if scheme.lower() == "bearer" else None
        if granted is None or self.faults.token_revoked or (
                granted[1] is not None and granted[1] <= self._now()):
            return error(401, "invalid_key", "Invalid or expired API key")
        if need not in granted[0]:
            return error(403, "insufficient_permissions",
                         f"Missing {need}:contacts permission")
        return None

    def admin_authorised(self, request: Request) -> bool:
        """The API key, as a Bearer token or as X-Sandbox-Token (benchmark harness)."""
        given = request.headers.get("x-sandbox-token") or request.headers.get(
            "authorization", "").removeprefix("Bearer ")
        return secrets.compare_digest(given, self.api_key)

    def state_json(self) -> dict[str, Any]:
        with self.state.lock:
            return {"contacts": list(self.state.contacts.values()),
                    "notes": list(self.state.notes.values()), "retired": dict(self.state.retired)}

    def merges_json(self) -> list[dict[str, Any]]:
        with self.state.lock:
            return [{"primary": c.primary, "duplicates": list(c.duplicates),
                     "overwrite": c.overwrite, "idempotency_key": c.idempotency_key}
                    for c in self.state.merge_log]


class _RequestIds:
    """X-Request-ID on every answer, as the vendor's docs promise."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_id(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []),
                                      (b"x-request-id", str(uuid.uuid4()).encode())]
            await send(message)
        await self.app(scope, receive, send_with_id if scope["type"] == "http" else send)


def vendor_error(status: int) -> tuple[bytes, str]:
    code = _ERRORS.get(status, "internal_error")
    body = {"error": {"code": code, "message": f"HTTP {status}"}}
    return JSONResponse(body).body, "application/json"


def create(seed: int = 0, records: int = 200, entity: str = "contacts",
           token: str | None = None, **options: Any) -> LeadLexFake:
    """The SANDBOXES factory; `token`, when given, is the API key; `options` go to
    LeadLexFake (plan, per_minute, window, merge_delay, …). LeadLex merges contacts."""
    if entity != "contacts":
        raise ValueError(f"the LeadLex sandbox has no {entity!r}; LeadLex merges contacts")
    return LeadLexFake(seed=seed, records=records, key=token, **options)
