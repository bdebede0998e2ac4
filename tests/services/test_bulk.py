"""Bulk rules over loopback: the last scan's groups counted per rule, sampled, and
submitted through ApplyService (journal, statuses), a dry run that merges nothing."""

from __future__ import annotations

import pytest

from mergedesk.core.bulk_eval import Skip
from mergedesk.core.bulk_rules import RuleSet
from mergedesk.core.models import MergeStatus
from mergedesk.core.review import GroupStatus
from mergedesk.services.apply import ApplyService
from mergedesk.services.bulk import BulkService, NoGroups
from mergedesk.services.scan import ScanService
from mergedesk.store.cache import connection_key
from tests.conftest import serve
from tests.services.conftest import no_sleep

MERGES = "POST /actions/contact_merge"
RULES = RuleSet.model_validate({"rules": [
    {"name": "same name", "when": {"same": ["name"], "max_size": 3}, "master": "oldest"},
    {"name": "the rest", "when": {"min_score": 0.5}},
]})


@pytest.fixture
def sandbox():
    """Larger than the services' default: enough groups for two rules."""
    served = serve("chatwoot", seed=7, records=120)
    yield served
    served.server.stop()


@pytest.fixture
def bulk(workspace):
    return BulkService(workspace, ApplyService(workspace, sleep=no_sleep))


async def scanned(workspace, provider, sandbox):
    return await ScanService(workspace).scan(provider, sandbox.base_url, "contacts")


async def test_without_a_scan_there_is_nothing_to_evaluate(bulk, provider, sandbox):
    with pytest.raises(NoGroups, match="scan first"):
        await bulk.evaluate(RULES, provider, sandbox.base_url, "contacts")


async def test_counts_sample_and_submission_go_through_the_apply_service(
        bulk, workspace, provider, sandbox):
    scan = await scanned(workspace, provider, sandbox)
    evaluation = await bulk.evaluate(RULES, provider, sandbox.base_url, "contacts")
    tallies = {t.name: t.taken for t in bulk.tallies(evaluation)}
    assert sum(tallies.values()) == evaluation.total > 0
    assert evaluation.total + sum(evaluation.skipped.values()) == len(scan.groups)
    assert tallies["same name"] and tallies["the rest"]
    sample = evaluation.sample("same name", 3, seed=1)
    assert len(sample) == min(3, tallies["same name"])
    assert all(m.snapshot and m.group in {g.id for g in scan.groups} for m in sample)

    batch = await bulk.batch(evaluation, provider)
    ctx = await bulk.context(provider, sandbox.base_url, "contacts", batch.merges)
    results = [(rule, o) async for rule, o in bulk.submit(ctx, batch)]

    assert len(results) == evaluation.total
    assert {rule for rule, _ in results} <= set(tallies)
    merged = [o for _, o in results if o.status == MergeStatus.MERGED]
    assert merged and sandbox.fake.requests[MERGES] >= len(merged)
    for outcome in merged:  # journalled like a hand merge, and the group is decided
        entry = workspace.journal.latest_for_group(ctx.conn, outcome.group)
        assert entry is not None and entry.master == outcome.master
        assert workspace.groups.group(ctx.conn, outcome.group)[1] == GroupStatus.MERGED


async def test_a_second_evaluation_takes_no_merged_group(bulk, workspace, provider, sandbox):
    await scanned(workspace, provider, sandbox)
    first = await bulk.evaluate(RULES, provider, sandbox.base_url, "contacts")
    batch = await bulk.batch(first, provider, limit=2)
    ctx = await bulk.context(provider, sandbox.base_url, "contacts", batch.merges)
    done = [o async for _, o in bulk.submit(ctx, batch)]
    assert len(done) == 2 and all(o.status == MergeStatus.MERGED for o in done), done

    again = await bulk.evaluate(RULES, provider, sandbox.base_url, "contacts")
    assert again.total == first.total - 2
    assert not {o.group for o in done} & {m.group for _, m in again.merges()}


async def test_a_dry_run_sends_no_merge_and_decides_nothing(bulk, workspace, provider, sandbox):
    await scanned(workspace, provider, sandbox)
    evaluation = await bulk.evaluate(RULES, provider, sandbox.base_url, "contacts")
    batch = await bulk.batch(evaluation, provider)
    ctx = await bulk.context(provider, sandbox.base_url, "contacts", batch.merges)
    outcomes = [o async for _, o in bulk.submit(ctx, batch, dry_run=True)]
    assert outcomes and all(o.status == MergeStatus.DRY_RUN for o in outcomes)
    assert sandbox.fake.requests[MERGES] == 0
    assert all(s == GroupStatus.OPEN for _, s in workspace.groups.groups(ctx.conn))


async def test_on_a_team_workspace_a_group_another_reviewer_holds_is_not_taken(
        pg_server, provider, sandbox):
    from mergedesk.services.workspace import Workspace
    from mergedesk.store.backend import open_database
    from mergedesk.store.cache import GroupStore, RecordCache
    from mergedesk.store.claims import TeamReview
    from mergedesk.store.journal import MergeJournal

    url = pg_server.schema_url("bulk_team")

    def opened(actor: str) -> Workspace:
        db = open_database(url, actor=actor, password=pg_server.password)
        return Workspace(db=db, cache=RecordCache(db), groups=GroupStore(db),
                         journal=MergeJournal(db), team=TeamReview(db))

    ana, ben = opened("ana"), opened("ben")
    try:
        await scanned(ana, provider, sandbox)
        bulk = BulkService(ana)
        everything = await bulk.evaluate(RULES, provider, sandbox.base_url, "contacts")
        held = everything.results[0].groups[0]
        key = connection_key("chatwoot", sandbox.base_url, "contacts")
        assert ben.team.claim_group(key, held.id, "ben") is not None
        after = await bulk.evaluate(RULES, provider, sandbox.base_url, "contacts")
        assert after.total == everything.total - 1 and after.skipped[Skip.DECIDED] == 1
        assert held.id not in {g.id for r in after.results for g in r.groups}
    finally:
        ana.close()
        ben.close()


async def test_counting_again_reads_the_cached_records_once(bulk, workspace, provider, sandbox,
                                                           monkeypatch):
    await scanned(workspace, provider, sandbox)
    reads = []
    original = workspace.cache.records
    monkeypatch.setattr(workspace.cache, "records", lambda conn: reads.append(conn) or
                        original(conn))
    first = await bulk.evaluate(RULES, provider, sandbox.base_url, "contacts")
    again = await bulk.evaluate(RULES, provider, sandbox.base_url, "contacts")
    assert len(reads) == 1 and again.counts() == first.counts()
