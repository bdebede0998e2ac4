"""Company-name normalisation: legal suffixes, punctuation, "&", "The"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mergedesk.core.matching.normalise.companies import (
    company_token,
    normalise_companies,
    normalise_company,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Acme Inc", "acme"),
        ("ACME, Inc.", "acme"),
        ("Acme Incorporated", "acme"),
        ("The Acme Company", "acme"),
        ("Acme Co., Ltd.", "acme"),
        ("Acme Pty Ltd", "acme"),
        ("Müller & Söhne GmbH & Co. KG", "muller and sohne"),
        ("Müller und Söhne GmbH", "muller und sohne"),
        ("Nestlé S.A.", "nestle"),
        ("Procter + Gamble", "procter and gamble"),
        ("AT&T", "at and t"),
        ("The Company", "company"),
        ("Inc", "inc"),
        ("", ""),
    ],
)
def test_normalise_company(raw: str, expected: str) -> None:
    assert normalise_company(raw) == expected


@pytest.mark.parametrize(
    ("normalised", "token"),
    [("acme widgets", "acme"), ("the acme", "acme"), ("a b widgets", "widgets"), ("", "")],
)
def test_company_token_skips_generic_words(normalised: str, token: str) -> None:
    assert company_token(normalised) == token


@settings(deadline=None)  # timing varies on a shared machine
@given(st.lists(st.text(max_size=25), max_size=20))
def test_batch_form_equals_the_single_one(texts: list[str]) -> None:
    assert normalise_companies(texts) == [normalise_company(t) for t in texts]
