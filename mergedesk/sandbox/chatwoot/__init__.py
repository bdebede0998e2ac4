"""A protocol-faithful fake Chatwoot: its REST API for contacts under
/api/v1/accounts/{account_id}, seeded with generated duplicates, with fault injection,
an optional rack-attack rate limit and the /_sandbox admin API. Never imports
mergedesk.providers: a fake sharing the client's code would hide the client's bugs."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from mergedesk.sandbox.admin import admin_routes
from mergedesk.sandbox.chatwoot.app import PREFIX, vendor_routes
from mergedesk.sandbox.chatwoot.jobs import MergeJobs
from mergedesk.sandbox.chatwoot.seed import ACCOUNT_ID, populate
from mergedesk.sandbox.chatwoot.state import ChatwootState, MergeCall
from mergedesk.sandbox.chatwoot.throttle import RETRY_LATER, RackAttack
from mergedesk.sandbox.counter import RequestCounter
from mergedesk.sandbox.faults import FaultPlan
from mergedesk.sandbox.generator import GeneratedData
from mergedesk.sandbox.injection import FaultInjector
from mergedesk.sandbox.ratelimit import SlidingWindowLimiter

TOKEN_ENV = "MERGEDESK_CHATWOOT_TOKEN"
# devise_token_auth's answer when no api_access_token header is sent at all.
_SIGN_IN = {"errors": ["You need to sign in or sign up before continuing."]}


class ChatwootFake:
    """The fake's ASGI `app`, its data (`state`, `merge_log`), its `faults` and its
    request counts (`requests["POST /actions/contact_merge"]`). Contact ids are ints
    from 1; generated record i is contact i + 1 (`generated.truth` uses record indices).

    `rate_limit_per_minute` / `search_limit_per_minute` switch on the vendor's
    rack-attack limits (both off by default, as in a non-production Chatwoot);
    `rate_limit_period` shortens the per-IP window (seconds) so benchmarks can measure
    a steady rate instead of one burst per minute. `merge_jobs.arm(delay)` makes merge
    requests answer 200 and merge later or never (the vendor's ContactMergeJob)."""

    provider = "chatwoot"

    def __init__(
        self,
        *,
        seed: int = 0,
        records: int = 200,
        token: str | None = None,
        rate_limit_per_minute: int | None = None,
        search_limit_per_minute: int | None = None,
        rate_limit_period: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token or secrets.token_urlsafe(24)
        self.account_id = ACCOUNT_ID
        self.state = ChatwootState()
        self.generated: GeneratedData = populate(self.state, seed, records)
        self.faults = FaultPlan()
        self.merge_jobs = MergeJobs(self.state)
        routes = vendor_routes(self)
        self.requests = RequestCounter(routes, prefix=PREFIX)
        per_ip = (
            SlidingWindowLimiter(rate_limit_per_minute, rate_limit_period, clock)
            if rate_limit_per_minute
            else None
        )
        search = (
            SlidingWindowLimiter(search_limit_per_minute, 60.0, clock)
            if search_limit_per_minute
            else None
        )
        starlette = Starlette(routes=[*routes, *admin_routes(self)])
        self.app = FaultInjector(
            RackAttack(starlette, per_ip, search), self.faults, vendor_error, self.requests
        )

    @property
    def base_path(self) -> str:
        return f"/api/v1/accounts/{self.account_id}"

    @property
    def merge_log(self) -> list[MergeCall]:
        return self.state.merge_log

    def credentials(self) -> dict[str, str]:
        return {TOKEN_ENV: self.token}

    def contact_id(self, record_index: int) -> int:
        """The contact id of generated record `record_index`."""
        return record_index + 1

    def record_id(self, record_index: int) -> str:
        """`contact_id` as text, the name every fake gives it (benchmark harness)."""
        return str(self.contact_id(record_index))

    def refuse(self, request: Request) -> Response | None:
        """Chatwoot's checks before any action, in its order: the token (missing or bad,
        or revoked by a fault), then the account (unknown: 404; not the user's: 401)."""
        token = request.headers.get("api_access_token")
        if not token:
            return JSONResponse(_SIGN_IN, status_code=401)
        if not _same(token, self.token) or self.faults.token_revoked:
            return JSONResponse({"error": "Invalid Access Token"}, status_code=401)
        account = request.path_params.get("account_id", "")
        if not str(account).isdigit() or int(account) not in self.state.accounts:
            return JSONResponse({"error": "Resource could not be found"}, status_code=404)
        if int(account) not in self.state.member_of:
            return JSONResponse(
                {"error": "You are not authorized to access this account"}, status_code=401
            )
        return None

    def admin_authorised(self, request: Request) -> bool:
        # The original token, even after a revoke_token fault: the admin API must stay usable.
        # Also under x-sandbox-token, the header the other fakes' admin API takes.
        given = request.headers.get("api_access_token") or request.headers.get(
            "x-sandbox-token", "")
        return _same(given, self.token)

    def state_json(self) -> dict[str, Any]:
        return self.state.dump()

    def merges_json(self) -> list[dict[str, Any]]:
        with self.state.lock:
            return [call._asdict() for call in self.state.merge_log]


def _same(given: str, token: str) -> bool:
    # Header values arrive latin-1 decoded; compare_digest refuses non-ASCII str, so bytes.
    return secrets.compare_digest(given.encode("latin-1", "replace"), token.encode())


def vendor_error(status: int) -> tuple[bytes, str]:
    """The body Chatwoot (or rack-attack, or Rails' public exceptions) sends for `status`;
    used by faults that give no body of their own."""
    if status == 429:
        return RETRY_LATER, "text/plain"
    bodies: dict[int, dict[str, Any]] = {
        401: {"error": "Invalid Access Token"},
        404: {"error": "Resource could not be found"},
        422: {"message": "Unprocessable Entity", "attributes": []},
    }
    reasons = {
        400: "Bad Request",
        403: "Forbidden",
        500: "Internal Server Error",
        502: "Bad Gateway",
        503: "Service Unavailable",
        504: "Gateway Timeout",
    }
    body = bodies.get(status) or {"status": status, "error": reasons.get(status, "Error")}
    return JSONResponse(body).body, "application/json; charset=utf-8"


def create(
    seed: int = 0,
    records: int = 200,
    entity: str = "contacts",
    token: str | None = None,
    **options: Any,
) -> ChatwootFake:
    """The SANDBOXES factory; `options` go to ChatwootFake (e.g. rate_limit_per_minute).
    Chatwoot only has contacts: another entity is a ValueError."""
    if entity != "contacts":
        raise ValueError(f"the Chatwoot sandbox has no {entity!r}; Chatwoot only has contacts")
    return ChatwootFake(seed=seed, records=records, token=token, **options)
