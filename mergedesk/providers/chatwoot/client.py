"""Async client of Chatwoot's application API for contacts of one account. No Qt.

Merge semantics (PROVIDERS.md §2): one mergee per call; the base's non-blank values
win; the mergee is hard-deleted; labels are not carried, so chosen values and labels
are written onto the base by update steps that the planner places around the merge.
A 200 does not prove the merge happened (some versions hand a failing merge to a
background job and answer 200 anyway): the mergee is re-read before the step is done.
Reading many contacts (paging, search, filter) is in lookup.py, budgets in limits.py."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from typing import Any
from urllib.parse import urlsplit

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
from mergedesk.providers.chatwoot import lookup, mapping
from mergedesk.providers.chatwoot.auth import ChatwootTokenAuth
from mergedesk.providers.chatwoot.limits import ChatwootLimits, RackAttackPacer, per_minute_pacer
from mergedesk.providers.transport import Transport

PROVIDER = "chatwoot"
PAGE_SIZE = lookup.PAGE_SIZE  # fixed by Chatwoot

CAPABILITIES = Capabilities(
    provider=PROVIDER,
    display_name="Chatwoot",
    entities={"contacts": "contacts"},
    mergeable=frozenset({"contacts"}),
    max_losers_per_call=1,
    values_via=ValuesVia.UPDATE_AROUND,
    loser_fate=LoserFate.DELETED,
    fills_blanks=True,
    files=FileHandling.NONE,
    not_carried=frozenset({mapping.LABELS}),
    # ContactMergeAction deep-merges the attribute hashes with the base's keys winning.
    keyed_fill_prefixes=tuple(f"{name}." for name in mapping.NESTED),
    max_concurrency=4,
    # POST /contacts re-creates a deleted mergee from the journal's snapshot; nothing
    # moves conversations back (contact_merge_action.rb re-parents them for good).
    restore=RestoreSupport(
        recreate=True,
        lost=(
            "the contact id: a re-created contact gets a new id",
            "conversations, messages, notes and contact inboxes the merge moved stay with "
            "the survivor (Chatwoot has no API to move them back)",
            "the avatar and the contact's activity history",
        ),
    ),
)


class ChatwootProvider:
    """Contacts of one Chatwoot account (`…/api/v1/accounts/{id}`).

    Paced under the install's rack-attack budgets (ChatwootLimits, from
    `settings.options`): `pacer` holds every request, a second budget contact search."""

    capabilities = CAPABILITIES

    def __init__(self, settings: ConnectionSettings, **transport_options):
        limits = ChatwootLimits.from_options(settings.options)
        sleep = transport_options.get("sleep") or asyncio.sleep
        self.pacer = transport_options.pop("pacer", None) or per_minute_pacer(
            limits.requests_per_minute, sleep, limits.period)
        self._search_pacer = per_minute_pacer(limits.searches_per_minute, sleep, limits.period)
        # Per connection: ApplyService merges this many groups side by side.
        self.capabilities = CAPABILITIES.model_copy(
            update={"max_concurrency": limits.concurrency})
        self._transport = Transport(
            PROVIDER,
            settings.base_url,
            mapping.describe_error,
            auth=ChatwootTokenAuth(settings.secret("token")),
            headers={"Accept": "application/json"},
            max_concurrency=limits.concurrency,
            pacer=self.pacer,
            **transport_options,
        )
        self._account = urlsplit(self._transport.base_url).path.rstrip("/").rsplit("/", 1)[-1]

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def check_auth(self) -> AccountInfo:
        await self._list_page(1)
        return AccountInfo(provider=PROVIDER, tenant=f"account {self._account}")

    async def field_defs(self, entity: str) -> list[FieldDef]:
        _check_entity(entity)
        data = await self._transport.get_json(
            "custom_attribute_definitions", params={"attribute_model": 1}
        )
        if not isinstance(data, list):
            raise errors.BadResponse(
                "Chatwoot sent custom attribute definitions that are not a list",
                provider=PROVIDER,
            )
        definitions = [parse_body(mapping.AttributeDefinition, item, provider=PROVIDER,
                                  what="attribute definition") for item in data]
        return [*mapping.STANDARD_FIELDS, *mapping.custom_fields(definitions)]

    async def list_records(
        self, entity: str, *, labels: Sequence[str] = ()
    ) -> AsyncIterator[RecordPage]:
        """Every listed contact, 15 a page; with `labels`, only contacts tagged with any
        of them (`labels[]`, the cheap way to list by label). Chatwoot lists only
        contacts with an email, phone number or identifier; anonymous visitors never
        appear. After page 1 the pages are fetched side by side."""
        _check_entity(entity)
        params: dict[str, Any] = {"include_contact_inboxes": "false"}
        if labels:
            params["labels[]"] = list(labels)

        async def fetch(number: int) -> mapping.ContactListBody:
            return await self._page("GET", "contacts", {**params, "page": number})

        seen: set[int] = set()  # pages shift if contacts are added while we read
        async for page in lookup.counted_pages(fetch, self.capabilities.max_concurrency):
            fresh = [c for c in page.contacts if c.id not in seen]
            seen.update(c.id for c in fresh)
            if fresh:
                yield RecordPage(records=tuple(mapping.to_record(c, entity) for c in fresh),
                                 total=page.total)

    async def search(self, entity: str, query: str, *, limit: int = 45) -> list[Record]:
        """GET /contacts/search: name, email, phone or identifier containing `query`
        (and the contact id), for a reviewer looking for a duplicate by hand. Kept under
        Chatwoot's separate search budget (100 a minute per account by default); at
        most `limit` contacts. A blank query finds nothing (Chatwoot answers 422)."""
        _check_entity(entity)
        if not query.strip():
            return []

        async def fetch(number: int) -> mapping.ContactListBody:
            return await self._page("GET", "contacts/search", {
                "q": query.strip(), "page": number, "include_contact_inboxes": "false"},
                pacer=self._search_pacer)

        return await _collect(lookup.has_more_pages(fetch), entity, limit)

    async def filter_records(
        self, entity: str, conditions: list[dict[str, JsonValue]], *, limit: int | None = None
    ) -> list[Record]:
        """POST /contacts/filter with Chatwoot's condition payload (attribute_key,
        filter_operator, values, query_operator). Unlike the list, it also returns
        contacts without email, phone or identifier, and it is not search-throttled."""
        _check_entity(entity)

        async def fetch(number: int) -> mapping.ContactListBody:
            # A read, however POSTed: safe to send again after a lost answer.
            return await self._page("POST", "contacts/filter", {"page": number},
                                    json_body={"payload": conditions})

        pages = lookup.counted_pages(fetch, self.capabilities.max_concurrency)
        return await _collect(pages, entity, limit)

    async def find_candidates(self, entity: str, record: Record, *,
                              limit: int = 60) -> list[Record]:
        """Contacts sharing `record`'s email, phone number, identifier or exact name, in
        one filter query: a targeted re-scan of one contact (after a merge, feed the
        survivor and these to IncrementalMatcher.update) instead of listing them all."""
        conditions = lookup.candidate_conditions(record)
        if not conditions:
            return []
        found = await self.filter_records(entity, conditions, limit=limit + 1)
        return [r for r in found if r.id != record.id][:limit]

    async def get_record(self, entity: str, record_id: str) -> Record | None:
        _check_entity(entity)
        contact_id = _contact_id(record_id)
        try:
            data = await self._transport.get_json(f"contacts/{contact_id}")
        except errors.NotFound:
            return None
        body = parse_body(mapping.ContactEnvelope, data, provider=PROVIDER, what="contact")
        record = mapping.to_record(body.payload, entity)
        labels, conversations = await asyncio.gather(
            self._labels(contact_id), self._conversation_count(contact_id))
        return record.model_copy(update={
            "fields": {**record.fields, mapping.LABELS: labels},
            "related_counts": {"conversations": conversations},
        })

    async def attachments(self, entity: str, record_id: str) -> list[Attachment]:
        return []  # contacts carry no files; message attachments travel with conversations

    async def update(self, entity: str, record_id: str, values: dict[str, JsonValue]) -> None:
        _check_entity(entity)
        contact_id = _contact_id(record_id)
        body = mapping.to_update_body(values)
        if body:
            await self._transport.request("PUT", f"contacts/{contact_id}", json_body=body)
        if mapping.LABELS in values:
            labels = values[mapping.LABELS] or []
            if not isinstance(labels, list):
                labels = [str(labels)]
            # POST replaces the whole list, so repeating it is harmless.
            await self._transport.request(
                "POST", f"contacts/{contact_id}/labels",
                json_body={"labels": labels}, replay_safe=True,
            )

    async def merge(self, entity: str, step: MergeStep, *, dry_run: bool = False) -> StepResult:
        _check_entity(entity)
        if dry_run:
            raise errors.ConfigError("Chatwoot has no dry-run merge", provider=PROVIDER)
        if len(step.losers) != 1:
            raise errors.ValidationFailed(
                "Chatwoot merges exactly one contact into the base per call", provider=PROVIDER
            )
        base, mergee = _contact_id(step.master), _contact_id(step.losers[0])
        body = {"base_contact_id": base, "mergee_contact_id": mergee}
        try:
            # Not replay-safe: a lost answer becomes OutcomeUnknown, reconciled by reading.
            response = await self._transport.request(
                "POST", "actions/contact_merge", json_body=body, replay_safe=False
            )
        except errors.NotFound as exc:
            raise errors.NotFound(
                f"contact {base} or {mergee} is not in account {self._account} "
                f"(Chatwoot: {exc.message})", provider=PROVIDER, status=exc.status,
            ) from exc
        if response.content:
            self._transport.json_of(response)  # a 200 with a broken body is still reported
        # Newer versions rescue a failing merge, queue ContactMergeJob and answer 200
        # all the same (contact_merges_controller.rb): only a re-read says it happened.
        if base != mergee and await self._maybe_exists(mergee):
            return StepResult(state=StepState.PENDING, job_id=f"contact_merge:{base}:{mergee}",
                              summary={"queued": True})
        return StepResult(state=StepState.APPLIED)

    async def job_state(self, entity: str, step: MergeStep, job_id: str) -> StepState:
        """A merge Chatwoot answered but left to its background job: done once the
        mergee is gone; until then pending (a job that keeps failing never finishes,
        so a human decides; nothing is re-sent)."""
        _check_entity(entity)
        mergee = _contact_id(step.losers[0]) if step.losers else None
        if mergee is None or not await self._exists(mergee):
            return StepState.APPLIED
        return StepState.PENDING

    async def create(self, entity: str, values: dict[str, JsonValue]) -> Record:
        """POST /contacts (contacts#create), then the labels, which the create ignores."""
        _check_entity(entity)
        # Not replay-safe: a lost answer may have created the contact already.
        response = await self._transport.request(
            "POST", "contacts", json_body=mapping.to_update_body(values), replay_safe=False
        )
        body = parse_body(mapping.CreatedEnvelope, self._transport.json_of(response),
                          provider=PROVIDER, what="created contact")
        record = mapping.to_record(body.payload.contact, entity)
        labels = values.get(mapping.LABELS)
        if labels:
            await self.update(entity, record.id, {mapping.LABELS: labels})
        return record

    async def reactivate(self, entity: str, record_id: str) -> None:
        raise errors.ConfigError(
            "Chatwoot deletes merged contacts; there is nothing to reactivate", provider=PROVIDER
        )

    async def _list_page(self, page: int) -> mapping.ContactListBody:
        return await self._page("GET", "contacts", {"page": page,
                                                    "include_contact_inboxes": "false"})

    async def _page(self, method: str, path: str, params: dict[str, Any],
                    json_body: Any = None, pacer: RackAttackPacer | None = None,
                    ) -> mapping.ContactListBody:
        if pacer is not None:  # a budget of its own on top of the transport's
            await pacer.acquire()
        response = await self._transport.request(method, path, params=params,
                                                 json_body=json_body, replay_safe=True)
        if pacer is not None:
            pacer.observe(response)
        return parse_body(mapping.ContactListBody, self._transport.json_of(response),
                          provider=PROVIDER, what="contact list")

    async def _maybe_exists(self, contact_id: int) -> bool:
        """After a merge was answered: a failed re-read must not make the merge look
        refused, so it counts as 'still there' and the job polls settle it."""
        try:
            return await self._exists(contact_id)
        except errors.ProviderError:
            return True

    async def _exists(self, contact_id: int) -> bool:
        try:
            await self._transport.request("GET", f"contacts/{contact_id}",
                                          params={"include_contact_inboxes": "false"})
        except errors.NotFound:
            return False
        return True

    async def _labels(self, contact_id: int) -> list[str]:
        data = await self._transport.get_json(f"contacts/{contact_id}/labels")
        return parse_body(mapping.LabelsBody, data, provider=PROVIDER, what="label list").payload

    async def _conversation_count(self, contact_id: int) -> int:
        data = await self._transport.get_json(f"contacts/{contact_id}/conversations")
        payload = data.get("payload") if isinstance(data, dict) else None
        if not isinstance(payload, list):
            raise errors.BadResponse(
                "Chatwoot sent a conversation list without a payload list", provider=PROVIDER
            )
        return len(payload)


def _check_entity(entity: str) -> None:
    if entity != "contacts":
        raise errors.ConfigError(
            f"Chatwoot has contacts only, not {entity!r}", provider=PROVIDER
        )


def _contact_id(record_id: str) -> int:
    """Chatwoot ids are integers; anything else cannot name a contact."""
    try:
        return int(record_id)
    except (TypeError, ValueError):
        raise errors.NotFound(
            f"{record_id!r} is not a Chatwoot contact id", provider=PROVIDER
        ) from None


async def _collect(pages: AsyncIterator[lookup.Page], entity: str,
                   limit: int | None) -> list[Record]:
    """Records from pages, each once, stopping (and closing the pages) at `limit`."""
    found: dict[int, Record] = {}
    try:
        async for page in pages:
            for contact in page.contacts:
                found.setdefault(contact.id, mapping.to_record(contact, entity))
            if limit is not None and len(found) >= limit:
                break
    finally:
        await pages.aclose()  # type: ignore[attr-defined]
    return list(found.values())[:limit]
