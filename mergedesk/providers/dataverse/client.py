"""Async client of the Dataverse Web API (v9.2) for account, contact, lead and incident.
No Qt.

Merge semantics (seed 003, PROVIDERS.md §4): unbound action `Merge`, one subordinate per
call, chosen values in UpdateContent; the target's data is not overwritten otherwise;
the subordinate is deactivated (statecode 1, merged = true, masterid = target), not
deleted; 204 on success. incident ignores UpdateContent, so its values are PATCHed
onto the target (If-Match: *) first. Service protection: per user and web server,
6000 requests and 1200 s execution time per 5-minute window, 52 concurrent requests;
429 with Retry-After. The client keeps that budget itself (BudgetPacer)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
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
    UNKNOWN_PERMISSIONS,
    AccountInfo,
    ConnectionSettings,
    PermissionCheck,
    RecordPage,
    StepResult,
    StepState,
    parse_body,
)
from mergedesk.providers.dataverse import auth, mapping
from mergedesk.providers.pacing import BudgetPacer
from mergedesk.providers.transport import Transport

PROVIDER = auth.PROVIDER
MAX_PAGE = 5000  # odata.maxpagesize ceiling (and default)
SERVICE_BUDGET, SERVICE_WINDOW, SERVICE_CONCURRENCY = 6000, 300.0, 52
ODATA_HEADERS = {"OData-MaxVersion": "4.0", "OData-Version": "4.0",
                 "Accept": "application/json"}

CAPABILITIES = Capabilities(
    provider=PROVIDER,
    display_name="Dataverse",
    entities={k: t.entity_set for k, t in mapping.TABLES.items()},
    mergeable=frozenset(mapping.TABLES),
    max_losers_per_call=1,
    values_via=ValuesVia.UPDATE_CONTENT,
    loser_fate=LoserFate.DEACTIVATED,
    # "Any existing data in the Target record will not be overwritten": field values
    # come only from UpdateContent; what moves are the related rows.
    fills_blanks=False,
    files=FileHandling.REPARENTED,
    max_concurrency=SERVICE_CONCURRENCY,
    # The subordinate is deactivated, not deleted: a restore makes it active again under
    # its own id, with the values it kept (reactivate), and writes the target back.
    restore=RestoreSupport(
        reactivate=True,
        lost=(
            "notes, activities and other related rows the merge moved to the survivor stay "
            "with it (Dataverse has no call to move them back)",
            "the reactivated record keeps Dataverse's merged flag and its link to the "
            "survivor (system columns no call can clear)",
        ),
    ),
)
# Active (statecode 0) with its default reason (statuscode 1) on all four tables:
# Microsoft asks for the statuscode whenever a PATCH sets statecode.
REACTIVATED = {"statecode": 0, "statuscode": 1}


def token_source(settings: ConnectionSettings, **transport_options) -> auth.TokenSource:
    """Env/keyring bearer token, else a service principal, else a signed-in person."""
    token = settings.secret("token")
    if token:
        return auth.StaticToken(token)
    client_id = settings.secret("client_id")
    if not client_id:
        raise errors.ConfigError("no Dataverse credentials: set MERGEDESK_DATAVERSE_TOKEN, or "
                                 "_TENANT_ID, _CLIENT_ID and _CLIENT_SECRET", provider=PROVIDER)
    authority = settings.options.get("authority")
    secret = settings.secret("client_secret")
    if secret:
        return auth.confidential_source(settings.base_url, settings.secret("tenant_id"),
                                        client_id, secret, authority=authority)  # type: ignore[arg-type]
    cache_path = settings.options.get("token_cache")
    cache = auth.token_cache(Path(str(cache_path)))[0] if cache_path else None
    account = settings.options.get("account")
    return auth.public_source(settings.base_url, settings.secret("tenant_id"), client_id, cache,
                              authority=authority,  # type: ignore[arg-type]
                              account=str(account) if account else None)


class DataverseProvider:
    """One Dataverse environment through `…/api/data/v9.2`. Options: `page_size`,
    `parenting_checks` (bool, default False), `requests_per_window` + `window`,
    `concurrency`, `authority`, `token_cache`, `account`."""

    def __init__(self, settings: ConnectionSettings, **transport_options):
        options = settings.options
        concurrency = int(options.get("concurrency") or SERVICE_CONCURRENCY)  # type: ignore[arg-type]
        self.capabilities = CAPABILITIES.model_copy(update={"max_concurrency": concurrency})
        self._source = token_source(settings)
        self.pacer = BudgetPacer(
            int(options.get("requests_per_window") or SERVICE_BUDGET),  # type: ignore[arg-type]
            float(options.get("window") or SERVICE_WINDOW),  # type: ignore[arg-type]
            provider=PROVIDER, sleep=transport_options.get("sleep") or asyncio.sleep)
        self._transport = Transport(PROVIDER, settings.base_url, mapping.describe_error,
                                    auth=auth.DataverseAuth(self._source), headers=ODATA_HEADERS,
                                    max_concurrency=concurrency, pacer=self.pacer,
                                    **transport_options)
        self._page_size = min(MAX_PAGE, int(options.get("page_size") or MAX_PAGE))  # type: ignore[arg-type]
        self._parenting_checks = bool(options.get("parenting_checks", False))
        self._columns: dict[str, tuple[str, ...]] = {}
        self._metas: dict[str, list[mapping.AttributeMeta]] = {}

    async def aclose(self) -> None:
        await self._transport.aclose()
        self._source.close()

    async def check_auth(self) -> AccountInfo:
        who = await self._transport.get_json("WhoAmI")
        user = str(who.get("UserId", "")) if isinstance(who, dict) else ""
        host = urlsplit(self._transport.base_url).netloc
        return AccountInfo(provider=PROVIDER, tenant=host, user=user)

    async def field_defs(self, entity: str) -> list[FieldDef]:
        return [mapping.field_def(m) for m in await self._attributes(_table(entity))
                if mapping.readable(m)]

    async def list_records(self, entity: str) -> AsyncIterator[RecordPage]:
        """Active rows, `page_size` a page: the same Prefer header on every request and
        @odata.nextLink followed unchanged (there is no $skip in Dataverse)."""
        table = _table(entity)
        columns = await self._select(table)
        url: str | None = table.entity_set
        params: dict[str, str] | None = {"$select": ",".join((table.key, *columns)),
                                         "$filter": "statecode eq 0"}
        prefer = {"Prefer": f"odata.maxpagesize={self._page_size}"}
        while url:
            data = await self._transport.get_json(url, params=params, headers=prefer)
            body = parse_body(mapping.ValueList, data, provider=PROVIDER, what="row list")
            records = tuple(mapping.to_record(r, table, entity, columns) for r in body.value)
            if records:
                yield RecordPage(records=records)
            url, params = self._next(body.next_link), None

    async def get_record(self, entity: str, record_id: str) -> Record | None:
        table = _table(entity)
        columns = await self._select(table)
        select = ",".join((table.key, *columns, *mapping.state_columns(table)))
        try:
            row = await self._transport.get_json(f"{table.entity_set}({_guid(record_id)})",
                                                 params={"$select": select})
        except errors.NotFound:
            return None
        if not isinstance(row, dict) or table.key not in row:
            raise errors.BadResponse(f"Dataverse sent a {table.logical} row without "
                                     f"{table.key}", provider=PROVIDER)
        record = mapping.to_record(row, table, entity, columns)
        files = tuple(await self.attachments(entity, record.id))
        return record.model_copy(update={"attachments": files})

    async def attachments(self, entity: str, record_id: str) -> list[Attachment]:
        """Notes with a file (annotations, `_objectid_value` = the row); they are
        re-parented to the target by a merge."""
        params = {"$select": "annotationid,filename,filesize,mimetype,subject,createdon",
                  "$filter": f"_objectid_value eq {_guid(record_id)} and isdocument eq true"}
        data = await self._transport.get_json("annotations", params=params)
        body = parse_body(mapping.ValueList, data, provider=PROVIDER, what="annotation list")
        return [mapping.to_attachment(r, record_id) for r in body.value]

    async def update(self, entity: str, record_id: str, values: dict[str, JsonValue]) -> None:
        table = _table(entity)
        # If-Match: * stops a PATCH from creating the row when it no longer exists.
        await self._transport.request(
            "PATCH", f"{table.entity_set}({_guid(record_id)})", json_body=values,
            headers={"If-Match": "*"}, replay_safe=True)

    async def merge(self, entity: str, step: MergeStep, *, dry_run: bool = False) -> StepResult:
        table = _table(entity)
        if dry_run:
            raise errors.ConfigError("Dataverse has no dry-run merge", provider=PROVIDER)
        if len(step.losers) != 1:
            raise errors.ValidationFailed("Dataverse merges one subordinate per call",
                                          provider=PROVIDER)
        values = dict(step.values)
        if table.logical == "incident" and values:
            # incident ignores UpdateContent (seed 003): write the chosen values first.
            await self.update(entity, step.master, values)
            values = {}
        checks = step.options.get("parenting_checks", self._parenting_checks)
        body = mapping.merge_body(table, _guid(step.master), _guid(step.losers[0]), values,
                                  bool(checks))
        # Not replay-safe: a lost answer becomes OutcomeUnknown, settled by reading.
        await self._transport.request("POST", "Merge", json_body=body, replay_safe=False)
        return StepResult(state=StepState.APPLIED)

    async def reactivate(self, entity: str, record_id: str) -> None:
        """Restore: a merged subordinate made active again under its own id by a PATCH of
        its state only (the Web API sets state like any column, SetState being deprecated;
        learn.microsoft.com "Update and delete table rows using the Web API"). If-Match: *
        keeps it from creating a row; setting a state twice is harmless, so replay-safe."""
        await self.update(entity, record_id, dict(REACTIVATED))

    async def create(self, entity: str, values: dict[str, JsonValue]) -> Record:
        raise errors.ConfigError("Dataverse keeps merged rows (deactivated): a restore "
                                 "reactivates them rather than creating new ones",
                                 provider=PROVIDER)

    async def job_state(self, entity: str, step: MergeStep, job_id: str) -> StepState:
        raise errors.ConfigError("Dataverse merges synchronously; there is no job",
                                 provider=PROVIDER)

    async def merge_permissions(self, entity: str) -> PermissionCheck:
        """WhoAmI, then the user's privileges through its roles (RetrieveUserPrivileges),
        against what the Merge message needs on the table. Unknown when the answer names
        no privileges (older versions give ids only). Depth is not weighed: a user-level
        privilege still fails on rows of others, which only the merge itself will say."""
        table = _table(entity)
        who = parse_body(mapping.WhoAmIBody, await self._transport.get_json("WhoAmI"),
                         provider=PROVIDER, what="WhoAmI answer")
        data = await self._transport.get_json(
            f"systemusers({_guid(who.UserId)})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()")
        body = parse_body(mapping.UserPrivileges, data, provider=PROVIDER,
                          what="RetrieveUserPrivileges answer")
        names = {p.PrivilegeName for p in body.RolePrivileges if p.PrivilegeName}
        if not names:
            return UNKNOWN_PERMISSIONS
        missing = tuple(p for p in mapping.merge_privileges(table) if p not in names)
        advice = (f"Your Dataverse user lacks {', '.join(missing)} on {table.logical}: ask "
                  "an administrator to grant them through one of your security roles"
                  ) if missing else ""
        return PermissionCheck(known=True, missing=missing, advice=advice,
                               source="the user's security roles (RetrieveUserPrivileges)")

    # --- helpers ---------------------------------------------------------------------------
    async def _attributes(self, table: mapping.Table) -> list[mapping.AttributeMeta]:
        if table.logical not in self._metas:
            data = await self._transport.get_json(
                f"EntityDefinitions(LogicalName='{table.logical}')/Attributes",
                params={"$select": "LogicalName,AttributeType,IsValidForUpdate,IsValidForRead,"
                                   "IsCustomAttribute,AttributeOf,DisplayName,RequiredLevel"})
            body = parse_body(mapping.AttributeList, data, provider=PROVIDER,
                              what="attribute list")
            self._metas[table.logical] = body.value
        return self._metas[table.logical]

    async def _select(self, table: mapping.Table) -> tuple[str, ...]:
        if table.logical not in self._columns:
            metas = await self._attributes(table)
            self._columns[table.logical] = tuple(
                m.LogicalName for m in metas if mapping.readable(m) and m.LogicalName not in
                (table.key, *mapping.STATE_COLUMNS))
        return self._columns[table.logical]

    def _next(self, link: str | None) -> str | None:
        if not link:
            return None
        if not link.startswith(self._transport.base_url + "/"):
            raise errors.BadResponse("Dataverse sent a next link to another host",
                                     provider=PROVIDER)
        return link


def _table(entity: str) -> mapping.Table:
    try:
        return mapping.TABLES[entity]
    except KeyError:
        known = ", ".join(mapping.TABLES)
        raise errors.ConfigError(f"Dataverse tables here: {known}; not {entity!r}",
                                 provider=PROVIDER) from None


def _guid(record_id: str) -> str:
    text = str(record_id).strip("{}").lower()
    parts = text.split("-")
    if [len(p) for p in parts] != [8, 4, 4, 4, 12] or not all(
            c in "0123456789abcdef" for c in text.replace("-", "")):
        raise errors.NotFound(f"{record_id!r} is not a Dataverse row id", provider=PROVIDER)
    return text
