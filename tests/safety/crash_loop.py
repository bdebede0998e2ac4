"""Run crash loops and print JSON: `python -m tests.safety.crash_loop [provider ...]
[--runs N] [--seed S] [--parallel P]` (default: 50 runs for every provider with a
client and a fake)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import tempfile
import time
from pathlib import Path

from tests.safety.crashloop import crash_loop, summary
from tests.safety.harness import candidates, importable


async def main(names: list[str], runs: int, seed: int, parallel: int) -> int:
    # Requests of a killed client end in uvicorn "Exception in ASGI application": expected.
    logging.getLogger("uvicorn.error").setLevel(logging.CRITICAL)
    home = Path(tempfile.mkdtemp(prefix="mergedesk-crash-"))
    os.environ["MERGEDESK_HOME"] = str(home)
    report, failed = {}, False
    for name in names:
        why = importable(name)
        if why:
            report[name] = {"skipped": why}
            continue
        started = time.perf_counter()
        calibration, results = await crash_loop(name, runs, home, seed=seed,
                                                parallel=parallel)
        data = summary(results)
        data["calibration"] = calibration.__dict__
        data["seconds"] = round(time.perf_counter() - started, 1)
        report[name] = data
        failed = failed or bool(data["failures"])
    print(json.dumps(report, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("providers", nargs="*")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--parallel", type=int, default=2)
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main(args.providers or candidates(), args.runs, args.seed,
                                      args.parallel)))
