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
        seconds, statuses = run(apply_all(client, fake.base_url, plan,
                                          args.apply_concurrency))
        counts, merges = call_log(fake, credentials["MERGEDESK_PIPELINER_SECRET"])
    finally:
        fake.stop()
    throttled = client.pacer.throttled
    admitted = sum(counts.values()) - throttled
    print(json.dumps({
        **summary("pipeliner", plan, seconds, statuses, merges, ("secondaries",)),
        **sliding_window_figures(admitted, seconds, args.limit, args.window),
        "throttled": throttled, "apply_concurrency": args.apply_concurrency,
        "paced": args.paced,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
