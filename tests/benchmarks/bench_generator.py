"""Benchmark of the duplicate-data generator: prints one JSON line per entity,
{"entity", "records", "seconds", "records_per_second", "groups"}.

    python tests/benchmarks/bench_generator.py [RECORDS] [--entity contacts|accounts|leads]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # runnable from a source tree

from mergedesk.sandbox.generator import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--entity", action="append", choices=("contacts", "accounts", "leads"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for entity in args.entity or ["contacts"]:
        start = time.perf_counter()
        data = generate(entity, args.records, seed=args.seed)
        seconds = time.perf_counter() - start
        print(
            json.dumps(
                {
                    "entity": entity,
                    "records": len(data.records),
                    "seconds": round(seconds, 3),
                    "records_per_second": round(len(data.records) / seconds),
                    "groups": len(data.truth),
                }
            ),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
