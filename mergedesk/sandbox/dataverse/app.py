"""Routes of the fake Dataverse Web API under /api/data/v9.2: collections with $select,
$filter (the forms MergeDesk sends), Prefer odata.maxpagesize and @odata.nextLink with a
paging cookie in $skiptoken (paging.py), one row by key, PATCH (If-Match: * refuses to
create), the Merge action, attribute metadata, annotations and WhoAmI. Errors as
`{"error":{code,message}}`."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mergedesk.sandbox.dataverse import paging, security
from mergedesk.sandbox.dataverse.state import TABLES, Refused

if TYPE_CHECKING:
    from mergedesk.sandbox.dataverse import DataverseFake

PREFIX = "/api/data/v9.2"
MAX_PAGE = 5000
_BY_SET = {s: t for t, (s, _) in TABLES.items()}
_KEYED = re.compile(r"^(?P<set>\w+)\((?P<id>[0-9a-fA-F-]{36})\)$")
_METADATA = re.compile(r"^EntityDefinitions\(LogicalName='(?P<table>\w+)'\)/Attributes$")
_EQ = re.compile(r"^(?P<col>\w+) eq (?P<value>[\w-]+)$")


def error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def vendor_routes(fake: DataverseFake) -> list[Route]:
    async def endpoint(request: Request) -> Response:
        refusal = fake.refuse(request)
        if refusal is not None:
            return refusal
        try:
            return await _dispatch(request, fake, request.path_params["rest"])
        except Refused as exc:
            return error(exc.status, exc.code, exc.message)
    return [Route(PREFIX + "/{rest:path}", endpoint, methods=["GET", "PATCH", "POST"])]


async def _dispatch(request: Request, fake: DataverseFake, rest: str) -> Response:
    method = request.method
    if rest == "WhoAmI" and method == "GET":
        return JSONResponse({"UserId": fake.user_id, "BusinessUnitId": fake.user_id,
                             "OrganizationId": fake.tenant_id})
    if rest == "Merge" and method == "POST":
        return await _merge(request, fake)
    if method == "GET" and (asked := security.USER_PRIVILEGES.match(rest)):
        return _user_privileges(fake, asked["id"].lower())
    if rest == "annotations" and method == "GET":
        return _annotations(request, fake)
    meta = _METADATA.match(rest)
    if meta and method == "GET" and meta["table"] in TABLES:
        return JSONResponse({"value": fake.state.attributes(meta["table"])})
    keyed = _KEYED.match(rest)
    if keyed and keyed["set"] in _BY_SET:
        table, rid = _BY_SET[keyed["set"]], keyed["id"].lower()
        if method == "GET":
            return _one(request, fake, table, rid)
        if method == "PATCH":
            return await _patch(request, fake, table, rid)
    if rest in _BY_SET and method == "GET":
        return _collection(request, fake, _BY_SET[rest])
    return error(404, "0x80060888", f"Resource not found for the segment '{rest}'.")


def _select(request: Request, fake: DataverseFake, table: str) -> list[str] | None:
    raw = request.query_params.get("$select")
    if not raw:
        return None
    names = raw.split(",")
    known = fake.state.readable(table) | {TABLES[table][1]}
    for name in names:
        if name not in known:
            raise Refused(400, "0x80060888", f"Could not find a property named '{name}' on "
                          f"type 'Microsoft.Dynamics.CRM.{table}'.")
    return names


def _shape(row: dict[str, Any], names: list[str] | None, table: str) -> dict[str, Any]:
    key = TABLES[table][1]
    picked = row if names is None else {n: row.get(n) for n in (key, *names)}
    return {"@odata.etag": f'W/"{abs(hash(row.get("modifiedon"))) % 10**8}"', **picked}


def _one(request: Request, fake: DataverseFake, table: str, rid: str) -> Response:
    names = _select(request, fake, table)
    with fake.state.lock:
        row = fake.state.row(table, rid)
        return JSONResponse(_shape(row, names, table))


def _collection(request: Request, fake: DataverseFake, table: str) -> Response:
    names = _select(request, fake, table)
    q = request.query_params
    wanted = _filters(q.get("$filter"))
    size = _page_size(request.headers.get("prefer", ""))
    key = TABLES[table][1]
    number, last = paging.resume_after(q.get("$skiptoken"), key)
    with fake.state.lock:
        rows = fake.state.rows[table]
        found, more = paging.page(
            rows, fake.key_order.after(table, rows, last),
            lambda r: all(str(r.get(c)) == v for c, v in wanted.items()), size)
        chunk = [_shape(r, names, table) for r in found]
    body: dict[str, Any] = {"@odata.context": f"{fake.root(request)}{PREFIX}/$metadata#"
                            f"{TABLES[table][0]}", "value": chunk}
    if more:
        params = {k: v for k, v in q.items() if k != "$skiptoken"}
        params["$skiptoken"] = paging.skiptoken(key, number, found[0][key], found[-1][key])
        body["@odata.nextLink"] = (f"{fake.root(request)}{PREFIX}/{TABLES[table][0]}?"
                                   f"{urlencode(params, quote_via=quote)}")
    headers = {"Preference-Applied": f"odata.maxpagesize={size}"} if "maxpagesize" in \
        request.headers.get("prefer", "") else {}
    return JSONResponse(body, headers=headers)


def _filters(raw: str | None) -> dict[str, str]:
    """`a eq b and c eq d` only: what MergeDesk sends. Anything else is refused loudly so
    a client change cannot silently list everything."""
    if not raw:
        return {}
    found: dict[str, str] = {}
    for part in raw.split(" and "):
        match = _EQ.match(part.strip())
        if match is None:
            raise Refused(400, "0x80060888", f"The sandbox cannot evaluate $filter '{raw}'.")
        value = match["value"]
        found[match["col"]] = {"true": "True", "false": "False"}.get(value, value.lower())
    return found


def _page_size(prefer: str) -> int:
    match = re.search(r"odata\.maxpagesize=(\d+)", prefer)
    return max(1, min(MAX_PAGE, int(match[1]))) if match else MAX_PAGE


def _annotations(request: Request, fake: DataverseFake) -> Response:
    wanted = _filters(request.query_params.get("$filter"))
    with fake.state.lock:
        rows = [dict(n) for n in fake.state.annotations.values()
                if all(str(n.get(c)) == v for c, v in wanted.items())]
    return JSONResponse({"value": rows})


async def _patch(request: Request, fake: DataverseFake, table: str, rid: str) -> Response:
    values = await _json(request)
    if not isinstance(values, dict):
        raise Refused(400, "0x80048d19", "The request body is not a JSON object.")
    fake.state.update(table, rid, values, must_exist=request.headers.get("if-match") == "*")
    return Response(status_code=204)


async def _merge(request: Request, fake: DataverseFake) -> Response:
    body = await _json(request)
    if not isinstance(body, dict) or "PerformParentingChecks" not in body:
        raise Refused(400, "0x80040203", "Required parameter 'PerformParentingChecks' is "
                      "missing for the Merge action.")
    parts = {}
    for name in ("Target", "Subordinate", "UpdateContent"):
        item = body.get(name)
        if item is None and name == "UpdateContent":
            continue
        if not isinstance(item, dict) or not str(item.get("@odata.type", "")).startswith(
                "Microsoft.Dynamics.CRM."):
            raise Refused(400, "0x80040203", f"The parameter '{name}' of type crmbaseentity "
                          "needs an '@odata.type' annotation naming its table.")
        parts[name] = item
    table = parts["Target"]["@odata.type"].rsplit(".", 1)[1]
    if table not in TABLES:
        raise Refused(400, "0x80040203", f"This type: {table} is not supported with merge "
                      "operation")
    security.check_merge(fake.privileges, table, fake.user_id)
    key = TABLES[table][1]
    target, sub = (str(parts[n].get(key, "")).lower() for n in ("Target", "Subordinate"))
    content = {k: v for k, v in parts.get("UpdateContent", {}).items() if k != "@odata.type"}
    fake.state.merge(table, target, sub, content, bool(body["PerformParentingChecks"]))
    return Response(status_code=204)


def _user_privileges(fake: DataverseFake, user_id: str) -> Response:
    if user_id != fake.user_id:
        return error(404, "0x80040217", f"systemuser With Id = {user_id} Does Not Exist")
    return JSONResponse(security.role_privileges(fake.privileges, fake.user_id))


async def _json(request: Request) -> Any:
    try:
        return json.loads(await request.body() or b"null")
    except ValueError:
        raise Refused(400, "0x80048d19", "The request body is not valid JSON.") from None
