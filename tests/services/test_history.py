"""History and audit: search, per-merge detail (before, chosen, after), CSV and JSON
exports, and the CLI's history/restore/recover commands as a user runs them."""

from __future__ import annotations

import csv
import io
import json

from mergedesk.services.history import HistoryService
from mergedesk.store.journal import MergeState
from tests.services.conftest import listed, merge
from tests.test_cli import run_cli


async def test_search_finds_a_merge_by_a_persons_name_and_filters_by_status(
    sandbox, workspace, provider
):
    (a, b), (c, d) = listed(sandbox, 2), listed(sandbox, 4)[2:]
    first = await merge(workspace, provider, sandbox.base_url, a, [b], group="g1")
    await merge(workspace, provider, sandbox.base_url, c, [d], group="g2")
    name = sandbox.fake.generated.records[int(b) - 1]["last_name"]
    history = HistoryService(workspace)

    assert [s.id for s in history.search(name)] == [first.merge_id]
    assert [s.group for s in history.search()] == ["g2", "g1"]  # newest first
    assert history.search(f"#{first.merge_id}")[0].group == "g1"
    assert history.search(status=MergeState.FAILED) == []


async def test_detail_shows_each_record_before_the_choice_and_the_survivor_after(
    sandbox, workspace, provider
):
    base, mergee = listed(sandbox, 2)
    names = {rid: sandbox.fake.state.contacts[int(rid)]["name"] for rid in (base, mergee)}
    outcome = await merge(workspace, provider, sandbox.base_url, base, [mergee], name=mergee)

    detail = HistoryService(workspace).detail(outcome.merge_id)

    row = next(r for r in detail.fields if r.field == "name")
    assert row.before == names and row.chosen_from == mergee
    assert row.chosen == row.after == names[mergee]
    assert detail.after.fields["name"] == names[mergee] and set(detail.before) == {base, mergee}
    email = next(r for r in detail.fields if r.field == "email")
    assert email.chosen_from is None  # Chatwoot's own rule decided: the base's value wins


async def test_csv_export_has_a_row_per_field_and_defuses_formulas(sandbox, workspace, provider):
    base, mergee = listed(sandbox, 2)
    await provider.update("contacts", mergee, {"name": "=HYPERLINK(\"http://x\")"})
    await merge(workspace, provider, sandbox.base_url, base, [mergee], name=mergee)
    history = HistoryService(workspace)
    out = io.StringIO()

    assert history.export_csv(out, history.details()) == 1

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    name = next(r for r in rows if r["field"] == "name")
    assert name["chosen_value"] == "'=HYPERLINK(\"http://x\")" and name["chosen_from"] == mergee
    assert {r["merge_id"] for r in rows} == {"1"} and len(rows) > 5


async def test_json_export_round_trips_every_detail(sandbox, workspace, provider, tmp_path):
    base, mergee = listed(sandbox, 2)
    await merge(workspace, provider, sandbox.base_url, base, [mergee], name=mergee)
    history = HistoryService(workspace)
    target = tmp_path / "audit.json"

    history.export_json(target, history.details())

    (item,) = json.loads(target.read_text())["merges"]
    assert item["summary"]["status"] == "merged" and item["after"]["id"] == base
    assert item["before"][mergee]["fields"]["name"]
    assert not (tmp_path / "audit.json.part").exists()


def test_cli_restore_history_export_and_recover(sandbox, tmp_path):
    base, mergee = listed(sandbox, 2)
    plan = tmp_path / "plan.json"
    merges = [{"group": "g1", "master": base, "others": [mergee],
               "fields": {"name": {"from": mergee}}}]
    plan.write_text(json.dumps({"provider": "chatwoot", "entity": "contacts", "merges": merges}))
    env = sandbox.credentials
    applied = run_cli("apply", str(plan), "--provider", "chatwoot", "--base-url",
                      sandbox.base_url, env=env)
    assert applied.returncode == 0, applied.stderr
    merge_id = json.loads(applied.stdout)["merge_id"]

    dry = run_cli("restore", str(merge_id), "--dry-run", env=env)
    assert dry.returncode == 0 and f"would re-create {mergee}" in dry.stdout
    assert int(mergee) not in sandbox.fake.state.contacts
    done = run_cli("restore", str(merge_id), env=env)
    assert done.returncode == 0, done.stderr
    assert f"re-create {mergee}: done, new id" in done.stdout and "cannot come back" in done.stdout

    detail = json.loads(run_cli("history", "--id", str(merge_id)).stdout)
    assert detail["summary"]["status"] == "restored" and len(detail["restores"]) == 1
    exported = run_cli("history", "--export", str(tmp_path / "audit.csv"))
    assert exported.returncode == 0 and "1 merges written" in exported.stderr
    assert (tmp_path / "audit.csv").read_text(encoding="utf-8").startswith("merge_id,")
    bad = run_cli("history", "--export", str(tmp_path / "audit.xlsx"))
    assert bad.returncode == 2 and ".csv or a .json" in bad.stderr

    recovered = run_cli("recover", env=env)
    assert recovered.returncode == 0 and recovered.stdout == ""
