"""The `mergedesk` command: the GUI by default, and sandbox / scan / apply / history for
batch work, scripting and tests (DESIGN.md's command-line contract). Each command runs
the same service coroutines as the GUI, under asyncio.run.

The GUI is chosen before anything of the commands loads: plans, providers, credentials
and the journal come in with the command that needs them, so they never delay the
window's first paint (tests/benchmarks/bench_startup.py)."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mergedesk.providers import errors
    from mergedesk.providers.base import Provider
    from mergedesk.services.workspace import Workspace

EXIT_OK, EXIT_NOT_ALL_MERGED, EXIT_INPUT = 0, 1, 2


class CliError(Exception):
    """A one-line message for stderr, and the exit code."""

    def __init__(self, message: str, code: int = EXIT_INPUT):
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    from mergedesk import __version__

    parser = argparse.ArgumentParser(prog="mergedesk", description="Merge duplicate CRM records.")
    parser.add_argument("--version", action="version", version=f"mergedesk {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the GUI on the demo sandbox")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    commands = parser.add_subparsers(dest="command")

    sandbox = commands.add_parser("sandbox", help="serve a fake CRM on 127.0.0.1")
    sandbox.add_argument("--provider", required=True)
    sandbox.add_argument("--port", type=int, default=0)
    sandbox.add_argument("--seed", type=int, default=1)
    sandbox.add_argument("--records", type=int, default=200)

    scan = commands.add_parser("scan", help="find duplicate groups")
    source = scan.add_mutually_exclusive_group(required=True)
    source.add_argument("--provider")
    source.add_argument("--csv", type=Path)
    scan.add_argument("--base-url")
    scan.add_argument("--entity", default="contacts")
    scan.add_argument("--profile", help="keyring profile holding the credentials")
    scan.add_argument("--out", type=Path, required=True)

    apply = commands.add_parser("apply", help="perform (or preview) the merges of a plan")
    apply.add_argument("plan", type=Path, nargs="?")
    apply.add_argument("--provider", required=True)
    apply.add_argument("--base-url", required=True)
    apply.add_argument("--profile")
    apply.add_argument("--dry-run", action="store_true")
    # Bulk rules instead of a plan (mergedesk.cli_rules): over the last scan's groups.
    apply.add_argument("--rules", type=Path, help="a bulk rules file instead of a plan")
    apply.add_argument("--entity", default="contacts", help="with --rules")
    apply.add_argument("--limit", type=int, help="with --rules: merge at most N groups")
    apply.add_argument("--json", action="store_true", help="with --rules: JSON lines")

    history = commands.add_parser("history", help="list journalled merges")
    history.add_argument("--json", action="store_true")
    history.add_argument("--search", default="")
    history.add_argument("--id", type=int, help="one merge in full: before, chosen, after")
    history.add_argument("--export", type=Path, help="write an audit file (.csv or .json)")
    history.add_argument("--id-map", type=Path, help="write old id -> new id (.csv or .json)")

    restore = commands.add_parser("restore", help="bring back what a merge destroyed")
    restore.add_argument("merge_id", type=int)
    restore.add_argument("--profile")
    restore.add_argument("--dry-run", action="store_true", help="say what would be done")

    recover = commands.add_parser("recover", help="settle merges a crash left open")
    recover.add_argument("--profile")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A frozen app's child processes (the GUI's matching, services.match_process)
        # start this same executable: freeze_support() runs the child's part, and exits.
        import multiprocessing

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    if _wants_gui(argv):
        # Start-up builds some 100,000 objects that live as long as the app: automatic
        # collections (~170 before the first paint, 0.1-0.2 s) would only walk them.
        # The GUI turns collection back on once its window has painted.
        gc.disable()
        try:
            # pydantic looks for plugins among every installed package's entry points at
            # its first model (10-20 ms); MergeDesk uses none.
            os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
            _skip_pyside_source_scan()
            from mergedesk.app import main as gui_main

            return gui_main(argv)  # the GUI takes its own options (--demo, --provider, ...)
        finally:
            gc.enable()
    from mergedesk.core.plan import PlanError
    from mergedesk.providers import errors
    from mergedesk.services import logs

    args = build_parser().parse_args(argv)
    logs.configure(verbose=args.verbose)
    try:
        return _COMMANDS[args.command](args)
    except CliError as exc:
        print(f"mergedesk: error: {exc}", file=sys.stderr)
        return exc.code
    except PlanError as exc:
        print(f"mergedesk: error: invalid plan: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except errors.ProviderError as exc:
        print(f"mergedesk: error: {_provider_text(exc)}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130


def _skip_pyside_source_scan() -> None:
    """Load PySide6 and stop its import hook from reading the source of every module
    imported after it. The hook (shiboken's `feature_imported`, PYSIDE-2029) searches
    each new module's whole source for "PySide6" to learn which modules may switch to
    `from __feature__ import snake_case`: some 350 files read before the window shows,
    60-100 ms on this machine. MergeDesk selects no feature, and while none is selected
    PySide behaves the same for every module, so all count as not using it. A frozen
    build has no sources (the hook finds none); a PySide without the hook is left as is."""
    import PySide6  # noqa: F401  (shiboken6 installs the hook as PySide6 loads)

    feature = sys.modules.get("shibokensupport.feature")
    if callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _never  # type: ignore[union-attr]


def _never(module: object) -> bool:
    return False


def _wants_gui(argv: list[str]) -> bool:
    """No subcommand means the GUI: its options are not the CLI's, so they pass through."""
    if {"-h", "--help", "--version"} & set(argv):
        return False
    first_word = next((a for a in argv if not a.startswith("-")), None)
    # Words after a leading option are that option's values (--lang de, --provider zoho);
    # a bare first word that is no command stays the CLI's error.
    return first_word is None or (first_word not in _COMMANDS and argv[0].startswith("-"))


def _cmd_sandbox(args: argparse.Namespace) -> int:
    from mergedesk.sandbox import SANDBOXES, serve_forever

    if args.provider not in SANDBOXES:
        raise CliError(f"no sandbox for {args.provider!r} (have: {', '.join(sorted(SANDBOXES))})")
    serve_forever(args.provider, port=args.port, seed=args.seed, records=args.records)
    return EXIT_OK


def _cmd_scan(args: argparse.Namespace) -> int:
    from mergedesk.services.scan import ScanService

    workspace = _open_workspace()
    try:
        service = ScanService(workspace)
        if args.csv is not None:
            result = asyncio.run(_scan_csv(service, args.csv, args.entity))
        else:
            result = asyncio.run(_with_provider(args, lambda p, url: service.scan(
                p, url, args.entity, progress=_progress_printer())))
    finally:
        workspace.close()
    _write_atomically(args.out, result.to_groups_file().model_dump_json(indent=2))
    if sys.stderr.isatty():
        print(file=sys.stderr)  # end the progress line
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    print(f"{result.records} records read, {len(result.groups)} groups written to {args.out}",
          file=sys.stderr)
    return EXIT_OK


async def _scan_csv(service, path: Path, entity: str):
    from mergedesk.core.csv_import import CsvImportError, read_csv
    from mergedesk.core.matching import MatchSettings
    from mergedesk.store.cache import connection_key

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        imported = read_csv(data, entity=entity)
    except CsvImportError as exc:
        raise CliError(f"{path}: {exc}") from exc
    for bad in imported.bad_rows:  # reported with line numbers, never dropped silently
        print(f"{path}:{bad.line}: skipped: {bad.reason}", file=sys.stderr)
    for note in imported.notes:
        print(f"{path}: {note}", file=sys.stderr)
    if not imported.records:
        raise CliError(f"{path}: no records to scan")
    conn = connection_key("csv", str(path.resolve()), entity)
    settings = MatchSettings.for_entity(entity, field_map=imported.field_map or None)
    return await service.group(conn, imported.records, "csv", entity, settings,
                               progress=_progress_printer())


def _cmd_apply(args: argparse.Namespace) -> int:
    if (args.plan is None) == (args.rules is None):
        raise CliError("apply takes a plan file or --rules FILE (one of them)")
    if args.rules is not None:
        from mergedesk.cli_rules import apply_rules

        return apply_rules(args)
    from mergedesk.services.apply import ApplyService

    try:
        text = args.plan.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read plan {args.plan}: {exc.strerror}") from exc
    from mergedesk.core.plan import MergePlan

    plan = MergePlan.from_json_text(text)
    workspace = _open_workspace()
    all_merged = True

    async def run(provider: Provider, base_url: str) -> None:
        nonlocal all_merged
        service = ApplyService(workspace)
        ctx = await service.prepare(provider, base_url, plan)
        if not args.dry_run:  # merges a crash left open are settled before anything new
            await _recover_connection(workspace, provider, base_url, plan.entity)
        async for outcome in service.run(ctx, plan.merges, dry_run=args.dry_run):
            print(json.dumps(outcome.as_json_line(), ensure_ascii=False), flush=True)
            ok = "dry-run" if args.dry_run else "merged"
            all_merged = all_merged and outcome.status == ok

    try:
        asyncio.run(_with_provider(args, run))
    finally:
        workspace.close()
    return EXIT_OK if all_merged else EXIT_NOT_ALL_MERGED


async def _recover_connection(workspace: Workspace, provider: Provider, base_url: str,
                              entity: str) -> None:
    from mergedesk.services.recovery import RecoveryService

    recovered = await RecoveryService(workspace).settle_connection(provider, base_url, entity)
    for outcome in recovered:
        print(f"note: recovered merge #{outcome.merge_id} (group {outcome.group}): "
              f"{outcome.status} {outcome.message}".rstrip(), file=sys.stderr)


def _cmd_history(args: argparse.Namespace) -> int:
    if args.id_map is not None:
        from mergedesk.services.idmap import export_id_map

        workspace = _open_workspace()
        try:
            count = export_id_map(workspace, args.id_map)
        finally:
            workspace.close()
        print(f"wrote {count} id mappings to {args.id_map}")
        return 0
    if args.id is not None or args.export is not None:
        return _history_detail_or_export(args)
    workspace = _open_workspace()
    try:
        entries = workspace.journal.history(search=args.search)
    finally:
        workspace.close()
    for entry in entries:
        if args.json:
            print(entry.model_dump_json(exclude={"steps", "snapshots", "plan"}))
        else:
            print(f"#{entry.id}  {entry.created_at}  {entry.provider}/{entry.entity}  "
                  f"group {entry.group_id}: {', '.join(entry.others)} -> {entry.master}  "
                  f"[{entry.status}] {entry.message}")
    return EXIT_OK


async def _with_provider(args: argparse.Namespace, work):
    """Build the provider named on the command line, run `work`, always close it."""
    from mergedesk.providers import registry
    from mergedesk.providers.base import ConnectionSettings
    from mergedesk.services import credentials

    try:
        spec = registry.spec(args.provider)
    except KeyError as exc:
        raise CliError(str(exc.args[0])) from None
    if not args.base_url:
        raise CliError(f"--base-url is required, e.g. {spec.base_url_example}")
    settings = ConnectionSettings(
        provider=spec.name, base_url=args.base_url,
        credentials=credentials.load(spec, getattr(args, "profile", None)),
    )
    provider = registry.create(settings)
    try:
        return await work(provider, settings.base_url.rstrip("/"))
    finally:
        await provider.aclose()


def _progress_printer():
    """A one-line progress bar on stderr, redrawn in place; silent when not a terminal."""
    if not sys.stderr.isatty():
        return None
    width = 30

    def show(phase: str, done: int, total: int | None) -> None:
        if phase == "matching":
            filled = int(width * done / max(total or 1, 1))
            bar = "#" * filled + "-" * (width - filled)
            line = f"matching [{bar}] {100 * done // max(total or 1, 1):3d}%"
        else:
            line = f"{phase}: {done}{f'/{total}' if total else ''} records"
        print(f"\r{line:<60}", end="", file=sys.stderr, flush=True)

    return show


def _write_atomically(path: Path, text: str) -> None:
    """Write next to the target and rename, so a crash never leaves half a file."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _open_workspace() -> Workspace:
    from mergedesk.services.workspace import Workspace

    return Workspace.open()


def _provider_text(exc: errors.ProviderError) -> str:
    from mergedesk.providers import errors

    crm = exc.provider or "the CRM"
    if isinstance(exc, errors.AuthError):
        return f"{crm} refused the credentials: {exc}"
    if isinstance(exc, errors.BadResponse):
        return str(exc)
    return f"{crm}: {exc}"


def _history_detail_or_export(args: argparse.Namespace) -> int:
    from mergedesk.services.history import HistoryService

    workspace = _open_workspace()
    try:
        history = HistoryService(workspace)
        if args.id is not None:
            detail = history.detail(args.id)
            if detail is None:
                raise CliError(f"there is no merge #{args.id} in the journal")
            if args.export is None:
                print(detail.model_dump_json(indent=2))
                return EXIT_OK
        # --id with --export: that merge alone; else every merge the search finds.
        details = [detail] if args.id is not None else history.details(args.search)
        suffix = args.export.suffix.lower()
        if suffix not in (".csv", ".json"):
            raise CliError(f"--export {args.export}: name a .csv or a .json file")
        export = history.export_csv if suffix == ".csv" else history.export_json
        count = export(args.export, details)
    finally:
        workspace.close()
    print(f"{count} merges written to {args.export}", file=sys.stderr)
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    """Restore one journalled merge in the CRM it was made in; one line per action."""
    from mergedesk.services.restore import RestoreRefused, RestoreService

    workspace = _open_workspace()
    try:
        service = RestoreService(workspace)
        try:
            entry = service.entry(args.merge_id)
        except RestoreRefused as exc:
            raise CliError(str(exc)) from None
        args.provider, args.base_url = entry.provider, entry.base_url

        async def run(provider: Provider, base_url: str):
            if args.dry_run:
                return await service.plan(provider, args.merge_id)
            return await service.restore(provider, args.merge_id)

        try:
            result = asyncio.run(_with_provider(args, run))
        except RestoreRefused as exc:
            raise CliError(str(exc)) from None
    finally:
        workspace.close()
    return _print_restore(result, args.dry_run)


def _print_restore(result, dry_run: bool) -> int:
    """A plan (dry run) says what would be done; a report what was done."""
    from mergedesk.services.restore import RestoreReport

    if dry_run:
        result = RestoreReport(merge_id=result.merge_id, restore_id=None, status=None,
                               actions=result.actions, notes=result.notes, lost=result.lost)
    for line in result.lines():
        print(line)
    return EXIT_OK if result.status in (None, "restored") else EXIT_NOT_ALL_MERGED


def _cmd_recover(args: argparse.Namespace) -> int:
    """Settle every merge a crash or a lost answer left open; one JSON line per merge."""
    from mergedesk.services.recovery import RecoveryService, default_connector

    workspace = _open_workspace()
    try:
        report = asyncio.run(RecoveryService(workspace, default_connector(args.profile))
                             .settle_all())
    finally:
        workspace.close()
    for outcome in report.outcomes:
        print(json.dumps(outcome.as_json_line(), ensure_ascii=False), flush=True)
    for conn in report.unreachable:
        ids = ", ".join(f"#{i}" for i in conn.open_merges)
        print(f"mergedesk: {conn.provider} at {conn.base_url}: {ids} still open: "
              f"{conn.reason}", file=sys.stderr)
    return EXIT_OK if report.still_open == 0 else EXIT_NOT_ALL_MERGED


_COMMANDS = {
    "sandbox": _cmd_sandbox,
    "scan": _cmd_scan,
    "apply": _cmd_apply,
    "history": _cmd_history,
    "restore": _cmd_restore,
    "recover": _cmd_recover,
}

if __name__ == "__main__":
    raise SystemExit(main())
