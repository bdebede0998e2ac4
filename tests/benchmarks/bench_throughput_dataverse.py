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

from throughput_common import ChildFake, apply_all, duplicate_merges, plan_for, run, settings

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
        seconds, statuses = run(_apply(client, fake.base_url, plan, in_flight))
        secret = creds["MERGEDESK_DATAVERSE_CLIENT_SECRET"]
        counts = fake.admin("requests", secret)["requests"]
        merges = fake.admin("merges", secret)["merges"]
    finally:
        fake.stop()
    requests = sum(counts.values())
    allowed_calls = args.budget * (seconds / args.window + 1)
    print(json.dumps({
        "provider": "dataverse", "groups": len(plan.merges), "records_merged": sum(
            len(m.others) for m in plan.merges), "seconds": round(seconds, 2),
        "requests": requests, "achieved_rps": round(requests / seconds, 1),
        "allowed_rps": round(allowed_calls / seconds, 1),
        "ratio": round(requests / allowed_calls, 3),
        "ratio_vs_rate": round(requests / seconds / (args.budget / args.window), 3),
        "merge_calls": len(merges), "duplicate_merges": duplicate_merges(merges, ("subordinate",)),
        "throttled": client.pacer.throttled, "statuses": statuses,
        "apply_concurrency": in_flight,
    }))
    return 0


async def _apply(client, base_url, plan, in_flight):
    try:
        return await apply_all(client, base_url, plan, in_flight)
    finally:
        await client.aclose()


if __name__ == "__main__":
    raise SystemExit(main())
