"""Pipeliner merges driven end to end: through ApplyService in-process (journal, steps,
verification, reconciliation) and through the real `mergedesk` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import MergePlan
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.providers.pipeliner.conftest import group_merge, provider_for


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mergedesk", *args], capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=120, check=False)


async def apply_all(service, served, merges):
    provider = provider_for(served)
    plan = MergePlan(provider="pipeliner", entity="contacts", merges=tuple(merges))
    try:
        ctx = await service.prepare(provider, served.base_url, plan)
        return {o.group: o async for o in service.run(ctx, plan.merges)}
    finally:
        await provider.aclose()


async def test_groups_of_2_5_and_25_merge_with_values_picked_from_other_records(
    pipeliner_sandbox, apply_service
):
    fake = pipeliner_sandbox.fake
    order = fake.state.order["Contacts"]
    groups = {"g2": order[0:2], "g5": order[2:7], "g25": order[7:32]}
    rows = fake.state.rows["Contacts"]
    merges = [group_merge(ids, group=g, position=len(ids) - 1, city=1,
                          comments={"value": f"merged {g}"})
              for g, ids in groups.items()]
    expected = {g: (rows[ids[-1]]["position"], rows[ids[1]]["city"]) for g, ids in groups.items()}
    outcomes = await apply_all(apply_service, pipeliner_sandbox, merges)
    assert {g: o.status for g, o in outcomes.items()} == dict.fromkeys(groups, MergeStatus.MERGED)
    for g, ids in groups.items():
        survivor = rows[ids[0]]
        assert (survivor["position"], survivor["city"]) == expected[g]
        assert survivor["comments"] == f"merged {g}"
        assert all(rows[i]["is_deleted"] for i in ids[1:])
    assert sorted(len(c.secondaries) for c in fake.merge_log) == [1, 4, 24]  # one call each


async def test_a_lost_merge_answer_is_unknown_then_reconciled_without_merging_twice(
    pipeliner_sandbox, apply_service
):
    fake = pipeliner_sandbox.fake
    ids = fake.state.order["Contacts"][40:43]
    merge = group_merge(ids, position=2)
    fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="/merge$"))
    first = await apply_all(apply_service, pipeliner_sandbox, [merge])
    assert first["g1"].status == MergeStatus.UNKNOWN and len(fake.merge_log) == 1
    second = await apply_all(apply_service, pipeliner_sandbox, [merge])
    assert second["g1"].status == MergeStatus.MERGED
    assert len(fake.merge_log) == 1  # settled by reading the CRM, never re-sent


async def test_a_starter_space_fails_the_merge_with_the_reason_and_sends_nothing_else(
    start_pipeliner, apply_service
):
    served = start_pipeliner(tier="starter")
    ids = served.fake.state.order["Contacts"][:2]
    outcomes = await apply_all(apply_service, served, [group_merge(ids)])
    assert outcomes["g1"].status == MergeStatus.FAILED
    assert "Business or Enterprise tier" in outcomes["g1"].message
    assert not served.fake.state.rows["Contacts"][ids[1]]["is_deleted"]


@pytest.mark.slow
def test_cli_scans_pipeliner_and_merges_the_planted_groups_once(start_pipeliner, tmp_path):
    served = start_pipeliner(seed=11, records=300)
    env = served.credentials
    scan = run_cli("scan", "--provider", "pipeliner", "--base-url", served.base_url,
                   "--entity", "contacts", "--out", str(tmp_path / "groups.json"), env=env)
    assert scan.returncode == 0, scan.stderr
    groups = json.loads((tmp_path / "groups.json").read_text())["groups"]
    assert len(groups) >= 10
    merges = [{"group": g["id"], "master": g["records"][0], "others": g["records"][1:],
               "fields": {"position": {"from": g["records"][-1]}}} for g in groups]
    (tmp_path / "plan.json").write_text(json.dumps(
        {"provider": "pipeliner", "entity": "contacts", "merges": merges}))
    applied = run_cli("apply", str(tmp_path / "plan.json"), "--provider", "pipeliner",
                      "--base-url", served.base_url, env=env)
    lines = [json.loads(line) for line in applied.stdout.splitlines() if line.strip()]
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert {line["status"] for line in lines} == {"merged"} and len(lines) == len(groups)
    sent = [s for call in served.fake.merge_log for s in call.secondaries]
    assert len(sent) == len(set(sent)) == sum(len(m["others"]) for m in merges)
