"""Matching benchmark: time, peak memory and pairwise F1 of find_groups on generated data
with planted duplicates, for a curve of sizes, plus the ratio to a naive per-pair loop.

    .venv/bin/python tests/benchmarks/bench_matching.py --sizes 10000,100000,1000000
    /usr/bin/time -v .venv/bin/python tests/benchmarks/bench_matching.py --one 1000000

Each size runs in a child process so that its peak RSS is its own. Prints JSON."""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import resource
import subprocess
import sys
import time
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench_matching_naive import naive_seconds_per_pair  # noqa: E402

from mergedesk.core.matching import MatchSettings, find_groups  # noqa: E402
from mergedesk.core.models import Record  # noqa: E402
from tests.core.matching.datamaker import SimpleRecord, make, pairwise_f1  # noqa: E402


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _generated(source: str, entity: str, size: int, seed: int) -> tuple[list[Any], list[list[str]]]:
    """(fields per record as (id, fields), truth clusters of ids) from one of the makers."""
    if source == "sandbox":
        from mergedesk.sandbox.generator import generate

        data = generate(entity, size, seed)
        rows = [(str(i), fields) for i, fields in enumerate(data.records)]
        return rows, [[str(i) for i in sorted(group)] for group in data.truth]
    made = make(entity, size, seed=seed, record_type=lambda rid, fields: (rid, fields))
    return made.records, made.clusters


def _load(args: argparse.Namespace, size: int) -> tuple[list[Any], list[list[str]], float]:
    start = time.perf_counter()
    cache = Path(args.cache) / f"{args.data}-{args.entity}-{size}-{args.seed}.pkl" \
        if args.cache else None  # fmt: skip
    if cache is not None and cache.exists():
        rows, clusters = pickle.loads(cache.read_bytes())
    else:
        rows, clusters = _generated(args.data, args.entity, size, args.seed)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(pickle.dumps((rows, clusters), protocol=5))
    return rows, clusters, time.perf_counter() - start


def run_one(args: argparse.Namespace, size: int) -> dict[str, Any]:
    """One size, in this process: the figures as a dict."""
    gc.disable()  # building the input only; find_groups pauses the collector itself
    rows, clusters, load_seconds = _load(args, size)
    start = time.perf_counter()
    if args.records == "model":
        records: list[Any] = [Record(id=i, entity=args.entity, fields=f) for i, f in rows]
    else:
        records = [SimpleRecord(i, f) for i, f in rows]
    build_seconds = time.perf_counter() - start
    del rows
    gc.enable()
    gc.collect()
    rss_before = _rss_mb()
    settings = MatchSettings.for_entity(args.entity)
    load_before = os.getloadavg()[0]
    start, cpu_start = time.perf_counter(), time.process_time()
    result = find_groups(records, args.entity, settings)
    scan_seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    truth = {frozenset(p) for c in clusters for p in combinations(c, 2)}
    return {
        "size": size, "entity": args.entity, "data": args.data, "records": args.records,
        "scan_seconds": round(scan_seconds, 2), "scan_cpu_seconds": round(cpu_seconds, 2),
        # Other work on this shared 2-core machine slows the wall time; the CPU seconds
        # (all threads of this process) are what the scan itself cost.
        "load_average_before_after": [load_before, os.getloadavg()[0]],
        "peak_rss_mb": round(_peak_mb()),
        "rss_before_scan_mb": round(rss_before), "input_build_seconds": round(build_seconds, 1),
        "data_load_seconds": round(load_seconds, 1), "groups": len(result.groups),
        "quality": pairwise_f1([g.records for g in result.groups], truth),
        "stats": result.stats.model_dump(), "notes": result.notes[:5],
    }  # fmt: skip


def naive_ratio(args: argparse.Namespace, size: int, scan_seconds: float) -> dict[str, Any]:
    """Engine time vs the naive all-pairs loop, measured on a sample and extrapolated."""
    made = make(args.entity, args.naive_sample, seed=args.seed, record_type=SimpleRecord)
    per_pair = naive_seconds_per_pair(made.records, MatchSettings.for_entity(args.entity))
    naive_seconds = per_pair * size * (size - 1) / 2
    return {
        "size": size, "method": f"all pairs of a {args.naive_sample}-record sample scored in a "
        "Python loop, time per pair extrapolated to size*(size-1)/2 pairs (not run in full: "
        "infeasible)", "naive_seconds_per_pair": per_pair,
        "naive_seconds_extrapolated": round(naive_seconds), "engine_seconds": scan_seconds,
        "speedup": round(naive_seconds / scan_seconds),
    }  # fmt: skip


def _child(args: argparse.Namespace, size: int) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--one",
        str(size),
        "--entity",
        args.entity,
        "--data",
        args.data,
        "--records",
        args.records,
        "--seed",
        str(args.seed),
    ]
    if args.cache:
        command += ["--cache", args.cache]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--one", type=int, help="run one size in this process")
    parser.add_argument("--entity", default="contacts")
    parser.add_argument("--data", choices=("maker", "sandbox"), default="maker")
    parser.add_argument("--records", choices=("model", "light"), default="model")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--naive-sample", type=int, default=1500)
    parser.add_argument("--cache", help="folder to keep generated data between runs")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args, args.one)))
        return
    curve = [_child(args, int(size)) for size in args.sizes.split(",")]
    report: dict[str, Any] = {"curve": curve}
    at_100k = next((run for run in curve if run["size"] == 100_000), None)
    if at_100k is not None and args.naive_sample:
        report["naive_ratio"] = naive_ratio(args, 100_000, at_100k["scan_seconds"])
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
