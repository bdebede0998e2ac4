"""The old-id -> new-id map: rows per merged-away record, chains resolved, CSV/JSON."""

from __future__ import annotations

import csv
import json

from mergedesk.core import idmap


def test_chains_point_every_old_id_at_the_final_survivor():
    rows = [*idmap.rows_for(1, "zoho", "contacts", "g1", "B", ["A"], None),
            *idmap.rows_for(2, "zoho", "contacts", "g2", "C", ["B", "D"], None)]
    resolved = {r.old_id: r.new_id for r in idmap.resolve_chains(rows)}
    assert resolved == {"A": "C", "B": "C", "D": "C"}
    parsed = list(csv.DictReader(idmap.to_csv(rows).splitlines()))
    assert parsed[0]["old_id"] == "A" and list(parsed[0]) == list(idmap.COLUMNS)
    assert json.loads(idmap.to_json(rows))[2]["old_id"] == "D"
