"""Zoho's API limits in the fake: concurrent calls per org (by edition: Free 5, Standard
10, Professional 15, Enterprise 20, Ultimate 25) and API credits per window, both
answered with 429 TOO_MANY_REQUESTS and no Retry-After (Zoho documents none). An
optional service time per call makes the concurrency cap bind, as on the real service."""

from __future__ import annotations

import asyncio
import json

from starlette.types import ASGIApp, Receive, Scope, Send

from mergedesk.sandbox.ratelimit import SlidingWindowLimiter

# The 429 body's exact words are not documented; the shape is Zoho's usual error object.
_CONCURRENCY = {
    "code": "TOO_MANY_REQUESTS",
    "details": {"limit_type": "concurrency"},
    "message": "The number of concurrent API calls for your organization has exceeded the limit",
    "status": "error",
}
_CREDITS = {
    "code": "TOO_MANY_REQUESTS",
    "details": {"limit_type": "credits"},
    "message": "You have exceeded the API credits limit",
    "status": "error",
}


class ZohoLimits:
    """ASGI wrapper over the CRM routes (the accounts server is not limited)."""

    def __init__(
        self,
        app: ASGIApp,
        prefix: str,
        *,
        concurrency: int | None = None,
        credits: SlidingWindowLimiter | None = None,
        latency: float = 0.0,
    ) -> None:
        self.app = app
        self.prefix = prefix
        self.concurrency = concurrency
        self.credits = credits
        self.latency = latency
        self.in_flight = 0
        self.peak = 0
        self.served = 0
        self.refused = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        # One event loop serves every request, so these counters need no lock.
        if self.concurrency is not None and self.in_flight >= self.concurrency:
            await self._refuse(send, _CONCURRENCY)
            return
        if self.credits is not None and not self.credits.hit("org"):
            await self._refuse(send, _CREDITS)
            return
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            if self.latency:
                await asyncio.sleep(self.latency)
            await self.app(scope, receive, send)
            self.served += 1
        finally:
            self.in_flight -= 1

    async def _refuse(self, send: Send, body: dict) -> None:
        self.refused += 1
        data = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 429,
                "headers": [
                    (b"content-type", b"application/json;charset=UTF-8"),
                    (b"content-length", str(len(data)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": data})
