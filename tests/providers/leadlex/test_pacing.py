"""LeadLex's budget headers and the pacer built on them, as pure functions of headers
and a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from mergedesk.providers import errors
from mergedesk.providers.leadlex.pacing import LeadLexPacer, RateBudget, read_budget

NOW = datetime(2026, 11, 25, 22, 30, tzinfo=UTC)
MIDNIGHT = int(datetime(2026, 11, 26, tzinfo=UTC).timestamp())


def answer(status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers={k.replace("_", "-"): v for k, v in headers.items()})


@pytest.mark.parametrize(("headers", "expected"), [
    ({"X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": "995",
      "X-RateLimit-Reset": str(MIDNIGHT)},
     RateBudget(1000, 995, datetime(2026, 11, 26, tzinfo=UTC))),
    ({"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "3", "X-RateLimit-Reset": "90"},
     RateBudget(100, 3, datetime(2026, 11, 25, 22, 31, 30, tzinfo=UTC))),
    ({"X-RateLimit-Limit": "100"}, None),
    ({"X-RateLimit-Limit": "many", "X-RateLimit-Remaining": "3"}, None),
])
def test_budget_headers_are_read_as_unix_time_or_seconds(headers, expected):
    assert read_budget(headers, NOW) == expected


def test_the_plan_is_recognised_by_its_daily_limit():
    pacer = LeadLexPacer(now=lambda: NOW)
    pacer.observe(answer(**{"X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": "10",
                            "X-RateLimit-Reset": str(MIDNIGHT)}))
    assert pacer.budget.per_minute == 50 and pacer.minute.budget == 50
    custom = LeadLexPacer(now=lambda: NOW)
    custom.observe(answer(**{"X-RateLimit-Limit": "5000", "X-RateLimit-Remaining": "10"}))
    assert custom.budget.per_minute is None and custom.minute.budget is None


async def test_a_spent_budget_refuses_before_sending_until_the_reset():
    pacer = LeadLexPacer(now=lambda: NOW)
    pacer.observe(answer(**{"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0",
                            "X-RateLimit-Reset": str(MIDNIGHT)}))
    with pytest.raises(errors.RateLimited, match="resets at 00:00 UTC") as caught:
        await pacer.acquire()
    assert caught.value.retry_after == 5400  # 22:30 to midnight
    assert not pacer.budget.covers(1) and RateBudget().covers(10**6)
