"""Dates in export shapes to ISO."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mergedesk.core.matching.normalise.dates import normalise_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-12", "2024-03-12"),
        ("2024-03-12T10:00:00Z", "2024-03-12"),
        ("20240312", "2024-03-12"),
        ("2024/3/12", "2024-03-12"),
        ("03/12/2024", "2024-03-12"),
        ("12.03.2024", "2024-03-12"),
        ("12.03.84", "1984-03-12"),
        ("12.03.05", "2005-03-12"),
        ("12 Mar 2024", "2024-03-12"),
        ("March 12, 2024", "2024-03-12"),
        ("March 3rd, 2021", "2021-03-03"),
        ("12. März 2024", "2024-03-12"),
        (date(2024, 3, 12), "2024-03-12"),
        (datetime(2024, 3, 12, 23, 59), "2024-03-12"),
        ("02/30/2024", ""),
        ("yesterday", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_date(raw: object, expected: str) -> None:
    assert normalise_date(raw) == expected


def test_day_first_reads_european_slashes() -> None:
    assert normalise_date("03/12/2024", day_first=True) == "2024-12-03"
    assert normalise_date("03/12/2024") == "2024-03-12"
