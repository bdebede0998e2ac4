"""The real `mergedesk` command against the Zoho fake over loopback, with credentials
from the environment as a headless user would give them: scan, apply, a lost answer
settled on the next run without a second merge. test_cli_dataverse.py runs the same
tests against the Dataverse fake."""

from __future__ import annotations

import json

import pytest

from mergedesk.sandbox.faults import Fault, FaultKind
from tests.conftest import serve
from tests.test_cli import run_cli

CASES = {
    "zoho": {"field": "Phone", "options": {"files_share": 0.0}, "merge_path": "actions/merge"},
    "dataverse": {"field": "telephone1", "options": {"notes_share": 0.0}, "merge_path": "Merge"},
}


def served(provider: str):
    sandbox = serve(provider, seed=9, records=300, **CASES[provider]["options"])
    sandbox.provider = provider
    return sandbox


@pytest.fixture
def sandbox():
    started = served("zoho")
    yield started
    started.server.stop()


def _plan(sandbox, path, count: int = 6) -> list[str]:
    fake, field = sandbox.fake, CASES[sandbox.provider]["field"]
    merges = []
    for i, truth in enumerate(fake.generated.truth[:count]):
        ids = [fake.record_id(j) for j in sorted(truth)]
        merges.append({"group": f"g{i}", "master": ids[0], "others": ids[1:],
                       "fields": {field: {"from": ids[-1]}}})
    path.write_text(json.dumps({"provider": sandbox.provider, "entity": "contacts",
                                "merges": merges}))
    return [m["group"] for m in merges]


def _apply(sandbox, plan):
    result = run_cli("apply", str(plan), "--provider", sandbox.provider, "--base-url",
                     sandbox.base_url, env=sandbox.credentials)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, {line["group"]: line for line in lines}


def test_scan_reads_every_record_with_env_credentials(sandbox, tmp_path):
    out = tmp_path / "groups.json"
    result = run_cli("scan", "--provider", sandbox.provider, "--base-url", sandbox.base_url,
                     "--entity", "contacts", "--out", str(out), env=sandbox.credentials)
    assert result.returncode == 0, result.stderr
    assert "300 records read" in result.stderr
    assert json.loads(out.read_text())["provider"] == sandbox.provider


def test_apply_merges_and_a_lost_answer_is_settled_without_a_second_merge(sandbox, tmp_path):
    fake = sandbox.fake
    plan = tmp_path / "plan.json"
    groups = _plan(sandbox, plan)
    # The third merge call's answer is lost after the CRM did the merge.
    fault = (Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="actions/merge", skip=2)
             if sandbox.provider == "zoho" else
             Fault(FaultKind.STATUS, status=502, method="POST", path="Merge", skip=2, apply=True))
    fake.faults.add(fault)
    first, lines = _apply(sandbox, plan)
    assert first.returncode == 1 and sorted(lines) == groups
    assert [g for g, line in lines.items() if line["status"] == "unknown"] != []
    calls = len(fake.merge_log)
    second, lines = _apply(sandbox, plan)
    assert second.returncode == 0, second.stdout + second.stderr
    assert all(line["status"] == "merged" for line in lines.values())
    assert len(fake.merge_log) == calls  # nothing was merged twice
