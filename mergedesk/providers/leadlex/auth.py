"""LeadLex's workspace API key, sent as `Authorization: Bearer <key>`. No Qt."""

from __future__ import annotations

from collections.abc import Generator

import httpx

from mergedesk.providers.errors import ConfigError
from mergedesk.providers.redaction import SECRETS

PROVIDER = "leadlex"


class LeadLexKeyAuth(httpx.Auth):
    """A workspace key (`wbk_…`) with read and write permission; keys may expire, and a
    revoked or expired one answers 401 invalid_key (docs.leadlex.com/authentication)."""

    def __init__(self, key: str | None):
        if not key:
            raise ConfigError(
                "no LeadLex API key: set MERGEDESK_LEADLEX_API_KEY or save one in the "
                "connection (Settings > API & Integrations > Create API Key, with Read and "
                "Write permission)", provider=PROVIDER)
        SECRETS.add(key)
        self._key = key

    def is_key(self, prefix: str | None) -> bool:
        """Whether `prefix` (the key list's first characters of a key) begins our key: how
        our own key is found in GET /v1/api-keys without the secret leaving this object."""
        return bool(prefix) and self._key.startswith(prefix)  # type: ignore[arg-type]

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._key}"
        yield request
