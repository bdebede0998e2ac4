"""Dataverse service protection in the fake: per user, in a sliding window, a number of
requests, a combined execution time and a number of concurrent requests; a refused
request gets 429 with Retry-After (seconds) and the documented error code
(learn.microsoft.com "Service protection API limits": 0x80072322 requests,
0x80072321 execution time, 0x80072326 concurrency). An optional service time per
request stands in for the server's own work."""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections import deque
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from mergedesk.sandbox.ratelimit import SlidingWindowLimiter


class ServiceProtection:
    def __init__(self, app: ASGIApp, prefix: str, user_of: Callable[[Scope], str], *,
                 requests: int | None = None, window: float = 300.0,
                 execution_seconds: float | None = None, concurrency: int | None = 52,
                 latency: float = 0.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.app, self.prefix, self.user_of = app, prefix, user_of
        self.limiter = SlidingWindowLimiter(requests, window, clock) if requests else None
        self.window, self.execution_seconds = window, execution_seconds
        self.concurrency, self.latency, self.clock = concurrency, latency, clock
        self._spent: dict[str, deque[tuple[float, float]]] = {}
        self._in_flight: dict[str, int] = {}
        self.peak = self.served = self.refused = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        user = self.user_of(scope)
        refusal = self._check(user)
        if refusal is not None:
            await self._refuse(send, *refusal)
            return
        self._in_flight[user] = self._in_flight.get(user, 0) + 1
        self.peak = max(self.peak, self._in_flight[user])
        started = self.clock()
        try:
            if self.latency:
                await asyncio.sleep(self.latency)
            await self.app(scope, receive, send)
            self.served += 1
        finally:
            self._in_flight[user] -= 1
            self._spent.setdefault(user, deque()).append((self.clock(), self.clock() - started))

    def _check(self, user: str) -> tuple[str, str, float] | None:
        if self.concurrency is not None and self._in_flight.get(user, 0) >= self.concurrency:
            return ("0x80072326", f"Number of concurrent requests exceeded the limit of "
                    f"{self.concurrency}.", 1.0)
        if self.execution_seconds is not None:
            used, oldest = self._execution(user)
            if used >= self.execution_seconds:
                return ("0x80072321", f"Combined execution time of incoming requests exceeded "
                        f"limit of {self.execution_seconds:g} seconds over time window of "
                        f"{self.window:g} seconds.", oldest + self.window - self.clock())
        if self.limiter is not None and not self.limiter.hit(user):
            return ("0x80072322", f"Number of requests exceeded the limit of "
                    f"{self.limiter.limit} over time window of {self.window:g} seconds.",
                    self.limiter.retry_in(user))
        return None

    def _execution(self, user: str) -> tuple[float, float]:
        spent = self._spent.setdefault(user, deque())
        while spent and spent[0][0] <= self.clock() - self.window:
            spent.popleft()
        return sum(s for _, s in spent), spent[0][0] if spent else self.clock()

    async def _refuse(self, send: Send, code: str, message: str, wait: float) -> None:
        self.refused += 1
        data = json.dumps({"error": {"code": code, "message": message}}).encode()
        await send({"type": "http.response.start", "status": 429, "headers": [
            (b"content-type", b"application/json; odata.metadata=minimal"),
            (b"retry-after", str(max(1, math.ceil(wait))).encode()),
            (b"content-length", str(len(data)).encode())]})
        await send({"type": "http.response.body", "body": data})
