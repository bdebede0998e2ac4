"""Throughput of merging against the Chatwoot fake under its enforced rack-attack limit:
prints one JSON line {"groups", "seconds", "requests", "achieved_rps", "allowed_rps",
"ratio", "ratio_with_burst", "throttled", "duplicate_merges", "statuses", ...}.

The fake refuses more than `--limit` requests per `--window` seconds per client IP with
rack-attack's plain 429 'Retry later' (no Retry-After); a real install allows
RACK_ATTACK_LIMIT=3000 a minute, the benchmark a shorter window (the same 40 a second
as 2400 a minute) so that 200 groups finish in under two minutes. The client is told
the budget and window as its `requests_per_minute` / `rate_limit_period` options and
paces itself. `ratio` is achieved / (limit / window);
`ratio_with_burst` also credits the burst an idle window admits at the start
(limit x (seconds / window + 1) requests could fit). `--latency` holds every answer
that long (a remote install) to show what concurrency the limit needs.

    python tests/benchmarks/bench_throughput_chatwoot.py [--groups 200] [--limit 200]
        [--window 5] [--latency 0] [--concurrency 4] [--unpaced]
"""

from __future__ import annotations

import argparse
import json

import httpx
from throughput_common import (
    ChildFake,
    apply_all,
    call_log,
    plan_for,
    run,
    settings,
    sliding_window_figures,
    summary,
)

from mergedesk.providers.chatwoot import ChatwootProvider

TOKEN = "MERGEDESK_CHATWOOT_TOKEN"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--limit", type=int, default=200, help="requests per window per IP")
    parser.add_argument("--window", type=float, default=5.0, help="seconds")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per answer")
    parser.add_argument("--concurrency", type=int, default=4,
                        help="the provider's concurrency option: requests in flight and "
                             "groups merged side by side")
    parser.add_argument("--records", type=int, default=4000)
    parser.add_argument("--unpaced", action="store_true", help="no pacing of our own")
    args = parser.parse_args(argv)
    fake = ChildFake("chatwoot", {"seed": 11, "records": args.records,
                                  "rate_limit_per_minute": args.limit,
                                  "rate_limit_period": args.window})
    try:
        token = fake.info["credentials"][TOKEN]
        if args.latency:
            _arm_latency(fake, token, args.latency)
        plan = plan_for("chatwoot", "contacts", fake.info["groups"], args.groups, "name")
        per_minute = 0 if args.unpaced else args.limit * 60 / args.window
        client = ChatwootProvider(settings("chatwoot", fake.base_url, fake.info["credentials"], {
            "requests_per_minute": per_minute, "rate_limit_period": args.window,
            "concurrency": args.concurrency}))
        # ApplyService's own concurrency: the provider's, from its `concurrency` option.
        seconds, statuses = run(apply_all(client, fake.base_url, plan,
                                          client.capabilities.max_concurrency))
        counts, merges = call_log(fake, token)
    finally:
        fake.stop()
    print(json.dumps(_report(args, plan, seconds, statuses, counts, merges, client)))
    return 0


def _report(args, plan, seconds, statuses, counts, merges, client) -> dict:
    throttled = client.pacer.throttled
    admitted = sum(counts.values()) - throttled
    with_burst = args.limit * (seconds / args.window + 1)
    return {
        **summary("chatwoot", plan, seconds, statuses, merges, ("mergee",)),
        **sliding_window_figures(admitted, seconds, args.limit, args.window),
        "throttled": throttled,
        "requests_per_group": round(admitted / max(1, len(plan.merges)), 1),
        "ratio_with_burst": round(admitted / with_burst, 3),
        "merges_per_minute": round(len(merges) / seconds * 60, 1),
        "concurrency": args.concurrency, "latency": args.latency,
        "paced": not args.unpaced, "by_route": counts,
    }


def _arm_latency(fake: ChildFake, token: str, latency: float) -> None:
    fault = {"kind": "slow", "path": "/api/v1/", "count": None, "delay": latency,
             "apply": True}
    httpx.post(f"{fake.root}/_sandbox/faults", json=fault,
               headers={"x-sandbox-token": token}, timeout=10).raise_for_status()


if __name__ == "__main__":
    raise SystemExit(main())
