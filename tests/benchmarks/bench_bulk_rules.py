"""Bulk rules benchmark: evaluate the issue's rule, then a set of three rules, over N
duplicate groups (2-3 Zoho-like contacts each, with conflicts, blanks, owners and a few
not-duplicate pairs), then build the GroupMerges of every group taken (done as a batch
is submitted). Also times reading them back from a real SQLite workspace (what
services.bulk does first).

    .venv/bin/python tests/benchmarks/bench_bulk_rules.py --groups 100000

Prints JSON: wall and CPU seconds, per-rule counts, the load average (the machine is
shared: CPU time is the steadier figure)."""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mergedesk.core.bulk_eval import BulkInputs, evaluate  # noqa: E402
from mergedesk.core.bulk_rules import RuleSet  # noqa: E402
from mergedesk.core.models import (  # noqa: E402
    DuplicateGroup,
    FieldDef,
    FieldRole,
    FieldType,
    Record,
    Sensitive,
)

FIELDS = {f.api_name: f for f in (
    FieldDef(api_name="First_Name"), FieldDef(api_name="Last_Name"),
    FieldDef(api_name="Email", type=FieldType.EMAIL),
    FieldDef(api_name="Secondary_Email", type=FieldType.EMAIL, role=FieldRole.SLOT,
             slot_of="Email"),
    FieldDef(api_name="Phone", type=FieldType.PHONE), FieldDef(api_name="Title"),
    FieldDef(api_name="Account_Name"), FieldDef(api_name="Mailing_City"),
    FieldDef(api_name="Lead_Source", type=FieldType.PICKLIST),
    FieldDef(api_name="Owner", type=FieldType.LOOKUP, sensitive=Sensitive.OWNER),
    FieldDef(api_name="Description", type=FieldType.LONG_TEXT, role=FieldRole.NOTE),
)}
# The rule: score >= 0.97, same normalised e-mail, no conflicting non-empty values.
ONE_RULE = RuleSet.model_validate({"rules": [
    {"name": "same email, high score",
     "when": {"min_score": 0.97, "same": ["email"], "no_conflicts": True},
     "master": "oldest", "fields": {"*": "fill_blanks"}}]})
RULES = RuleSet.model_validate({"rules": [
    {"name": "same email, high score",
     "when": {"min_score": 0.97, "same": ["email"], "no_conflicts": True, "max_size": 3},
     "master": "oldest", "fields": {"*": "fill_blanks", "Phone": "newest"}},
    {"name": "same phone and name",
     "when": {"min_score": 0.9, "same": ["phone", "last_name"], "no_conflicts": True,
              "except": ["Title"]},
     "master": "most_complete", "fields": {"*": "fill_blanks", "Title": "newest"},
     "never_overwrite_non_empty": False},
    {"name": "web form leads", "when": {"min_score": 0.85, "same": ["email"]},
     "master": {"rule": "from_source", "field": "Lead_Source", "value": "Web"}},
]})
BASE = datetime(2020, 1, 1, tzinfo=timezone.utc)


def make(groups: int, seed: int) -> BulkInputs:
    rnd = random.Random(seed)
    records: dict[str, Record] = {}
    found: list[tuple[DuplicateGroup, str]] = []
    for g in range(groups):
        ids = [f"{g}-{i}" for i in range(rnd.choice((2, 2, 2, 3)))]
        person = {"First_Name": f"Ann{g % 997}", "Last_Name": f"Lee{g}",
                  "Email": f"ann.lee{g}@example.com", "Phone": f"+1415{g:07d}",
                  "Title": "CTO", "Account_Name": f"Acme {g % 5000}",
                  "Mailing_City": "Paris", "Lead_Source": "Web",
                  "Owner": {"id": "u1", "name": "Sam"}, "Description": ""}
        for n, rid in enumerate(ids):
            fields = dict(person)
            for name in rnd.sample(sorted(person), 3):  # blanks
                if rnd.random() < 0.4:
                    fields[name] = None
            if n and rnd.random() < 0.25:  # a conflict
                fields[rnd.choice(("Title", "Mailing_City", "Phone", "Owner"))] = "Other"
            if n and rnd.random() < 0.2:
                fields["Email"] = fields["Email"] and fields["Email"].upper()
            records[rid] = Record(id=rid, entity="contacts", fields=fields,
                                  created_at=BASE + timedelta(days=rnd.randrange(2000)),
                                  related_counts={"deals": rnd.randrange(4)})
        status = "open" if rnd.random() < 0.9 else rnd.choice(("merged", "not_duplicates"))
        found.append((DuplicateGroup(id=f"g{g}", score=round(rnd.uniform(0.8, 1.0), 3),
                                     records=tuple(ids)), status))
    pairs = {frozenset(found[i][0].records[:2]) for i in range(0, groups, 997)}
    return BulkInputs(entity="contacts", groups=found, records=records, fields=FIELDS,
                      not_duplicates=pairs)


def timed(func):
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    return result, round(time.perf_counter() - wall, 3), round(time.process_time() - cpu, 3)


def from_store(inputs: BulkInputs) -> dict[str, float]:
    """Write the records and groups into a real workspace, read them back as the service
    does (records once, groups with status)."""
    from mergedesk.services.workspace import Workspace

    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder))
        conn = "zoho|http://127.0.0.1|contacts"
        workspace.cache.replace_records(conn, inputs.records.values())
        workspace.groups.replace_groups(conn, [(g, "") for g, _ in inputs.groups])
        _, rec_wall, rec_cpu = timed(lambda: workspace.cache.records(conn))
        _, grp_wall, grp_cpu = timed(lambda: workspace.groups.groups(conn))
        workspace.close()
    return {"records_wall_s": rec_wall, "records_cpu_s": rec_cpu,
            "groups_wall_s": grp_wall, "groups_cpu_s": grp_cpu}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--no-store", action="store_true", help="skip the SQLite read")
    args = parser.parse_args()
    inputs, make_wall, _ = timed(lambda: make(args.groups, args.seed))
    one, one_wall, one_cpu = timed(lambda: evaluate(ONE_RULE, inputs))
    evaluation, wall, cpu = timed(lambda: evaluate(RULES, inputs))
    built, build_wall, build_cpu = timed(lambda: sum(1 for _ in evaluation.merges()))
    report = {
        "groups": args.groups, "records": len(inputs.records), "setup_s": make_wall,
        "one_rule": {"wall_s": one_wall, "cpu_s": one_cpu, "taken": one.total},
        "three_rules": {"wall_s": wall, "cpu_s": cpu},
        "per_group_us": round(wall / args.groups * 1e6, 2),
        "taken": evaluation.counts(),
        "build_all_merges_wall_s": build_wall, "build_all_merges_cpu_s": build_cpu,
        "per_merge_us": round(build_wall / max(built, 1) * 1e6, 2),
        "blocked": {r.rule.name: len(r.blocked) for r in evaluation.results},
        "skipped": {k.value: v for k, v in evaluation.skipped.items()},
        "loadavg": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count(),
    }
    if not args.no_store:
        report["store_read"] = from_store(inputs)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
