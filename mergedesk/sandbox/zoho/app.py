"""Routes of the fake Zoho CRM under /crm/v8: records (listing with `fields`, paging by
page and page_token, 204 when empty), one record, update, field metadata, the
Attachments related list, merge and merge status, with Zoho's auth and scope checks and
error bodies (zoho/crm-oas v8.0; PROVIDERS.md §3). No state of its own."""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mergedesk.sandbox.zoho.oauth import scope_allows
from mergedesk.sandbox.zoho.state import MergeRefused

if TYPE_CHECKING:
    from mergedesk.sandbox.zoho import ZohoFake

PREFIX = "/crm/v8"
MAX_FIELDS, MAX_PER_PAGE, PAGE_LIMIT, MAX_IDS = 50, 200, 2000, 100
SORTABLE = ("id", "Created_Time", "Modified_Time")

Handler = Callable[[Request, "ZohoFake"], Awaitable[Response]]


def error(code: str, message: str, status: int, **details: Any) -> JSONResponse:
    return JSONResponse(
        {"code": code, "details": details, "message": message, "status": "error"},
        status_code=status,
    )


def vendor_routes(fake: ZohoFake) -> list[Route]:
    def route(path: str, handler: Handler, method: str, area: str, operation: str) -> Route:
        async def endpoint(request: Request) -> Response:
            refusal = fake.refuse(request, area, operation)
            return refusal or await handler(request, fake)

        return Route(PREFIX + path, endpoint, methods=[method])

    return [
        route("/settings/fields", field_list, "GET", "fields", "READ"),
        route("/{module}", list_records, "GET", "modules", "READ"),
        route("/{module}", create_record, "POST", "modules", "CREATE"),
        route("/{module}/{record_id}", show_record, "GET", "modules", "READ"),
        route("/{module}/{record_id}", update_record, "PUT", "modules", "UPDATE"),
        route("/{module}/{record_id}/Attachments", list_attachments, "GET", "attachments", "READ"),
        route("/{module}/{record_id}/actions/merge", merge, "POST", "modules", "WRITE"),
        route("/{module}/{record_id}/actions/merge", merge_status, "GET", "modules", "READ"),
    ]


def check_auth(fake: ZohoFake, request: Request, area: str, operation: str) -> Response | None:
    """Zoho's order: the header, the token, then the scope for this URL."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not token or scheme != "Zoho-oauthtoken":
        return error("AUTHENTICATION_FAILURE", "Authentication failed", 401)
    scopes = fake.accounts.scopes_of(token.strip())
    if scopes is None:
        return error("INVALID_TOKEN", "invalid oauth token", 401)
    module = request.path_params.get("module", "")
    if not scope_allows(scopes, area, module, operation):
        return error("OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL", 401)
    return None


async def field_list(request: Request, fake: ZohoFake) -> Response:
    module = request.query_params.get("module", "")
    if not module:
        return error(
            "REQUIRED_PARAM_MISSING",
            "One of the expected parameter is missing",
            400,
            param="module",
        )
    with fake.state.lock:
        if module not in fake.state.fields:
            return error(
                "INVALID_MODULE", "The module name given seems to be invalid", 400, param="module"
            )
        return JSONResponse({"fields": fake.state.fields[module]})


async def list_records(request: Request, fake: ZohoFake) -> Response:
    module = request.path_params["module"]
    q = request.query_params
    with fake.state.lock:
        rows = fake.state.records.get(module)
        if rows is None:
            return error(
                "INVALID_MODULE",
                "The module name given seems to be invalid",
                400,
                resource_path_index=0,
            )
        problem, fields = _fields_param(fake, module, q.get("fields"))
        if problem is not None:
            return problem
        if q.get("ids"):
            ids = q["ids"].split(",")
            if len(ids) > MAX_IDS:
                return error("LIMIT_EXCEEDED", "Record count exceeded", 400, limit=MAX_IDS)
            chosen = [rows[i] for i in ids if i in rows]
            return _page(chosen, fields, {"more_records": False, "count": len(chosen)})
        window = _window(fake, q, len(rows))
        if isinstance(window, Response):
            return window
        start, per_page, info = window
        ordered = _sorted(list(rows.values()), q.get("sort_by") or "id", q.get("sort_order"))
        chosen = ordered[start : start + per_page]
        more = start + per_page < len(ordered)
        info.update(
            {
                "per_page": per_page,
                "count": len(chosen),
                "more_records": more,
                "sort_by": q.get("sort_by") or "id",
                "sort_order": q.get("sort_order") or "desc",
            }
        )
        if more:
            info["next_page_token"] = fake.page_token(module, start + per_page)
        return _page(chosen, fields, info)


def _fields_param(fake: ZohoFake, module: str, raw: str | None):
    if not raw:
        return error(
            "REQUIRED_PARAM_MISSING",
            "One of the expected parameter is missing",
            400,
            param="fields",
        ), []
    names = [n for n in raw.split(",") if n]
    if len(names) > MAX_FIELDS:
        return error(
            "LIMIT_EXCEEDED", "Max field limit exceeded", 400, param="fields", limit=MAX_FIELDS
        ), []
    known = fake.state.field_names(module)
    unknown = [n for n in names if n not in known and n != "id"]
    if unknown:
        return error("INVALID_DATA", "invalid data", 400, api_name=unknown[0]), []
    return None, names


def _window(fake: ZohoFake, q: Any, total: int):
    """(start, per_page, info) for page or page_token, or the vendor's refusal."""
    try:
        per_page = int(q.get("per_page") or MAX_PER_PAGE)
        page = int(q.get("page") or 1)
    except ValueError:
        return error("INVALID_DATA", "invalid data", 400, param="page")
    if not 1 <= per_page <= MAX_PER_PAGE:
        return error("INVALID_DATA", "invalid data", 400, param="per_page")
    if q.get("sort_by") and q["sort_by"] not in SORTABLE:
        return error("INVALID_DATA", "invalid data", 400, param="sort_by")
    token = q.get("page_token")
    if token:
        if q.get("page"):
            # "You cannot use the page_token parameter with the page parameter."
            return error(
                "INVALID_DATA", "page and page_token cannot be used together", 400, param="page"
            )
        start = fake.resolve_page_token(token)
        if start is None:
            return error(
                "INVALID_DATA", "the page_token is invalid or expired", 400, param="page_token"
            )
        return start, per_page, {"page_token_expiry": fake.token_expiry_text()}
    if page * per_page > PAGE_LIMIT:
        # Code name as we recall Zoho's v3+ docs; the 2,000-record rule itself is documented.
        return error(
            "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
            "The number of records you can "
            "fetch using the page parameter is limited to 2000; use page_token",
            400,
            limit=PAGE_LIMIT,
        )
    return (page - 1) * per_page, per_page, {"page": page}


def _sorted(rows: list[dict[str, Any]], key: str, order: str | None) -> list[dict[str, Any]]:
    def read(row: dict[str, Any]) -> Any:
        return int(row["id"]) if key == "id" else (row.get(key) or "")

    return sorted(rows, key=read, reverse=(order or "desc") == "desc")


def _page(rows: list[dict[str, Any]], fields: list[str], info: dict[str, Any]) -> Response:
    if not rows:
        return Response(status_code=204)  # Zoho's answer for an empty result
    data = [{"id": r["id"], **{f: r.get(f) for f in fields if f != "id"}} for r in rows]
    return JSONResponse({"data": data, "info": info})


async def show_record(request: Request, fake: ZohoFake) -> Response:
    module, rid = request.path_params["module"], request.path_params["record_id"]
    with fake.state.lock:
        rows = fake.state.records.get(module)
        if rows is None:
            return error("INVALID_MODULE", "The module name given seems to be invalid", 400)
        if not rid.isdigit():
            return error(
                "INVALID_DATA", "the id given seems to be invalid", 400, resource_path_index=1
            )
        row = rows.get(rid)
        if row is None:
            return Response(status_code=204)
        return JSONResponse({"data": [json.loads(json.dumps(row))]})


async def update_record(request: Request, fake: ZohoFake) -> Response:
    module, rid = request.path_params["module"], request.path_params["record_id"]
    body = await _json(request)
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list) or not data or not isinstance(data[0], dict):
        return error("INVALID_DATA", "body", 400, expected_data_type="jsonarray", api_name="data")
    values = {k: v for k, v in data[0].items() if k != "id"}
    item = fake.state.update(module, rid, values)
    return JSONResponse({"data": [item]}, status_code=200 if item["status"] == "success" else 400)


async def create_record(request: Request, fake: ZohoFake) -> Response:
    """Insert Records with one record: 201 and the item, or 400 with the item."""
    module = request.path_params["module"]
    if module not in fake.state.records:
        return error("INVALID_MODULE", "The module name given seems to be invalid", 400)
    body = await _json(request)
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list) or not data or not isinstance(data[0], dict):
        return error("INVALID_DATA", "body", 400, expected_data_type="jsonarray", api_name="data")
    item = fake.state.create(module, data[0])
    return JSONResponse({"data": [item]}, status_code=201 if item["status"] == "success" else 400)


async def list_attachments(request: Request, fake: ZohoFake) -> Response:
    if not request.query_params.get("fields"):
        return error(
            "REQUIRED_PARAM_MISSING",
            "One of the expected parameter is missing",
            400,
            param="fields",
        )
    rid = request.path_params["record_id"]
    with fake.state.lock:
        rows = fake.state.attachments_of(rid)
    if not rows:
        return Response(status_code=204)
    return JSONResponse(
        {
            "data": rows,
            "info": {"per_page": 200, "count": len(rows), "page": 1, "more_records": False},
        }
    )


async def merge(request: Request, fake: ZohoFake) -> Response:
    module, master = request.path_params["module"], request.path_params["record_id"]
    body = await _json(request)
    try:
        item, _ = fake.state.merge(module, master, body)
    except MergeRefused as refused:
        if refused.item["code"] == "INVALID_MODULE":
            return JSONResponse(refused.item, status_code=400)
        return JSONResponse({"merge": [refused.item]}, status_code=refused.status)
    return JSONResponse({"merge": [item]}, status_code=201)  # the OAS gives 201


async def merge_status(request: Request, fake: ZohoFake) -> Response:
    module, master = request.path_params["module"], request.path_params["record_id"]
    job_id = request.query_params.get("job_id", "")
    if not job_id:
        return error(
            "REQUIRED_PARAM_MISSING",
            "One of the expected parameter is missing",
            400,
            param="job_id",
        )
    status = fake.state.job_status(module, master, job_id)
    if status is None:
        return error("INVALID_DATA", "invalid data", 400, param="job_id")
    return JSONResponse({"merge": [status]})


async def _json(request: Request) -> Any:
    try:
        return json.loads(await request.body() or b"null")
    except ValueError:
        return None


def new_token() -> str:
    return secrets.token_hex(20)
