"""Where MergeDesk keeps its data, and the stores opened on it: the embedded SQLite file
in the data folder, or a shared team workspace on PostgreSQL when one is configured
(MERGEDESK_WORKSPACE_URL, or `workspace.json` in the data folder). The workspace's
password lives in the keyring, never in settings, the URL or logs. No Qt."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from mergedesk.store.backend import is_url, open_database
from mergedesk.store.cache import GroupStore, RecordCache
from mergedesk.store.claims import TeamReview
from mergedesk.store.database import Database
from mergedesk.store.journal import MergeJournal

if TYPE_CHECKING:  # the keyring (and cryptography) load when a team password is needed
    from mergedesk.services.secrets_store import SecretStore

APP_NAME = "MergeDesk"
HOME_ENV = "MERGEDESK_HOME"  # tests and portable installs point this at their own folder
URL_ENV = "MERGEDESK_WORKSPACE_URL"  # postgresql://user@host:port/db?sslmode=verify-full
REVIEWER_ENV = "MERGEDESK_REVIEWER"  # the name journal entries carry (default: OS user)
SETTINGS_FILE = "workspace.json"  # {"url": ..., "reviewer": ...}; never a password


def data_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def workspace_settings(folder: Path | None = None) -> dict[str, str]:
    """The team workspace URL and reviewer name: environment first, then the settings
    file of the data folder; empty when the embedded store is used."""
    path = (folder or data_dir()) / SETTINGS_FILE
    saved = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    found = {"url": os.environ.get(URL_ENV) or saved.get("url", ""),
             "reviewer": os.environ.get(REVIEWER_ENV) or saved.get("reviewer", "")}
    return {k: str(v) for k, v in found.items() if v}


def password_key(url: str) -> str:
    """The keyring entry of a workspace's password: one per URL (without options)."""
    return "workspace:" + url.split("?", 1)[0]


def save_workspace_password(url: str, password: str, store: SecretStore | None = None) -> None:
    (store or _keyring()).set(password_key(url), password)


@dataclass
class Workspace:
    """The stores of one data folder or team workspace, built once by the entry point
    and passed down. `team` claims groups (leases) on a shared workspace."""

    db: Database
    cache: RecordCache
    groups: GroupStore
    journal: MergeJournal
    team: TeamReview

    @classmethod
    def open(cls, folder: Path | None = None, *, url: str | None = None,
             reviewer: str | None = None, secrets: SecretStore | None = None) -> Workspace:
        """`folder` opens its SQLite store (demo, tests); otherwise `url` or the
        configured team workspace, or the default data folder's SQLite store."""
        settings = workspace_settings(folder) if url is None else {"url": url}
        location = url or (None if folder else settings.get("url"))
        actor = reviewer or settings.get("reviewer") or os.environ.get(REVIEWER_ENV)
        if location and is_url(location):
            password = (secrets or _keyring()).get(password_key(location))
            db = open_database(location, actor=actor, password=password)
        else:
            db = Database((folder or data_dir()) / "mergedesk.sqlite3", actor=actor)
        return cls(db=db, cache=RecordCache(db), groups=GroupStore(db),
                   journal=MergeJournal(db), team=TeamReview(db))

    @property
    def shared(self) -> bool:
        """A team workspace (PostgreSQL) rather than this workstation's own store."""
        return self.db.dialect != "sqlite"

    def close(self) -> None:
        self.db.close()


def _keyring() -> SecretStore:
    from mergedesk.services.secrets_store import KEYRING_SERVICE, KeyringStore

    return KeyringStore(KEYRING_SERVICE)
