"""What a CRM's merge API can do, as data the planner and preview read.

It lives in core (not providers) because planning steps and previewing a merge are
pure functions of it; `providers.base` re-exports it next to the Provider protocol."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class ValuesVia(StrEnum):
    """Where the reviewer's chosen values travel."""

    UPDATE_AROUND = "update_around"  # Chatwoot: PUT on the base before/after, merge fills blanks
    MASTER_BODY = "master_body"  # Pipeliner: every value in the merge call's master object
    CHILD_FIELDS = "child_fields"  # Zoho: per child, the api names whose value wins
    UPDATE_CONTENT = "update_content"  # Dataverse: the UpdateContent entity of the call
    FILL_OR_OVERWRITE = "fill_or_overwrite"  # LeadLex: fill-only or overwrite, PATCH for the rest


class LoserFate(StrEnum):
    DELETED = "deleted"
    DEACTIVATED = "deactivated"  # Dataverse: statecode inactive, merged = true
    RETIRED = "retired"  # LeadLex: the UUID is retired


class FileHandling(StrEnum):
    NONE = "none"  # the CRM has no files on these records (Chatwoot)
    FOLLOW_MASTER = "follow_master"  # every file moves to the survivor
    SELECTABLE_FIELDS = "selectable_fields"  # Zoho: file fields pick ids via master_record_fields
    REPARENTED = "reparented"  # Dataverse annotations, LeadLex documents


class RestoreSupport(BaseModel):
    """What MergeDesk can bring back after a merge in this CRM, from its own journal
    (no CRM offers an undo). Whatever is not covered is named in `lost`, in plain words,
    so the restore report can say it rather than imply everything came back."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    # Provider.create() can make a new record holding a deleted loser's values (new id).
    recreate: bool = False
    # Provider.reactivate() brings a deactivated loser back under its own id (Dataverse).
    reactivate: bool = False
    # Provider.update() can write the survivor's pre-merge values back.
    reset_survivor: bool = True
    # What cannot come back, e.g. "conversations moved to the survivor stay there".
    lost: tuple[str, ...] = ("records the merge deleted",)


class Capabilities(BaseModel):
    """One CRM's merge semantics. `entities` maps our canonical names to the CRM's."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    provider: str
    display_name: str
    entities: dict[str, str]
    mergeable: frozenset[str]
    max_losers_per_call: int = Field(ge=1)
    values_via: ValuesVia
    loser_fate: LoserFate
    fills_blanks: bool  # the merge itself fills the survivor's blank fields from losers
    files: FileHandling
    dry_run: bool = False
    idempotent_merge: bool = False  # a lost answer may be re-sent (Idempotency-Key honoured)
    not_carried: frozenset[str] = frozenset()  # loser fields the merge drops (Chatwoot labels)
    # Dotted fields under these prefixes come from hashes the merge deep-merges: a key
    # the survivor has wins even when blank; only absent keys are filled (Chatwoot).
    keyed_fill_prefixes: tuple[str, ...] = ()
    max_concurrency: int = Field(default=4, ge=1)
    restore: RestoreSupport = RestoreSupport()
