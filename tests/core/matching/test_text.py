"""Text folding shared by the normalisers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mergedesk.core.matching.normalise.text import as_text, fold, fold_many


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("  Hello,   World! ", "hello world"), ("Ærøskøbing", "aeroskobing"), ("O'Brien", "obrien"),
     ("S.A.", "sa"), ("Smith-Jones", "smith jones"), ("a\tb\nc", "a b c"), ("", "")],
)  # fmt: skip
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), ("x", "x"), (42, "42"), (["", "a@b.com"], "a@b.com"), ([], ""),
     ({"name": "Acme", "id": "7"}, "Acme"), ({"id": "7"}, "")],
)  # fmt: skip
def test_as_text_reads_crm_shapes(value: object, expected: str) -> None:
    assert as_text(value) == expected


@settings(deadline=None)  # timing varies on a shared machine
@given(st.lists(st.text(max_size=20), max_size=30))
def test_fold_many_equals_fold(texts: list[str]) -> None:
    assert fold_many(texts) == [fold(t) for t in texts]
