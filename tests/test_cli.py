"""The real `mergedesk` command, as a separate process, against the Chatwoot fake over
loopback: scan, apply, lost answers reconciled, and bad input refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mergedesk.sandbox.faults import Fault, FaultKind
from tests.conftest import serve


def run_cli(*args: str, env: dict | None = None, timeout: float = 120):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "mergedesk", *args], capture_output=True,
                          text=True, env=full_env, timeout=timeout, check=False)


def scan(sandbox, out: Path):
    return run_cli("scan", "--provider", "chatwoot", "--base-url", sandbox.base_url,
                   "--entity", "contacts", "--out", str(out), env=sandbox.credentials)


def apply(sandbox, plan: Path, *extra: str):
    result = run_cli("apply", str(plan), "--provider", "chatwoot", "--base-url",
                     sandbox.base_url, *extra, env=sandbox.credentials)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, {line["group"]: line for line in lines}


def plan_from_groups(groups_file: Path, plan_file: Path, fake) -> dict:
    """Master = first record; the name comes from the last record of each group."""
    data = json.loads(groups_file.read_text())
    merges = []
    for group in data["groups"]:
        master, *others = group["records"]
        merges.append({"group": group["id"], "master": master, "others": others,
                       "fields": {"name": {"from": others[-1]}}})
    plan = {"provider": "chatwoot", "entity": "contacts",
            "reviewed_at": "2026-11-25T10:00:00Z", "merges": merges}
    plan_file.write_text(json.dumps(plan))
    return plan


def planted_groups(fake) -> list[set[str]]:
    """Planted duplicate groups, restricted to contacts Chatwoot lists (resolved ones)."""
    listed = {str(c["id"]) for c in fake.state.resolved(1)}
    groups = []
    for truth in fake.generated.truth:
        members = {str(fake.contact_id(i)) for i in truth} & listed
        if len(members) >= 2:
            groups.append(members)
    return groups


@pytest.fixture
def larger_sandbox():
    served = serve("chatwoot", seed=11, records=400)
    yield served
    served.server.stop()


def test_scan_finds_the_planted_groups_and_apply_merges_them_once(larger_sandbox, tmp_path):
    chatwoot_sandbox = larger_sandbox
    fake = chatwoot_sandbox.fake
    result = scan(chatwoot_sandbox, tmp_path / "groups.json")
    assert result.returncode == 0, result.stderr
    groups = json.loads((tmp_path / "groups.json").read_text())["groups"]
    found = [set(g["records"]) for g in groups]
    planted = planted_groups(fake)
    # Whole-group recovery through the real CLI; the engine's pairwise F1 bar is
    # measured on larger sets in tests/core/matching.
    recovered = sum(1 for p in planted if p in found)
    assert len(planted) >= 10 and recovered / len(planted) >= 0.75, (recovered, len(planted))
    true_pairs = {frozenset((a, b)) for p in planted for a in p for b in p if a < b}
    found_pairs = {frozenset((a, b)) for p in found for a in p for b in p if a < b}
    assert len(true_pairs & found_pairs) / len(found_pairs) >= 0.9

    plan = plan_from_groups(tmp_path / "groups.json", tmp_path / "plan.json", fake)
    names = {m["group"]: fake.state.contacts[int(m["others"][-1])]["name"]
             for m in plan["merges"]}
    result, outcomes = apply(chatwoot_sandbox, tmp_path / "plan.json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert {o["status"] for o in outcomes.values()} == {"merged"}
    for merge in plan["merges"]:
        base = fake.state.contacts[int(merge["master"])]
        assert base["name"] == names[merge["group"]]
        assert all(int(o) not in fake.state.contacts for o in merge["others"])
    sent = [(m.base, m.mergee) for m in fake.merge_log]
    assert len(sent) == len(set(sent)) == sum(len(m["others"]) for m in plan["merges"])

    history = run_cli("history", "--json")
    assert len(history.stdout.splitlines()) == len(plan["merges"])


def test_a_dropped_answer_is_unknown_then_reconciled_without_merging_again(
    chatwoot_sandbox, tmp_path
):
    fake = chatwoot_sandbox.fake
    contacts = fake.state.resolved(1)
    base, mergee = str(contacts[0]["id"]), str(contacts[1]["id"])
    (tmp_path / "plan.json").write_text(json.dumps({
        "provider": "chatwoot", "entity": "contacts",
        "merges": [{"group": "g1", "master": base, "others": [mergee],
                    "fields": {"name": {"from": mergee}}}]}))
    fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="contact_merge"))

    first, outcomes = apply(chatwoot_sandbox, tmp_path / "plan.json")
    assert first.returncode == 1
    assert outcomes["g1"]["status"] == "unknown"
    assert len(fake.merge_log) == 1

    second, outcomes = apply(chatwoot_sandbox, tmp_path / "plan.json")
    assert second.returncode == 0, second.stdout + second.stderr
    assert outcomes["g1"]["status"] == "merged"
    assert len(fake.merge_log) == 1  # reconciled by reading, never sent twice

    _, outcomes = apply(chatwoot_sandbox, tmp_path / "plan.json")
    assert outcomes["g1"]["status"] == "merged" and "already merged" in outcomes["g1"]["message"]
    assert len(fake.merge_log) == 1


def test_dry_run_sends_no_merge(chatwoot_sandbox, tmp_path):
    contacts = chatwoot_sandbox.fake.state.resolved(1)
    (tmp_path / "plan.json").write_text(json.dumps({
        "provider": "chatwoot", "entity": "contacts",
        "merges": [{"group": "g1", "master": str(contacts[0]["id"]),
                    "others": [str(contacts[1]["id"])]}]}))
    result, outcomes = apply(chatwoot_sandbox, tmp_path / "plan.json", "--dry-run")
    assert result.returncode == 0
    assert outcomes["g1"]["status"] == "dry-run" and "would merge" in outcomes["g1"]["message"]
    assert chatwoot_sandbox.fake.merge_log == []


def test_a_record_changed_since_review_is_stale_and_nothing_is_sent(chatwoot_sandbox, tmp_path):
    contacts = chatwoot_sandbox.fake.state.resolved(1)
    base, mergee = str(contacts[0]["id"]), str(contacts[1]["id"])
    (tmp_path / "plan.json").write_text(json.dumps({
        "provider": "chatwoot", "entity": "contacts",
        "merges": [{"group": "g1", "master": base, "others": [mergee],
                    "snapshot": {base: {"name": "Someone Else"}}}]}))
    result, outcomes = apply(chatwoot_sandbox, tmp_path / "plan.json")
    assert result.returncode == 1
    assert outcomes["g1"]["status"] == "stale" and "name" in outcomes["g1"]["message"]
    assert chatwoot_sandbox.fake.merge_log == []


@pytest.mark.parametrize(
    ("plan_text", "message"),
    [
        ("{not json", "invalid plan"),
        ('{"provider": "chatwoot", "entity": "contacts", "merges": [{"group": "g1", '
         '"master": "1", "others": ["1"]}]}', "also listed in others"),
        ('{"provider": "chatwoot", "entity": "contacts", "merges": [{"group": "g1", '
         '"master": "1", "others": ["2"], "fields": {"shoe_size": {"value": 4}}}]}',
         "merges[0].fields.shoe_size: no such field"),
    ],
)
def test_malformed_plans_get_one_clear_line_and_nothing_merged(
    chatwoot_sandbox, tmp_path, plan_text, message
):
    (tmp_path / "plan.json").write_text(plan_text)
    result, _ = apply(chatwoot_sandbox, tmp_path / "plan.json")
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert chatwoot_sandbox.fake.merge_log == []


def test_a_plan_naming_a_missing_record_reports_it_and_merges_nothing(chatwoot_sandbox, tmp_path):
    first = str(chatwoot_sandbox.fake.state.resolved(1)[0]["id"])
    (tmp_path / "plan.json").write_text(json.dumps({
        "provider": "chatwoot", "entity": "contacts",
        "merges": [{"group": "g1", "master": first, "others": ["987654"]}]}))
    result, outcomes = apply(chatwoot_sandbox, tmp_path / "plan.json")
    assert result.returncode == 1
    assert outcomes["g1"]["status"] == "stale"
    assert "987654 no longer exists" in outcomes["g1"]["message"]
    assert chatwoot_sandbox.fake.merge_log == []


def test_a_wrong_token_is_one_clear_line(chatwoot_sandbox, tmp_path):
    (tmp_path / "plan.json").write_text(json.dumps({
        "provider": "chatwoot", "entity": "contacts",
        "merges": [{"group": "g1", "master": "1", "others": ["2"]}]}))
    result = run_cli("apply", str(tmp_path / "plan.json"), "--provider", "chatwoot",
                     "--base-url", chatwoot_sandbox.base_url,
                     env={"MERGEDESK_CHATWOOT_TOKEN": "wrong-token-value"})
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "mergedesk: error: chatwoot refused the credentials: Invalid Access Token (HTTP 401)")
    assert chatwoot_sandbox.fake.merge_log == []


def test_a_wrong_shaped_answer_is_one_clear_line(chatwoot_sandbox, tmp_path):
    chatwoot_sandbox.fake.faults.add(Fault(FaultKind.WRONG_SHAPE, method="GET",
                                           path="/contacts$"))
    result = scan(chatwoot_sandbox, tmp_path / "groups.json")
    assert result.returncode == 2
    assert "unexpected contact list" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "groups.json").exists()


def test_plain_http_to_a_remote_host_is_refused(tmp_path):
    result = run_cli("scan", "--provider", "chatwoot", "--base-url",
                     "http://crm.example.com/api/v1/accounts/1", "--out",
                     str(tmp_path / "g.json"), env={"MERGEDESK_CHATWOOT_TOKEN": "abcdefgh"})
    assert result.returncode == 2 and "https" in result.stderr


def test_scan_of_a_csv_export_reports_bad_rows_with_line_numbers(tmp_path):
    rows = ["First Name,Last Name,E-mail,Phone,Company"]
    for i in range(30):
        rows.append(f"Ann{i},Lee{i},ann{i}@acme{i}.com,+1415555{i:04d},Acme {i}")
    rows.append("Ann3,Lee3,ANN3@ACME3.COM,(415) 555-0003,Acme 3 Inc.")
    rows.append('broken,"unterminated')
    (tmp_path / "export.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run_cli("scan", "--csv", str(tmp_path / "export.csv"),
                     "--out", str(tmp_path / "groups.json"))
    assert result.returncode == 0, result.stderr
    assert "export.csv:33" in result.stderr  # the bad row, by its line
    groups = json.loads((tmp_path / "groups.json").read_text())
    assert groups["provider"] == "csv"
    assert [sorted(g["records"]) for g in groups["groups"]] == [["row32", "row5"]]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"PK\x03\x04\x14\x00" + bytes(64), "excel workbook"),
     (b"a,b,c\n", "no records")],
)
def test_scan_of_an_unusable_csv_is_one_clear_line(tmp_path, content, message):
    (tmp_path / "bad.csv").write_bytes(content)
    result = run_cli("scan", "--csv", str(tmp_path / "bad.csv"), "--out",
                     str(tmp_path / "g.json"))
    assert result.returncode == 2
    assert message in result.stderr.lower()
    assert not (tmp_path / "g.json").exists()
