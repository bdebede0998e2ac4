"""User-tunable matching settings: per-field weights, thresholds, blocking keys and guards,
with defaults per entity (contacts, accounts, leads). No Qt, no I/O."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from mergedesk.core.matching.fields import CANONICAL_FIELDS, FieldMap
from mergedesk.core.models import ENTITIES

# Fields the scorer compares ("name" is split into first_name/last_name before scoring).
SCORED_FIELDS = tuple(f for f in CANONICAL_FIELDS if f != "name")
BLOCKING_KEYS = (
    "email", "email_local", "phone", "name", "name_sound", "company", "company_token",
    "domain", "address",
)  # fmt: skip


class FieldRule(BaseModel):
    """What one field says about two records being the same, in log-odds units.

    A similarity of 1 adds `weight`, 0 subtracts `penalty`, `neutral` adds nothing; values
    in between are interpolated. A field missing on either record says nothing.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    weight: float = Field(ge=0.0, le=20.0)
    penalty: float = Field(default=0.0, ge=0.0, le=20.0)
    neutral: float = Field(default=0.85, gt=0.0, lt=1.0)
    enabled: bool = True


def _rule(weight: float, penalty: float, neutral: float = 0.85) -> FieldRule:
    return FieldRule(weight=weight, penalty=penalty, neutral=neutral)


# Exact-only fields (postcode, country, website, birth date) score 0 or 1, so their
# neutral point only needs to sit just below 1.
# A person's name alone (common names collide at scale) is support, not a link: it needs
# one more agreeing field, such as the company or the postcode.
_PERSON_RULES = {
    "first_name": _rule(2.0, 3.0, 0.8), "last_name": _rule(2.5, 4.0, 0.85),
    "email": _rule(6.5, 1.5, 0.85), "phone": _rule(5.0, 1.0, 0.88),
    "company": _rule(1.0, 0.5, 0.85), "website": _rule(0.5, 0.0, 0.99),
    "city": _rule(0.5, 0.8, 0.85), "postcode": _rule(0.8, 0.6, 0.99),
    "country": _rule(0.3, 1.5, 0.99), "address": _rule(1.5, 0.5, 0.85),
    "birth_date": _rule(2.0, 4.0, 0.99),
}  # fmt: skip
# An account's name alone (with nothing against it) is just enough to link; a different
# website or phone is strong evidence of a different company; city, postcode and country
# overlap, so each gets little.
_ACCOUNT_RULES = {
    "company": _rule(5.5, 4.0, 0.85), "website": _rule(5.0, 3.5, 0.99),
    "phone": _rule(4.5, 1.5, 0.88), "email": _rule(3.0, 0.5, 0.88),
    "address": _rule(2.0, 1.0, 0.85), "city": _rule(0.5, 1.5, 0.85),
    "postcode": _rule(1.2, 1.0, 0.99), "country": _rule(0.2, 2.0, 0.99),
}  # fmt: skip
_DEFAULTS: dict[str, dict[str, Any]] = {
    "contacts": {
        "rules": _PERSON_RULES,
        # Exact names and mailbox names only add namesakes once sound-alike names block.
        "blocking": ("email", "phone", "name_sound"),
    },
    "leads": {
        "rules": {**_PERSON_RULES, "company": _rule(1.5, 0.5, 0.85)},
        "blocking": ("email", "phone", "name_sound", "company"),
    },
    "accounts": {
        "rules": _ACCOUNT_RULES,
        "blocking": ("company", "company_token", "domain", "phone", "email", "address"),
    },
}


class MatchSettings(BaseModel):
    """Everything the engine needs besides the records; frozen so a scan can't change it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entity: str = "contacts"
    # Canonical field -> the record's field name(s); dotted paths reach nested dicts
    # ("additional_attributes.company_name"). None: guessed from the records' field names.
    field_map: FieldMap | None = None
    rules: dict[str, FieldRule] = Field(default_factory=lambda: dict(_PERSON_RULES))
    blocking: tuple[str, ...] = _DEFAULTS["contacts"]["blocking"]
    prior: float = -4.0  # log-odds of "same" before any field is compared
    threshold: float = Field(default=0.75, gt=0.0, lt=1.0)  # pair score that links two records
    weak_threshold: float = Field(default=0.3, gt=0.0, lt=1.0)  # counts as support in a group
    # Two partial groups join only if this share of their cross pairs is at least weakly
    # similar: stops A~B~C~D chains from gluing unrelated records together.
    min_link_density: float = Field(default=0.5, ge=0.0, le=1.0)
    # Fields that clearly disagree (log-odds against, e.g. two different websites) keep two
    # records out of one group even when a third record links both.
    conflict_level: float = Field(default=2.5, gt=0.0)
    # Rows sharing a blocking key are compared with their next `block_window` neighbours
    # (all of them in small blocks); blocks over `max_block_size` are skipped with a note.
    block_window: int = Field(default=2, ge=1)
    max_block_size: int = Field(default=1000, ge=2)
    max_group_size: int = Field(default=25, ge=2)
    default_region: str = "US"  # for phone numbers written without a country code
    day_first: bool = False  # "03/04/2024" is 3 April when True
    workers: int = -1  # rapidfuzz threads; -1 uses every core

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.entity not in ENTITIES:
            raise ValueError(f"unknown entity {self.entity!r}; expected one of {ENTITIES}")
        unknown = set(self.rules) - set(SCORED_FIELDS) | set(self.blocking) - set(BLOCKING_KEYS)
        if unknown:
            raise ValueError(f"unknown fields or blocking keys: {sorted(unknown)}")
        if self.weak_threshold > self.threshold:
            raise ValueError("weak_threshold must not exceed threshold")
        return self

    @classmethod
    def for_entity(cls, entity: str = "contacts", **overrides: Any) -> MatchSettings:
        """Defaults for one entity; keyword arguments override any setting."""
        if entity not in _DEFAULTS:
            raise ValueError(f"unknown entity {entity!r}; expected one of {ENTITIES}")
        defaults = _DEFAULTS[entity]
        values = {"entity": entity, "rules": dict(defaults["rules"]), **defaults, **overrides}
        values["entity"] = entity
        return cls(**values)

    def active_rules(self) -> dict[str, FieldRule]:
        """Rules of the fields that take part in scoring."""
        return {name: rule for name, rule in self.rules.items() if rule.enabled}
