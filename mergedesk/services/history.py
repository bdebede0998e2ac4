"""History and audit: search the merge journal, explain one merge (each record before,
the value chosen for every field and where it came from, the survivor after), and
export to CSV or JSON, and the post-merge re-count of related items (what did not
arrive on the survivor). Reads the journal only; never calls a CRM. No Qt.

Exports hold the personal data the admin chose to export; they never hold secrets (the
journal has none). CSV cells that a spreadsheet would run as a formula are escaped."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel, ConfigDict, JsonValue

from mergedesk.core.models import Record
from mergedesk.core.preflight import expected_related
from mergedesk.services import idmap
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import MergeEntry, MergeState, StepEntry
from mergedesk.store.restores import RestoreEntry, RestoreJournal

CSV_COLUMNS = (
    "merge_id", "created_at", "finished_at", "provider", "entity", "group", "status",
    "master", "others", "field", "master_before", "others_before", "chosen_from",
    "chosen_value", "after", "message",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: CSV injection


class MergeSummary(BaseModel):
    """One row of the history list."""

    model_config = ConfigDict(frozen=True)

    id: int
    created_at: str
    finished_at: str | None
    provider: str
    entity: str
    group: str
    master: str
    others: tuple[str, ...]
    status: MergeState
    message: str
    # What the re-count after the merge found missing (or that it could not re-count):
    # "" when everything arrived. Journalled as a merged entry's message, its only use.
    warning: str = ""


class RelatedCount(BaseModel):
    """One kind of related item after a merge: the sum over the pre-merge snapshots,
    what the survivor held when re-counted (None: the CRM did not say), the shortfall."""

    model_config = ConfigDict(frozen=True)

    kind: str
    expected: int
    found: int | None
    missing: int


class FieldRow(BaseModel):
    """One field of a merge: each record's value before, the choice, the survivor after.
    `chosen_from` is a record id, "typed" for a value the reviewer entered, or None when
    the CRM's own merge rule decided."""

    model_config = ConfigDict(frozen=True)

    field: str
    before: dict[str, JsonValue]
    chosen_from: str | None
    chosen: JsonValue
    after: JsonValue


class MergeDetail(BaseModel):
    model_config = ConfigDict(frozen=True)

    summary: MergeSummary
    before: dict[str, Record]
    fields: tuple[FieldRow, ...]
    after: Record | None
    steps: tuple[StepEntry, ...]
    restores: tuple[RestoreEntry, ...]
    recount: tuple[RelatedCount, ...] = ()

    @property
    def not_arrived(self) -> tuple[RelatedCount, ...]:
        return tuple(r for r in self.recount if r.missing)


class HistoryService:
    def __init__(self, workspace: Workspace):
        self._workspace = workspace
        self._journal = workspace.journal
        self._restores = RestoreJournal(workspace.db)

    def search(self, text: str = "", *, status: MergeState | None = None,
               provider: str | None = None, limit: int | None = 500) -> list[MergeSummary]:
        """Newest first; `text` matches ids, groups, messages and record values."""
        entries = self._journal.history(limit, text.strip(), status=status, provider=provider)
        return [summary(e) for e in entries]

    def detail(self, merge_id: int) -> MergeDetail | None:
        entry = self._journal.get(merge_id)
        if entry is None:
            return None
        return MergeDetail(summary=summary(entry), before=dict(entry.snapshots),
                           fields=field_rows(entry), after=entry.after, steps=entry.steps,
                           restores=tuple(self._restores.for_merge(merge_id)),
                           recount=recount(entry))

    def details(self, text: str = "", **filters) -> list[MergeDetail]:
        found = (self.detail(s.id) for s in self.search(text, limit=None, **filters))
        return [d for d in found if d is not None]

    def export_json(self, target: Path | TextIO, details: Iterable[MergeDetail]) -> int:
        """Every merge with its snapshots, choices, steps and restores; returns the count."""
        items = [d.model_dump(mode="json") for d in details]
        _write(target, json.dumps({"merges": items}, ensure_ascii=False, indent=2))
        return len(items)

    def export_csv(self, target: Path | TextIO, details: Iterable[MergeDetail]) -> int:
        """One row per merge and field (a merge without fields still gets one row)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        count = 0
        for detail in details:
            count += 1
            for row in detail.fields or (None,):
                writer.writerow([_cell(v) for v in _csv_row(detail, row)])
        _write(target, buffer.getvalue())
        return count

    def export_id_map(self, path: Path) -> int:
        """Old id -> survivor id of every completed merge (not just the search's), CSV
        or JSON by the suffix; returns the number of rows."""
        return idmap.export_id_map(self._workspace, path)


def summary(entry: MergeEntry) -> MergeSummary:
    warning = entry.message if entry.status == MergeState.MERGED else ""
    return MergeSummary(id=entry.id, created_at=entry.created_at,
                        finished_at=entry.finished_at, provider=entry.provider,
                        entity=entry.entity, group=entry.group_id, master=entry.master,
                        others=entry.others, status=entry.status, message=entry.message,
                        warning=warning)


def recount(entry: MergeEntry) -> tuple[RelatedCount, ...]:
    """Per kind of related item: expected (the snapshots' sum), found on the survivor as
    last read after the merge, missing. Empty unless the merge completed."""
    if entry.after is None or entry.status not in (MergeState.MERGED, MergeState.RESTORED):
        return ()
    held = entry.after.related_counts
    rows = []
    for kind, expected in expected_related(entry.snapshots.values()).items():
        found = held.get(kind)
        missing = max(expected - found, 0) if found is not None else 0
        rows.append(RelatedCount(kind=kind, expected=expected, found=found, missing=missing))
    return tuple(rows)


def field_rows(entry: MergeEntry) -> tuple[FieldRow, ...]:
    """Every field the records held, the reviewer chose or the plan targeted, in the
    order the reviewer saw them."""
    ids = (entry.master, *entry.others)
    names: dict[str, None] = {}
    for rid in ids:
        snapshot = entry.snapshots.get(rid)
        names.update(dict.fromkeys(snapshot.fields if snapshot else ()))
    names.update(dict.fromkeys(entry.plan.fields))
    names.update(dict.fromkeys(entry.targets))
    rows = []
    for name in names:
        choice = entry.plan.fields.get(name)
        source = None if choice is None else ("typed" if choice.given else choice.from_record)
        before = {rid: s.fields.get(name) for rid in ids if (s := entry.snapshots.get(rid))}
        after = entry.after.fields.get(name) if entry.after else None
        rows.append(FieldRow(field=name, before=before, chosen_from=source,
                             chosen=entry.targets.get(name), after=after))
    return tuple(rows)


def _csv_row(detail: MergeDetail, row: FieldRow | None) -> list[object]:
    s = detail.summary
    head = [s.id, s.created_at, s.finished_at or "", s.provider, s.entity, s.group,
            s.status, s.master, " ".join(s.others)]
    if row is None:
        return [*head, "", "", "", "", "", "", s.message]
    others = {rid: v for rid, v in row.before.items() if rid != s.master}
    return [*head, row.field, row.before.get(s.master), others, row.chosen_from or "",
            row.chosen, row.after, s.message]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # numbers, lists, objects as JSON
    # A leading quote keeps Excel/LibreOffice from evaluating "=HYPERLINK(...)" and co.
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _write(target: Path | TextIO, text: str) -> None:
    if isinstance(target, Path):
        part = target.with_name(target.name + ".part")
        part.write_text(text, encoding="utf-8", newline="")
        part.replace(target)  # a crash never leaves half an export under the real name
    else:
        target.write(text)
