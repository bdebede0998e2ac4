"""`mergedesk apply --rules` as a separate process against the Chatwoot fake over
loopback: bad rules files refused with the bad item's path, a dry run that writes
nothing, a limited run that merges through the journal, and a second run that does not
take the merged groups again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import serve
from tests.test_cli import run_cli, scan

MERGES = "POST /actions/contact_merge"
RULES = {"rules": [
    {"name": "same name", "when": {"same": ["name"], "max_size": 3}, "master": "oldest"},
    {"name": "the rest", "when": {"min_score": 0.5}, "fields": {"*": "newest"}},
]}


@pytest.fixture(scope="module")
def sandbox():
    served = serve("chatwoot", seed=7, records=120)
    yield served
    served.server.stop()


@pytest.fixture
def scanned(sandbox, tmp_path):
    sandbox.fake.requests.clear()
    result = scan(sandbox, tmp_path / "groups.json")
    assert result.returncode == 0, result.stderr
    return json.loads((tmp_path / "groups.json").read_text())["groups"]


def apply_rules(sandbox, rules: Path, *extra: str):
    result = run_cli("apply", "--rules", str(rules), "--provider", "chatwoot", "--base-url",
                     sandbox.base_url, "--json", *extra, env=sandbox.credentials)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    summary = next((line["summary"] for line in lines if "summary" in line), None)
    return result, [line for line in lines if "group" in line], summary


def write(tmp_path: Path, data: object, name: str = "rules.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def writes(sandbox) -> dict[str, int]:
    return {k: n for k, n in sandbox.fake.requests.snapshot().items()
            if not k.startswith("GET ") and n}


def test_a_malformed_rules_file_is_refused_naming_the_bad_item(sandbox, tmp_path):
    bad = write(tmp_path, {"rules": [{"name": "x", "when": {"min_score": 2}}]})
    result, lines, _ = apply_rules(sandbox, bad)
    assert result.returncode == 2 and not lines
    assert "invalid rules" in result.stderr and "rules[0].when.min_score" in result.stderr
    broken = write(tmp_path, '{"rules": [', "broken.json")
    assert apply_rules(sandbox, broken)[0].returncode == 2
    missing = apply_rules(sandbox, tmp_path / "nope.json")[0]
    assert missing.returncode == 2 and "cannot read rules" in missing.stderr


def test_rules_need_a_scan_and_exclude_a_plan(sandbox, tmp_path):
    rules = write(tmp_path, RULES)
    result, _, _ = apply_rules(sandbox, rules)
    assert result.returncode == 2 and "scan first" in result.stderr
    both = run_cli("apply", str(rules), "--rules", str(rules), "--provider", "chatwoot",
                   "--base-url", sandbox.base_url, env=sandbox.credentials)
    assert both.returncode == 2 and "one of them" in both.stderr


def test_a_dry_run_counts_per_rule_and_writes_nothing(sandbox, scanned, tmp_path):
    sandbox.fake.requests.clear()
    result, lines, summary = apply_rules(sandbox, write(tmp_path, RULES), "--dry-run")
    assert result.returncode == 0, result.stderr
    taken = {r["name"]: r["taken"] for r in summary["rules"]}
    assert sum(taken.values()) == len(lines) > 0 and summary["dry_run"] is True
    assert all(line["status"] == "dry-run" and line["rule"] in taken for line in lines)
    assert {r["name"]: r["outcomes"].get("dry-run", 0) for r in summary["rules"]} == taken
    assert writes(sandbox) == {}  # not one merge, update or delete reached the CRM


def test_a_limited_run_merges_then_the_next_run_takes_only_the_rest(sandbox, scanned,
                                                                    tmp_path):
    rules = write(tmp_path, RULES)
    before = sandbox.fake.requests[MERGES]
    first, lines, summary = apply_rules(sandbox, rules, "--limit", "1")
    assert first.returncode == 0, first.stderr + first.stdout
    assert [line["status"] for line in lines] == ["merged"]
    # Chatwoot merges one contact per call: one call per record folded in.
    assert sandbox.fake.requests[MERGES] == before + len(lines[0]["merged"])
    history = run_cli("history", "--json")
    assert lines[0]["group"] in history.stdout  # journalled like a hand merge

    total = sum(r["taken"] for r in summary["rules"])
    second, again, rest = apply_rules(sandbox, rules, "--dry-run")
    assert second.returncode == 0
    assert sum(r["taken"] for r in rest["rules"]) == total - 1
    assert lines[0]["group"] not in {line["group"] for line in again}


def test_without_json_the_counts_are_plain_lines(sandbox, scanned, tmp_path):
    result = run_cli("apply", "--rules", str(write(tmp_path, RULES)), "--provider", "chatwoot",
                     "--base-url", sandbox.base_url, "--dry-run", env=sandbox.credentials)
    assert result.returncode == 0, result.stderr
    assert "same name: " in result.stdout and "groups taken" in result.stdout
    assert "dry-run" in result.stdout


def test_a_field_this_crm_does_not_have_is_refused(sandbox, scanned, tmp_path):
    typo = write(tmp_path, {"rules": [{"name": "x", "fields": {"Phone_Number": "newest"}}]})
    result, lines, _ = apply_rules(sandbox, typo, "--dry-run")
    assert result.returncode == 2 and not lines
    assert "rules[0].fields: no field of contacts is 'Phone_Number'" in result.stderr
