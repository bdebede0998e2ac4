"""Routes of the fake LeadLex under /functions/v1/api-gateway: contacts list (page-based),
get (with include=notes), PATCH, notes, CSV export and merge with Idempotency-Key and
dry_run, each checked against the key's permissions and the workspace's limits. Shapes
from docs.leadlex.com (api-reference/contacts/*, export/contacts, bulk/contacts-merge).
No state of its own."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mergedesk.sandbox.leadlex.idempotency import KeyRefused
from mergedesk.sandbox.leadlex.keys import list_keys
from mergedesk.sandbox.leadlex.state import Refused

if TYPE_CHECKING:
    from mergedesk.sandbox.leadlex import LeadLexFake

PREFIX = "/functions/v1/api-gateway"
MAX_PER_PAGE, MAX_DUPLICATES, MAX_EXPORT = 100, 20, 50_000
SORTS = ("created_at", "updated_date", "full_name")
EXPORT_FIELDS = ("id", "full_name", "email", "phone", "job_title", "company_name",
                 "linkedin_url", "tags", "created_at")
Handler = Callable[[Request, "LeadLexFake"], Awaitable[Response]]


def vendor_routes(fake: LeadLexFake) -> list[Route]:
    def route(path: str, handler: Handler, method: str, need: str, export: bool = False) -> Route:
        async def endpoint(request: Request) -> Response:
            refusal = fake.refuse(request, need)
            if refusal is not None:
                return refusal
            verdict = fake.limits.admit(export=export)
            if not verdict.allowed:
                return error(429, "rate_limited", verdict.message, verdict.headers)
            try:
                response = await handler(request, fake)
            except Refused as exc:
                response = error(exc.status, exc.code, exc.message)
            except KeyRefused as exc:
                response = error(exc.status, exc.code, exc.message)
            response.headers.update(fake.limits.headers())
            return response
        return Route(PREFIX + path, endpoint, methods=[method])

    return [
        route("/v1/contacts", list_contacts, "GET", "read"),
        route("/v1/contacts/export", export_contacts, "GET", "read", export=True),
        route("/v1/contacts/merge", merge_contacts, "POST", "write"),
        route("/v1/contacts/{contact_id}", get_contact, "GET", "read"),
        route("/v1/contacts/{contact_id}", update_contact, "PATCH", "write"),
        route("/v1/contacts/{contact_id}/notes", contact_notes, "GET", "read"),
        route("/v1/api-keys", list_keys, "GET", "read"),
    ]


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                        headers=headers)


async def list_contacts(request: Request, fake: LeadLexFake) -> Response:
    q = request.query_params
    page, per_page = _number(q, "page", 1), _number(q, "per_page", 50)
    if per_page > MAX_PER_PAGE:
        raise Refused(400, "validation_error", f"per_page must be at most {MAX_PER_PAGE}")
    with fake.state.lock:
        rows = _sorted(_filtered(list(fake.state.contacts.values()), q), q.get("sort"))
        window = rows[(page - 1) * per_page: page * per_page]
        data = [list_json(r) for r in window]
    return JSONResponse({"data": {"contacts": data},
                         "meta": {"page": page, "per_page": per_page, "total": len(rows)}})


async def get_contact(request: Request, fake: LeadLexFake) -> Response:
    include = {i.strip() for i in request.query_params.get("include", "").split(",")}
    with fake.state.lock:
        row = fake.state.contact(request.path_params["contact_id"])
        data = contact_json(row)
        if include & {"notes", "*"}:
            data["recent_notes"] = fake.state.notes_of(row["id"])[:3]
    return JSONResponse({"data": data})


async def update_contact(request: Request, fake: LeadLexFake) -> Response:
    body = await _body(request)
    with fake.state.lock:
        row = fake.state.update(request.path_params["contact_id"], body)
        return JSONResponse({"data": contact_json(row)})


async def contact_notes(request: Request, fake: LeadLexFake) -> Response:
    q = request.query_params
    page, per_page = _number(q, "page", 1), min(_number(q, "per_page", 50), MAX_PER_PAGE)
    with fake.state.lock:
        fake.state.contact(request.path_params["contact_id"])
        rows = fake.state.notes_of(request.path_params["contact_id"])
    notes = [{k: v for k, v in n.items() if k != "contact_id"}
             for n in rows[(page - 1) * per_page: page * per_page]]
    return JSONResponse({"data": {"notes": notes},
                         "meta": {"page": page, "per_page": per_page, "total": len(rows)}})


async def export_contacts(request: Request, fake: LeadLexFake) -> Response:
    q = request.query_params
    limit = _number(q, "limit", MAX_EXPORT)
    if limit > MAX_EXPORT:
        raise Refused(400, "validation_error", f"limit exceeds {MAX_EXPORT:,}")
    fields = [f.strip() for f in q.get("fields", ",".join(EXPORT_FIELDS)).split(",") if f.strip()]
    with fake.state.lock:
        rows = _sorted(_filtered(list(fake.state.contacts.values()), q), "created_at")[:limit]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(fields)
        for row in rows:
            flat = list_json(row) | {"tags": ",".join(row.get("tags") or [])}
            writer.writerow(["" if flat.get(f) is None else flat.get(f) for f in fields])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": 'attachment; filename="contacts-export.csv"'})


async def merge_contacts(request: Request, fake: LeadLexFake) -> Response:
    body = await _body(request)
    primary, duplicates, overwrite, dry_run = _merge_request(body)
    key = request.headers.get("idempotency-key")
    fake.merge_requests += 1
    if key:
        stored = fake.idempotency.begin(key, body)
        if stored is not None:
            return JSONResponse(stored[1], status_code=stored[0])
    try:
        answer = await _merge(fake, primary, duplicates, overwrite, dry_run, key)
    except BaseException:
        if key:
            fake.idempotency.release(key)
        raise
    if key:
        fake.idempotency.finish(key, 200, answer)
    return JSONResponse(answer)


async def _merge(fake: LeadLexFake, primary: str, duplicates: list[str], overwrite: bool,
                 dry_run: bool, key: str | None) -> dict[str, Any]:
    with fake.state.lock:
        for contact_id in (primary, *duplicates):
            fake.state.contact(contact_id)  # 404 before anything else
        fake.state.claim([primary, *duplicates])
    try:
        if fake.merge_delay:
            await asyncio.sleep(fake.merge_delay)  # the key (and the contacts) are in flight
        data = fake.state.merge(primary, duplicates, overwrite=overwrite, dry_run=dry_run,
                                key=key)
    finally:
        fake.state.unclaim([primary, *duplicates])
    data["primary"] = contact_json(data["primary"])
    return {"data": data}


def _merge_request(body: dict[str, Any]) -> tuple[str, list[str], bool, bool]:
    primary, duplicates = body.get("primary_id"), body.get("duplicate_ids")
    if not isinstance(primary, str) or not primary:
        raise Refused(400, "validation_error", "primary_id is required")
    if (not isinstance(duplicates, list) or not duplicates
            or not all(isinstance(d, str) and d for d in duplicates)):
        raise Refused(400, "validation_error", "duplicate_ids must be a non-empty array of UUIDs")
    if len(duplicates) > MAX_DUPLICATES:
        raise Refused(400, "validation_error",
                      f"At most {MAX_DUPLICATES} duplicate_ids per request "
                      f"({len(duplicates)} given)")
    if primary in duplicates or len(set(duplicates)) != len(duplicates):
        raise Refused(400, "validation_error", "primary_id appears in duplicate_ids, or a "
                                               "duplicate is listed twice")
    flags = [body.get(name, False) for name in ("overwrite", "dry_run")]
    if not all(isinstance(f, bool) for f in flags):
        raise Refused(400, "validation_error", "overwrite and dry_run must be booleans")
    return primary, duplicates, flags[0], flags[1]


# --- shapes ------------------------------------------------------------------------------
def list_json(row: dict[str, Any]) -> dict[str, Any]:
    """A row of GET /v1/contacts (the list's smaller object: company_name, created_at)."""
    return {"id": row["id"], "full_name": row["full_name"], "email": row["email"],
            "phone": row["phone"], "job_title": row["job_title"],
            "company_name": row["company_name"], "linkedin_url": row["linkedin_url"],
            "created_at": row["created_date"], "updated_date": row["updated_date"]}


def contact_json(row: dict[str, Any]) -> dict[str, Any]:
    """GET /v1/contacts/{id}: names always filled, `company` (not company_name) and
    created_date, as the vendor's get page shows."""
    return {"id": row["id"], "first_name": row["first_name"], "last_name": row["last_name"],
            "full_name": row["full_name"], "email": row["email"], "phone": row["phone"],
            "job_title": row["job_title"], "company": row["company_name"],
            "related_company_id": row.get("related_company_id"),
            "linkedin_url": row["linkedin_url"], "priority": row.get("priority"),
            "tags": list(row.get("tags") or []),
            "custom_fields": dict(row.get("custom_fields") or {}),
            "created_date": row["created_date"], "updated_date": row["updated_date"]}


def _filtered(rows: list[dict[str, Any]], q: Any) -> list[dict[str, Any]]:
    search = (q.get("search") or "").lower()
    if search:
        rows = [r for r in rows
                if search in (r["full_name"] or "").lower() or search in (r["email"] or "").lower()]
    if q.get("created_after"):
        rows = [r for r in rows if r["created_date"] > q["created_after"]]
    if q.get("created_before"):
        rows = [r for r in rows if r["created_date"] < q["created_before"]]
    if q.get("tag"):
        rows = [r for r in rows if q["tag"] in (r.get("tags") or [])]
    return rows


def _sorted(rows: list[dict[str, Any]], sort: str | None) -> list[dict[str, Any]]:
    key = (sort or "created_at").lstrip("-")
    if key not in SORTS:
        raise Refused(400, "validation_error", f"sort must be one of {', '.join(SORTS)}")
    column = "created_date" if key == "created_at" else key
    return sorted(rows, key=lambda r: (r.get(column) or "", r["id"]),
                  reverse=(sort or "").startswith("-"))


def _number(q: Any, name: str, default: int) -> int:
    try:
        value = int(q.get(name, default))
    except ValueError:
        raise Refused(400, "validation_error", f"{name} must be an integer") from None
    if value < 1:
        raise Refused(400, "validation_error", f"{name} must be at least 1")
    return value


async def _body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body())
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise Refused(400, "validation_error", "The request body must be a JSON object")
    return body
