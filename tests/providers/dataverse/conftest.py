"""Dataverse fixtures: the fake served on loopback, a provider for it (through msal's
client-credentials flow against the fake's Entra endpoints), and ApplyService runs."""

from __future__ import annotations

from mergedesk.providers.dataverse import DataverseProvider
from tests.fixtures import apply_plan as run_plan
from tests.fixtures import no_sleep, served_fixture, starter_fixture

dataverse_sandbox = served_fixture("dataverse", seed=4, records=120)
start_dataverse = starter_fixture("dataverse", seed=4, records=60)


def provider(served, sleep=no_sleep, timeout=None, **options) -> DataverseProvider:
    settings = served.settings("dataverse")
    if options:
        settings = settings.model_copy(update={"options": options})
    extra = {"timeout": timeout} if timeout is not None else {}
    return DataverseProvider(settings, sleep=sleep, **extra)


async def apply_plan(served, tmp_path, merges: list[dict], entity: str = "contacts",
                     timeout=None, **options):
    """Run ApplyService on `merges` (plan.json items); the outcomes by group."""
    client = provider(served, timeout=timeout, **options)
    return await run_plan(served, tmp_path, "dataverse", client, merges, entity)
