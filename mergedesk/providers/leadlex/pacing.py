"""LeadLex's limits on our side (a `transport.Pacer`): the per-minute limit through the
shared BudgetPacer (own pacing, and one pause for every request after a 429), and the
daily budget read from X-RateLimit-Limit / -Remaining / -Reset on every answer, so a
batch can be planned against what is left today. No Qt.

Plans (PROVIDERS.md §5): Starter 100/day and 10/min, Pro 1,000/day and 50/min, Org
10,000/day and 200/min; daily counters reset at midnight UTC. The headers carry the
daily figures (docs.leadlex.com quickstart), so the plan, and with it the per-minute
limit, is recognised from X-RateLimit-Limit."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx

from mergedesk.providers import errors
from mergedesk.providers.leadlex.auth import PROVIDER
from mergedesk.providers.pacing import BudgetPacer

PER_MINUTE_BY_DAILY = {100: 10, 1_000: 50, 10_000: 200}
_EPOCH_THRESHOLD = 1_000_000_000


@dataclass(frozen=True)
class RateBudget:
    """Today's request budget as LeadLex last reported it (None: not reported yet)."""

    limit: int | None = None
    remaining: int | None = None
    reset_at: datetime | None = None
    per_minute: int | None = None

    def covers(self, requests: int) -> bool:
        return self.remaining is None or requests <= self.remaining


class LeadLexPacer:
    """`per_minute` and `window` (seconds) pace requests when known; otherwise the plan
    is recognised from the first answer's X-RateLimit-Limit."""

    def __init__(self, per_minute: int | None = None, window: float = 60.0, *,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.minute = BudgetPacer(per_minute, window, clock=clock, sleep=sleep)
        self._now = now
        self.budget = RateBudget(per_minute=per_minute)

    async def acquire(self) -> None:
        """Refuse before sending once today's budget is spent: LeadLex would only say 429
        until midnight UTC, and the user should hear when, not wait for hours."""
        budget = self.budget
        if budget.remaining == 0 and budget.reset_at and budget.reset_at > self._now():
            wait = (budget.reset_at - self._now()).total_seconds()
            raise errors.RateLimited(
                f"LeadLex's daily budget of {budget.limit} requests is used up; it resets "
                f"at {budget.reset_at:%H:%M} UTC", provider=PROVIDER, retry_after=wait)
        await self.minute.acquire()

    def observe(self, response: httpx.Response) -> None:
        self.minute.observe(response)
        reported = read_budget(response.headers, self._now())
        if reported is None:
            return
        per_minute = self.minute.budget or PER_MINUTE_BY_DAILY.get(reported.limit or -1)
        if self.minute.budget is None and per_minute:
            self.minute.budget = per_minute  # the plan, recognised by its daily limit
        self.budget = RateBudget(reported.limit, reported.remaining, reported.reset_at,
                                 per_minute)


def read_budget(headers: Mapping[str, str], now: datetime) -> RateBudget | None:
    """X-RateLimit-Limit / -Remaining / -Reset (a Unix time, or seconds from now)."""
    lowered = {k.lower(): v for k, v in headers.items()}
    try:
        limit = int(lowered["x-ratelimit-limit"])
        remaining = int(lowered["x-ratelimit-remaining"])
    except (KeyError, ValueError):
        return None
    reset_at = None
    try:
        reset = float(lowered.get("x-ratelimit-reset", ""))
        reset_at = (datetime.fromtimestamp(reset, UTC) if reset > _EPOCH_THRESHOLD
                    else now + timedelta(seconds=reset))
    except ValueError:
        pass
    return RateBudget(limit=limit, remaining=remaining, reset_at=reset_at)
