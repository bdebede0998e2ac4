"""rack-attack as Chatwoot configures it (config/initializers/rack_attack.rb): requests
per client IP per minute, and contact searches per account per minute. Off unless a
limit is given. A refused request gets 429, text/plain 'Retry later' and, like
rack-attack's default responder, no Retry-After header.

The real config also safelists 127.0.0.1; the fake ignores that, it only ever serves
loopback and exists to exercise clients against the limit."""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Receive, Scope, Send

from mergedesk.sandbox.injection import ADMIN_PREFIX
from mergedesk.sandbox.ratelimit import SlidingWindowLimiter

RETRY_LATER = b"Retry later\n"
_SEARCH = re.compile(r"/api/v1/accounts/(?P<account>\d+)/contacts/search")


class RackAttack:
    def __init__(
        self,
        app: ASGIApp,
        per_ip: SlidingWindowLimiter | None,
        search_per_account: SlidingWindowLimiter | None,
    ) -> None:
        self.app = app
        self.per_ip = per_ip
        self.search_per_account = search_per_account

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        exempt = scope["type"] != "http" or scope["path"].startswith(ADMIN_PREFIX)
        if not exempt and self._throttled(scope):
            headers = [
                (b"content-type", b"text/plain"),
                (b"content-length", str(len(RETRY_LATER)).encode()),
            ]
            await send({"type": "http.response.start", "status": 429, "headers": headers})
            await send({"type": "http.response.body", "body": RETRY_LATER})
            return
        await self.app(scope, receive, send)

    def _throttled(self, scope: Scope) -> bool:
        client = scope.get("client") or ("unknown", 0)
        if self.per_ip is not None and not self.per_ip.hit(client[0]):
            return True
        search = _SEARCH.match(scope["path"])
        if search and self.search_per_account is not None:
            return not self.search_per_account.hit(search["account"])
        return False
