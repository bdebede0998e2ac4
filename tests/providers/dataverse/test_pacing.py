"""BudgetPacer (providers/pacing.py, used by the Zoho and Dataverse clients) with a fake
clock: the budget holds, requests are dated by their answers, and a 429 pauses all."""

from __future__ import annotations

import httpx
import pytest

from mergedesk.providers import errors
from mergedesk.providers.pacing import BudgetPacer


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def answer(status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers=headers)


async def test_the_budget_waits_until_the_oldest_answer_leaves_the_window():
    clock = Clock()
    pacer = BudgetPacer(3, 10.0, clock=clock, sleep=clock.sleep)
    for _ in range(3):
        await pacer.acquire()
        clock.now += 1.0
        pacer.observe(answer())  # answered at 101, 102, 103
    await pacer.acquire()
    assert clock.now == 111.0 and clock.slept == [8.0]  # 101 + 10


async def test_requests_in_flight_hold_their_place():
    clock = Clock()
    pacer = BudgetPacer(2, 5.0, clock=clock, sleep=clock.sleep)
    await pacer.acquire()
    await pacer.acquire()  # two sent, no answer yet
    clock.now += 0.5
    pacer.observe(answer())  # answered at 100.5
    await pacer.acquire()
    assert clock.now >= 105.5


async def test_a_429_with_retry_after_pauses_every_later_request():
    clock = Clock()
    pacer = BudgetPacer(None, clock=clock, sleep=clock.sleep)
    await pacer.acquire()
    pacer.observe(answer(429, **{"Retry-After": "7"}))
    await pacer.acquire()
    assert clock.slept == [7.0] and pacer.throttled == 1


async def test_a_429_without_retry_after_backs_off_more_each_time():
    clock = Clock()
    pacer = BudgetPacer(None, clock=clock, sleep=clock.sleep, first_backoff=1.0)
    for _ in range(3):
        await pacer.acquire()
        pacer.observe(answer(429))
    await pacer.acquire()
    assert clock.slept == [1.0, 2.0, 4.0]
    pacer.observe(answer(200))
    await pacer.acquire()
    assert clock.slept == [1.0, 2.0, 4.0]


async def test_an_instant_sleep_never_spins():
    clock = Clock()

    async def instant(_seconds: float) -> None:
        return None

    pacer = BudgetPacer(1, 10.0, clock=clock, sleep=instant)
    await pacer.acquire()
    pacer.observe(answer())
    await pacer.acquire()  # returns although the clock never moves


async def test_a_pause_longer_than_a_call_may_wait_is_rate_limited_naming_the_wait():
    clock = Clock()
    pacer = BudgetPacer(None, clock=clock, sleep=clock.sleep, provider="dataverse")
    pacer.observe(answer(429, **{"Retry-After": "900"}))
    with pytest.raises(errors.RateLimited, match="900 s") as caught:
        await pacer.acquire()
    assert caught.value.retry_after == 900 and clock.slept == []
