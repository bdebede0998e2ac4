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

from mergedesk.providers import errors
from mergedesk.providers.retry import server_delay

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class BudgetPacer:
    """At most `budget` requests in any `window` seconds (None: no budget of our own),
    and after a 429 no request at all until the server's Retry-After has passed (or, when
    it names no wait, an own backoff that doubles while 429s keep coming).

    Requests wait in FIFO order behind one lock, so the budget is never overshot by
    coroutines racing for the same free slot. A request holds a place from when it is
    sent and is dated when its answer arrives: the server counts it on arrival, which is
    in between, so our window always ends after the server's. `margin` widens it more."""

    def __init__(self, budget: int | None = None, window: float = 1.0, *,
                 margin: float = 0.0, first_backoff: float = 1.0, max_backoff: float = 60.0,
                 max_pause: float = 120.0, provider: str = "",
                 clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep) -> None:
        if budget is not None and budget < 1:
            raise ValueError("budget must be >= 1 or None")
        self.budget = budget
        self.window = window * (1.0 + margin)
        self._first_backoff = first_backoff
        self._max_backoff = max_backoff
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[float] = deque()  # answered requests, by answer time
        self._pending: deque[float] = deque()  # sent, not answered, by send time
        self._paused_until = 0.0
        self._backoff = 0.0
        # A longer pause than one call may wait (RetryPolicy.max_server_delay) is not
        # slept through: the caller gets RateLimited naming the wait, for the UI to show.
        self._max_pause = max_pause
        self._provider = provider
        self._lock: asyncio.Lock | None = None
        self.throttled = 0  # 429s seen, for logs and benchmarks

    async def acquire(self) -> None:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            paused = self._paused_until - self._clock()
            if paused > self._max_pause:
                raise errors.RateLimited(
                    f"{self._provider or 'the CRM'} asks to wait {paused:.0f} s before the "
                    "next request", provider=self._provider, retry_after=paused)
            for _ in range(10_000):
                wait = max(self._paused_until - self._clock(), self._budget_wait())
                if wait <= 0:
                    break
                before = self._clock()
                await self._sleep(wait)
                if self._clock() == before:
                    break  # a test's instant sleep: the clock never moves, do not spin
            if self.budget is not None:
                while self._sent and len(self._sent) + len(self._pending) >= self.budget:
                    self._sent.popleft()
                self._pending.append(self._clock())

    def observe(self, response: httpx.Response) -> None:
        if self.budget is not None:
            if self._pending:
                self._pending.popleft()
            self._sent.append(self._clock())
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
        # A request that never got an answer (network error) must not hold its place
        # for ever; none legitimately stays in flight longer than a window here.
        while self._pending and self._pending[0] <= now - self.window:
            self._pending.popleft()
        if len(self._sent) + len(self._pending) < self.budget:
            return 0.0
        if not self._sent:
            return 0.01  # every place is in flight: look again when an answer may be in
        return max(0.001, self._sent[0] + self.window - now)
