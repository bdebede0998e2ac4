"""Async client of Zoho CRM v8 for Leads, Contacts, Accounts, Deals, Vendors (and custom
modules by API name). No Qt.

Merge semantics (seed 002, PROVIDERS.md §3): master + at most two children per call;
the master keeps its values except the fields named in a child's `_fields`; children are
deleted; file/image fields pick files through `_data` ids; a child with > 1000 related
records makes the merge SCHEDULED with a job_id to poll. Limits: 429 and a per-org
concurrency cap by edition (Free 5 … Ultimate 25), set by the `concurrency` option."""

from __future__ import annotations

import asyncio
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
from mergedesk.core.steps import MergeStep, chunks
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
from mergedesk.providers.pacing import BudgetPacer
from mergedesk.providers.transport import Transport
from mergedesk.providers.zoho import mapping
from mergedesk.providers.zoho.auth import (
    PROVIDER,
    ZohoOAuth,
    accounts_url_for,
    missing_record_scopes,
)

MAX_FIELDS = 50  # `fields` takes at most 50 API names per call
PER_PAGE = 200
IDS_PER_CALL = 100  # `ids=` of Get Records
DEFAULT_CONCURRENCY = 5  # the Free edition's concurrent calls per org; paid editions allow more
_JOB_STATES = {"COMPLETED": StepState.APPLIED, "FAILURE": StepState.NOT_APPLIED,
               "RUNNING": StepState.PENDING, "SCHEDULED": StepState.PENDING}

CAPABILITIES = Capabilities(
    provider=PROVIDER,
    display_name="Zoho CRM",
    entities={"contacts": "Contacts", "accounts": "Accounts", "leads": "Leads",
              "deals": "Deals", "vendors": "Vendors"},
    mergeable=frozenset({"contacts", "accounts", "leads", "deals", "vendors"}),
    max_losers_per_call=2,
    values_via=ValuesVia.CHILD_FIELDS,
    loser_fate=LoserFate.DELETED,
    fills_blanks=False,  # "retain the master record values for the remaining fields"
    files=FileHandling.SELECTABLE_FIELDS,
    max_concurrency=DEFAULT_CONCURRENCY,
    # Insert Records re-creates a deleted child from the journal's snapshot (new id). Zoho
    # v8 also restores from the recycle bin under the old id (POST /settings/recycle_bin/
    # {id}/actions/restore, admin + ZohoCRM.settings.recycle_bin.UPDATE): not used yet.
    restore=RestoreSupport(
        recreate=True,
        lost=(
            "the record id: a re-created record gets a new id (an admin can restore the "
            "original from Zoho's recycle bin instead, within its retention period)",
            "notes, activities, deals and attachments the merge moved stay with the master",
            "files of file-upload fields: the journal keeps their names and sizes only",
        ),
    ),
)


class ZohoProvider:
    """One Zoho org through `{api_domain}/crm/v8`. Options: `concurrency` (the edition's
    concurrent-call cap), `requests_per_window` + `window` (seconds) for own pacing."""

    def __init__(self, settings: ConnectionSettings, **transport_options):
        options = settings.options
        concurrency = int(options.get("concurrency") or DEFAULT_CONCURRENCY)  # type: ignore[arg-type]
        self.capabilities = CAPABILITIES.model_copy(update={"max_concurrency": concurrency})
        accounts = settings.secret("accounts_url") or accounts_url_for(settings.base_url)
        self._auth = ZohoOAuth(settings.secret("client_id"), settings.secret("client_secret"),
                               settings.secret("refresh_token"), accounts,
                               http_transport=transport_options.get("http_transport"))
        budget = options.get("requests_per_window")
        self.pacer = BudgetPacer(int(budget) if budget else None,  # type: ignore[arg-type]
                                 float(options.get("window") or 60.0),  # type: ignore[arg-type]
                                 provider=PROVIDER,
                                 sleep=transport_options.get("sleep") or asyncio.sleep)
        self._transport = Transport(PROVIDER, settings.base_url, mapping.describe_error,
                                    auth=self._auth, headers={"Accept": "application/json"},
                                    max_concurrency=concurrency, pacer=self.pacer,
                                    **transport_options)
        self._metas: dict[str, list[mapping.FieldMeta]] = {}

    @property
    def token_refreshes(self) -> int:
        return self._auth.refreshes

    async def aclose(self) -> None:
        await self._transport.aclose()
        await self._auth.aclose()

    async def check_auth(self) -> AccountInfo:
        await self._field_metas("Contacts")
        host = urlsplit(self._transport.base_url).netloc
        return AccountInfo(provider=PROVIDER, tenant=f"Zoho CRM at {host}")

    async def field_defs(self, entity: str) -> list[FieldDef]:
        return [mapping.field_def(m) for m in await self._field_metas(_module(entity))]

    async def list_records(self, entity: str) -> AsyncIterator[RecordPage]:
        """Every record, 200 a page, sorted by id so the field batches line up; past the
        first 2,000 records Zoho only pages by `page_token` (taken from each answer)."""
        module = _module(entity)
        metas = await self._field_metas(module)
        batches = chunks(tuple(m.api_name for m in metas if m.data_type != "subform"), MAX_FIELDS)
        params: dict[str, str | int] = {"page": 1}
        while True:
            body = await self._list(module, batches[0], params)
            if body is None:
                return  # 204: nothing (more) to list
            rows = await self._join_batches(module, body.data, batches[1:])
            files = _file_fields(metas)
            yield RecordPage(records=tuple(mapping.to_record(r, entity, files) for r in rows))
            if not body.info.more_records:
                return
            params = self._next_page(params, body.info)

    async def get_record(self, entity: str, record_id: str) -> Record | None:
        module = _module(entity)
        files = _file_fields(await self._field_metas(module))
        try:
            response = await self._transport.request("GET", f"{module}/{_zoho_id(record_id)}")
        except errors.NotFound:
            return None
        if response.status_code == 204 or not response.content:
            return None  # Zoho answers 204 No Content for an id with no record
        body = parse_body(mapping.RecordList, self._transport.json_of(response),
                          provider=PROVIDER, what="record")
        if not body.data:
            return None
        record = mapping.to_record(body.data[0], entity, files)
        listed = await self.attachments(entity, record.id)
        return record.model_copy(update={"attachments": (*record.attachments, *listed)})

    async def attachments(self, entity: str, record_id: str) -> list[Attachment]:
        """The record's Attachments related list (file-field files come with the record)."""
        path = f"{_module(entity)}/{_zoho_id(record_id)}/Attachments"
        params = {"fields": "id,File_Name,Size,Created_Time", "per_page": PER_PAGE}
        response = await self._transport.request("GET", path, params=params)
        if response.status_code == 204 or not response.content:
            return []
        body = parse_body(mapping.AttachmentList, self._transport.json_of(response),
                          provider=PROVIDER, what="attachment list")
        return [mapping.to_attachment(a, record_id) for a in body.data]

    async def update(self, entity: str, record_id: str, values: dict[str, JsonValue]) -> None:
        row = {"id": _zoho_id(record_id), **{k: mapping.update_value(v) for k, v in values.items()}}
        response = await self._transport.request(
            "PUT", f"{_module(entity)}/{row['id']}", json_body={"data": [row]})
        answer = parse_body(mapping.DataAnswer, self._transport.json_of(response),
                            provider=PROVIDER, what="update answer")
        _raise_item(answer.data[0], response)  # a 2xx may still carry a per-record error

    async def merge(self, entity: str, step: MergeStep, *, dry_run: bool = False) -> StepResult:
        module = _module(entity)
        if dry_run:
            raise errors.ConfigError("Zoho CRM has no dry-run merge", provider=PROVIDER)
        if not 1 <= len(step.losers) <= CAPABILITIES.max_losers_per_call:
            raise errors.ValidationFailed("Zoho merges one or two child records per call",
                                          provider=PROVIDER)
        files = await self._kept_files(entity, step)
        body = mapping.merge_body(tuple(_zoho_id(r) for r in step.losers),
                                  {k: _zoho_id(v) for k, v in step.value_sources.items()}, files)
        # Not replay-safe: a lost answer becomes OutcomeUnknown, settled by reading.
        response = await self._transport.request(
            "POST", f"{module}/{_zoho_id(step.master)}/actions/merge", json_body=body,
            replay_safe=False)
        answer = parse_body(mapping.MergeAnswer, self._transport.json_of(response),
                            provider=PROVIDER, what="merge answer")
        item = answer.merge[0]
        _raise_item(item, response)
        if item.code == "SCHEDULED":
            job = item.details.get("job_id")
            if not job:
                raise errors.BadResponse("Zoho scheduled the merge without a job_id",
                                         provider=PROVIDER)
            return StepResult(state=StepState.PENDING, job_id=str(job),
                              summary={"code": item.code})
        return StepResult(state=StepState.APPLIED, summary={"code": item.code})

    async def create(self, entity: str, values: dict[str, JsonValue]) -> Record:
        """Insert Records with one record; file fields are left out (their files would
        have to be uploaded again)."""
        module = _module(entity)
        files = _file_fields(await self._field_metas(module))
        row = {k: mapping.update_value(v) for k, v in values.items() if k not in files}
        # Not replay-safe: a lost answer may have created the record already.
        response = await self._transport.request("POST", module, json_body={"data": [row]},
                                                 replay_safe=False)
        answer = parse_body(mapping.DataAnswer, self._transport.json_of(response),
                            provider=PROVIDER, what="insert answer")
        _raise_item(answer.data[0], response)
        rid = answer.data[0].details.get("id")
        if not rid:
            raise errors.BadResponse("Zoho added the record without its id", provider=PROVIDER)
        created = await self.get_record(entity, str(rid))
        return created or Record(id=str(rid), entity=entity, fields=dict(values))

    async def reactivate(self, entity: str, record_id: str) -> None:
        raise errors.ConfigError("Zoho deletes merged records: they are re-created instead",
                                 provider=PROVIDER)

    async def job_state(self, entity: str, step: MergeStep, job_id: str) -> StepState:
        path = f"{_module(entity)}/{_zoho_id(step.master)}/actions/merge"
        response = await self._transport.request("GET", path, params={"job_id": job_id})
        if response.status_code == 204 or not response.content:
            return StepState.PENDING  # no status yet
        answer = parse_body(mapping.JobAnswer, self._transport.json_of(response),
                            provider=PROVIDER, what="merge status")
        status = answer.merge[0].status.upper()
        if status not in _JOB_STATES:
            raise errors.BadResponse(f"Zoho sent an unknown merge status {status!r}",
                                     provider=PROVIDER)
        return _JOB_STATES[status]

    # --- helpers ---------------------------------------------------------------------------
    async def merge_permissions(self, entity: str) -> PermissionCheck:
        """The scopes the access token was granted (the token answer's `scope`, read when
        it was minted: no API call) against what a merge needs: WRITE for the merge and
        the survivor's update, READ for reads and the job status (seed 002). Unknown when
        Zoho's answer named no scopes."""
        module = _module(entity)
        await self._auth.access_token()  # the cached token; minted only when there is none
        granted = self._auth.scopes
        if granted is None:
            return UNKNOWN_PERMISSIONS
        missing = missing_record_scopes(granted, module, ("READ", "WRITE"))
        advice = (f"Your Zoho sign-in lacks {' and '.join(missing)}: sign in to Zoho again "
                  f"and grant it (or ZohoCRM.modules.ALL)") if missing else ""
        return PermissionCheck(known=True, missing=missing, advice=advice,
                               source="the scopes of the Zoho access token")

    async def _field_metas(self, module: str) -> list[mapping.FieldMeta]:
        if module not in self._metas:
            data = await self._transport.get_json("settings/fields", params={"module": module})
            body = parse_body(mapping.FieldsBody, data, provider=PROVIDER, what="field list")
            self._metas[module] = body.fields
        return self._metas[module]

    async def _list(self, module: str, fields: tuple[str, ...],
                    params: dict[str, str | int]) -> mapping.RecordList | None:
        query = {"fields": ",".join(fields), "per_page": PER_PAGE, "sort_by": "id",
                 "sort_order": "asc", **params}
        response = await self._transport.request("GET", module, params=query)
        if response.status_code == 204 or not response.content:
            return None
        return parse_body(mapping.RecordList, self._transport.json_of(response),
                          provider=PROVIDER, what="record list")

    async def _join_batches(self, module, rows, batches) -> list[dict[str, JsonValue]]:
        """Layouts wider than 50 fields: read the other batches by `ids` and join."""
        by_id = {str(r.get("id")): dict(r) for r in rows}
        for batch in batches:
            for ids in chunks(tuple(by_id), IDS_PER_CALL):
                body = await self._list(module, batch, {"ids": ",".join(ids)})
                for extra in body.data if body else []:
                    by_id.get(str(extra.get("id")), {}).update(extra)
        return list(by_id.values())

    @staticmethod
    def _next_page(params: dict[str, str | int], info: mapping.Info) -> dict[str, str | int]:
        # page_token and page must never be combined; the token reaches past 2,000.
        if info.next_page_token:
            return {"page_token": info.next_page_token}
        page = int(params.get("page", 0))
        if page and page * PER_PAGE < 2000:
            return {"page": page + 1}
        raise errors.BadResponse("Zoho says more records follow but sent no next_page_token",
                                 provider=PROVIDER)

    async def _kept_files(self, entity: str, step: MergeStep):
        """File fields to set, from fresh reads of the call's records (files move to the
        master along a chain, so a cached owner would be wrong)."""
        if step.keep_attachments is None:
            return None
        keep = set(step.keep_attachments)
        by_field: dict[str, list[tuple[str, str]]] = {}
        for rid in (step.master, *step.losers):
            record = await self.get_record(entity, rid)
            for item in record.attachments if record else ():
                if item.field:
                    kept = by_field.setdefault(item.field, [])
                    if item.id in keep:
                        kept.append((_zoho_id(rid), item.id))
        return by_field


def _module(entity: str) -> str:
    module = CAPABILITIES.entities.get(entity, entity)
    if not module or not module[0].isalpha():
        raise errors.ConfigError(f"{entity!r} is not a Zoho module", provider=PROVIDER)
    return module


def _zoho_id(record_id: str) -> str:
    if not str(record_id).isdigit():
        raise errors.NotFound(f"{record_id!r} is not a Zoho record id", provider=PROVIDER)
    return str(record_id)


def _file_fields(metas: list[mapping.FieldMeta]) -> frozenset[str]:
    return frozenset(m.api_name for m in metas if m.data_type in mapping.FILE_TYPES)


def _raise_item(item: mapping.ItemAnswer, response) -> None:
    if item.status != "error":
        return
    info = mapping.describe_item(item, response.request, response.status_code)
    kind = info.kind or errors.ValidationFailed
    extra = {}
    if kind is errors.ValidationFailed:
        extra["field_errors"] = dict(info.field_errors or {})
    raise kind(info.message, provider=PROVIDER, status=response.status_code,
               vendor_code=info.vendor_code, **extra)
