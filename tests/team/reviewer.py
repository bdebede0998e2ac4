"""One reviewer workstation as a separate process, for tests/team: claims groups on a
shared PostgreSQL workspace until none is left, rejects every third and merges the
others through the journal, "sending" each merge to a fake CRM that records any two
merges of overlapping records in flight at once. With --hold N --after M it claims N
groups after M decisions, prints HOLDING and waits to be killed (a workstation dying).

Usage: python -m tests.team.reviewer URL CONN NAME LEASE [--hold N --after M]
(the password comes in PGPASSWORD, as libpq reads it, never on the command line)."""

from __future__ import annotations

import argparse
import time

import psycopg

from mergedesk.core.plan import GroupMerge
from mergedesk.store.backend import open_database
from mergedesk.store.claims import ClaimLost, RecordsBusy, TeamReview
from mergedesk.store.journal import MergeJournal, MergeState

FAKE_CRM = """
CREATE TABLE IF NOT EXISTS crm_inflight (record_id TEXT PRIMARY KEY, group_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS crm_sent (group_id TEXT NOT NULL, reviewer TEXT NOT NULL,
                                     overlapped BOOLEAN NOT NULL);
"""


class FakeCrm:
    """The CRM's side: a merge in flight holds its records; a second merge touching one
    of them while the first is in flight is an overlap (a unique violation here)."""

    def __init__(self, url: str, reviewer: str):
        self._conn = psycopg.connect(url, autocommit=True)
        self._reviewer = reviewer

    def merge(self, group_id: str, records: tuple[str, ...]) -> None:
        overlapped = False
        try:
            with self._conn.transaction():
                for record in records:
                    self._conn.execute("INSERT INTO crm_inflight VALUES (%s, %s)",
                                       (record, group_id))
        except psycopg.errors.UniqueViolation:
            overlapped = True
        time.sleep(0.002)  # the CRM's call takes a moment
        self._conn.execute("DELETE FROM crm_inflight WHERE group_id = %s", (group_id,))
        self._conn.execute("INSERT INTO crm_sent VALUES (%s, %s, %s)",
                           (group_id, self._reviewer, overlapped))


def review(url: str, conn: str, name: str, lease: float, hold: int, after: int) -> None:
    db = open_database(url, actor=name)
    team, journal, crm = TeamReview(db), MergeJournal(db), FakeCrm(url, name)
    decided = 0
    while True:
        if hold and decided >= after:
            held = [team.claim_next_group(conn, name, lease) for _ in range(hold)]
            print("HOLDING", *(c.group_id for c in held if c), flush=True)
            time.sleep(3600)
        claim = team.claim_next_group(conn, name, lease)
        if claim is None:
            if _open_groups(db, conn) == 0:
                return
            time.sleep(0.05)  # the rest are held by others (or a dead reviewer's lease)
            continue
        try:
            _decide(team, journal, crm, conn, claim)
            decided += 1
        except (RecordsBusy, ClaimLost):
            continue


def _decide(team, journal, crm, conn, claim) -> None:
    if int(claim.group_id[1:]) % 3 == 0:
        team.decide(claim, "not_duplicates")
        return
    merge = GroupMerge.model_validate({"group": claim.group_id, "master": claim.records[0],
                                       "others": list(claim.records[1:])})
    merge_id = journal.begin(conn=conn, provider="sandbox", base_url="http://127.0.0.1:1",
                             entity="contacts", merge=merge, snapshots=[], steps=[],
                             targets={})
    crm.merge(claim.group_id, claim.records)
    journal.finish(merge_id, MergeState.MERGED)
    team.decide(claim, "merged")


def _open_groups(db, conn: str) -> int:
    with db.lock:
        row = db.conn.execute("SELECT count(*) FROM groups WHERE conn = ? AND status = 'open'",
                              (conn,)).fetchone()
    return int(row[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("conn")
    parser.add_argument("name")
    parser.add_argument("lease", type=float)
    parser.add_argument("--hold", type=int, default=0)
    parser.add_argument("--after", type=int, default=0)
    args = parser.parse_args()
    review(args.url, args.conn, args.name, args.lease, args.hold, args.after)


if __name__ == "__main__":
    main()
