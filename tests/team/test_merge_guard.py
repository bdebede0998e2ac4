"""The database-level guard on its own: two workstations starting merges of overlapping
records at the same instant, without any claim first: exactly one merge is journalled
each time, the other gets RecordsBusy with nothing written."""

from __future__ import annotations

import threading

from mergedesk.core.plan import GroupMerge
from mergedesk.store.backend import open_database
from mergedesk.store.claims import RecordsBusy
from mergedesk.store.journal import MergeJournal, MergeState

CONN = "sandbox|http://127.0.0.1:1|contacts"
ROUNDS = 20


def start(journal: MergeJournal, group: str, records: tuple[str, ...]) -> int:
    merge = GroupMerge.model_validate({"group": group, "master": records[0],
                                       "others": list(records[1:])})
    return journal.begin(conn=CONN, provider="sandbox", base_url="http://127.0.0.1:1",
                         entity="contacts", merge=merge, snapshots=[], steps=[], targets={})


def test_overlapping_merges_started_at_once_never_both_start(pg_server):
    url = pg_server.schema_url("guard")
    ana = MergeJournal(open_database(url, actor="ana", password=pg_server.password))
    ben = MergeJournal(open_database(url, actor="ben", password=pg_server.password))
    for n in range(ROUNDS):
        barrier, outcomes = threading.Barrier(2), {}

        def run(name, journal, records, n=n, barrier=barrier, outcomes=outcomes):
            barrier.wait()
            try:
                outcomes[name] = start(journal, f"{name}{n}", records)
            except RecordsBusy:
                outcomes[name] = None

        threads = [threading.Thread(target=run, args=("a", ana, (f"{n}x", f"{n}y"))),
                   threading.Thread(target=run, args=("b", ben, (f"{n}y", f"{n}z")))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        started = [m for m in outcomes.values() if m is not None]
        assert len(started) == 1, outcomes
        (ana if outcomes["a"] else ben).finish(started[0], MergeState.MERGED)
    assert len(ana.history(limit=None)) == ROUNDS  # the losers left no row behind
