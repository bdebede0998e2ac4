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
        seconds, statuses = run(apply_all(client, fake.base_url, plan,
                                          args.apply_concurrency))
        counts, merges = call_log(fake, credentials["MERGEDESK_LEADLEX_API_KEY"])
    finally:
        fake.stop()
    throttled = client.pacer.minute.throttled
    admitted = sum(counts.values()) - throttled
    keys = [m["idempotency_key"] for m in merges]
    print(json.dumps({
        **summary("leadlex", plan, seconds, statuses, merges, ("duplicates",)),
        **sliding_window_figures(admitted, seconds, args.limit, args.window),
        "throttled": throttled, "merges_without_key": keys.count(None),
        "apply_concurrency": args.apply_concurrency, "paced": not args.reactive,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
