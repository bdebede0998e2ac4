"""Crash loops: the real `mergedesk apply` process is SIGKILLed at seeded random points
(on an exact request, before or after the fake handles it, or on a timer) over at least
50 runs in all; after each, recovery settles every step and a second apply brings the
fake to exactly the plan's intent, each pair merged once. Runs per provider:
MERGEDESK_CRASH_RUNS, else 50 shared out (at least 10 each). The script
`python -m tests.safety.crash_loop` runs more and prints JSON."""

from __future__ import annotations

import json
import math
import os

import pytest

from tests.safety.crashloop import crash_loop, summary
from tests.safety.harness import candidates, importable

PROVIDERS = candidates()
RUNS = int(os.environ.get("MERGEDESK_CRASH_RUNS", "0")) or max(
    10, math.ceil(50 / max(1, len(PROVIDERS))))


@pytest.mark.skipif("MERGEDESK_CRASH_RUNS" in os.environ, reason="runs set by hand")
def test_the_loops_add_up_to_at_least_fifty_runs():
    assert RUNS * len(PROVIDERS) >= 50


@pytest.mark.slow
@pytest.mark.parametrize("name", PROVIDERS)
async def test_sigkill_anywhere_then_recovery_reaches_the_plans_intent(name, tmp_path):
    why = importable(name)
    if why:
        pytest.skip(why)
    calibration, results = await crash_loop(name, RUNS, tmp_path)
    data = summary(results)
    print(json.dumps({"provider": name, "calibration": calibration.__dict__, **data},
                     indent=2))
    assert not data["failures"], "\n".join(data["failures"])
    # Most kill points fall inside the apply (a timer may fire after it finished).
    assert data["killed"] >= 0.8 * RUNS
    assert data["open_after_crash"] > 0  # some kills really interrupted merges
