"""After full CLI runs against the Chatwoot and Zoho fakes — scan, a merge whose answer
is lost, reconciliation, history exports, restore, a refused token, debug logging on —
no token that was used appears in any file MergeDesk wrote: log, journal (and its WAL),
exports, settings. Plus: the log keeps request ids and, unless debug is on, no
personal data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mergedesk.sandbox.faults import Fault, FaultKind
from tests.conftest import serve
from tests.test_cli import run_cli


def files_under(*folders: Path) -> list[Path]:
    return [Path(root) / name for folder in folders if folder.exists()
            for root, _, names in os.walk(folder) for name in names]


def hits(secrets: set[str], files: list[Path]) -> list[str]:
    found = []
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            # As written, and as UTF-16 (a settings or log file in another encoding).
            if secret.encode() in data or secret.encode("utf-16-le") in data:
                found.append(f"{path}: {secret[:6]}…")
    return found


def full_run(name: str, served, out: Path, *, restore: bool) -> None:
    """What an admin does in a day: scan, apply (an answer lost), apply again, export,
    restore; every command with debug logging on."""
    env = served.credentials
    url = ["--provider", name, "--base-url", served.base_url]
    scanned = run_cli("-v", "scan", *url, "--entity", "contacts", "--out",
                      str(out / f"{name}-groups.json"), env=env)
    assert scanned.returncode == 0, scanned.stderr
    groups = json.loads((out / f"{name}-groups.json").read_text())["groups"][:3]
    assert groups, f"{name}: the scan found no groups"
    plan = out / f"{name}-plan.json"
    plan.write_text(json.dumps({"provider": name, "entity": "contacts", "merges": [
        {"group": g["id"], "master": g["records"][0], "others": g["records"][1:2]}
        for g in groups]}))
    served.fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="(?i)merge"))
    first = run_cli("-v", "apply", str(plan), *url, env=env)
    assert first.returncode == 1 and '"unknown"' in first.stdout, first.stdout + first.stderr
    second = run_cli("-v", "apply", str(plan), *url, env=env)
    assert second.returncode == 0, second.stdout + second.stderr
    for suffix in ("csv", "json"):
        exported = run_cli("history", "--export", str(out / f"{name}-audit.{suffix}"))
        assert exported.returncode == 0, exported.stderr
    if restore:
        merge_id = json.loads(second.stdout.splitlines()[0])["merge_id"]
        restored = run_cli("-v", "restore", str(merge_id), env=env)
        assert restored.returncode == 0, restored.stdout + restored.stderr


@pytest.fixture
def fakes():
    started = {"chatwoot": serve("chatwoot", seed=7, records=60),
               "zoho": serve("zoho", seed=5, records=60)}
    yield started
    for served in started.values():
        served.server.stop()


@pytest.mark.slow
def test_no_token_used_appears_in_log_journal_exports_or_settings(fakes, tmp_path,
                                                                    monkeypatch):
    config = tmp_path / "config"  # where QSettings and other settings would land
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    home = Path(os.environ["MERGEDESK_HOME"])
    full_run("chatwoot", fakes["chatwoot"], tmp_path, restore=True)
    full_run("zoho", fakes["zoho"], tmp_path, restore=False)
    refused = run_cli("-v", "scan", "--provider", "chatwoot", "--base-url",
                      fakes["chatwoot"].base_url, "--out", str(tmp_path / "x.json"),
                      env={"MERGEDESK_CHATWOOT_TOKEN": "wrong-but-secret-token-31337"})
    assert refused.returncode == 2 and "31337" not in refused.stderr

    zoho = fakes["zoho"].fake
    secrets = {*fakes["chatwoot"].credentials.values(), "wrong-but-secret-token-31337",
               zoho.client_secret, zoho.refresh_token, *zoho.accounts.access_tokens}
    written = files_under(home, config, tmp_path)
    assert any(p.name == "mergedesk.log" for p in written)
    assert any(p.name.startswith("mergedesk.sqlite3") for p in written)
    assert len(zoho.accounts.access_tokens) >= 1  # tokens were minted and used
    assert hits(secrets, written) == []


def test_the_log_has_request_ids_and_no_personal_data_without_debug(tmp_path):
    served = serve("chatwoot", seed=3, records=40)
    try:
        contacts = served.fake.state.resolved(1)
        plan = tmp_path / "plan.json"
        plan.write_text(json.dumps({"provider": "chatwoot", "entity": "contacts", "merges": [
            {"group": "g1", "master": str(contacts[0]["id"]),
             "others": [str(contacts[1]["id"])]}]}))
        applied = run_cli("apply", str(plan), "--provider", "chatwoot", "--base-url",
                          served.base_url, env=served.credentials)
        assert applied.returncode == 0, applied.stderr
    finally:
        served.server.stop()
    log = (Path(os.environ["MERGEDESK_HOME"]) / "logs" / "mergedesk.log").read_text()
    assert "POST /actions/contact_merge -> 200" in log and "request id" in log
    personal = [c[k] for c in contacts[:2] for k in ("name", "email", "phone_number") if c[k]]
    assert personal and not [p for p in personal if p in log]
