"""When to try a request again and how long to wait: one pure function. No I/O, no Qt."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_EPOCH_THRESHOLD = 1_000_000_000  # reset headers above this are Unix times, below are seconds


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0  # cap of our own exponential backoff
    max_server_delay: float = 120.0  # a CRM asking for longer becomes RateLimited
    jitter: float = 0.5  # fraction of the delay that is randomised


def retry_delay(
    headers: Mapping[str, str],
    attempt: int,
    policy: RetryPolicy,
    now: datetime,
    rng: random.Random | None = None,
) -> float | None:
    """Seconds to wait before attempt `attempt + 1` (attempt counts from 1).

    Honours Retry-After (seconds or HTTP date), then X-RateLimit-Reset (Unix time or
    seconds), else exponential backoff with jitter. Returns None when the server asks
    for more than `policy.max_server_delay`: the caller raises RateLimited instead."""
    server = server_delay(headers, now)
    if server is not None:
        return None if server > policy.max_server_delay else server
    base = min(policy.max_delay, policy.base_delay * 2 ** (attempt - 1))
    spread = base * policy.jitter
    return base - spread + (rng or random).random() * spread


def server_delay(headers: Mapping[str, str], now: datetime) -> float | None:
    """The wait a response asks for, in seconds, or None if it names none."""
    lowered = {k.lower(): v for k, v in headers.items()}
    retry_after = lowered.get("retry-after")
    if retry_after:
        seconds = _seconds_or_date(retry_after.strip(), now)
        if seconds is not None:
            return seconds
    remaining = lowered.get("x-ratelimit-remaining")
    reset = lowered.get("x-ratelimit-reset")
    if reset and (remaining is None or remaining.strip() in ("0", "0.0")):
        return _reset_seconds(reset.strip(), now)
    return None


def _seconds_or_date(value: str, now: datetime) -> float | None:
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _reset_seconds(value: str, now: datetime) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return _seconds_or_date(value, now)
    if number > _EPOCH_THRESHOLD:
        return max(0.0, number - now.timestamp())
    return max(0.0, number)
