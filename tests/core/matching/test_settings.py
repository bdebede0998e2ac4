"""Per-entity defaults and validation of tunable settings."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mergedesk.core.matching import FieldRule, MatchSettings


@pytest.mark.parametrize("entity", ["contacts", "accounts", "leads"])
def test_each_entity_has_defaults(entity: str) -> None:
    settings = MatchSettings.for_entity(entity)
    assert settings.entity == entity
    assert settings.rules and settings.blocking
    assert settings.weak_threshold <= settings.threshold


def test_accounts_weigh_the_company_name_more_than_contacts() -> None:
    accounts, contacts = MatchSettings.for_entity("accounts"), MatchSettings.for_entity()
    assert accounts.rules["company"].weight > contacts.rules["company"].weight


def test_overrides_and_round_trip_through_json() -> None:
    settings = MatchSettings.for_entity(
        "contacts", threshold=0.9, field_map={"email": ["Email", "Secondary_Email"]}
    )
    assert MatchSettings.model_validate_json(settings.model_dump_json()) == settings


@pytest.mark.parametrize(
    "bad",
    [{"entity": "deals"}, {"rules": {"shoe_size": FieldRule(weight=1)}},
     {"blocking": ("horoscope",)}, {"threshold": 0.2, "weak_threshold": 0.5},
     {"threshold": 1.5}, {"max_block_size": 1}],
)  # fmt: skip
def test_bad_settings_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        MatchSettings(**bad)


def test_unknown_entity_defaults_are_refused() -> None:
    with pytest.raises(ValueError, match="deals"):
        MatchSettings.for_entity("deals")


def test_disabled_rules_drop_out() -> None:
    rules = {**MatchSettings().rules, "city": FieldRule(weight=1, enabled=False)}
    assert "city" not in MatchSettings(rules=rules).active_rules()
