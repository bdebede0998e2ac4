"""Throughput of merging against the Dataverse fake under its enforced service
protection limits: prints one JSON line {"groups", "seconds", "requests",
"achieved_rps", "allowed_rps", "ratio", "throttled", "duplicate_merges", ...}.

The fake enforces, per user, `--budget` requests per `--window` seconds (sliding) and
52 concurrent requests, answering 429 with Retry-After, and holds each request
`--latency` seconds. From an idle start at most budget x (seconds / window + 1)
requests fit in `seconds`: the ratio is the requests made over that. The client is
told the same budget and paces itself (BudgetPacer); 429s it still met are "throttled".

    python tests/benchmarks/bench_throughput_dataverse.py [--groups 200] [--budget 60]
"""

from __future__ import annotations

import argparse
import json

from throughput_common import (
    ChildFake,
    apply_all,
    budget_figures,
    call_log,
    plan_for,
    run,
    settings,
    summary,
)

from mergedesk.providers.dataverse import DataverseProvider


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--budget", type=int, default=60)
    parser.add_argument("--window", type=float, default=1.0)
    parser.add_argument("--concurrency", type=int, default=52)
    parser.add_argument("--latency", type=float, default=0.01)
    parser.add_argument("--records", type=int, default=4000)
    parser.add_argument("--apply-concurrency", type=int, default=0,
                        help="groups in flight (default: ApplyService's, the CRM's concurrency)")
    args = parser.parse_args(argv)
    fake = ChildFake("dataverse", {"seed": 12, "records": args.records, "notes_share": 0.0,
                                   "requests_per_window": args.budget, "window": args.window,
                                   "concurrency": args.concurrency, "latency": args.latency})
    try:
        plan = plan_for("dataverse", "contacts", fake.info["groups"], args.groups, "telephone1")
        creds = fake.info["credentials"]
        conn = settings("dataverse", fake.base_url, creds,
                        {"requests_per_window": args.budget, "window": args.window,
                         "concurrency": args.concurrency})
        client = DataverseProvider(conn)
        in_flight = args.apply_concurrency or client.capabilities.max_concurrency
        seconds, statuses = run(apply_all(client, fake.base_url, plan, in_flight))
        counts, merges = call_log(fake, creds["MERGEDESK_DATAVERSE_CLIENT_SECRET"])
    finally:
        fake.stop()
    print(json.dumps({
        **summary("dataverse", plan, seconds, statuses, merges, ("subordinate",)),
        **budget_figures(sum(counts.values()), seconds, args.budget, args.window),
        "throttled": client.pacer.throttled, "apply_concurrency": in_flight,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
