"""The CRM connection the window works on: a connected provider, its tenant URL and the
entity under review. Built by app.py; the window never creates providers itself."""

from __future__ import annotations

from dataclasses import dataclass

from mergedesk.providers.base import Provider
from mergedesk.store.cache import connection_key


@dataclass(frozen=True, eq=False)
class Connection:
    provider: Provider
    base_url: str
    entity: str = "contacts"
    label: str = ""  # how the title bar names it, e.g. "Chatwoot demo sandbox"

    @property
    def key(self) -> str:
        """The store's key for this tenant and entity (cache, groups, journal)."""
        return connection_key(self.provider.capabilities.provider, self.base_url, self.entity)

    @property
    def crm(self) -> str:
        return self.provider.capabilities.display_name
