"""Person-name normalisation: case, accents, titles, initials, nicknames, particles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mergedesk.core.matching.normalise.names import (
    family_name,
    family_names,
    given_name,
    given_names,
    soundex,
    soundex_many,
    split_full_name,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("John", "john"),
        ("JOHN", "john"),
        ("  john  ", "john"),
        ("Jürgen", "jurgen"),
        ("Zoë", "zoe"),
        ("Łukasz", "lukasz"),
        ("Bob", "robert"),
        ("bobby", "robert"),
        ("Liz", "elizabeth"),
        ("Dr. Bob", "robert"),
        ("Mr John A.", "john"),
        ("J.", "j"),
        ("j", "j"),
        ("Jean-Luc", "jean"),
        ("", ""),
        ("Dr.", "dr"),
    ],
)
def test_given_name_folds_titles_initials_and_nicknames(raw: str, expected: str) -> None:
    assert given_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Smith", "smith"),
        ("SMITH", "smith"),
        ("Müller", "muller"),
        ("van der Berg", "vanderberg"),
        ("Vanderberg", "vanderberg"),
        ("Smith-Jones", "smithjones"),
        ("O'Brien", "obrien"),
        ("Smith Jr.", "smith"),
        ("García III", "garcia"),
        ("", ""),
    ],
)
def test_family_name_folds_particles_and_suffixes(raw: str, expected: str) -> None:
    assert family_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("John Smith", ("john", "smith")),
        ("Smith, John", ("john", "smith")),
        ("Dr. Jan van der Berg Jr.", ("jan", "vanderberg")),
        ("Bob A. Smith", ("robert", "smith")),
        ("Madonna", ("madonna", "")),
        ("", ("", "")),
        ("  ", ("", "")),
    ],
)
def test_split_full_name_reads_both_orders(raw: str, expected: tuple[str, str]) -> None:
    assert split_full_name(raw) == expected


@pytest.mark.parametrize(
    ("name", "code"),
    [("robert", "r163"), ("rupert", "r163"), ("ashcraft", "a261"), ("tymczak", "t522"),
     ("pfister", "p236"), ("lee", "l000"), ("honeyman", "h555"), ("washington", "w252"),
     ("gutierrez", "g362"), ("jackson", "j250"), ("", ""), ("42", "")],
)  # fmt: skip
def test_soundex_matches_the_classic_codes(name: str, code: str) -> None:
    assert soundex(name) == code


@settings(deadline=None)  # timing varies on a shared machine
@given(st.lists(st.text(max_size=20), max_size=20))
def test_batch_forms_equal_the_single_ones(texts: list[str]) -> None:
    assert given_names(texts) == [given_name(t) for t in texts]
    assert family_names(texts) == [family_name(t) for t in texts]


@settings(deadline=None)  # timing varies on a shared machine
@given(st.lists(st.text(alphabet="abhwlmrtyaeiou0123- \u00e9\x00", max_size=12), max_size=30))
def test_soundex_many_equals_soundex(names: list[str]) -> None:
    # Runs of one code across h/w and vowels, digits, punctuation, non-ASCII, NUL.
    assert soundex_many(names) == [soundex(name) for name in names]


def test_soundex_many_collapses_long_runs() -> None:
    names = ["b" * 9 + "p" * 5 + "a" + "fff", "hhhwww", "a" * 30, ""]
    assert soundex_many(names) == [soundex(name) for name in names] == ["b100", "h000", "a000", ""]
