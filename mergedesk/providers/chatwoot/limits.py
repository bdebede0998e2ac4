"""Chatwoot's request budgets, as the client paces itself against them. No Qt, no I/O.

Chatwoot throttles with rack-attack (config/initializers/rack_attack.rb): 'req/ip'
RACK_ATTACK_LIMIT requests per minute per client IP (default 3000) and contact search
RATE_LIMIT_CONTACT_SEARCH per minute per account (default 100); on by default only in
production. A refused request gets 429 'Retry later' with no Retry-After (rack-attack
6 leaves the header off unless throttled_response_retry_after_header is set), so the
client keeps under the budget itself and backs off on its own clock when refused."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from pydantic import JsonValue

from mergedesk.providers import errors
from mergedesk.providers.pacing import BudgetPacer, Clock, Sleep
from mergedesk.providers.retry import server_delay

DEFAULT_REQUESTS_PER_MINUTE = 3000.0  # RACK_ATTACK_LIMIT's default
DEFAULT_SEARCHES_PER_MINUTE = 100.0  # RATE_LIMIT_CONTACT_SEARCH's default
DEFAULT_CONCURRENCY = 4
DEFAULT_PERIOD = 60.0  # rack-attack's 'req/ip' and search throttles: period 1.minute
# The longest window we pace over. Our budget counts a request until its answer plus the
# window, so each window loses one round trip: 13% of 1 s at 150 ms, 3% of 5 s.
MAX_PACING_WINDOW = 5.0
_ANSWERED = httpx.Response(204)  # what the budget is told of a refusal: answered, no pause


@dataclass(frozen=True)
class ChatwootLimits:
    """From ConnectionSettings.options: `requests_per_minute` and `searches_per_minute`
    (an install's own RACK_ATTACK_LIMIT / RATE_LIMIT_CONTACT_SEARCH; 0 turns our own
    pacing off), `rate_limit_period` (seconds the server counts over; rack-attack's
    minute unless a proxy in front counts shorter) and `concurrency` (requests in
    flight, and groups merged side by side)."""

    requests_per_minute: float = DEFAULT_REQUESTS_PER_MINUTE
    searches_per_minute: float = DEFAULT_SEARCHES_PER_MINUTE
    concurrency: int = DEFAULT_CONCURRENCY
    period: float = DEFAULT_PERIOD

    @classmethod
    def from_options(cls, options: Mapping[str, JsonValue]) -> ChatwootLimits:
        try:
            return cls(
                requests_per_minute=_number(options, "requests_per_minute",
                                            DEFAULT_REQUESTS_PER_MINUTE),
                searches_per_minute=_number(options, "searches_per_minute",
                                            DEFAULT_SEARCHES_PER_MINUTE),
                concurrency=max(1, int(_number(options, "concurrency", DEFAULT_CONCURRENCY))),
                period=_number(options, "rate_limit_period", DEFAULT_PERIOD) or DEFAULT_PERIOD,
            )
        except (TypeError, ValueError) as exc:
            raise errors.ConfigError(
                f"Chatwoot connection options: {exc}", provider="chatwoot"
            ) from None


class RackAttackPacer:
    """transport.Pacer for Chatwoot: a BudgetPacer keeps the budget, and after a plain
    429 (no wait named) every request pauses, the pause doubling while refusals go on.

    Unlike BudgetPacer's own pause, refusals that arrive while a pause is already on do
    not double it again: the requests in flight were all sent into the same full window
    (with 4 in flight one refusal would otherwise become a 1+2+4+8 s pause)."""

    def __init__(self, budget: BudgetPacer, *, first_backoff: float = 1.0,
                 max_backoff: float = 60.0, clock: Clock = time.monotonic,
                 sleep: Sleep = asyncio.sleep) -> None:
        self._budget = budget
        self._first_backoff = first_backoff
        self._max_backoff = max_backoff
        self._clock = clock
        self._sleep = sleep
        self._backoff = 0.0
        self._paused_until = 0.0
        self.throttled = 0  # 429s seen, for logs and benchmarks

    @property
    def budget(self) -> int | None:
        return self._budget.budget

    @property
    def window(self) -> float:
        return self._budget.window

    @property
    def paused_until(self) -> float:
        """On the pacer's clock: no request is sent before this."""
        return self._paused_until

    async def acquire(self) -> None:
        wait = self._paused_until - self._clock()
        if wait > 0:
            await self._sleep(wait)
        await self._budget.acquire()

    def observe(self, response: httpx.Response) -> None:
        if response.status_code != 429:
            self._budget.observe(response)
            if response.is_success:
                self._backoff = 0.0
            return
        self._budget.observe(_ANSWERED)  # frees its place without its own pause
        self.throttled += 1
        now = self._clock()
        delay = server_delay(response.headers, datetime.now(UTC))  # older rack-attack sends one
        if delay is None:
            if now < self._paused_until:
                return  # the same burst: the pause it caused already covers it
            self._backoff = min(self._max_backoff, self._backoff * 2 or self._first_backoff)
            delay = self._backoff
        self._paused_until = max(self._paused_until, now + delay)


def per_minute_pacer(per_minute: float, sleep: Sleep = asyncio.sleep,
                     period: float = DEFAULT_PERIOD) -> RackAttackPacer:
    """A pacer that keeps under `per_minute` requests in every `period` the server counts
    over, without sending a period's budget in one burst: k requests per window, the
    window a whole fraction of the period of at most MAX_PACING_WINDOW (3000/min over a
    minute -> 250 per 5 s; 40/s counted per second -> 40 per 1 s). Whole fractions keep
    fixed windows (rack-attack counts per clock minute) as safe as sliding ones.
    0: no budget, but the pause after a 429 still applies."""
    if per_minute <= 0:
        return RackAttackPacer(BudgetPacer(None, sleep=sleep), sleep=sleep)
    window = period / math.ceil(period / MAX_PACING_WINDOW)
    k = math.floor(per_minute * window / 60.0 + 1e-9)
    if k < 1:  # fewer than one request per window: one at a time, spaced out
        k, window = 1, 60.0 / per_minute
    return RackAttackPacer(BudgetPacer(k, window, sleep=sleep), sleep=sleep)


def _number(options: Mapping[str, JsonValue], key: str, default: float) -> float:
    value = options.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{key} must be a number, not {value!r}")
    number = float(value)
    if number < 0 or not math.isfinite(number):
        raise ValueError(f"{key} must be a positive number, not {value!r}")
    return number
