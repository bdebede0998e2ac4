"""The vendor-neutral fault model and the sliding-window limiter, without HTTP."""

from __future__ import annotations

import threading

import pytest

from mergedesk.sandbox.faults import Fault, FaultKind, FaultPlan
from mergedesk.sandbox.ratelimit import SlidingWindowLimiter


def test_fault_specs_are_validated_when_armed():
    with pytest.raises(ValueError):
        Fault("explode")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs a status"):
        Fault(FaultKind.STATUS)
    with pytest.raises(ValueError):
        Fault(FaultKind.SLOW, path="(unclosed")
    with pytest.raises(ValueError):
        Fault(FaultKind.STATUS, status=42)
    with pytest.raises(ValueError):
        Fault(FaultKind.SLOW, count=0)
    with pytest.raises(ValueError, match="fixes apply"):
        Fault(FaultKind.DROP_BEFORE_APPLY, apply=True)


def test_fault_spec_round_trips_through_json_dicts():
    spec = {
        "kind": "status",
        "method": "post",
        "path": "contact_merge$",
        "status": 429,
        "headers": {"Retry-After": "7"},
        "count": 2,
        "skip": 1,
    }
    fault = Fault.from_dict(spec)
    assert fault.method == "POST"
    assert fault.to_dict()["headers"] == {"Retry-After": "7"}
    assert Fault.from_dict(fault.to_dict()).to_dict() == fault.to_dict()
    with pytest.raises(ValueError, match="unknown fault keys: colour"):
        Fault.from_dict({"kind": "slow", "colour": "red"})
    with pytest.raises(ValueError, match="needs a 'kind'"):
        Fault.from_dict({"status": 500})


def test_apply_defaults_follow_the_kind():
    assert Fault(FaultKind.DROP_AFTER_APPLY).applies
    assert not Fault(FaultKind.DROP_BEFORE_APPLY).applies
    assert not Fault(FaultKind.STATUS, status=503).applies
    assert Fault(FaultKind.STATUS, status=502, apply=True).applies
    assert Fault(FaultKind.SLOW, delay=1).applies
    assert not Fault(FaultKind.SLOW, delay=1, apply=False).applies


def test_fault_fires_after_skip_for_count_matching_requests_only():
    plan = FaultPlan()
    plan.add("status", status=503, method="POST", path=r"/merge$", skip=1, count=2)
    assert plan.take("GET", "/merge") is None  # wrong method: not even counted
    assert plan.take("POST", "/merge/other") is None  # path does not match
    assert plan.take("POST", "/merge") is None  # skipped
    assert plan.take("POST", "/merge").status == 503
    assert plan.take("post", "/merge").status == 503
    assert plan.take("POST", "/merge") is None  # used up
    assert plan.pending == []
    assert [(f.method, f.path) for f in plan.fired] == [("POST", "/merge")] * 2


def test_queued_faults_fire_in_order_and_unlimited_count_never_runs_out():
    plan = FaultPlan()
    plan.add("status", status=500)
    plan.add("status", status=502)
    plan.add(Fault(FaultKind.HTML_ERROR, count=None))
    assert [plan.take("GET", "/x").status for _ in range(2)] == [500, 502]
    assert all(plan.take("GET", "/x").kind is FaultKind.HTML_ERROR for _ in range(50))


def test_skip_counts_every_matching_request_even_when_another_fault_fires():
    plan = FaultPlan()
    plan.add("status", status=500)
    plan.add("status", status=503, skip=1)
    assert plan.take("GET", "/a").status == 500
    assert plan.take("GET", "/a").status == 503


def test_revoke_token_sets_the_flag_and_clear_resets_everything():
    plan = FaultPlan()
    plan.add("revoke_token", path="/contacts")
    plan.add("slow", delay=5)
    assert not plan.token_revoked
    assert plan.take("GET", "/contacts").kind is FaultKind.REVOKE_TOKEN
    assert plan.token_revoked
    plan.clear()
    assert not plan.token_revoked and plan.pending == [] and plan.fired == []


def test_plan_hands_out_each_firing_once_across_threads():
    plan = FaultPlan()
    plan.add("status", status=500, count=25)
    fired: list[object] = []

    def worker() -> None:
        for _ in range(50):
            if plan.take("GET", "/x") is not None:
                fired.append(1)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(fired) == 25 == len(plan.fired)


def test_sliding_window_refuses_over_the_limit_and_recovers_as_hits_age():
    now = [1000.0]
    limiter = SlidingWindowLimiter(3, period=60, clock=lambda: now[0])
    assert [limiter.hit("ip") for _ in range(4)] == [True, True, True, False]
    assert limiter.hit("other-ip")
    assert limiter.retry_in("ip") == pytest.approx(60)
    now[0] += 59.9
    assert not limiter.hit("ip")
    now[0] += 0.2
    assert limiter.hit("ip")
    assert limiter.retry_in("nobody") == 0.0
