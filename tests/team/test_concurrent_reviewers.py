"""Three reviewers as separate processes on one PostgreSQL workspace with 1,000 groups,
three quarters of them chained through shared records: every group is decided exactly
once, no two merges of overlapping records are ever in flight at once (a fake CRM
checks), and the groups a killed reviewer (SIGKILL) held are taken over by the others
once their leases run out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

from mergedesk.core.models import DuplicateGroup, Evidence
from mergedesk.store.backend import open_database
from mergedesk.store.cache import GroupStore
from tests.team.reviewer import FAKE_CRM

CONN = "sandbox|http://127.0.0.1:1|contacts"
GROUPS = 1000
LEASE = 3.0  # seconds: short, so that the dead reviewer's groups come back quickly
ROOT = Path(__file__).resolve().parents[2]


def groups() -> list[tuple[DuplicateGroup, str]]:
    """g0 (r0, r1), g1 (r1, r2), g2 (r2, r3), g3 (x3a, x3b), g4 (r4, r5) ..."""
    found = []
    for i in range(GROUPS):
        records = (f"r{i}", f"r{i + 1}") if i % 4 != 3 else (f"x{i}a", f"x{i}b")
        evidence = (Evidence(a=records[0], b=records[1], field="email", score=1.0),)
        found.append((DuplicateGroup(id=f"g{i}", score=1 - i / 10_000, records=records,
                                     evidence=evidence), ""))
    return found


def start(url: str, password: str, name: str, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PGPASSWORD": password}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.team.reviewer", url, CONN, name, str(LEASE), *extra],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_three_reviewers_decide_each_group_once_and_recover_a_dead_ones_leases(pg_server):
    url = pg_server.schema_url("team_three")
    db = open_database(url, actor="admin", password=pg_server.password)
    GroupStore(db).replace_groups(CONN, groups())
    db.conn.execute(FAKE_CRM)

    doomed = start(url, pg_server.password, "cy", "--hold", "3", "--after", "40")
    holding = doomed.stdout.readline().split()
    assert holding[0] == "HOLDING", doomed.stderr.read()
    workers = [start(url, pg_server.password, name) for name in ("ana", "ben")]
    doomed.send_signal(signal.SIGKILL)
    doomed.wait(10)
    held = set(holding[1:])
    assert len(held) == 3
    rows = db.conn.execute("SELECT id, claimed_by, lease_until FROM groups WHERE id = ANY(?)",
                           (list(held),)).fetchall()
    assert {gid for gid, by, _ in rows if by == "cy"} == held  # still leased to the dead one
    expiry = {gid: until for gid, _, until in rows}
    for worker in workers:
        _, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err

    decisions = db.conn.execute("SELECT group_id, status, actor FROM decisions").fetchall()
    per_group = Counter(gid for gid, _, _ in decisions)
    assert len(per_group) == GROUPS and set(per_group.values()) == {1}
    statuses = dict(db.conn.execute("SELECT status, n FROM group_counts WHERE n > 0"))
    assert statuses == {"merged": 666, "not_duplicates": 334}
    sent = db.conn.execute("SELECT group_id, overlapped FROM crm_sent").fetchall()
    assert not any(overlapped for _, overlapped in sent)
    assert sorted(Counter(g for g, _ in sent).values()) == [1] * 666  # each merge sent once
    merges = db.conn.execute("SELECT group_id, actor FROM merges WHERE status = 'merged'")
    assert len(merges.fetchall()) == 666
    by = {gid: actor for gid, _, actor in decisions}
    assert {by[g] for g in held} <= {"ana", "ben"}  # the dead reviewer's groups came back
    for gid, at in db.conn.execute("SELECT group_id, decided_at FROM decisions "
                                   "WHERE group_id = ANY(?)", (list(held),)):
        # ... only once their leases ran out (decided_at is to the second)
        assert datetime.fromisoformat(at).timestamp() >= expiry[gid] - 1
    assert db.conn.execute("SELECT count(*) FROM record_claims").fetchone()[0] == 0
    assert {actor for _, _, actor in decisions} == {"ana", "ben", "cy"}
    db.close()


def test_the_fake_crm_catches_two_merges_of_one_record_in_flight(pg_server):
    from tests.team.reviewer import FakeCrm

    url = pg_server.schema_url("fake_crm")
    db = open_database(url, actor="admin", password=pg_server.password)
    db.conn.execute(FAKE_CRM)
    db.conn.execute("INSERT INTO crm_inflight VALUES ('r1', 'g0')")  # g0's merge in flight
    os.environ["PGPASSWORD"] = pg_server.password  # as the reviewer processes get it
    try:
        FakeCrm(url, "ana").merge("g1", ("r1", "r2"))
        FakeCrm(url, "ana").merge("g2", ("r3", "r4"))
    finally:
        del os.environ["PGPASSWORD"]
    sent = db.conn.execute("SELECT group_id, overlapped FROM crm_sent ORDER BY 1").fetchall()
    assert sent == [("g1", True), ("g2", False)]
    db.close()
