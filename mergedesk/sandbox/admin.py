"""The /_sandbox admin endpoints every fake CRM serves beside its vendor API, so a test
can drive a sandbox running in another process (`mergedesk sandbox`). They sit outside
the vendor prefix, are never faulted, throttled or counted, and need the sandbox token.

    POST   /_sandbox/faults    a fault spec (or a list of them) → 201 {"armed": [...]}
    GET    /_sandbox/faults    {"pending": [...], "fired": [...], "token_revoked": bool}
    DELETE /_sandbox/faults    clears faults, their log and a revocation → {"cleared": n}
    GET    /_sandbox/state     the fake's whole data
    GET    /_sandbox/merges    {"merges": [...]}, every merge call the fake handled
    GET    /_sandbox/requests  {"requests": {"METHOD /template": n}}
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mergedesk.sandbox.counter import RequestCounter
from mergedesk.sandbox.faults import Fault, FaultPlan
from mergedesk.sandbox.injection import ADMIN_PREFIX


class AdminTarget(Protocol):
    faults: FaultPlan
    requests: RequestCounter

    def admin_authorised(self, request: Request) -> bool: ...

    def state_json(self) -> dict[str, Any]: ...

    def merges_json(self) -> list[dict[str, Any]]: ...


Handler = Callable[[Request], Awaitable[Response]]


def admin_routes(fake: AdminTarget) -> list[Route]:
    def guarded(handler: Handler) -> Handler:
        async def endpoint(request: Request) -> Response:
            if not fake.admin_authorised(request):
                return JSONResponse(
                    {"error": "the sandbox admin API needs the sandbox token"}, status_code=401
                )
            return await handler(request)

        return endpoint

    async def arm(request: Request) -> Response:
        try:
            spec = json.loads(await request.body())
            specs = spec if isinstance(spec, list) else [spec]
            if not all(isinstance(s, dict) for s in specs):
                raise ValueError("a fault spec is a JSON object")
            faults = [Fault.from_dict(s) for s in specs]
        except ValueError as exc:  # json.JSONDecodeError is a ValueError too
            return JSONResponse({"error": f"bad fault spec: {exc}"}, status_code=422)
        fake.faults.extend(faults)
        return JSONResponse({"armed": [f.to_dict() for f in faults]}, status_code=201)

    async def show(request: Request) -> Response:
        return JSONResponse(
            {
                "pending": [f.to_dict() for f in fake.faults.pending],
                "fired": [f.to_dict() for f in fake.faults.fired],
                "token_revoked": fake.faults.token_revoked,
            }
        )

    async def clear(request: Request) -> Response:
        pending = len(fake.faults.pending)
        fake.faults.clear()
        return JSONResponse({"cleared": pending})

    async def state(request: Request) -> Response:
        return JSONResponse(fake.state_json())

    async def merges(request: Request) -> Response:
        return JSONResponse({"merges": fake.merges_json()})

    async def requests(request: Request) -> Response:
        return JSONResponse({"requests": fake.requests.snapshot()})

    p = ADMIN_PREFIX
    return [
        Route(f"{p}/faults", guarded(arm), methods=["POST"]),
        Route(f"{p}/faults", guarded(show), methods=["GET"]),
        Route(f"{p}/faults", guarded(clear), methods=["DELETE"]),
        Route(f"{p}/state", guarded(state), methods=["GET"]),
        Route(f"{p}/merges", guarded(merges), methods=["GET"]),
        Route(f"{p}/requests", guarded(requests), methods=["GET"]),
    ]
