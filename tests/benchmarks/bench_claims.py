"""Claiming the next group on a team workspace: p50/p95 latency of
TeamReview.claim_next_group with 1,000,000 groups and 10 reviewers claiming and
deciding at once, each a separate process on its own connection, against a throw-away
PostgreSQL server (tests/store/pg_server.py: fsync off, loopback). Prints JSON with wall
and CPU time and the load average (the machine may be shared).

Usage: python -m tests.benchmarks.bench_claims [--groups N] [--claims N]
       [--runs REVIEWERS:THINK_MS,...]   (default 10:0,10:50,1:0 on one fill)"""

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


def run(groups: int, configs: list[tuple[int, float]], claims: int) -> list[dict]:
    """One fill of `groups`, then one measurement per (reviewers, think_ms)."""
    server = PgServer("track_functions=pl").start()  # the server's own time per claim
    try:
        url = server.create_database("bench")
        db = open_database(url, actor="admin", password=server.password)
        filled = time.perf_counter()
        with db.transaction() as sql:
            sql.raw.execute(FILL, (CONN, groups))
        db.conn.raw.execute("VACUUM ANALYZE groups")
        filled = time.perf_counter() - filled
        results = []
        for reviewers, think_ms in configs:
            before = _server_time(db)
            result = measure(url, server.password, reviewers, think_ms, claims)
            calls, total_ms = (a - b for a, b in zip(_server_time(db), before, strict=True))
            result["server_ms_mean_per_claim"] = round(total_ms / max(calls, 1), 3)
            results.append(dict(result, groups=groups, fill_s=round(filled, 1)))
        db.close()
    finally:
        server.stop()
    return results


def _server_time(db) -> tuple[int, float]:
    """Calls of claim_next_group and milliseconds spent in it, by the server's count."""
    db.conn.raw.execute("SELECT pg_stat_clear_snapshot()")
    row = db.conn.raw.execute("SELECT calls, total_time FROM pg_stat_user_functions "
                              "WHERE funcname = 'claim_next_group'").fetchone()
    return (int(row[0]), float(row[1])) if row else (0, 0.0)


def measure(url: str, password: str, reviewers: int, think_ms: float, claims: int) -> dict:
    spawn = multiprocessing.get_context("spawn")
    queue = spawn.Queue()
    start = time.time() + 3.0
    load_before = os.getloadavg()
    procs = [spawn.Process(target=reviewer, args=(url, password, f"r{k}", claims,
                                                  think_ms / 1000, start, queue))
             for k in range(reviewers)]
    for proc in procs:
        proc.start()
    results = [queue.get(timeout=600) for _ in procs]
    wall = time.time() - start
    for proc in procs:
        proc.join()
    latencies = sorted(x for lat, _ in results for x in lat)
    cpu = [x for _, c in results for x in c]
    return {
        "benchmark": "claim_next_group", "backend": "postgresql",
        "reviewers": reviewers, "claims": len(latencies),
        "think_ms_mean": think_ms,  # time a reviewer holds a group before deciding
        "p50_ms": round(1000 * statistics.median(latencies), 2),
        "p95_ms": round(1000 * latencies[int(0.95 * len(latencies)) - 1], 2),
        "p99_ms": round(1000 * latencies[int(0.99 * len(latencies)) - 1], 2),
        "max_ms": round(1000 * latencies[-1], 2),
        "client_cpu_ms_per_claim": round(1000 * statistics.mean(cpu), 3),
        "wall_s": round(wall, 1), "claims_per_s": round(len(latencies) / wall, 1),
        "loadavg_before": [round(x, 2) for x in load_before],
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "server": "PostgreSQL test server: fsync=off, synchronous_commit=off, loopback TCP",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=300, help="per reviewer")
    parser.add_argument("--runs", default="10:0,10:50,1:0",
                        help="reviewers:think_ms,... (think: mean time between a claim "
                             "and its decision; 0 claims again at once)")
    args = parser.parse_args()
    configs = [(int(r), float(t)) for r, t in (run.split(":") for run in args.runs.split(","))]
    print(json.dumps(run(args.groups, configs, args.claims), indent=2))


if __name__ == "__main__":
    main()
