"""The fault-injection matrix over real loopback HTTP: every fault kind of the harness
(≥ 15) × every provider that has both a client and a fake. For each: nothing merged
twice, nothing lost (the journal holds what each merge destroyed, as it was), every
outcome reported truthfully, and after recovery and a second apply the plan is done
(or, where the records changed, stopped as stale with nothing sent).
Run with -s to see the matrix; `python -m tests.safety.fault_matrix` prints it too."""

from __future__ import annotations

import pytest

from tests.safety.harness import (
    CASES,
    CaseResult,
    candidates,
    importable,
    matrix_text,
    run_provider,
)

RESULTS: list[CaseResult] = []


def test_the_matrix_has_at_least_fifteen_fault_kinds():
    assert len({c.name for c in CASES}) >= 15


@pytest.mark.slow
@pytest.mark.parametrize("name", candidates())
async def test_no_fault_merges_twice_loses_anything_or_hides_an_outcome(name, tmp_path):
    why = importable(name)
    if why:
        pytest.skip(why)
    results = await run_provider(name, tmp_path)
    RESULTS.extend(results)
    print("\n" + matrix_text(results))
    problems = [f"{r.case}: {p}" for r in results for p in r.problems]
    assert not problems, "\n".join(problems)


def test_print_the_whole_matrix():
    """With -s after the provider runs: one table, every provider side by side."""
    if not RESULTS:
        pytest.skip("the matrix is printed after the provider runs of this module")
    print("\n" + matrix_text(RESULTS))
