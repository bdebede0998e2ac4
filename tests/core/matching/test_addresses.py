"""Streets, postcodes, cities and countries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mergedesk.core.matching.normalise.addresses import (
    normalise_cities,
    normalise_city,
    normalise_country,
    normalise_postcode,
    normalise_street,
    normalise_streets,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("123 Main Street", "123 main st"),
        ("123 Main St.", "123 main st"),
        ("123 North Main Street, Suite 4", "123 n main st ste 4"),
        ("9 Sunset Boulevard", "9 sunset blvd"),
        ("Hauptstraße 5", "haupt st 5"),
        ("Haupt Str. 5", "haupt st 5"),
        ("  ", ""),
        # Repeated and adjacent words, compounds, a leading and a trailing one.
        ("1 Street Street Street Road", "1 st st st rd"),
        ("North South East West", "n s e w"),
        ("Oststrasse 3, Westweg", "ost st 3 westweg"),
        ("Strasse 5", "st 5"),
        ("Poststr 12 Str", "post st 12 st"),
        ("Main Street-Avenue", "main st ave"),
    ],
)
def test_normalise_street(raw: str, expected: str) -> None:
    assert normalise_street(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("94105-1234", "94105"), ("941051234", "94105"), ("sw1a 1aa", "SW1A1AA"),
     ("10115", "10115"), (" 02108 ", "02108"), ("", "")],
)  # fmt: skip
def test_normalise_postcode(raw: str, expected: str) -> None:
    assert normalise_postcode(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("St. Louis", "saint louis"), ("Saint Louis", "saint louis"), ("SAN JOSÉ", "san jose"),
     ("München", "munchen")],
)  # fmt: skip
def test_normalise_city(raw: str, expected: str) -> None:
    assert normalise_city(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("United States", "us"), ("U.S.A.", "us"), ("usa", "us"), ("US", "us"),
     ("Deutschland", "de"), ("United Kingdom", "gb"), ("Atlantis", "atlantis"), ("", "")],
)  # fmt: skip
def test_normalise_country(raw: str, expected: str) -> None:
    assert normalise_country(raw) == expected


@settings(deadline=None)  # timing varies on a shared machine
@given(st.lists(st.text(max_size=30), max_size=20))
def test_batch_forms_equal_the_single_ones(texts: list[str]) -> None:
    assert normalise_streets(texts) == [normalise_street(t) for t in texts]
    assert normalise_cities(texts) == [normalise_city(t) for t in texts]
