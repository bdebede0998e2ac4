"""Claiming the next group on a team workspace: p50/p95 latency of
TeamReview.claim_next_group with 1,000,000 groups and 10 reviewers claiming and
deciding at once, each a separate process on its own connection, against a throw-away
PostgreSQL server (tests/store/pg_server.py: fsync off, loopback). Prints JSON with wall
and CPU time and the load average (the machine may be shared).

Usage: python -m tests.benchmarks.bench_claims [--groups N] [--reviewers N] [--claims N]
       [--think-ms MS]   (0: every reviewer claims again the moment it decided)"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import time

from mergedesk.store.backend import open_database
from mergedesk.store.claims import TeamReview
from tests.store.pg_server import PgServer

CONN = "bench|http://127.0.0.1:1|contacts"
FILL = """
INSERT INTO groups (conn, id, score, size, records, evidence, search, seen)
SELECT %s, 'g' || i, random(), 2, '["a' || i || '", "b' || i || '"]', '[]', '', ''
  FROM generate_series(1, %s) AS i
"""


def reviewer(url: str, password: str, name: str, claims: int, think: float, start: float,
             out) -> None:
    db = open_database(url, actor=name, password=password)
    team = TeamReview(db)
    while time.time() < start:  # all reviewers begin together
        time.sleep(0.001)
    latencies, cpu = [], []
    for n in range(claims):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        claim = team.claim_next_group(CONN, name, 60.0)
        latencies.append(time.perf_counter() - wall0)
        cpu.append(time.process_time() - cpu0)
        if claim is not None:  # the review itself is not timed
            time.sleep(random.uniform(0, 2 * think))
            team.decide(claim, "not_duplicates" if n % 3 == 0 else "skipped")
    db.close()
    out.put((latencies, cpu))


def run(groups: int, reviewers: int, claims: int, think_ms: float) -> dict:
    server = PgServer().start()
    try:
        url = server.create_database("bench")
        db = open_database(url, actor="admin", password=server.password)
        filled = time.perf_counter()
        with db.transaction() as sql:
            sql.raw.execute(FILL, (CONN, groups))
        db.conn.raw.execute("VACUUM ANALYZE groups")
        filled = time.perf_counter() - filled
        queue = multiprocessing.get_context("spawn").Queue()
        start = time.time() + 3.0
        load_before = os.getloadavg()
        procs = [multiprocessing.get_context("spawn").Process(
            target=reviewer,
            args=(url, server.password, f"r{k}", claims, think_ms / 1000, start, queue))
            for k in range(reviewers)]
        for proc in procs:
            proc.start()
        results = [queue.get(timeout=600) for _ in procs]
        wall = time.time() - start
        for proc in procs:
            proc.join()
        counts = dict(db.conn.execute("SELECT status, n FROM group_counts WHERE n > 0"))
        db.close()
    finally:
        server.stop()
    latencies = sorted(x for lat, _ in results for x in lat)
    cpu = [x for _, c in results for x in c]
    return {
        "benchmark": "claim_next_group", "backend": "postgresql", "groups": groups,
        "reviewers": reviewers, "claims": len(latencies), "fill_s": round(filled, 1),
        "think_ms_mean": think_ms,  # time a reviewer holds a group before deciding
        "p50_ms": round(1000 * statistics.median(latencies), 2),
        "p95_ms": round(1000 * latencies[int(0.95 * len(latencies)) - 1], 2),
        "p99_ms": round(1000 * latencies[int(0.99 * len(latencies)) - 1], 2),
        "max_ms": round(1000 * latencies[-1], 2),
        "client_cpu_ms_per_claim": round(1000 * statistics.mean(cpu), 3),
        "wall_s": round(wall, 1), "claims_per_s": round(len(latencies) / wall, 1),
        "decided": {k: v for k, v in counts.items() if k != "open"},
        "loadavg_before": [round(x, 2) for x in load_before],
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "server": "PostgreSQL test server: fsync=off, synchronous_commit=off, loopback TCP",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=1_000_000)
    parser.add_argument("--reviewers", type=int, default=10)
    parser.add_argument("--claims", type=int, default=300)
    parser.add_argument("--think-ms", type=float, default=0.0,
                        help="mean time between a claim and its decision (0: flat out)")
    args = parser.parse_args()
    print(json.dumps(run(args.groups, args.reviewers, args.claims, args.think_ms), indent=2))


if __name__ == "__main__":
    main()
