import random
from datetime import datetime, timezone

import pytest

from mergedesk.providers.retry import RetryPolicy, retry_delay, server_delay

NOW = datetime(2026, 11, 25, 12, 0, 0, tzinfo=timezone.utc)
POLICY = RetryPolicy(base_delay=1.0, max_delay=10.0, max_server_delay=60.0, jitter=0.0)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after": "Wed, 25 Nov 2026 12:00:30 GMT"}, 30.0),
        ({"Retry-After": "Wed, 25 Nov 2026 11:00:00 GMT"}, 0.0),
        ({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "12"}, 12.0),
        ({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(NOW.timestamp() + 20)}, 20.0),
        ({"X-RateLimit-Remaining": "5", "X-RateLimit-Reset": "12"}, None),
        ({"Retry-After": "soon"}, None),
        ({}, None),
    ],
)
def test_server_delay_reads_retry_after_and_reset_headers(headers, expected):
    assert server_delay(headers, NOW) == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize(("attempt", "expected"), [(1, 1.0), (2, 2.0), (3, 4.0), (5, 10.0)])
def test_backoff_doubles_up_to_the_cap(attempt, expected):
    assert retry_delay({}, attempt, POLICY, NOW) == expected


def test_jitter_stays_within_the_spread():
    policy = RetryPolicy(base_delay=2.0, jitter=0.5)
    rng = random.Random(4)
    delays = [retry_delay({}, 1, policy, NOW, rng) for _ in range(200)]
    assert all(1.0 <= d <= 2.0 for d in delays)
    assert len(set(delays)) > 100


def test_a_server_wait_longer_than_allowed_returns_none():
    assert retry_delay({"Retry-After": "900"}, 1, POLICY, NOW) is None
    assert retry_delay({"Retry-After": "60"}, 1, POLICY, NOW) == 60.0
