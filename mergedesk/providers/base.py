"""The Provider protocol every CRM client implements, its Capabilities, and the small
result types of a merge call. No Qt."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from enum import StrEnum
from typing import Any, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, ConfigDict, JsonValue, SecretStr, ValidationError

from mergedesk.core.capabilities import (
    Capabilities,
    FileHandling,
    LoserFate,
    RestoreSupport,
    ValuesVia,
)
from mergedesk.core.models import Attachment, FieldDef, Record
from mergedesk.core.steps import MergeStep
from mergedesk.providers.errors import BadResponse

__all__ = [
    "UNKNOWN_PERMISSIONS", "AccountInfo", "Capabilities", "ConnectionSettings",
    "FileHandling", "LoserFate", "PermissionCheck", "Provider", "RecordPage",
    "RestoreSupport", "StepResult", "StepState", "ValuesVia", "merge_permissions",
    "parse_body",
]


class ConnectionSettings(BaseModel):
    """Where and how to reach one CRM tenant. Secrets are SecretStr, never printed."""

    model_config = ConfigDict(frozen=True)

    provider: str
    base_url: str
    credentials: dict[str, SecretStr] = {}
    options: dict[str, JsonValue] = {}

    def secret(self, name: str) -> str | None:
        value = self.credentials.get(name)
        return value.get_secret_value() if value is not None else None


class AccountInfo(BaseModel):
    """Who we are signed in as, for the connection dialog and the journal."""

    model_config = ConfigDict(frozen=True)

    provider: str
    tenant: str
    user: str = ""


class RecordPage(BaseModel):
    """One page of a listing; `total` when the CRM tells it, for progress bars."""

    model_config = ConfigDict(frozen=True)

    records: tuple[Record, ...]
    total: int | None = None


class StepState(StrEnum):
    """What reading the CRM says about a step that was sent."""

    APPLIED = "applied"
    NOT_APPLIED = "not_applied"
    PARTIAL = "partial"  # some losers merged, some not: the rest can be re-planned
    PENDING = "pending"  # the CRM accepted it as a background job that has not finished


class StepResult(BaseModel):
    """The answer to one merge or update call."""

    model_config = ConfigDict(frozen=True)

    state: StepState
    job_id: str | None = None
    preview: dict[str, JsonValue] | None = None  # dry runs that the CRM performs itself
    summary: dict[str, JsonValue] = {}  # small, secret-free facts from the answer


class PermissionCheck(BaseModel):
    """What the CRM told up front about this connection's right to merge one entity.
    `known` False: the CRM exposes nothing to ask (or refused to tell), so only a refused
    merge will say. `missing` names what the connection lacks in the CRM's own terms (a
    scope, a privilege, a key permission); `advice` says in plain words how to get it."""

    model_config = ConfigDict(frozen=True)

    known: bool = False
    missing: tuple[str, ...] = ()
    advice: str = ""
    source: str = ""  # what was read, e.g. "the OAuth token's scopes"

    @property
    def allowed(self) -> bool | None:
        """True/False when known, None when the CRM could not tell."""
        return None if not self.known else not self.missing


UNKNOWN_PERMISSIONS = PermissionCheck()


@runtime_checkable
class Provider(Protocol):
    """One CRM connection. Every method raises only `providers.errors` types."""

    capabilities: Capabilities

    async def check_auth(self) -> AccountInfo: ...

    async def field_defs(self, entity: str) -> list[FieldDef]: ...

    def list_records(self, entity: str) -> AsyncIterator[RecordPage]: ...

    async def get_record(self, entity: str, record_id: str) -> Record | None:
        """The record as it is now, with labels, files and related counts where cheap;
        None when the CRM says it does not exist."""
        ...

    async def attachments(self, entity: str, record_id: str) -> list[Attachment]: ...

    async def update(self, entity: str, record_id: str, values: dict[str, JsonValue]) -> None: ...

    async def merge(self, entity: str, step: MergeStep, *, dry_run: bool = False) -> StepResult:
        """Send one MERGE step. Raises OutcomeUnknown when the answer was lost."""
        ...

    async def job_state(self, entity: str, step: MergeStep, job_id: str) -> StepState:
        """For CRMs that schedule merges (Zoho): where the background job stands."""
        ...

    async def create(self, entity: str, values: dict[str, JsonValue]) -> Record:
        """Restore: a new record holding `values` (the field names of get_record), as the
        CRM now holds it, new id included. Not replay-safe: a lost answer raises
        OutcomeUnknown. CRMs without `capabilities.restore.recreate` raise ConfigError."""
        ...

    async def reactivate(self, entity: str, record_id: str) -> None:
        """Restore: make a deactivated loser active again under its own id (Dataverse:
        statecode back to active). Only with `capabilities.restore.reactivate`; others
        raise ConfigError."""
        ...

    async def aclose(self) -> None: ...


async def merge_permissions(provider: Provider, entity: str) -> PermissionCheck:
    """The provider's `merge_permissions(entity)` when it has one (an optional protocol
    method: CRMs that expose nothing need not define it), else "unknown"."""
    method = getattr(provider, "merge_permissions", None)
    return UNKNOWN_PERMISSIONS if method is None else await method(entity)


Model = TypeVar("Model", bound=BaseModel)


def parse_body(model: type[Model], data: Any, *, provider: str, what: str) -> Model:
    """Validate a CRM answer against the shape we rely on, or raise BadResponse that
    names the first wrong field (a wrong-shaped answer must never pass as empty)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "body"
        raise BadResponse(
            f"{provider} sent an unexpected {what}: {where}: {first.get('msg')}",
            provider=provider,
        ) from None


ProviderFactory = Callable[[ConnectionSettings], Provider]
