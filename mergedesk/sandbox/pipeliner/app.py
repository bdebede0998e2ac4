"""Routes of the fake Pipeliner under /api/v100/rest/spaces/{space_id}: entity lists and
reads, PATCH, the Accounts/Contacts merge, field metadata (entities/Fields) and files
(CloudObjects, CloudObjectRelations), with the vendor's two error shapes. Sources: the
OpenAPI file in amp-labs/connectors (providers/pipeliner/openapi/api.json, ab4dd22c3)
and its recorded answers (providers/pipeliner/test/*.json). No state of its own."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mergedesk.sandbox.pipeliner import paging, schema
from mergedesk.sandbox.pipeliner.state import Refused

if TYPE_CHECKING:
    from mergedesk.sandbox.pipeliner import PipelinerFake

PREFIX = "/api/v100/rest/spaces/{space_id}"
_COLLECTIONS = ("Contacts", "Accounts", "Fields", "CloudObjects", "CloudObjectRelations")
Handler = Callable[[Request, "PipelinerFake"], Awaitable[Response]]


def vendor_routes(fake: PipelinerFake) -> list[Route]:
    def route(path: str, handler: Handler, method: str) -> Route:
        async def endpoint(request: Request) -> Response:
            refusal = fake.refuse(request)
            if refusal is not None:
                return refusal
            try:
                return await handler(request, fake)
            except Refused as exc:
                return JSONResponse(exc.body, status_code=exc.status)
        return Route(PREFIX + path, endpoint, methods=[method])

    return [
        route("/entities/{entity}", list_entities, "GET"),
        route("/entities/{entity}/merge", merge_entities, "POST"),
        route("/entities/{entity}", create_entity, "POST"),
        route("/entities/{entity}/{entity_id}", get_entity, "GET"),
        route("/entities/{entity}/{entity_id}", update_entity, "PATCH"),
    ]


async def unknown_url(request: Request) -> Response:
    return JSONResponse(schema.plain(404, schema.NOT_FOUND_URL), status_code=404)


async def list_entities(request: Request, fake: PipelinerFake) -> Response:
    entity = _collection(request)
    params = request.query_params
    with fake.state.lock:
        rows = paging.select(_rows(fake, entity, params), params)
        page = paging.window(rows, params)
        data = [paging.load_only(_json(fake, entity, r, params), params) for r in page["rows"]]
    body: dict[str, Any] = {"success": True, "total": page["total"]}
    if "page_info" in page:
        body["page_info"] = page["page_info"]
    body["data"] = data
    return JSONResponse(body)


async def get_entity(request: Request, fake: PipelinerFake) -> Response:
    entity = _record_collection(request)
    params = request.query_params
    with fake.state.lock:
        row = fake.state.get(entity, request.path_params["entity_id"],
                             include_deleted=params.get("include-deleted") == "true")
        data = paging.load_only(_json(fake, entity, row, params), params)
    return JSONResponse({"success": True, "data": data})


async def update_entity(request: Request, fake: PipelinerFake) -> Response:
    entity = _record_collection(request)
    body = await _body(request)
    with fake.state.lock:
        row = fake.state.update(entity, request.path_params["entity_id"],
                                {k: v for k, v in body.items() if k != "id"})
        return JSONResponse({"success": True, "data": _json(fake, entity, row, {})})


async def create_entity(request: Request, fake: PipelinerFake) -> Response:
    entity = _record_collection(request)
    body = await _body(request)
    with fake.state.lock:
        row = fake.state.create(entity, {k: v for k, v in body.items() if k != "id"})
        return JSONResponse({"success": True, "data": _json(fake, entity, row, {})})


async def merge_entities(request: Request, fake: PipelinerFake) -> Response:
    entity = request.path_params["entity"]
    if entity not in schema.MERGEABLE:
        # Only Accounts and Contacts have a merge endpoint; anything else is no route.
        return await unknown_url(request)
    body = await _body(request)
    master, secondaries = body.get("master"), body.get("secondary_ids")
    if not isinstance(master, dict) or not master.get("id"):
        raise Refused(400, schema.invalid("Missing master entity or its id."))
    if (not isinstance(secondaries, list) or not secondaries
            or not all(isinstance(s, str) for s in secondaries)):
        raise Refused(400, schema.invalid("secondary_ids must be a non-empty array of ids."))
    if master["id"] in secondaries or len(set(secondaries)) != len(secondaries):
        raise Refused(400, schema.invalid("The master and each secondary must be different."))
    with fake.state.lock:
        merged = fake.state.merge(entity, master, secondaries, tier=fake.tier,
                                  delete_rights=fake.delete_rights)
        return JSONResponse({"success": True, "data": _json(fake, entity, merged, {})})


# --- helpers -----------------------------------------------------------------------------
def _collection(request: Request) -> str:
    entity = request.path_params["entity"]
    if entity not in _COLLECTIONS:
        raise Refused(404, schema.unknown_type(entity))  # e.g. singular 'Contact'
    return entity


def _record_collection(request: Request) -> str:
    entity = _collection(request)
    if entity not in schema.MERGEABLE:
        raise Refused(404, schema.unknown_type(entity))
    return entity


def _rows(fake: PipelinerFake, entity: str, params: Any) -> list[dict[str, Any]]:
    deleted = params.get("include-deleted") == "true"
    if entity in schema.MERGEABLE:
        return fake.state.live(entity, include_deleted=deleted)
    if entity == "Fields":
        return fake.field_rows()
    if entity == "CloudObjects":
        return list(fake.state.cloud_objects.values())
    return [r for r in fake.state.relations.values() if deleted or not r["is_deleted"]]


def _json(fake: PipelinerFake, entity: str, row: dict[str, Any], params: Any) -> dict[str, Any]:
    """A row as the API shows it: relations as URIs unless expanded."""
    base = f"/api/v100/rest/spaces/{fake.space_id}/entities"
    out = dict(row)
    if entity in schema.MERGEABLE:
        out["owner"] = f"{base}/Clients/{row['owner_id']}"
        out["formatted_name"] = _formatted_name(row)
        out["is_delete_protected"] = False
    elif entity == "CloudObjectRelations":
        expand = {e.strip() for e in params.get("expand", "").split(",")} if params else set()
        cloud_id = row["cloud_object_id"]
        out["cloud_object"] = (fake.state.cloud_objects.get(cloud_id)
                               if "cloud_object" in expand else f"{base}/CloudObjects/{cloud_id}")
    return out


def _formatted_name(row: dict[str, Any]) -> str:
    if "name" in row:
        return str(row.get("name") or "")
    return " ".join(str(row[k]) for k in ("first_name", "middle_name", "last_name") if row.get(k))


async def _body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body())
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise Refused(400, schema.invalid("Missing or invalid JSON data."))
    return body
