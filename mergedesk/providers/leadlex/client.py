"""Async client of LeadLex's REST API (api-gateway v1) for the contacts of one workspace.
No Qt.

Merge semantics (seed 004, PROVIDERS.md §5): primary + at most 20 duplicates per call;
fill-only by default, `overwrite` lets duplicates' values replace the primary's (the
planner picks the mode and order); duplicates are retired and their notes, activities
and documents re-homed; `dry_run` previews. Every merge step carries the
Idempotency-Key journalled before the call, so a lost answer is re-sent with the same
key and LeadLex answers with the first result. Limits: a daily budget and a
per-minute limit by plan, read from X-RateLimit-* on every answer (see pacing.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

from pydantic import JsonValue

from mergedesk.core.capabilities import Capabilities, FileHandling, LoserFate, ValuesVia
from mergedesk.core.models import Attachment, FieldDef, Record
from mergedesk.core.steps import MergeStep
from mergedesk.providers import errors
from mergedesk.providers.base import (
    UNKNOWN_PERMISSIONS,
    AccountInfo,
    ConnectionSettings,
    PermissionCheck,
    RecordPage,
    StepResult,
    StepState,
    parse_body,
)
from mergedesk.providers.leadlex import mapping
from mergedesk.providers.leadlex.auth import PROVIDER, LeadLexKeyAuth
from mergedesk.providers.leadlex.pacing import LeadLexPacer, RateBudget
from mergedesk.providers.transport import Transport

PER_PAGE = 100  # per_page is at most 100 (default 50)
MAX_DUPLICATES = 20
EXPORT_ROWS = 50_000  # rows per export call; 10 export calls per hour per workspace
# Waits while LeadLex still processes an earlier request with the same key (409).
IN_FLIGHT_DELAYS = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0)

CAPABILITIES = Capabilities(
    provider=PROVIDER,
    display_name="LeadLex",
    entities={"contacts": "contacts"},
    mergeable=frozenset({"contacts"}),
    max_losers_per_call=MAX_DUPLICATES,
    values_via=ValuesVia.FILL_OR_OVERWRITE,
    loser_fate=LoserFate.RETIRED,
    fills_blanks=True,  # "missing fields are filled from the duplicates in order"
    files=FileHandling.REPARENTED,
    dry_run=True,
    idempotent_merge=True,
    max_concurrency=4,
)


class LeadLexProvider:
    """Contacts of one workspace (`…/functions/v1/api-gateway`). Options: `concurrency`,
    `requests_per_minute` + `window` (seconds) when the plan's limit should not be
    recognised from the daily limit."""

    def __init__(self, settings: ConnectionSettings, **transport_options: Any):
        options = settings.options
        concurrency = int(options.get("concurrency") or CAPABILITIES.max_concurrency)  # type: ignore[arg-type]
        self.capabilities = CAPABILITIES.model_copy(update={"max_concurrency": concurrency})
        self._sleep = transport_options.get("sleep") or asyncio.sleep
        per_minute = options.get("requests_per_minute")
        self.pacer: LeadLexPacer = transport_options.pop("pacer", None) or LeadLexPacer(
            int(per_minute) if per_minute else None,  # type: ignore[arg-type]
            float(options.get("window") or 60.0), sleep=self._sleep)  # type: ignore[arg-type]
        self._auth = LeadLexKeyAuth(settings.secret("api_key"))
        self._transport = Transport(
            PROVIDER, settings.base_url, mapping.describe_error,
            auth=self._auth,
            headers={"Accept": "application/json"}, max_concurrency=concurrency,
            pacer=self.pacer, **transport_options)

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def check_auth(self) -> AccountInfo:
        await self._list_page(1, per_page=1)
        return AccountInfo(provider=PROVIDER, tenant="LeadLex workspace")

    async def field_defs(self, entity: str) -> list[FieldDef]:
        _check_entity(entity)
        return list(mapping.FIELDS)

    async def list_records(self, entity: str) -> AsyncIterator[RecordPage]:
        """Every contact, 100 a page, oldest first; pages are numbered, not cursors."""
        _check_entity(entity)
        page, seen = 1, 0
        while True:
            body = await self._list_page(page)
            records = tuple(mapping.to_record(c) for c in body.data.contacts)
            if records:
                yield RecordPage(records=records, total=body.meta.total)
            seen += len(records)
            if len(records) < body.meta.per_page or seen >= body.meta.total:
                return
            page += 1

    async def get_record(self, entity: str, record_id: str) -> Record | None:
        """The contact as it is now; None once it is gone (merged duplicates are retired
        and read as 404 not_found)."""
        _check_entity(entity)
        try:
            data = await self._transport.get_json(f"v1/contacts/{record_id}")
        except errors.NotFound:
            return None
        body = parse_body(mapping.ContactEnvelope, data, provider=PROVIDER, what="contact")
        return mapping.to_record(body.data)

    async def attachments(self, entity: str, record_id: str) -> list[Attachment]:
        return []  # documents are re-homed to the primary by the merge itself

    async def update(self, entity: str, record_id: str, values: dict[str, JsonValue]) -> None:
        _check_entity(entity)
        body = mapping.update_body(values)
        if body:
            # Without `notes` a PATCH sets values and can be resent without harm; with the
            # merge note it appends a note, so a lost answer must not be re-sent (a second
            # note): OutcomeUnknown, settled by reading the contact.
            await self._transport.request("PATCH", f"v1/contacts/{record_id}",
                                          json_body=body,
                                          replay_safe=mapping.NOTES not in body)

    async def update_applied(self, entity: str, record_id: str,
                             values: dict[str, JsonValue]) -> bool | None:
        """After a lost answer to an update: whether it took effect, by reading. Only an
        update carrying the merge note needs it (its PATCH appends a note, so it must
        not be sent twice): True once the contact holds a note with that text. None for
        other updates, which are simply written again."""
        note = values.get(mapping.MERGE_NOTE)
        if not note:
            return None
        data = await self._transport.get_json(f"v1/contacts/{record_id}/notes",
                                              params={"page": 1, "per_page": PER_PAGE})
        body = parse_body(mapping.NotesBody, data, provider=PROVIDER, what="note list")
        return any(n.content == note for n in body.data.notes)  # newest first

    async def merge(self, entity: str, step: MergeStep, *, dry_run: bool = False) -> StepResult:
        """One merge call. A real merge sends the step's Idempotency-Key and is resent on a
        lost answer only with it; a dry run sends none (its body differs, and LeadLex
        would refuse the real merge's key as reused) and changes nothing."""
        _check_entity(entity)
        if not 1 <= len(step.losers) <= MAX_DUPLICATES:
            raise errors.ValidationFailed(
                f"LeadLex merges 1 to {MAX_DUPLICATES} duplicates per call, not "
                f"{len(step.losers)}", provider=PROVIDER)
        body = {"primary_id": step.master, "duplicate_ids": list(step.losers),
                "overwrite": bool(step.options.get("overwrite", False)), "dry_run": dry_run}
        key = None if dry_run else step.idempotency_key
        data = parse_body(mapping.MergeBody, await self._post_merge(body, key),
                          provider=PROVIDER, what="merge answer").data
        summary: dict[str, JsonValue] = {"merged_ids": list(data.merged_ids),
                                         "fields_populated": list(data.fields_populated),
                                         "counts": dict(data.counts)}
        if dry_run:
            preview = mapping.to_record(data.primary).fields
            return StepResult(state=StepState.NOT_APPLIED, preview=preview, summary=summary)
        merged = set(data.merged_ids) & set(step.losers)
        state = StepState.APPLIED if merged == set(step.losers) else StepState.PARTIAL
        return StepResult(state=state, summary=summary)

    async def job_state(self, entity: str, step: MergeStep, job_id: str) -> StepState:
        raise errors.ConfigError("LeadLex does not schedule merges", provider=PROVIDER)

    async def merge_permissions(self, entity: str) -> PermissionCheck:
        """Our key's permissions from the workspace's key list (GET /v1/api-keys, metadata
        only), found by its prefix: a merge needs Write. Unknown when the list is refused
        or no single entry is ours (keys sharing a prefix with other permissions)."""
        _check_entity(entity)
        try:
            rows = await self._api_keys()
        except errors.PermissionDenied:
            return UNKNOWN_PERMISSIONS
        ours = {frozenset(r.permissions) for r in rows if self._auth.is_key(r.prefix)}
        if len(ours) != 1:
            return UNKNOWN_PERMISSIONS
        granted = {p.lower() for p in next(iter(ours))}
        missing = () if granted & mapping.WRITE_SCOPES else ("write:contacts",)
        advice = ("Your LeadLex API key has no Write permission: create a key with Read and "
                  "Write in Settings > API & Integrations and use it") if missing else ""
        return PermissionCheck(known=True, missing=missing, advice=advice,
                               source="the workspace's API key list")

    async def budget(self) -> RateBudget:
        """Today's request budget, read fresh from one cheap call's X-RateLimit-* headers."""
        await self._list_page(1, per_page=1)
        return self.pacer.budget

    async def export_snapshot(self, entity: str = "contacts") -> list[Record]:
        """Every contact through the CSV export: a cheap snapshot of a whole batch before
        merging. 50,000 rows a call, paged by created_after (from a second before the last
        row, so contacts sharing its timestamp are not skipped; repeats are dropped). The
        export is limited to 10 calls an hour per workspace."""
        _check_entity(entity)
        found: dict[str, Record] = {}
        params: dict[str, Any] = {"limit": EXPORT_ROWS}
        while True:
            response = await self._transport.request(
                "GET", "v1/contacts/export", params=params, headers={"Accept": "text/csv"})
            rows = mapping.parse_export(response.text)
            new = {r.id: r for r in rows if r.id not in found}
            found.update(new)
            last = rows[-1].created_at if rows else None
            if len(rows) < EXPORT_ROWS or not new or last is None:
                return list(found.values())
            since = (last - timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
            params = {"limit": EXPORT_ROWS, "created_after": since}

    async def _post_merge(self, body: dict[str, Any], key: str | None) -> Any:
        headers = {"Idempotency-Key": key} if key else None
        # Replay-safe only with a key LeadLex honours (or for a dry run, which changes
        # nothing); otherwise a lost answer must become OutcomeUnknown.
        safe = key is not None or body["dry_run"]
        for delay in (*IN_FLIGHT_DELAYS, None):
            try:
                response = await self._transport.request(
                    "POST", "v1/contacts/merge", json_body=body, headers=headers,
                    replay_safe=safe, expect=(409,))
            except errors.ServerError as exc:
                if not key:
                    raise
                # Resent with its key until the transport gave up: one of the attempts may
                # have been applied, so this is unknown (and settled by reading), not failed.
                raise errors.OutcomeUnknown(f"{exc}; the merge may have been applied",
                                            provider=PROVIDER, status=exc.status) from exc
            if response.status_code != 409:
                return self._transport.json_of(response)
            if not key or mapping.error_code(response) == mapping.MERGE_CONFLICT:
                raise self._transport.error_for(response)
            if delay is not None:
                await self._sleep(delay)  # the first request with this key is still running
        raise errors.OutcomeUnknown(
            "LeadLex still reports the merge as in progress under its Idempotency-Key; "
            "it will be reconciled by reading the contacts", provider=PROVIDER, status=409)

    async def _api_keys(self) -> list[mapping.ApiKeyRow]:
        rows: list[mapping.ApiKeyRow] = []
        for page in range(1, 100):  # 100 a page; a workspace has a handful of keys
            data = await self._transport.get_json(
                "v1/api-keys", params={"page": page, "per_page": PER_PAGE})
            body = parse_body(mapping.ApiKeysBody, data, provider=PROVIDER, what="key list")
            rows += body.data.api_keys
            if len(body.data.api_keys) < body.meta.per_page or len(rows) >= body.meta.total:
                break
        return rows

    async def _list_page(self, page: int, per_page: int = PER_PAGE) -> mapping.ListBody:
        data = await self._transport.get_json(
            "v1/contacts", params={"page": page, "per_page": per_page, "sort": "created_at"})
        return parse_body(mapping.ListBody, data, provider=PROVIDER, what="contact list")


def _check_entity(entity: str) -> None:
    if entity != "contacts":
        raise errors.ConfigError(f"LeadLex merges contacts, not {entity!r}", provider=PROVIDER)


