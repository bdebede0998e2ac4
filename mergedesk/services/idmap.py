"""Export the old-id -> new-id map of every completed merge in the journal (CSV or JSON
by the file's suffix). Reads the journal only. No Qt."""

from __future__ import annotations

from pathlib import Path

from mergedesk.core import idmap
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import MergeState


def id_map(workspace: Workspace) -> list[idmap.IdMapRow]:
    entries = workspace.journal.history(limit=None, status=MergeState.MERGED)
    rows = [row for e in reversed(entries)  # oldest first, so chains resolve forward
            for row in idmap.rows_for(e.id, e.provider, e.entity, e.group_id, e.master,
                                      e.others, e.finished_at)]
    return idmap.resolve_chains(rows)


def export_id_map(workspace: Workspace, path: Path) -> int:
    """Write the map to `path`; returns the number of rows."""
    rows = id_map(workspace)
    text = idmap.to_json(rows) if path.suffix.lower() == ".json" else idmap.to_csv(rows)
    path.write_text(text, encoding="utf-8")
    return len(rows)
