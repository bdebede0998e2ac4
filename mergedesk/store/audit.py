"""The team audit: per reviewer and per day (UTC), groups merged, rejected ("not
duplicates") and merges restored, counted from the journals' `actor` columns. Reads
only; works on either backend. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from mergedesk.store.database import Database


@dataclass(frozen=True)
class AuditRow:
    reviewer: str  # '' for entries journalled before reviewers were named
    day: str  # YYYY-MM-DD, UTC
    merged: int
    rejected: int
    restored: int


# A merge restored later still counts as merged on the day it was merged (the restore
# counts on its own day); one decision row per "not duplicates" click, undo included.
_AUDIT = """
SELECT actor, day, sum(m), sum(r), sum(s) FROM (
    SELECT actor, substr(coalesce(finished_at, created_at), 1, 10) AS day,
           1 AS m, 0 AS r, 0 AS s
      FROM merges WHERE status IN ('merged', 'restored'){merges}
    UNION ALL
    SELECT actor, substr(decided_at, 1, 10), 0, 1, 0
      FROM decisions WHERE status = 'not_duplicates'{decisions}
    UNION ALL
    SELECT r.actor, substr(r.created_at, 1, 10), 0, 0, 1
      FROM restores r JOIN merges mr ON mr.id = r.merge_id
     WHERE r.status IN ('restored', 'partial'){restores}
) counted
GROUP BY actor, day ORDER BY day DESC, actor
"""


def audit_by_reviewer_day(store: Database, conn: str | None = None) -> list[AuditRow]:
    """Newest day first, reviewers by name; `conn` limits it to one CRM entity
    (store.cache.connection_key). `store` is any Database of store.backend."""
    if conn is None:
        query, params = _AUDIT.format(merges="", decisions="", restores=""), ()
    else:
        query = _AUDIT.format(merges=" AND conn = ?", decisions=" AND conn = ?",
                              restores=" AND mr.conn = ?")
        params = (conn, conn, conn)
    with store.lock:
        rows = store.conn.execute(query, params).fetchall()
    return [AuditRow(str(actor), str(day), int(m), int(r), int(s))
            for actor, day, m, r, s in rows]
