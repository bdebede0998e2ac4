"""The old-id -> new-id map of merges, for integrations that still hold a loser's id:
one row per merged-away record, as CSV or JSON text. Pure: rows come from the journal
through services.idmap. No Qt, no I/O."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

COLUMNS = ("old_id", "new_id", "provider", "entity", "merge_id", "group", "merged_at")


class IdMapRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    old_id: str
    new_id: str  # the survivor (Dataverse keeps the loser inactive: it points here too)
    provider: str
    entity: str
    merge_id: int
    group: str
    merged_at: str | None = None


def rows_for(merge_id: int, provider: str, entity: str, group: str, master: str,
             others: Iterable[str], merged_at: str | None) -> list[IdMapRow]:
    return [IdMapRow(old_id=old, new_id=master, provider=provider, entity=entity,
                     merge_id=merge_id, group=group, merged_at=merged_at) for old in others]


def resolve_chains(rows: list[IdMapRow]) -> list[IdMapRow]:
    """A survivor merged away later: every old id points at the final survivor."""
    final = {(r.provider, r.entity, r.old_id): r.new_id for r in rows}

    def last(key: tuple[str, str, str]) -> str:
        seen = set()
        while key in final and key not in seen:
            seen.add(key)
            key = (key[0], key[1], final[key])
        return key[2]

    return [r.model_copy(update={"new_id": last((r.provider, r.entity, r.old_id))})
            for r in rows]


def to_csv(rows: Iterable[IdMapRow]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(r.model_dump() for r in rows)
    return out.getvalue()


def to_json(rows: Iterable[IdMapRow]) -> str:
    return json.dumps([r.model_dump() for r in rows], indent=2)
