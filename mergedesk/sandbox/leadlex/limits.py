"""LeadLex's request limits per workspace plan (PROVIDERS.md §5, docs.leadlex.com
quickstart): a daily budget reset at midnight UTC and a per-minute limit, plus the
export's own 10 calls per hour. Every answer to a signed-in request carries
X-RateLimit-Limit / -Remaining / -Reset: the daily budget and its reset as a Unix time,
as the vendor's quickstart shows. Thread-safe; clocks injectable. No HTTP here."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from mergedesk.sandbox.ratelimit import SlidingWindowLimiter

PLANS = {  # daily requests, requests per minute
    "starter": (100, 10),
    "pro": (1_000, 50),
    "org": (10_000, 200),
}
EXPORTS_PER_HOUR = 10


@dataclass(frozen=True)
class Verdict:
    """Whether a request may run, the headers its answer carries, and if refused why."""

    allowed: bool
    headers: dict[str, str]
    message: str = ""


class WorkspaceLimits:
    """`plan` names a documented plan, or "unlimited"; `daily` / `per_minute` override
    it and `window` shortens the minute (for tests and benchmarks that cannot wait)."""

    def __init__(self, plan: str = "org", *, daily: int | None = None,
                 per_minute: int | None = None, window: float = 60.0,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 clock: Callable[[], float] = time.monotonic) -> None:
        if plan != "unlimited" and plan not in PLANS:
            raise ValueError(f"unknown LeadLex plan {plan!r}; known: {', '.join(PLANS)}")
        plan_daily, plan_minute = PLANS.get(plan, (None, None))
        self.daily = daily if daily is not None else plan_daily
        self.per_minute = per_minute if per_minute is not None else plan_minute
        self.window = window
        self._now = now
        self._lock = threading.Lock()
        self._day = now().date()
        self.used_today = 0
        self._minute = (SlidingWindowLimiter(self.per_minute, window, clock)
                        if self.per_minute else None)
        self._exports = SlidingWindowLimiter(EXPORTS_PER_HOUR, 3600.0, clock)

    def admit(self, *, export: bool = False) -> Verdict:
        """Count one request if every limit allows it; refused requests are not counted."""
        with self._lock:
            self._roll_day()
            if self.daily is not None and self.used_today >= self.daily:
                return self._refuse(self._seconds_to_midnight(),
                                    f"Daily limit of {self.daily} requests reached; it resets "
                                    "at midnight UTC")
            if self._minute is not None and not self._minute.hit("workspace"):
                wait = self._minute.retry_in("workspace")
                return self._refuse(wait, f"Rate limit exceeded: {self.per_minute} requests "
                                          "per minute")
            if export and not self._exports.hit("workspace"):
                return self._refuse(self._exports.retry_in("workspace"),
                                    f"Export is rate-limited to {EXPORTS_PER_HOUR} calls per "
                                    "hour per workspace")
            self.used_today += 1
            return Verdict(True, self._headers())

    def headers(self) -> dict[str, str]:
        with self._lock:
            self._roll_day()
            return self._headers()

    def _refuse(self, wait: float, message: str) -> Verdict:
        headers = {**self._headers(), "Retry-After": str(max(1, math.ceil(wait)))}
        return Verdict(False, headers, message)

    def _headers(self) -> dict[str, str]:
        if self.daily is None:
            return {}
        reset = datetime.combine(self._day + timedelta(days=1), datetime.min.time(), UTC)
        return {"X-RateLimit-Limit": str(self.daily),
                "X-RateLimit-Remaining": str(max(0, self.daily - self.used_today)),
                "X-RateLimit-Reset": str(int(reset.timestamp()))}

    def _roll_day(self) -> None:
        today = self._now().date()
        if today != self._day:
            self._day, self.used_today = today, 0

    def _seconds_to_midnight(self) -> float:
        now = self._now()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC)
        return (midnight - now).total_seconds()
