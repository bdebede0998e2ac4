"""`mergedesk apply --rules rules.json`: run bulk rules headless over the groups of the
last scan, through the same services as the GUI's Bulk rules dialog. Prints one line
per merge (a DESIGN.md outcome line plus its "rule" with --json) and the per-rule
counts and outcomes; exit code 0 only if every merge succeeded (or, with --dry-run,
every one would run)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from typing import TYPE_CHECKING

from mergedesk.cli import (
    EXIT_NOT_ALL_MERGED,
    EXIT_OK,
    CliError,
    _open_workspace,
    _recover_connection,
    _with_provider,
)

if TYPE_CHECKING:
    from mergedesk.core.bulk_eval import Evaluation
    from mergedesk.core.bulk_rules import RuleSet
    from mergedesk.core.models import MergeOutcome
    from mergedesk.providers.base import Provider


def apply_rules(args: argparse.Namespace) -> int:
    rules = _read_rules(args)
    workspace = _open_workspace()
    try:
        return asyncio.run(_with_provider(args, lambda p, url: _run(args, workspace, rules,
                                                                     p, url)))
    finally:
        workspace.close()


def _read_rules(args: argparse.Namespace) -> RuleSet:
    from mergedesk.core.bulk_rules import RulesError, RuleSet

    try:
        text = args.rules.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read rules {args.rules}: {exc.strerror}") from exc
    try:
        return RuleSet.from_json_text(text)
    except RulesError as exc:
        raise CliError(f"invalid rules {args.rules}: {exc}") from None


async def _run(args: argparse.Namespace, workspace, rules: RuleSet, provider: Provider,
               base_url: str) -> int:
    from mergedesk.core.bulk_rules import RulesError
    from mergedesk.services.apply import ApplyService
    from mergedesk.services.bulk import BulkService, NoGroups

    service = BulkService(workspace, ApplyService(workspace))
    if not args.dry_run:  # merges a crash left open are settled before anything new
        await _recover_connection(workspace, provider, base_url, args.entity)
    try:
        evaluation = await service.evaluate(rules, provider, base_url, args.entity)
    except NoGroups as exc:
        raise CliError(f"{exc} (mergedesk scan --provider {args.provider} ...)") from None
    except RulesError as exc:  # names no field of this CRM has
        raise CliError(f"invalid rules {args.rules}: {exc}") from None
    batch = await service.batch(evaluation, provider, args.limit)
    if batch.budget is not None and not batch.budget.enough:
        print(f"note: {batch.budget.message()}", file=sys.stderr)
    outcomes: dict[str, Counter[str]] = {t.name: Counter() for t in service.tallies(evaluation)}
    ok = True
    if batch.merges:
        ctx = await service.context(provider, base_url, args.entity, batch.merges)
        async for rule, outcome in service.submit(ctx, batch, dry_run=args.dry_run):
            outcomes[rule][outcome.status.value] += 1
            ok = ok and outcome.status == ("dry-run" if args.dry_run else "merged")
            _print_outcome(args, rule, outcome)
    _print_summary(args, service.tallies(evaluation), outcomes, evaluation)
    return EXIT_OK if ok else EXIT_NOT_ALL_MERGED


def _print_outcome(args: argparse.Namespace, rule: str, outcome: MergeOutcome) -> None:
    if args.json:
        print(json.dumps({**outcome.as_json_line(), "rule": rule}, ensure_ascii=False),
              flush=True)
        return
    merged = ", ".join(outcome.merged)
    line = f"[{rule}] group {outcome.group}: {outcome.status.value}"
    line += f" ({merged} -> {outcome.master})" if merged else f" (master {outcome.master})"
    print(line + (f": {outcome.message}" if outcome.message else ""), flush=True)


def _print_summary(args: argparse.Namespace, tallies, outcomes: dict[str, Counter[str]],
                   evaluation: Evaluation) -> None:
    for tally in tallies:
        tally.outcomes = dict(outcomes.get(tally.name, {}))
    skipped = {k.value: v for k, v in evaluation.skipped.items() if v}
    if args.json:
        print(json.dumps({"summary": {"dry_run": args.dry_run, "limit": args.limit,
                                      "rules": [t.as_json() for t in tallies],
                                      "skipped": skipped}}, ensure_ascii=False), flush=True)
        return
    for tally in tallies:
        done = ", ".join(f"{n} {status}" for status, n in sorted(tally.outcomes.items()))
        print(f"{tally.name}: {tally.taken} groups taken, {tally.blocked} blocked"
              + (f"; {done}" if done else ""))
    if skipped:
        print("not taken: " + ", ".join(f"{n} {why.replace('_', ' ')}"
                                        for why, n in skipped.items()))
