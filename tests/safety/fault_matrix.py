"""Print the fault matrix: `python -m tests.safety.fault_matrix [provider ...] [--json]`.
Every fault kind against every provider with a client and a fake (or those named), as a
table; --json adds one object per cell with its problems and time."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from tests.safety.harness import candidates, importable, matrix_text, run_provider


async def main(names: list[str], as_json: bool) -> int:
    # uvicorn reports each held (slow) answer it cancels on shutdown: expected here.
    logging.getLogger("uvicorn.error").setLevel(logging.CRITICAL)
    home = Path(tempfile.mkdtemp(prefix="mergedesk-faults-"))
    os.environ["MERGEDESK_HOME"] = str(home)
    results, cells = [], []
    for name in names:
        why = importable(name)
        if why:
            print(f"skipped {name}: {why}", file=sys.stderr)
            continue
        started = time.perf_counter()
        found = await run_provider(name, home)
        results += found
        cells += [{"provider": name, "fault": r.case, "cell": r.cell,
                   "merge_calls": r.merge_calls, "problems": r.problems} for r in found]
        print(f"{name}: {len(found)} fault kinds in {time.perf_counter() - started:.1f} s",
              file=sys.stderr)
    print(matrix_text(results))
    if as_json:
        print(json.dumps({"cells": cells}, indent=2))
    return 1 if any(r.problems for r in results) else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("providers", nargs="*")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main(args.providers or candidates(), args.json)))
