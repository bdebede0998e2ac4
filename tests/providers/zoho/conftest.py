"""Zoho fixtures: the fake served on loopback, a provider for it, and an ApplyService
run in-process on a private workspace."""

from __future__ import annotations

from mergedesk.providers.zoho import ZohoProvider
from tests.fixtures import apply_plan as run_plan
from tests.fixtures import no_sleep, served_fixture, starter_fixture

zoho_sandbox = served_fixture("zoho", seed=5, records=120)
start_zoho = starter_fixture("zoho", seed=5, records=60)  # start_zoho(records=…, concurrency=…)


def provider(served, **options) -> ZohoProvider:
    settings = served.settings("zoho")
    if options:
        settings = settings.model_copy(update={"options": options})
    return ZohoProvider(settings, sleep=no_sleep)


async def apply_plan(served, tmp_path, merges: list[dict], entity: str = "contacts"):
    """Run ApplyService on `merges` (plan.json items); the outcomes by group."""
    return await run_plan(served, tmp_path, "zoho", provider(served), merges, entity)
