"""Throughput of merging against the Pipeliner fake under its enforced request limit:
prints one JSON line {"groups", "seconds", "requests", "achieved_rps", "allowed_rps",
"ratio", "ratio_to_fastest", "throttled", "duplicate_merges", "statuses", ...}.

Pipeliner documents no rate limit, so by default the client only honours 429 +
Retry-After (one shared pause for every request); `--paced` gives it the limit as the
provider's `requests_per_window` option. The fake refuses more than `--limit` requests
per `--window` seconds (sliding window). `ratio` is achieved / (limit / window); as a
fresh window admits a whole burst at once, `ratio_to_fastest` also compares the run's
time with the fastest any client could finish that many requests under the limit.

    python tests/benchmarks/bench_throughput_pipeliner.py [--groups 200] [--paced]
"""

from __future__ import annotations

import argparse
import json
import math

from throughput_common import ChildFake, apply_all, duplicate_merges, plan_for, run, settings

from mergedesk.providers.pipeliner import PipelinerProvider


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--limit", type=int, default=300, help="requests per window")
    parser.add_argument("--window", type=float, default=10.0, help="seconds")
    parser.add_argument("--records", type=int, default=4000)
    parser.add_argument("--apply-concurrency", type=int, default=4, help="groups in flight")
    parser.add_argument("--paced", action="store_true", help="tell the client the limit")
    args = parser.parse_args(argv)
    fake = ChildFake("pipeliner", {"seed": 11, "records": args.records,
                                   "rate_limit": (args.limit, args.window)})
    try:
        plan = plan_for("pipeliner", "contacts", fake.info["groups"], args.groups, "position")
        credentials = fake.info["credentials"]
        paced = {"requests_per_window": args.limit, "window": args.window} if args.paced else {}
        client = PipelinerProvider(settings("pipeliner", fake.base_url, credentials, paced))
        seconds, statuses = run(_apply(client, fake.base_url, plan, args.apply_concurrency))
        token = credentials["MERGEDESK_PIPELINER_SECRET"]
        counts = fake.admin("requests", token)["requests"]
        merges = fake.admin("merges", token)["merges"]
    finally:
        fake.stop()
    sent = sum(counts.values())
    throttled = client.pacer.throttled
    admitted = sent - throttled
    allowed = args.limit / args.window
    # A sliding window admits request k*limit + 1 no sooner than k windows after the
    # first: the fastest any client can finish `admitted` requests under this limit.
    fastest = math.floor((admitted - 1) / args.limit) * args.window
    print(json.dumps({
        "provider": "pipeliner", "groups": len(plan.merges),
        "records_merged": sum(len(m.others) for m in plan.merges),
        "seconds": round(seconds, 2), "requests": admitted, "throttled": throttled,
        "achieved_rps": round(admitted / seconds, 1), "allowed_rps": round(allowed, 1),
        "ratio": round(admitted / seconds / allowed, 3),
        "fastest_possible_seconds": fastest, "ratio_to_fastest": round(fastest / seconds, 3),
        "merge_calls": len(merges),
        "duplicate_merges": duplicate_merges(merges, ("secondaries",)),
        "statuses": statuses, "apply_concurrency": args.apply_concurrency, "paced": args.paced,
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
