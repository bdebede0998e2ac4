"""LeadLex merges driven end to end: through ApplyService in-process (journalled
Idempotency-Keys, chained calls, verification, reconciliation) and the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import MergePlan
from mergedesk.core.steps import StepKind
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.providers.leadlex.conftest import group_merge, provider_for


async def apply_all(service, served, merges, **kw):
    provider = provider_for(served)
    plan = MergePlan(provider="leadlex", entity="contacts", merges=tuple(merges))
    try:
        ctx = await service.prepare(provider, served.base_url, plan)
        return {o.group: o async for o in service.run(ctx, plan.merges, **kw)}
    finally:
        await provider.aclose()


def journalled_keys(workspace, outcome) -> list[str]:
    entry = workspace.journal.get(outcome.merge_id)
    return [s.step.idempotency_key for s in entry.steps if s.step.kind == StepKind.MERGE]


async def test_groups_of_2_5_and_25_merge_with_values_from_other_records(
    leadlex_sandbox, apply_service, workspace
):
    fake = leadlex_sandbox.fake
    ids = fake.contact_ids
    groups = {"g2": ids[0:2], "g5": ids[2:7], "g25": ids[7:32]}
    rows = fake.state.contacts
    merges = [group_merge(members, group=g, job_title=len(members) - 1, phone=1,
                          full_name={"value": f"Merged {g}"})
              for g, members in groups.items()]
    expected = {g: (rows[m[-1]]["job_title"], rows[m[1]]["phone"]) for g, m in groups.items()}
    outcomes = await apply_all(apply_service, leadlex_sandbox, merges)
    assert {g: o.status for g, o in outcomes.items()} == dict.fromkeys(groups, MergeStatus.MERGED)
    for g, members in groups.items():
        survivor = rows[members[0]]
        assert (survivor["job_title"], survivor["phone"]) == expected[g]
        assert survivor["full_name"] == f"Merged {g}"
        assert all(m not in rows for m in members[1:])  # retired
    calls = sorted(len(c.duplicates) for c in fake.merge_log)
    assert calls == [1, 4, 4, 20]  # 25 records: a chain of 20 then 4 more
    sent = [c.idempotency_key for c in fake.merge_log]
    journalled = [k for o in outcomes.values() for k in journalled_keys(workspace, o)]
    assert None not in sent and sorted(sent) == sorted(journalled)


async def test_a_dropped_answer_is_resent_with_its_journalled_key_inside_the_run(
    leadlex_sandbox, apply_service
):
    fake = leadlex_sandbox.fake
    fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="/merge$"))
    outcomes = await apply_all(apply_service, leadlex_sandbox,
                               [group_merge(fake.contact_ids[40:43], job_title=2)])
    assert outcomes["g1"].status == MergeStatus.MERGED
    assert len(fake.merge_log) == 1 and fake.idempotency.replays == 1


async def test_answers_lost_until_the_run_gives_up_are_reconciled_without_a_second_merge(
    leadlex_sandbox, apply_service
):
    fake = leadlex_sandbox.fake
    merge = group_merge(fake.contact_ids[50:53], job_title=1)
    fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="/merge$", count=5))
    first = await apply_all(apply_service, leadlex_sandbox, [merge])
    assert first["g1"].status == MergeStatus.UNKNOWN
    second = await apply_all(apply_service, leadlex_sandbox, [merge])
    assert second["g1"].status == MergeStatus.MERGED
    assert len(fake.merge_log) == 1  # every resend carried the same key


async def test_a_merge_that_never_arrived_is_resent_later_with_the_same_key(
    leadlex_sandbox, apply_service, workspace
):
    fake = leadlex_sandbox.fake
    merge = group_merge(fake.contact_ids[60:62], job_title=1)
    fake.faults.add(Fault(FaultKind.DROP_BEFORE_APPLY, method="POST", path="/merge$", count=5))
    first = await apply_all(apply_service, leadlex_sandbox, [merge])
    assert first["g1"].status == MergeStatus.UNKNOWN and fake.merge_log == []
    second = await apply_all(apply_service, leadlex_sandbox, [merge])
    assert second["g1"].status == MergeStatus.MERGED
    assert second["g1"].merge_id == first["g1"].merge_id  # the same journalled merge
    assert [c.idempotency_key for c in fake.merge_log] == journalled_keys(workspace, first["g1"])


async def test_a_read_only_key_fails_the_merge_with_what_to_fix(leadlex_sandbox, apply_service):
    from pydantic import SecretStr

    from mergedesk.providers.leadlex import LeadLexProvider
    fake = leadlex_sandbox.fake
    settings = leadlex_sandbox.settings("leadlex").model_copy(
        update={"credentials": {"api_key": SecretStr(fake.read_only_key)}})
    provider = LeadLexProvider(settings)
    plan = MergePlan(provider="leadlex", entity="contacts",
                     merges=(group_merge(fake.contact_ids[70:72], job_title=1),))
    ctx = await apply_service.prepare(provider, leadlex_sandbox.base_url, plan)
    outcome = await apply_service.apply_one(ctx, plan.merges[0])
    await provider.aclose()
    assert outcome.status == MergeStatus.FAILED and "Write permission" in outcome.message
    assert fake.merge_log == []


@pytest.mark.slow
def test_cli_scans_leadlex_and_merges_the_planted_groups_once(start_leadlex, tmp_path):
    served = start_leadlex(seed=11, records=300)
    env = {**os.environ, **served.credentials}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "mergedesk", *args], capture_output=True,
                              text=True, env=env, timeout=120, check=False)

    scan = run("scan", "--provider", "leadlex", "--base-url", served.base_url,
               "--out", str(tmp_path / "groups.json"))
    assert scan.returncode == 0, scan.stderr
    groups = json.loads((tmp_path / "groups.json").read_text())["groups"]
    assert len(groups) >= 10
    merges = [{"group": g["id"], "master": g["records"][0], "others": g["records"][1:],
               "fields": {"job_title": {"from": g["records"][-1]}}} for g in groups]
    (tmp_path / "plan.json").write_text(json.dumps(
        {"provider": "leadlex", "entity": "contacts", "merges": merges}))
    applied = run("apply", str(tmp_path / "plan.json"), "--provider", "leadlex",
                  "--base-url", served.base_url)
    lines = [json.loads(line) for line in applied.stdout.splitlines() if line.strip()]
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert {line["status"] for line in lines} == {"merged"} and len(lines) == len(groups)
    retired = [d for call in served.fake.merge_log for d in call.duplicates]
    assert len(retired) == len(set(retired)) == sum(len(m["others"]) for m in merges)
