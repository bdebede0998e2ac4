"""Where MergeDesk keeps its local data, and the stores opened on it. No Qt."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from mergedesk.store.cache import GroupStore, RecordCache
from mergedesk.store.database import Database
from mergedesk.store.journal import MergeJournal

APP_NAME = "MergeDesk"
HOME_ENV = "MERGEDESK_HOME"  # tests and portable installs point this at their own folder


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


@dataclass
class Workspace:
    """The stores of one data folder, built once by the entry point and passed down."""

    db: Database
    cache: RecordCache
    groups: GroupStore
    journal: MergeJournal

    @classmethod
    def open(cls, folder: Path | None = None) -> Workspace:
        db = Database((folder or data_dir()) / "mergedesk.sqlite3")
        return cls(db=db, cache=RecordCache(db), groups=GroupStore(db), journal=MergeJournal(db))

    def close(self) -> None:
        self.db.close()
