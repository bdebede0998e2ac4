"""Throughput of merging against the LeadLex fake under its enforced per-minute limit:
prints one JSON line {"groups", "seconds", "requests", "achieved_rps", "allowed_rps",
"ratio", "ratio_to_fastest", "throttled", "duplicate_merges", ...}.

LeadLex limits requests per minute by plan (Org: 200). So that 200 merges fit in a
couple of minutes the fake's "minute" is shortened to `--window` seconds with
`--limit` requests, and the client is told the same scaled limit (in production the
plan is recognised from X-RateLimit-Limit). `--reactive` gives the client no limit:
it then rides the 429s with Retry-After. Every merge carries its Idempotency-Key.
`ratio` is achieved / (limit / window); as a fresh window admits a whole burst at once,
`ratio_to_fastest` also compares the run's time with the fastest any client could
finish that many requests under the limit.

    python tests/benchmarks/bench_throughput_leadlex.py [--groups 200] [--reactive]
"""

from __future__ import annotations

import argparse
import json
import math

from throughput_common import ChildFake, apply_all, duplicate_merges, plan_for, run, settings

from mergedesk.providers.leadlex import LeadLexProvider


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--limit", type=int, default=300, help="requests per window")
    parser.add_argument("--window", type=float, default=10.0, help="seconds of the 'minute'")
    parser.add_argument("--records", type=int, default=4000)
    parser.add_argument("--apply-concurrency", type=int, default=4, help="groups in flight")
    parser.add_argument("--reactive", action="store_true", help="no client-side pacing")
    args = parser.parse_args(argv)
    fake = ChildFake("leadlex", {"seed": 11, "records": args.records, "daily": 1_000_000,
                                 "per_minute": args.limit, "window": args.window})
    try:
        plan = plan_for("leadlex", "contacts", fake.info["groups"], args.groups, "job_title")
        credentials = fake.info["credentials"]
        paced = {} if args.reactive else {"requests_per_minute": args.limit,
                                          "window": args.window}
        client = LeadLexProvider(settings("leadlex", fake.base_url, credentials, paced))
        seconds, statuses = run(_apply(client, fake.base_url, plan, args.apply_concurrency))
        token = credentials["MERGEDESK_LEADLEX_API_KEY"]
        counts = fake.admin("requests", token)["requests"]
        merges = fake.admin("merges", token)["merges"]
    finally:
        fake.stop()
    throttled = client.pacer.minute.throttled
    admitted = sum(counts.values()) - throttled
    allowed = args.limit / args.window
    # A sliding window admits request k*limit + 1 no sooner than k windows after the
    # first: the fastest any client can finish `admitted` requests under this limit.
    fastest = math.floor((admitted - 1) / args.limit) * args.window
    keys = [m["idempotency_key"] for m in merges]
    print(json.dumps({
        "provider": "leadlex", "groups": len(plan.merges),
        "records_merged": sum(len(m.others) for m in plan.merges),
        "seconds": round(seconds, 2), "requests": admitted, "throttled": throttled,
        "achieved_rps": round(admitted / seconds, 1), "allowed_rps": round(allowed, 1),
        "ratio": round(admitted / seconds / allowed, 3),
        "fastest_possible_seconds": fastest, "ratio_to_fastest": round(fastest / seconds, 3),
        "merge_calls": len(merges), "duplicate_merges": duplicate_merges(merges, ("duplicates",)),
        "merges_without_key": keys.count(None), "statuses": statuses,
        "apply_concurrency": args.apply_concurrency, "paced": not args.reactive,
        "limit": f"{args.limit} per {args.window:g} s",
    }))
    return 0


async def _apply(client, base_url, plan, in_flight):
    try:
        return await apply_all(client, base_url, plan, in_flight)
    finally:
        await client.aclose()


if __name__ == "__main__":
    raise SystemExit(main())
