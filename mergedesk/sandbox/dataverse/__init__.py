"""A protocol-faithful fake Dataverse (Dynamics 365) Web API v9.2 with its own Microsoft
Entra ID (discovery, client credentials, auth code + PKCE, device code, expiring
tokens), seeded rows with planted duplicates and file annotations, the Merge action's
checks and effects, service protection limits, fault injection and /_sandbox.
Never imports mergedesk.providers: a fake sharing the client's code would hide its bugs."""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Scope

from mergedesk.sandbox.admin import admin_routes
from mergedesk.sandbox.dataverse import security
from mergedesk.sandbox.dataverse.app import PREFIX, vendor_routes
from mergedesk.sandbox.dataverse.entra import FakeEntra
from mergedesk.sandbox.dataverse.limits import ServiceProtection
from mergedesk.sandbox.dataverse.paging import KeyOrder
from mergedesk.sandbox.dataverse.state import (
    ENTITY_TABLE,
    TABLES,
    DataverseState,
    MergeCall,
    populate,
    row_id,
)
from mergedesk.sandbox.faults import FaultPlan
from mergedesk.sandbox.injection import FaultInjector, RequestCounter

ENV = "MERGEDESK_DATAVERSE_"
_WWW = ('Bearer error="invalid_token", authorization_uri='
        '"https://login.microsoftonline.com/common/oauth2/authorize"')


class DataverseFake:
    """`app`, `state` (rows per table), `entra` (the token server), `faults`, `requests`,
    `limits`. Generated record i is row `row_id(i)` of the table for `entity`."""

    provider = "dataverse"

    def __init__(self, *, seed_value: int = 0, records: int = 200, entity: str = "contacts",
                 token: str | None = None, requests_per_window: int | None = None,
                 window: float = 300.0, execution_seconds: float | None = None,
                 concurrency: int | None = 52, latency: float = 0.0,
                 token_lifetime: float = 3600.0, notes_share: float = 0.1,
                 privileges: Iterable[str] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if entity not in ENTITY_TABLE:
            raise ValueError(f"the Dataverse sandbox has no {entity!r}")
        self.seed, self.table = seed_value, ENTITY_TABLE[entity]
        self.tenant_id = str(uuid.uuid4())
        self.user_id = str(uuid.uuid4())
        self.privileges = security.held(privileges)  # a test may take some away
        self.entra = FakeEntra(tenant_id=self.tenant_id, client_id=str(uuid.uuid4()),
                               client_secret=secrets.token_urlsafe(30),
                               token_lifetime=token_lifetime, clock=clock)
        self.static_token = token  # accepted as a bearer token as long as it is not revoked
        self.state = DataverseState()
        self.generated = populate(self.state, entity, records, seed_value, notes_share)
        self.faults = FaultPlan()
        self.key_order = KeyOrder()  # pages resume after a key (paging.py)
        self._revocation_seen = False
        routes = vendor_routes(self)
        self.requests = RequestCounter(routes, prefix=PREFIX)
        starlette = Starlette(routes=[*routes, *admin_routes(self), *self.entra.routes()])
        self.limits = ServiceProtection(starlette, PREFIX, self._user_of,
                                        requests=requests_per_window, window=window,
                                        execution_seconds=execution_seconds,
                                        concurrency=concurrency, latency=latency, clock=clock)
        self.app = FaultInjector(self.limits, self.faults, vendor_error, self.requests)

    @property
    def base_path(self) -> str:
        return PREFIX

    @property
    def merge_log(self) -> list[MergeCall]:
        return self.state.merge_log

    def record_id(self, index: int) -> str:
        return row_id(self.seed, index)

    def rows(self) -> dict[str, dict[str, Any]]:
        return self.state.rows[self.table]

    def credentials(self) -> dict[str, str]:
        creds = {ENV + "TENANT_ID": self.tenant_id, ENV + "CLIENT_ID": self.entra.client_id,
                 ENV + "CLIENT_SECRET": self.entra.client_secret}
        if self.static_token:
            creds = {ENV + "TOKEN": self.static_token}
        return creds

    def root(self, request: Request) -> str:
        return str(request.base_url).rstrip("/")

    def refuse(self, request: Request) -> Response | None:
        if self.faults.token_revoked and not self._revocation_seen:
            self.entra.revoke_access_tokens()
            self.static_token = None
        self._revocation_seen = self.faults.token_revoked
        if self._user_of(request.scope) == "":
            return Response(status_code=401, headers={"WWW-Authenticate": _WWW})
        return None

    def _user_of(self, scope: Scope) -> str:
        headers = dict(scope.get("headers") or [])
        scheme, _, token = headers.get(b"authorization", b"").decode().partition(" ")
        if scheme.lower() != "bearer" or not token:
            return ""
        if self.static_token and secrets.compare_digest(token, self.static_token):
            return "static"
        host = headers.get(b"host", b"127.0.0.1").decode()
        return self.entra.subject_of(token, f"http://{host}") or ""

    def admin_authorised(self, request: Request) -> bool:
        return secrets.compare_digest(request.headers.get("x-sandbox-token", ""),
                                      self.entra.client_secret)

    def state_json(self) -> dict[str, Any]:
        with self.state.lock:
            return {"rows": self.state.rows, "annotations": self.state.annotations}

    def merges_json(self) -> list[dict[str, Any]]:
        with self.state.lock:
            return [vars(c).copy() for c in self.state.merge_log]


def vendor_error(status: int) -> tuple[bytes, str]:
    codes = {400: ("0x80048d19", "Bad request"), 401: ("", ""),
             404: ("0x80040217", "The requested row does not exist"),
             429: ("0x80072322", "Number of requests exceeded the limit of 6000 over time "
                                 "window of 300 seconds."),
             500: ("0x80040216", "An unexpected error occurred."),
             503: ("0x80040216", "The service is temporarily unavailable.")}
    code, message = codes.get(status, ("0x80040216", "An unexpected error occurred."))
    if status == 401:
        return b"", "text/plain"
    return (JSONResponse({"error": {"code": code, "message": message}}).body,
            "application/json; odata.metadata=minimal")


def create(seed: int = 0, records: int = 200, entity: str = "contacts",
           token: str | None = None, **options: Any) -> DataverseFake:
    """The SANDBOXES factory: `token`, if given, is also accepted as a bearer token."""
    return DataverseFake(seed_value=seed, records=records, entity=entity, token=token,
                         **options)


__all__ = ["TABLES", "DataverseFake", "create"]
