"""Pacing against rack-attack: budgets from the connection options, no 429 at all when
paced under the fake's enforced limit, and a 429 storm ridden out when not paced."""

from __future__ import annotations

import asyncio
import math
import time

import httpx
import pytest

from mergedesk.providers import errors
from mergedesk.providers.chatwoot import CAPABILITIES
from mergedesk.providers.chatwoot.limits import ChatwootLimits, RackAttackPacer, per_minute_pacer
from mergedesk.providers.pacing import BudgetPacer
from mergedesk.providers.retry import RetryPolicy
from tests.conftest import serve
from tests.providers.chatwoot.conftest import provider


@pytest.fixture
def limited():
    """20 requests per second per IP, enforced by the fake like rack-attack."""
    served = serve("chatwoot", seed=2, records=40, rate_limit_per_minute=20,
                   rate_limit_period=1.0)
    yield served
    served.server.stop()


def test_limits_come_from_the_connection_options_with_chatwoots_defaults():
    assert ChatwootLimits.from_options({}) == ChatwootLimits(3000.0, 100.0, 4, 60.0)
    mine = ChatwootLimits.from_options({"requests_per_minute": "600", "concurrency": 8})
    assert (mine.requests_per_minute, mine.concurrency) == (600.0, 8)
    with pytest.raises(errors.ConfigError, match="requests_per_minute must be a number"):
        ChatwootLimits.from_options({"requests_per_minute": [1]})
    with pytest.raises(errors.ConfigError, match="positive"):
        ChatwootLimits.from_options({"searches_per_minute": -5})


@pytest.mark.parametrize(("per_minute", "period", "budget", "window"), [
    (3000, 60, 250, 5.0), (100, 60, 8, 5.0), (6, 60, 1, 10.0), (2400, 1, 40, 1.0),
    (2400, 12, 160, 4.0), (0, 60, None, 1.0)])
def test_a_budget_is_spread_over_whole_fractions_of_the_servers_period(
    per_minute, period, budget, window
):
    pacer = per_minute_pacer(per_minute, period=period)
    assert pacer.budget == budget and pacer.window == pytest.approx(window)
    if budget:  # whole windows per period: a fixed window never sees more than allowed
        assert budget * math.ceil(period / window - 1e-9) <= per_minute * period / 60


async def test_paced_at_the_install_limit_no_request_is_refused(limited):
    ids = [str(c["id"]) for c in limited.fake.state.resolved(1)][:20]
    client = provider(limited, options={"requests_per_minute": 20 * 60, "rate_limit_period": 1},
                      sleep=asyncio.sleep)
    started = time.monotonic()
    records = await asyncio.gather(*(client.get_record("contacts", i) for i in ids))
    elapsed = time.monotonic() - started
    await client.aclose()
    assert all(r is not None for r in records)
    assert client.pacer.throttled == 0
    # 60 requests at 20 a second: the last ones had to wait for two windows to pass.
    assert elapsed >= 1.9


async def test_unpaced_the_429_storm_is_ridden_out_on_our_own_clock(limited):
    ids = [str(c["id"]) for c in limited.fake.state.resolved(1)][:10]
    client = provider(limited, options={"requests_per_minute": 0}, sleep=asyncio.sleep,
                      policy=RetryPolicy(max_attempts=6, base_delay=0.2, max_delay=2.0))
    records = await asyncio.gather(*(client.get_record("contacts", i) for i in ids))
    await client.aclose()
    assert all(r is not None for r in records)
    assert client.pacer.throttled > 0  # refused with plain 'Retry later', then retried


def test_refusals_of_one_burst_pause_once_and_later_ones_double_the_pause():
    now = [100.0]
    pacer = RackAttackPacer(BudgetPacer(None), clock=lambda: now[0])  # pauses only
    refused, fine = httpx.Response(429, text="Retry later\n"), httpx.Response(200)
    for _ in range(4):  # four requests in flight, all sent into the same full window
        pacer.observe(refused)
    assert pacer.paused_until == 101.0 and pacer.throttled == 4
    now[0] = 101.5
    pacer.observe(refused)  # refused again after the pause: wait twice as long
    assert pacer.paused_until == 103.5
    pacer.observe(fine)
    now[0] = 104.0
    pacer.observe(refused)  # a success in between starts the doubling afresh
    assert pacer.paused_until == 105.0


def test_a_retry_after_from_an_older_rack_attack_is_honoured():
    now = [0.0]
    pacer = RackAttackPacer(BudgetPacer(None), clock=lambda: now[0])
    pacer.observe(httpx.Response(429, headers={"Retry-After": "60"}))
    assert pacer.paused_until == 60.0


async def test_the_concurrency_option_sets_how_many_groups_apply_merges_side_by_side(cw):
    client = provider(cw, options={"concurrency": 8})
    other = provider(cw)
    # ApplyService.run defaults to provider.capabilities.max_concurrency.
    assert (client.capabilities.max_concurrency, other.capabilities.max_concurrency) == (8, 4)
    assert CAPABILITIES.max_concurrency == 4  # the shared constant is left alone
    await client.aclose()
    await other.aclose()
