"""The fake's `GET /v1/api-keys`: metadata of every key of the workspace, never the
secret (docs.leadlex.com api-reference/api-keys/list: id, name, description, prefix =
first 8 characters, permissions as scope strings, rate_limit_tier, created_by,
created_at, last_used_at). A GET, so any key with read permission may call it ("Read:
all GET endpoints", docs.leadlex.com/authentication). Never imports mergedesk.providers."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

if TYPE_CHECKING:
    from mergedesk.sandbox.leadlex import LeadLexFake

PREFIX_LENGTH = 8
SCOPES = {"read": "read:contacts", "write": "write:contacts", "lexi": "write:ai"}


def key_row(key: str, permissions: frozenset[str]) -> dict[str, Any]:
    return {"id": str(uuid.uuid5(uuid.NAMESPACE_OID, key)), "name": "Sandbox key",
            "description": None, "prefix": key[:PREFIX_LENGTH],
            "permissions": sorted(SCOPES.get(p, p) for p in permissions),
            "rate_limit_tier": "standard", "created_by": None,
            "created_at": "2026-01-05T09:00:00Z", "last_used_at": None}


async def list_keys(request: Request, fake: LeadLexFake) -> Response:
    rows = [key_row(k, perms) for k, (perms, _expiry) in fake.keys.items()]
    return JSONResponse({"data": {"api_keys": rows},
                         "meta": {"page": 1, "per_page": 25, "total": len(rows)}})
