"""Throughput of merging against the Zoho fake under its enforced limits: prints one JSON
line {"groups", "seconds", "requests", "achieved_rps", "allowed_rps", "ratio",
"throttled", "duplicate_merges", "statuses", ...}.

The fake enforces Zoho's two limits, each with 429: API credits (`--credits` calls per
`--window` seconds, sliding) and concurrent calls per org (`--concurrency`), and holds
each call `--latency` seconds. The credit budget binds: from an idle start at most
credits x (seconds / window + 1) calls fit in `seconds`, and the ratio is the calls made
over that. The client is told the same budget and concurrency and paces itself.

    python tests/benchmarks/bench_throughput_zoho.py [--groups 200] [--concurrency 5]
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

from mergedesk.providers.zoho import ZohoProvider

API_ROUTES = "GET /{module}", "POST /{module}", "PUT /{module}"  # prefixes of counted calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.01)
    parser.add_argument("--credits", type=int, default=60)
    parser.add_argument("--window", type=float, default=1.0)
    parser.add_argument("--records", type=int, default=4000)
    parser.add_argument("--apply-concurrency", type=int, default=0,
                        help="groups in flight (default: ApplyService's, the CRM's concurrency)")
    args = parser.parse_args(argv)
    fake = ChildFake("zoho", {"seed": 11, "records": args.records, "files_share": 0.0,
                              "concurrency": args.concurrency, "latency": args.latency,
                              "credits_per_window": args.credits, "window": args.window})
    try:
        plan = plan_for("zoho", "contacts", fake.info["groups"], args.groups, "Phone")
        conn = settings("zoho", fake.base_url, fake.info["credentials"],
                        {"concurrency": args.concurrency,
                         "requests_per_window": args.credits, "window": args.window})
        client = ZohoProvider(conn)
        in_flight = args.apply_concurrency or client.capabilities.max_concurrency
        seconds, statuses = run(apply_all(client, fake.base_url, plan, in_flight))
        counts, merges = call_log(fake, fake.info["credentials"]["MERGEDESK_ZOHO_REFRESH_TOKEN"])
    finally:
        fake.stop()
    requests = sum(n for k, n in counts.items() if k.startswith(API_ROUTES))
    print(json.dumps({
        **summary("zoho", plan, seconds, statuses, merges, ("children",)),
        **budget_figures(requests, seconds, args.credits, args.window),
        "throttled": client.pacer.throttled, "apply_concurrency": in_flight,
        "token_refreshes": client.token_refreshes,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
