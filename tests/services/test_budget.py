"""Checking a batch against the CRM's remaining request budget before it starts, with the
LeadLex fake's X-RateLimit-* headers over loopback."""

from __future__ import annotations

from mergedesk.core.plan import GroupMerge
from mergedesk.providers.leadlex import CAPABILITIES
from mergedesk.services.budget import check_budget, requests_for
from tests.conftest import serve
from tests.providers.leadlex.conftest import provider_for


def merges(ids: list[str], size: int, count: int) -> list[GroupMerge]:
    return [GroupMerge(group=f"g{i}", master=ids[i * size], others=tuple(
        ids[i * size + 1:(i + 1) * size])) for i in range(count)]


def test_a_merge_needs_reads_updates_calls_and_verifying_reads():
    group = GroupMerge(group="g", master="a", others=tuple(f"x{i}" for i in range(24)))
    # 25 reads, an update before and after, 2 merge calls (20 + 4), 25 verifying reads
    assert requests_for(group, CAPABILITIES) == 25 + 1 + 2 + 1 + 25


async def test_a_batch_larger_than_todays_budget_says_how_much_fits_and_when_it_resets():
    served = serve("leadlex", seed=1, records=60, plan="starter")
    try:
        served.fake.limits.used_today = 60
        provider = provider_for(served)
        check = await check_budget(provider, merges(served.fake.contact_ids, 2, 10))
        await provider.aclose()
    finally:
        served.server.stop()
    # 39 left after the budget call; each pair needs 2 + 1 + 1 + 1 + 2 = 7 requests.
    assert (check.remaining, check.requests, check.fits, check.enough) == (39, 70, 5, False)
    assert "only 5 of 10 merges can run now" in check.message()
    assert "until 00:00 UTC" in check.message()


async def test_a_batch_within_the_budget_is_enough():
    served = serve("leadlex", seed=1, records=20)
    try:
        provider = provider_for(served)
        check = await check_budget(provider, merges(served.fake.contact_ids, 2, 3))
        await provider.aclose()
    finally:
        served.server.stop()
    assert check.enough and check.message().endswith("left until 00:00 UTC.")


async def test_a_crm_without_a_budget_is_not_checked(chatwoot_sandbox):
    from mergedesk.providers.chatwoot import ChatwootProvider

    provider = ChatwootProvider(chatwoot_sandbox.settings("chatwoot"))
    assert await check_budget(provider, []) is None
    await provider.aclose()
