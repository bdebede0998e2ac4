"""A protocol-faithful fake Zoho CRM v8 with its accounts server (OAuth code + PKCE,
refresh tokens, access tokens that expire), seeded with generated duplicates, files in
a file-upload field and the Attachments related list, the per-org concurrency and
credit limits, scheduled merges, fault injection and the /_sandbox admin API.
Never imports mergedesk.providers: a fake sharing the client's code would hide its bugs."""

from __future__ import annotations

import random
import secrets
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from mergedesk.sandbox.admin import admin_routes
from mergedesk.sandbox.faults import FaultPlan
from mergedesk.sandbox.generator import GeneratedData
from mergedesk.sandbox.injection import FaultInjector, RequestCounter
from mergedesk.sandbox.ratelimit import SlidingWindowLimiter
from mergedesk.sandbox.zoho import seed
from mergedesk.sandbox.zoho.app import PREFIX, check_auth, vendor_routes
from mergedesk.sandbox.zoho.limits import ZohoLimits
from mergedesk.sandbox.zoho.oauth import ALL_SCOPES, ZohoAccounts
from mergedesk.sandbox.zoho.state import MergeCall, ZohoState

ENV = "MERGEDESK_ZOHO_"
PAGE_TOKEN_LIFETIME = 86400.0  # "expires after 24 hours"


class ZohoFake:
    """`app`, `state` (records per module), `accounts` (the OAuth server), `faults`,
    `requests`, `limits`. Generated record i is record id `record_id(i)`."""

    provider = "zoho"

    def __init__(self, *, seed_value: int = 0, records: int = 200, entity: str = "contacts",
                 refresh_token: str | None = None, extra_fields: int = 0,
                 concurrency: int | None = None, credits_per_window: int | None = None,
                 window: float = 60.0, latency: float = 0.0, token_lifetime: float = 3600.0,
                 scopes: tuple[str, ...] = ALL_SCOPES, files_share: float = 0.1,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if entity not in seed.ENTITY_MODULE:
            raise ValueError(f"the Zoho sandbox has no {entity!r}")
        self.module = seed.ENTITY_MODULE[entity]
        self.clock = clock
        self.client_id = "1000." + secrets.token_hex(12).upper()
        self.client_secret = secrets.token_hex(21)
        self.refresh_token = refresh_token or "1000." + secrets.token_hex(24)
        self.accounts = ZohoAccounts(client_id=self.client_id, client_secret=self.client_secret,
                                     refresh_token=self.refresh_token, scopes=scopes,
                                     token_lifetime=token_lifetime, clock=clock)
        self.state = ZohoState()
        self.generated: GeneratedData = self._populate(entity, records, seed_value,
                                                       extra_fields, files_share)
        self.faults = FaultPlan()
        self._page_tokens: dict[str, tuple[str, int, float]] = {}
        self._tokens_lock = threading.Lock()
        self._revocation_seen = False
        routes = vendor_routes(self)
        self.requests = RequestCounter(routes, prefix=PREFIX)
        credits = SlidingWindowLimiter(credits_per_window, window, clock) if credits_per_window \
            else None
        starlette = Starlette(routes=[*routes, *self.accounts.routes(), *admin_routes(self)])
        self.limits = ZohoLimits(starlette, PREFIX, concurrency=concurrency, credits=credits,
                                 latency=latency)
        self.app = FaultInjector(self.limits, self.faults, vendor_error, self.requests)

    @property
    def base_path(self) -> str:
        return PREFIX

    @property
    def merge_log(self) -> list[MergeCall]:
        return self.state.merge_log

    def record_id(self, index: int) -> str:
        return str(seed.ID_BASE + index)

    def credentials(self) -> dict[str, str]:
        # The accounts server is this same loopback server: the client derives it from
        # the base URL, so no ACCOUNTS_URL line is needed (the port is not known yet).
        return {ENV + "CLIENT_ID": self.client_id, ENV + "CLIENT_SECRET": self.client_secret,
                ENV + "REFRESH_TOKEN": self.refresh_token}

    def refuse(self, request: Request, area: str, operation: str) -> Response | None:
        if self.faults.token_revoked and not self._revocation_seen:
            self.accounts.revoke_access_tokens()  # access tokens die; the refresh token lives
        self._revocation_seen = self.faults.token_revoked
        return check_auth(self, request, area, operation)

    def admin_authorised(self, request: Request) -> bool:
        given = request.headers.get("x-sandbox-token", "")
        return secrets.compare_digest(given, self.refresh_token)

    def page_token(self, module: str, offset: int) -> str:
        token = secrets.token_hex(16)
        with self._tokens_lock:
            self._page_tokens[token] = (module, offset, self.clock() + PAGE_TOKEN_LIFETIME)
        return token

    def resolve_page_token(self, token: str) -> int | None:
        with self._tokens_lock:
            found = self._page_tokens.get(token)
        if found is None or self.clock() > found[2]:
            return None
        return found[1]

    def token_expiry_text(self) -> str:
        return (datetime.now(UTC) + timedelta(seconds=PAGE_TOKEN_LIFETIME)).isoformat(
            timespec="seconds")

    def state_json(self) -> dict[str, Any]:
        with self.state.lock:
            return {"records": self.state.records, "attachments": self.state.attachments,
                    "deleted": list(self.state.deleted), "jobs": {
                        k: {"status": j.status, "master": j.master}
                        for k, j in self.state.jobs.items()}}

    def merges_json(self) -> list[dict[str, Any]]:
        with self.state.lock:
            return [vars(call).copy() for call in self.state.merge_log]

    def _populate(self, entity: str, count: int, seed_value: int, extra_fields: int,
                  files_share: float) -> GeneratedData:
        for module in ("Contacts", "Leads", "Accounts", "Deals", "Vendors"):
            width = extra_fields if module == self.module else 0
            self.state.fields[module] = seed.field_metadata(module, width)
            self.state.records[module] = {}
        data, rows = seed.records_for(entity, count, seed_value, extra_fields)
        rng = random.Random(f"zoho-files:{seed_value}")
        for row in rows:
            self.state.records[self.module][row["id"]] = row
            if rng.random() < files_share:
                self._add_files(row, rng)
        return data

    def _add_files(self, row: dict[str, Any], rng: random.Random) -> None:
        name = row.get("Last_Name") or row.get("Account_Name") or "record"
        fid = self.state.next_id()
        row[seed.FILE_FIELD] = [{"id": fid, "File_Name__s": f"{name}-contract.pdf",
                                 "File_Id__s": secrets.token_hex(8),
                                 "Size__s": str(rng.randrange(10_000, 900_000))}]
        aid = self.state.next_id()
        self.state.attachments[aid] = {
            "id": aid, "File_Name": f"{name}-notes.txt", "Size": str(rng.randrange(100, 9000)),
            "Created_Time": row["Created_Time"], "Parent_Id": {"id": row["id"], "name": name},
            "$file_id": secrets.token_hex(8), "$type": "Attachment", "$se_module": self.module,
            "$editable": True, "$state": "save", "$link_url": None,
        }


def vendor_error(status: int) -> tuple[bytes, str]:
    """Zoho's error body for a status, for faults that give none."""
    codes = {400: ("INVALID_DATA", "invalid data"), 401: ("INVALID_TOKEN", "invalid oauth token"),
             403: ("NO_PERMISSION", "permission denied"),
             404: ("INVALID_URL_PATTERN", "Please check if the URL trying to access is a "
                                          "correct one"),
             429: ("TOO_MANY_REQUESTS", "The number of API requests has exceeded the limit"),
             500: ("INTERNAL_ERROR", "Internal Server Error")}
    code, message = codes.get(status, ("INTERNAL_ERROR", "Internal Server Error"))
    body = {"code": code, "details": {}, "message": message, "status": "error"}
    return JSONResponse(body).body, "application/json;charset=UTF-8"


def create(seed: int = 0, records: int = 200, entity: str = "contacts",
           token: str | None = None, **options: Any) -> ZohoFake:
    """The SANDBOXES factory; `token` is the refresh token the fake accepts."""
    return ZohoFake(seed_value=seed, records=records, entity=entity, refresh_token=token,
                    **options)
