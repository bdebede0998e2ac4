"""Async client of Chatwoot's application API for contacts of one account. No Qt.

Merge semantics (PROVIDERS.md §2): one mergee per call; the base's non-blank values
win; the mergee is hard-deleted; labels are not carried, so chosen values and labels
are written onto the base by update steps that the planner places around the merge."""

from __future__ import annotations

from collections.abc import AsyncIterator
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
from mergedesk.providers.chatwoot import mapping
from mergedesk.providers.chatwoot.auth import ChatwootTokenAuth
from mergedesk.providers.transport import Transport

PROVIDER = "chatwoot"
PAGE_SIZE = 15  # fixed by Chatwoot

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
    """Contacts of one Chatwoot account (`…/api/v1/accounts/{id}`)."""

    capabilities = CAPABILITIES

    def __init__(self, settings: ConnectionSettings, **transport_options):
        self._transport = Transport(
            PROVIDER,
            settings.base_url,
            mapping.describe_error,
            auth=ChatwootTokenAuth(settings.secret("token")),
            headers={"Accept": "application/json"},
            max_concurrency=CAPABILITIES.max_concurrency,
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
        custom = [
            mapping.custom_field(parse_body(mapping.AttributeDefinition, item,
                                            provider=PROVIDER, what="attribute definition"))
            for item in data
        ]
        return [*mapping.STANDARD_FIELDS, *custom]

    async def list_records(self, entity: str) -> AsyncIterator[RecordPage]:
        """Every listed contact, 15 a page. Chatwoot lists only contacts with an email,
        phone number or identifier; anonymous visitors never appear."""
        _check_entity(entity)
        page, seen = 1, 0
        while True:
            body = await self._list_page(page)
            total = _int_or_none(body.meta.get("count"))
            records = tuple(mapping.to_record(c, entity) for c in body.payload)
            if records:
                yield RecordPage(records=records, total=total)
            seen += len(records)
            # Stop on a short page, or when the count says we have them all.
            if len(records) < PAGE_SIZE or (total is not None and seen >= total):
                return
            page += 1

    async def get_record(self, entity: str, record_id: str) -> Record | None:
        _check_entity(entity)
        contact_id = _contact_id(record_id)
        try:
            data = await self._transport.get_json(f"contacts/{contact_id}")
        except errors.NotFound:
            return None
        body = parse_body(mapping.ContactEnvelope, data, provider=PROVIDER, what="contact")
        record = mapping.to_record(body.payload, entity)
        labels = await self._labels(contact_id)
        conversations = await self._conversation_count(contact_id)
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
        body = {
            "base_contact_id": _contact_id(step.master),
            "mergee_contact_id": _contact_id(step.losers[0]),
        }
        # Not replay-safe: a lost answer becomes OutcomeUnknown and is reconciled by reading.
        response = await self._transport.request(
            "POST", "actions/contact_merge", json_body=body, replay_safe=False
        )
        if response.content:
            self._transport.json_of(response)  # a 200 with a broken body is still reported
        return StepResult(state=StepState.APPLIED)

    async def job_state(self, entity: str, step: MergeStep, job_id: str) -> StepState:
        raise errors.ConfigError("Chatwoot does not schedule merges", provider=PROVIDER)

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
        data = await self._transport.get_json(
            "contacts", params={"page": page, "include_contact_inboxes": "false"}
        )
        return parse_body(mapping.ContactListBody, data, provider=PROVIDER, what="contact list")

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


def _int_or_none(value: JsonValue) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
