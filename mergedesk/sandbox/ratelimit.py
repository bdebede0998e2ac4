"""A sliding-window request limiter for the fakes' vendor rate limits. Thread-safe; the
clock is injectable so tests need not sleep. No HTTP here: each fake shapes its own 429."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class SlidingWindowLimiter:
    """Allows `limit` hits per key within any `period` seconds.

    Real limiters (rack-attack) use fixed windows aligned to the clock; a sliding log
    refuses exactly when a fixed window could, minus the burst at a window edge, and
    keeps tests free of "did we cross a minute boundary" flakiness."""

    def __init__(
        self, limit: int, period: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if limit < 1 or period <= 0:
            raise ValueError("limit must be >= 1 and period > 0")
        self.limit = limit
        self.period = period
        self._clock = clock
        self._lock = threading.Lock()
        self._hits: dict[str, deque[float]] = {}

    def hit(self, key: str) -> bool:
        """Record one request for `key`; False if it is over the limit (and not recorded)."""
        now = self._clock()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.period:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            return True

    def retry_in(self, key: str) -> float:
        """Seconds until `key` may send again (0 when it may now)."""
        now = self._clock()
        with self._lock:
            hits = self._hits.get(key)
            if not hits or len(hits) < self.limit:
                return 0.0
            return max(0.0, hits[0] + self.period - now)

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()
