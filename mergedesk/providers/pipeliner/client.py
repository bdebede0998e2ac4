"""Async client of Pipeliner CRM's REST API (v100) for Accounts and Contacts of one space.
No Qt.

Merge semantics (seed 000, PROVIDERS.md §1): master + any number of secondaries in one
call; `master` takes the same writable fields as an update, so every picked value is
sent in it explicitly (what the merge does with fields left out is undocumented; the
app's Smart Mode keeps the master's and fills its blanks); secondaries are deleted and
their files follow the master. Needs the Business/Enterprise tier, delete rights and
ownership of the records merged away. No rate limit is documented: 429 + Retry-After
are honoured, and the `requests_per_window` + `window` options pace us ourselves."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from pydantic import JsonValue

from mergedesk.core.capabilities import (
    Capabilities,
    FileHandling,
    LoserFate,
    RestoreSupport,
    ValuesVia,
)
from mergedesk.core.models import Attachment, FieldDef, Record
from mergedesk.core.steps import MergeStep
from mergedesk.providers import errors
from mergedesk.providers.base import (
    AccountInfo,
    ConnectionSettings,
    RecordPage,
    StepResult,
    StepState,
    parse_body,
)
from mergedesk.providers.pacing import BudgetPacer
from mergedesk.providers.pipeliner import mapping
from mergedesk.providers.pipeliner.auth import PROVIDER, basic_auth, space_of
from mergedesk.providers.transport import Transport

PAGE_SIZE = 100  # `first` is at most 100 (default 30)
MAX_SECONDARIES = 100  # our own cap per call: the API takes an array and names no limit

CAPABILITIES = Capabilities(
    provider=PROVIDER,
    display_name="Pipeliner CRM",
    entities=dict(mapping.ENTITIES),
    mergeable=frozenset(mapping.ENTITIES),
    max_losers_per_call=MAX_SECONDARIES,
    values_via=ValuesVia.MASTER_BODY,
    loser_fate=LoserFate.DELETED,
    fills_blanks=True,  # "works in the same way as in the Application" (Smart Mode)
    files=FileHandling.FOLLOW_MASTER,
    max_concurrency=4,
    # POST /entities/{Entity} re-creates a merged-away secondary from the journal (new id).
    restore=RestoreSupport(
        recreate=True,
        lost=(
            "the record id: a re-created record gets a new id",
            "files (CloudObjects) and activities that followed the master stay with it",
        ),
    ),
)


class PipelinerProvider:
    """Accounts and Contacts of one space (`…/api/v100/rest/spaces/{space_id}`).
    Options: `concurrency`, `requests_per_window` + `window` (seconds) for own pacing."""

    def __init__(self, settings: ConnectionSettings, **transport_options: Any):
        self._space = space_of(settings.base_url)
        options = settings.options
        concurrency = int(options.get("concurrency") or CAPABILITIES.max_concurrency)  # type: ignore[arg-type]
        self.capabilities = CAPABILITIES.model_copy(update={"max_concurrency": concurrency})
        budget = options.get("requests_per_window")
        self.pacer = transport_options.pop("pacer", None) or BudgetPacer(
            int(budget) if budget else None,  # type: ignore[arg-type]
            float(options.get("window") or 60.0),  # type: ignore[arg-type]
            sleep=transport_options.get("sleep") or asyncio.sleep)
        self._transport = Transport(
            PROVIDER, settings.base_url, mapping.describe_error,
            auth=basic_auth(settings.secret("key"), settings.secret("secret")),
            headers={"Accept": "application/json"}, max_concurrency=concurrency,
            pacer=self.pacer, **transport_options)
        self._fields: dict[str, list[FieldDef]] = {}

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def check_auth(self) -> AccountInfo:
        await self._get("entities/Fields", {"first": 1})
        return AccountInfo(provider=PROVIDER, tenant=f"space {self._space}")

    async def field_defs(self, entity: str) -> list[FieldDef]:
        """entities/Fields for the entity, every page; cached for this connection."""
        _plural(entity)
        if entity not in self._fields:
            params = {"filter[entity_name]": mapping.SINGULAR[entity]}
            bodies = [parse_body(mapping.FieldBody, row.model_dump(), provider=PROVIDER,
                                 what="field definition")
                      async for row in self._rows("entities/Fields", params)]
            self._fields[entity] = [mapping.field_def(b) for b in bodies if not b.is_deleted]
        return list(self._fields[entity])

    async def list_records(self, entity: str) -> AsyncIterator[RecordPage]:
        """Every live record, 100 a page, following the cursor until has_next_page is false."""
        names = await self._field_names(entity)
        params: dict[str, Any] = {"first": PAGE_SIZE}
        while True:
            body = await self._list_page(f"entities/{_plural(entity)}", params)
            records = tuple(mapping.to_record(r, entity, names) for r in body.data)
            if records:
                yield RecordPage(records=records, total=body.total)
            if not body.page_info.has_next_page:
                return
            params = {"first": PAGE_SIZE, "after": _next_cursor(body, params.get("after"))}

    async def get_record(self, entity: str, record_id: str) -> Record | None:
        """The record with its files; None when Pipeliner says it does not exist (merged
        secondaries are deleted)."""
        names = await self._field_names(entity)
        try:
            data = await self._get(f"entities/{_plural(entity)}/{record_id}")
        except errors.NotFound as exc:
            if exc.vendor_code and not exc.vendor_code.startswith(str(mapping.UNKNOWN_TYPE)):
                return None
            raise  # a wrong URL or entity type must never read as "record gone"
        body = parse_body(mapping.EntityBody, data, provider=PROVIDER, what=entity[:-1])
        record = mapping.to_record(body.data, entity, names)
        if not record.active:
            return None
        files = await self.attachments(entity, record_id)
        return record.model_copy(update={"attachments": tuple(files)})

    async def attachments(self, entity: str, record_id: str) -> list[Attachment]:
        """Files linked through CloudObjectRelations (filter on contact_id/account_id)."""
        params = {f"filter[{mapping.RELATION_KEYS[entity]}]": record_id, "expand": "cloud_object"}
        return [
            mapping.to_attachment(parse_body(mapping.RelationBody, row.model_dump(),
                                             provider=PROVIDER, what="file relation"), record_id)
            async for row in self._rows("entities/CloudObjectRelations", params)
        ]

    async def update(self, entity: str, record_id: str, values: dict[str, JsonValue]) -> None:
        if not values:
            return
        # Writing the same values twice leaves the same record: safe to resend.
        await self._transport.request("PATCH", f"entities/{_plural(entity)}/{record_id}",
                                      json_body=values, replay_safe=True)

    async def create(self, entity: str, values: dict[str, JsonValue]) -> Record:
        # Not replay-safe: a lost answer may have created the record already.
        response = await self._transport.request(
            "POST", f"entities/{_plural(entity)}", json_body=values, replay_safe=False)
        body = parse_body(mapping.EntityBody, self._transport.json_of(response),
                          provider=PROVIDER, what="created " + entity[:-1])
        return mapping.to_record(body.data, entity, await self._field_names(entity))

    async def reactivate(self, entity: str, record_id: str) -> None:
        raise errors.ConfigError("Pipeliner deletes merged records: they are re-created "
                                 "instead", provider=PROVIDER)

    async def merge(self, entity: str, step: MergeStep, *, dry_run: bool = False) -> StepResult:
        plural = _plural(entity)
        if dry_run:
            raise errors.ConfigError("Pipeliner has no dry-run merge", provider=PROVIDER)
        if not step.losers:
            raise errors.ValidationFailed("a merge needs at least one secondary",
                                          provider=PROVIDER)
        body = {"master": {**step.values, "id": step.master}, "secondary_ids": list(step.losers)}
        # Not replay-safe: a lost answer becomes OutcomeUnknown and is settled by reading.
        response = await self._transport.request(
            "POST", f"entities/{plural}/merge", json_body=body, replay_safe=False)
        merged = parse_body(mapping.EntityBody, self._transport.json_of(response),
                            provider=PROVIDER, what="merge answer")
        if merged.data.id != step.master:
            raise errors.BadResponse(
                f"Pipeliner answered the merge into {step.master} with record {merged.data.id}",
                provider=PROVIDER)
        return StepResult(state=StepState.APPLIED,
                          summary={"secondaries": len(step.losers), "carried": len(step.values)})

    async def job_state(self, entity: str, step: MergeStep, job_id: str) -> StepState:
        raise errors.ConfigError("Pipeliner does not schedule merges", provider=PROVIDER)

    async def _field_names(self, entity: str) -> frozenset[str]:
        return frozenset(f.api_name for f in await self.field_defs(entity))

    async def _rows(self, path: str, params: dict[str, Any]) -> AsyncIterator[mapping.Row]:
        query: dict[str, Any] = {**params, "first": PAGE_SIZE}
        while True:
            body = await self._list_page(path, query)
            for row in body.data:
                yield row
            if not body.page_info.has_next_page:
                return
            query = {**params, "first": PAGE_SIZE, "after": _next_cursor(body, query.get("after"))}

    async def _list_page(self, path: str, params: dict[str, Any]) -> mapping.ListBody:
        what = "list of " + path.rsplit("/", 1)[-1]
        return parse_body(mapping.ListBody, await self._get(path, params), provider=PROVIDER,
                          what=what)

    async def _get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        try:
            return await self._transport.get_json(path, params=params)
        except errors.NotFound as exc:
            if exc.vendor_code is None:  # the server's own 404: this URL is not the API
                raise errors.ConfigError(exc.message, provider=PROVIDER, status=404) from exc
            raise


def _plural(entity: str) -> str:
    try:
        return mapping.ENTITIES[entity]
    except KeyError:
        raise errors.ConfigError(
            f"Pipeliner merges accounts and contacts, not {entity!r}", provider=PROVIDER
        ) from None


def _next_cursor(body: mapping.ListBody, previous: str | None) -> str:
    """The cursor of the next page; a missing or repeated one would loop for ever."""
    cursor = body.page_info.end_cursor
    if not cursor or cursor == previous:
        raise errors.BadResponse(
            "Pipeliner said another page follows but gave no new end_cursor", provider=PROVIDER)
    return cursor
