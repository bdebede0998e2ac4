"""Client-side pacing for CRMs with published request budgets: a sliding-window budget
the client keeps itself, and one shared pause for every request after a 429, so a
throttled client waits as asked instead of hammering. Implements transport.Pacer. No Qt."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import httpx

from mergedesk.providers.retry import server_delay

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class BudgetPacer:
    """At most `budget` requests in any `window` seconds (None: no budget of our own),
    and after a 429 no request at all until the server's Retry-After has passed (or, when
    it names no wait, an own backoff that doubles while 429s keep coming).

    Requests wait in FIFO order behind one lock, so the budget is never overshot by
    coroutines racing for the same free slot. `margin` widens the window slightly: the
    server counts a request when it arrives, a little after we counted it."""

    def __init__(self, budget: int | None = None, window: float = 1.0, *,
                 margin: float = 0.02, first_backoff: float = 1.0, max_backoff: float = 60.0,
                 clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep) -> None:
        if budget is not None and budget < 1:
            raise ValueError("budget must be >= 1 or None")
        self.budget = budget
        self.window = window * (1.0 + margin)
        self._first_backoff = first_backoff
        self._max_backoff = max_backoff
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[float] = deque()
        self._paused_until = 0.0
        self._backoff = 0.0
        self._lock: asyncio.Lock | None = None
        self.throttled = 0  # 429s seen, for logs and benchmarks

    async def acquire(self) -> None:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            wait = max(self._paused_until - self._clock(), self._budget_wait())
            if wait > 0:
                # One sleep, no re-check loop: with a test's instant sleep the clock does
                # not move, and a loop would spin for ever.
                await self._sleep(wait)
            now = self._clock()
            if self.budget is not None:
                while len(self._sent) >= self.budget:
                    self._sent.popleft()
                self._sent.append(now)

    def observe(self, response: httpx.Response) -> None:
        if response.status_code != 429:
            if response.is_success:
                self._backoff = 0.0
            return
        self.throttled += 1
        delay = server_delay(response.headers, datetime.now(UTC))
        if delay is None:
            self._backoff = min(self._max_backoff, self._backoff * 2 or self._first_backoff)
            delay = self._backoff
        self._paused_until = max(self._paused_until, self._clock() + delay)

    def _budget_wait(self) -> float:
        if self.budget is None:
            return 0.0
        now = self._clock()
        while self._sent and self._sent[0] <= now - self.window:
            self._sent.popleft()
        if len(self._sent) < self.budget:
            return 0.0
        return self._sent[0] + self.window - now
