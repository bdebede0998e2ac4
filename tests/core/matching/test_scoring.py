"""Per-field similarities for whole arrays of pairs, and how they combine."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from mergedesk.core.matching import MatchSettings
from mergedesk.core.matching.features import extract
from mergedesk.core.matching.fields import FieldMap
from mergedesk.core.matching.scoring import combine, field_similarities, score_pairs
from tests.core.matching.conftest import records

FIELD_MAP: FieldMap = {
    "first_name": "first_name", "last_name": "last_name", "name": "name", "email": ["email"],
    "phone": ["phone", "mobile"], "company": "company", "website": "website", "city": "city",
    "postcode": "postcode", "country": "country",
}  # fmt: skip


def _sims(a: dict[str, Any], b: dict[str, Any], entity: str = "contacts") -> dict[str, float]:
    features = extract(records(a, b), FIELD_MAP, {})
    sims = field_similarities(features, np.array([0]), np.array([1]),
                              MatchSettings.for_entity(entity))  # fmt: skip
    return {k: float(v[0]) for k, v in sims.items() if not np.isnan(v[0])}


@pytest.mark.parametrize(
    ("a", "b", "field", "low", "high"),
    [
        ({"first_name": "John", "last_name": "Smith"},
         {"first_name": "SMITH", "last_name": "john"}, "first_name", 1.0, 1.0),
        ({"first_name": "J.", "last_name": "Smith"},
         {"first_name": "John", "last_name": "Smith"}, "first_name", 0.9, 0.9),
        ({"first_name": "J.", "last_name": "Smith"},
         {"first_name": "Mary", "last_name": "Smith"}, "first_name", 0.0, 0.0),
        ({"first_name": "Bob"}, {"first_name": "Robert"}, "first_name", 1.0, 1.0),
        ({"first_name": "José", "last_name": "García"},
         {"first_name": "Jose", "last_name": "Garcia"}, "last_name", 1.0, 1.0),
        ({"name": "Smith, John"}, {"first_name": "John", "last_name": "Smith"},
         "last_name", 1.0, 1.0),
        ({"first_name": "Mary"}, {"first_name": "John"}, "first_name", 0.0, 0.6),
        ({"email": "John.Smith+x@gmail.com"}, {"email": "johnsmith@googlemail.com"},
         "email", 1.0, 1.0),
        ({"email": "jon.smith@acme.com"}, {"email": "john.smith@acme.com"}, "email", 0.5, 0.5),
        ({"email": "oscar.johnson@x.com"}, {"email": "oscar_johnson@x.com"}, "email", 0.5, 0.5),
        ({"email": "john.smith@acme.com"}, {"email": "john.smith@globex.com"},
         "email", 0.85, 0.85),
        ({"email": "info@acme.com"}, {"email": "info@globex.com"}, "email", 0.5, 0.5),
        ({"phone": "(415) 555-0123"}, {"phone": "+1 415 555 0123"}, "phone", 1.0, 1.0),
        ({"phone": "415 555 0000", "mobile": "415 555 0123"}, {"phone": "4155550123"},
         "phone", 1.0, 1.0),
        ({"phone": "415 555 0123"}, {"phone": "650 999 8877"}, "phone", 0.5, 0.5),
        ({"phone": "415 555 0123"}, {"phone": "415 555 0124"}, "phone", 0.5, 0.5),
        ({"phone": "03 54 49 71 54", "country": "France"}, {"phone": "+33354497154"},
         "phone", 1.0, 1.0),
        ({"company": "ACME, Inc."}, {"company": "The Acme Corporation"}, "company", 1.0, 1.0),
        ({"company": "Acme"}, {"company": "Acme Widgets"}, "company", 0.85, 0.95),
        ({"company": "Acme"}, {"company": "Globex"}, "company", 0.0, 0.5),
        ({"website": "https://www.acme.com/"}, {"email": "sales@acme.com"}, "website", 1.0, 1.0),
        ({"postcode": "94105-1234"}, {"postcode": "94105"}, "postcode", 1.0, 1.0),
        ({"city": "St. Louis"}, {"city": "Saint Louis"}, "city", 1.0, 1.0),
    ],
)  # fmt: skip
def test_field_similarity(a: dict[str, Any], b: dict[str, Any], field: str, low: float,
                          high: float) -> None:  # fmt: skip
    assert low - 1e-6 <= _sims(a, b)[field] <= high + 1e-6


def test_free_mail_domains_are_not_a_website_match() -> None:
    sims = _sims({"email": "ann@gmail.com"}, {"email": "bob@gmail.com"}, "accounts")
    assert "website" not in sims


def test_fields_missing_on_either_side_are_not_compared() -> None:
    one, other = {"email": "ann@gmail.com", "city": "Paris"}, {"email": "ann@gmail.com"}
    assert set(_sims(one, other)) == {"email"}


def _score(a: dict[str, Any], b: dict[str, Any]) -> float:
    settings = MatchSettings.for_entity("contacts")
    features = extract(records(a, b), FIELD_MAP, {})
    sims = field_similarities(features, np.array([0]), np.array([1]), settings)
    return float(combine(sims, settings, 1)[0][0])


PERSON = {"first_name": "Ann", "last_name": "Lee"}


def test_the_same_name_alone_supports_but_does_not_link() -> None:
    settings = MatchSettings.for_entity("contacts")
    assert settings.weak_threshold <= _score(PERSON, PERSON) < settings.threshold


def test_more_agreeing_fields_score_higher() -> None:
    email = {"email": "ann.lee@acme.com"}
    phone = {"phone": "415 555 0123"}
    name_email = _score({**PERSON, **email}, {**PERSON, **email})
    everything = _score({**PERSON, **email, **phone}, {**PERSON, **email, **phone})
    assert MatchSettings().threshold < name_email < everything <= 1.0


def test_disagreeing_names_outweigh_a_shared_team_mailbox() -> None:
    shared = {"email": "info@acme.com"}
    assert _score({**PERSON, **shared}, {"first_name": "Bob", "last_name": "Stone", **shared}) < (
        MatchSettings().threshold
    )


def test_score_pairs_keeps_support_and_conflicts_only() -> None:
    rows = records(
        {**PERSON, "email": "ann@acme.com"}, {**PERSON, "email": "ann@acme.com"},
        {"first_name": "Zed", "last_name": "Quux"},
    )  # fmt: skip
    settings = MatchSettings.for_entity("contacts")
    features = extract(rows, FIELD_MAP, {})
    scored = score_pairs(features, np.array([0, 0]), np.array([1, 2]), settings)
    assert scored.lo.tolist() == [0, 0]
    assert scored.score[0] > settings.threshold
    assert scored.against[1] <= -settings.conflict_level
