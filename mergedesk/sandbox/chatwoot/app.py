"""Routes of the fake Chatwoot under /api/v1/accounts/{account_id}, with the vendor's
authentication order, error bodies, paging and parameter quirks (sources: the
Api::V1::Accounts controllers and views of chatwoot/chatwoot). No state of its own."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mergedesk.sandbox.chatwoot.filters import FilterError, filter_contacts
from mergedesk.sandbox.chatwoot.serialise import (
    contact_json,
    conversation_json,
    definition_json,
    note_json,
)
from mergedesk.sandbox.chatwoot.state import Invalid, MergeCall, NotFound

if TYPE_CHECKING:
    from mergedesk.sandbox.chatwoot import ChatwootFake

PREFIX = "/api/v1/accounts/{account_id}"
PER_PAGE = 15  # RESULTS_PER_PAGE in contacts_controller.rb; not changeable by the client
NOT_FOUND = {"error": "Resource could not be found"}
SORTS = {
    "name": lambda c: (c["name"] or "").lower(),
    "email": lambda c: c["email"],
    "phone_number": lambda c: c["phone_number"],
    "last_activity_at": lambda c: c["last_activity_at"],
    "created_at": lambda c: c["created_at"],
    "company_name": lambda c: c["additional_attributes"].get("company_name"),
    "city": lambda c: c["additional_attributes"].get("city"),
    "country": lambda c: c["additional_attributes"].get("country"),
}
_MODELS = {"0": "conversation_attribute", "1": "contact_attribute", "2": "company_attribute"}
_LEADING_INT = re.compile(r"\s*([+-]?\d+)")

Handler = Callable[[Request, "ChatwootFake", int], Awaitable[Response]]


def vendor_routes(fake: ChatwootFake) -> list[Route]:
    def route(path: str, handler: Handler, method: str) -> Route:
        async def endpoint(request: Request) -> Response:
            refusal = fake.refuse(request)
            if refusal is not None:
                return refusal
            account_id = int(request.path_params["account_id"])
            try:
                return await handler(request, fake, account_id)
            except NotFound:
                return JSONResponse(NOT_FOUND, status_code=404)
            except Invalid as exc:
                return JSONResponse(
                    {"message": exc.message, "attributes": exc.attributes}, status_code=422
                )
            except _BadJSON:
                return JSONResponse({"status": 400, "error": "Bad Request"}, status_code=400)

        return Route(PREFIX + path, endpoint, methods=[method])

    return [
        route("/contacts", list_contacts, "GET"),
        route("/contacts", create_contact, "POST"),
        route("/contacts/search", search_contacts, "GET"),
        route("/contacts/filter", filter_route, "POST"),
        route("/contacts/{contact_id}", show_contact, "GET"),
        route("/contacts/{contact_id}", update_contact, "PUT"),
        route("/contacts/{contact_id}", update_contact, "PATCH"),
        route("/contacts/{contact_id}/labels", show_labels, "GET"),
        route("/contacts/{contact_id}/labels", replace_labels, "POST"),
        route("/contacts/{contact_id}/conversations", contact_conversations, "GET"),
        route("/contacts/{contact_id}/notes", contact_notes, "GET"),
        route("/custom_attribute_definitions", attribute_definitions, "GET"),
        route("/actions/contact_merge", merge_contacts, "POST"),
    ]


# --- contacts ----------------------------------------------------------------------------
async def list_contacts(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    q = request.query_params
    labels = q.getlist("labels[]") + q.getlist("labels")
    with fake.state.lock:
        # Memoised between writes: a client paging 5,000 contacts asks for the same
        # listing hundreds of times, and rebuilding it per page made the fake the bottleneck.
        rows = fake.state.memoised(
            ("list", account_id, tuple(labels), q.get("sort")),
            lambda: _sorted(fake.state.resolved(account_id, labels), q.get("sort")),
        )
        return _page(fake, request, rows, count=len(rows))


async def search_contacts(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    query = request.query_params.get("q", "")
    if not query.strip():
        return JSONResponse({"error": "Specify search string with parameter q"}, status_code=422)
    with fake.state.lock:
        rows = _sorted(fake.state.search(account_id, query), request.query_params.get("sort"))
        # Newer versions fetch one extra row instead of counting: meta.count is the size of
        # this page and has_more says whether another page exists.
        page = _page_number(request)
        window = rows[(page - 1) * PER_PAGE : page * PER_PAGE]
        payload = [contact_json(fake.state, c, with_inboxes=True) for c in window]
    meta = {
        "count": len(window),
        "current_page": _current_page(request),
        "has_more": len(rows) > page * PER_PAGE,
    }
    return JSONResponse({"meta": meta, "payload": payload})


async def filter_route(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    body = await _json(request)
    payload = body.get("payload") if isinstance(body, dict) else None
    try:
        with fake.state.lock:
            rows = _sorted(
                filter_contacts(fake.state, account_id, payload), request.query_params.get("sort")
            )
            return _page(fake, request, rows, count=len(rows))
    except FilterError as exc:
        return JSONResponse({"error": str(exc)}, status_code=422)


async def show_contact(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    with fake.state.lock:
        contact = fake.state.contact(account_id, _rails_id(request.path_params["contact_id"]))
        return JSONResponse(
            {"payload": contact_json(fake.state, contact, with_inboxes=_with_inboxes(request))}
        )


async def update_contact(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    body = await _json(request)
    contact_id = _rails_id(request.path_params["contact_id"])
    with fake.state.lock:
        fake.state.contact(account_id, contact_id)  # another account's contact: 404
        # Rails also accepts the attributes wrapped in {"contact": {...}}.
        params = body.get("contact", body) if isinstance(body, dict) else {}
        contact = fake.state.update(
            account_id, contact_id, params if isinstance(params, dict) else {}
        )
        return JSONResponse(
            {"payload": contact_json(fake.state, contact, with_inboxes=_with_inboxes(request))}
        )


async def create_contact(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    """contacts#create renders create.json.jbuilder with Rails' default 200: the contact
    (with its inboxes) and a contact_inbox that is empty unless an inbox_id was given."""
    body = await _json(request)
    params = body.get("contact", body) if isinstance(body, dict) else {}
    with fake.state.lock:
        contact = fake.state.create(account_id, params if isinstance(params, dict) else {})
        return JSONResponse({"payload": {
            "contact": contact_json(fake.state, contact, with_inboxes=True),
            "contact_inbox": {"inbox": None, "source_id": None},
        }})


async def show_labels(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    contact_id = _rails_id(request.path_params["contact_id"])
    with fake.state.lock:
        fake.state.contact(account_id, contact_id)
        return JSONResponse({"payload": list(fake.state.labels.get(contact_id or 0, []))})


async def replace_labels(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    body = await _json(request)
    labels = body.get("labels") if isinstance(body, dict) else None
    # permit(labels: []) drops anything but an array of scalars, and update_labels(nil)
    # clears the list: a missing or malformed "labels" REMOVES every label, as upstream.
    if not isinstance(labels, list) or not all(isinstance(x, str | int | float) for x in labels):
        labels = []
    stored = fake.state.set_labels(
        account_id, _rails_id(request.path_params["contact_id"]) or 0, [str(x) for x in labels]
    )
    return JSONResponse({"payload": stored})


async def contact_conversations(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    with fake.state.lock:
        contact = fake.state.contact(account_id, _rails_id(request.path_params["contact_id"]))
        rows = sorted(
            fake.state.conversations_of(contact["id"]), key=lambda c: -c["last_activity_at"]
        )
        return JSONResponse({"payload": [conversation_json(fake.state, c) for c in rows]})


async def contact_notes(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    with fake.state.lock:
        contact = fake.state.contact(account_id, _rails_id(request.path_params["contact_id"]))
        rows = sorted(fake.state.notes_of(contact["id"]), key=lambda n: -n["created_at"])
        return JSONResponse([note_json(n) for n in rows])


async def attribute_definitions(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    # with_attribute_model(nil) is `all` upstream: without the parameter every model's
    # definitions come back, although the API docs call the parameter required.
    model = request.query_params.get("attribute_model")
    wanted = _MODELS.get(model or "", model) if model else None
    rows = [
        d
        for d in fake.state.attribute_definitions
        if d["account_id"] == account_id and (wanted is None or d["attribute_model"] == wanted)
    ]
    return JSONResponse([definition_json(d) for d in rows])


async def merge_contacts(request: Request, fake: ChatwootFake, account_id: int) -> Response:
    body = await _json(request)
    if not isinstance(body, dict):
        return _bad_request("body", "must be a JSON object")
    ids = []
    for key in ("base_contact_id", "mergee_contact_id"):
        value = body.get(key)
        if value is None:
            raise NotFound(key)  # contacts.find(nil) upstream: 404, not a validation error
        if (
            isinstance(value, bool)
            or not isinstance(value, int | str)
            or (isinstance(value, str) and not value.strip().isdigit())
        ):
            # The API docs promise 400 for invalid ids; Rails itself would cast and 404.
            return _bad_request(key, "must be an integer")
        ids.append(int(value))
    with fake.state.lock:
        fake.state.merge_log.append(MergeCall(ids[0], ids[1]))
        base = fake.state.contact(account_id, ids[0])  # before_action finds: 404 first
        fake.state.contact(account_id, ids[1])
        job = None if ids[0] == ids[1] else fake.merge_jobs.take(account_id, *ids)
        if job is None:
            base = fake.state.merge(account_id, ids[0], ids[1])
        # With a queued job the view renders @base_contact as it was: 200 all the same.
        body = contact_json(fake.state, base, with_inboxes=False)
    if job is not None and job.delay is not None:
        asyncio.get_running_loop().call_later(job.delay, fake.merge_jobs.run, job)
    return JSONResponse(body)


# --- helpers -----------------------------------------------------------------------------
class _BadJSON(Exception):
    """ActionDispatch::Http::Parameters::ParseError: 400 {"status":400,"error":"Bad Request"}."""


async def _json(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise _BadJSON from exc


def _bad_request(field: str, message: str) -> Response:
    return JSONResponse(
        {
            "description": "Bad request",
            "errors": [{"field": field, "message": message, "code": "invalid"}],
        },
        status_code=400,
    )


def _rails_id(value: Any) -> int | None:
    """ActiveRecord's integer cast of a path id: '12' and '12abc' are 12, 'abc' is nil."""
    match = _LEADING_INT.match(str(value))
    return int(match.group(1)) if match else None


def _page_number(request: Request) -> int:
    number = _rails_id(request.query_params.get("page", "1"))
    return number if number and number > 0 else 1  # Kaminari: page 0, -1 or 'x' is page 1


def _current_page(request: Request) -> int | str:
    # `@current_page = params[:page] || 1`: the view echoes the raw parameter, so a client
    # that sends ?page=2 gets "current_page": "2" (a string) back.
    return request.query_params.get("page", 1)


def _with_inboxes(request: Request) -> bool:
    value = request.query_params.get("include_contact_inboxes")
    return True if not value else value == "true"


def _sorted(rows: list[dict[str, Any]], sort: str | None) -> list[dict[str, Any]]:
    rows = sorted(rows, key=lambda c: c["id"])  # unsorted upstream; id order in practice
    if not sort or sort.lstrip("-") not in SORTS:
        return rows  # Sift ignores unknown sort keys
    read = SORTS[sort.lstrip("-")]

    # PostgreSQL puts NULLs last ascending and first descending; reverse() does the same.
    def key(c: dict[str, Any]) -> tuple[bool, Any]:
        value = read(c)
        return value is None, "" if value is None else value

    return sorted(rows, key=key, reverse=sort.startswith("-"))


def _page(fake: ChatwootFake, request: Request, rows: list[dict[str, Any]], count: int) -> Response:
    page = _page_number(request)
    window = rows[(page - 1) * PER_PAGE : page * PER_PAGE]
    with_inboxes = _with_inboxes(request)
    return JSONResponse(
        {
            "meta": {"count": count, "current_page": _current_page(request)},
            "payload": [contact_json(fake.state, c, with_inboxes=with_inboxes) for c in window],
        }
    )
