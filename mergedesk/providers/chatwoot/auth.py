"""Chatwoot's user access token, sent as the `api_access_token` header. No Qt."""

from __future__ import annotations

from collections.abc import Generator

import httpx

from mergedesk.providers.errors import ConfigError
from mergedesk.providers.redaction import SECRETS


class ChatwootTokenAuth(httpx.Auth):
    """A user's token from the profile page (agent-bot tokens are refused on contacts)."""

    def __init__(self, token: str | None):
        if not token:
            raise ConfigError(
                "no Chatwoot access token: set MERGEDESK_CHATWOOT_TOKEN or save one in the "
                "connection", provider="chatwoot",
            )
        SECRETS.add(token)
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["api_access_token"] = self._token
        yield request
