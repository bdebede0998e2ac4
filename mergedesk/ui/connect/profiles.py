"""Saved CRM connections: which CRM, where, which entity, which region the form used and
non-secret provider options, kept in QSettings. Secrets never go here: they live in the
OS keyring under the profile's name (services.credentials)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from PySide6.QtCore import QSettings

PROFILES_KEY = "connections/profiles"
LAST_KEY = "connections/last"
DEMO = "demo"  # the last connection was the embedded demo sandbox


@dataclass(frozen=True)
class ConnectionProfile:
    name: str  # shown in the selector; also the keyring profile of its secrets
    provider: str
    base_url: str
    entity: str = "contacts"
    region: str = ""
    options: dict[str, str] = field(default_factory=dict)


class ProfileStore:
    def __init__(self, settings: QSettings):
        self._settings = settings

    def profiles(self) -> list[ConnectionProfile]:
        raw = self._settings.value(PROFILES_KEY, "[]")
        try:
            items = json.loads(str(raw))
        except ValueError:
            return []  # unreadable settings: start over rather than fail to open
        found = []
        for item in items if isinstance(items, list) else []:
            try:
                found.append(ConnectionProfile(**item))
            except TypeError:
                continue
        return found

    def get(self, name: str) -> ConnectionProfile | None:
        return next((p for p in self.profiles() if p.name == name), None)

    def save(self, profile: ConnectionProfile) -> None:
        """Add or replace (by name)."""
        rest = [p for p in self.profiles() if p.name != profile.name]
        self._write([*rest, profile])

    def remove(self, name: str) -> None:
        self._write([p for p in self.profiles() if p.name != name])

    def last(self) -> str:
        return str(self._settings.value(LAST_KEY, "") or "")

    def last_saved(self) -> str:
        """The last connection if it is a saved one (not the demo, not deleted), else ""."""
        name = self.last()
        return name if name != DEMO and self.get(name) is not None else ""

    def set_last(self, name: str) -> None:
        self._settings.setValue(LAST_KEY, name)

    def _write(self, profiles: list[ConnectionProfile]) -> None:
        ordered = sorted(profiles, key=lambda p: p.name.casefold())
        self._settings.setValue(PROFILES_KEY, json.dumps([asdict(p) for p in ordered]))
