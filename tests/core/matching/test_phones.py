"""Phones to E.164: the fast path agrees with the phonenumbers library."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mergedesk.core.matching.normalise.phones import PhoneNormaliser

US = PhoneNormaliser("US")


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("(415) 555-0123", "+14155550123"),
        ("415.555.0123", "+14155550123"),
        ("1-415-555-0123", "+14155550123"),
        ("+1 415 555 0123", "+14155550123"),
        ("011 44 20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("+44 (0)20 7946 0958", "+442079460958"),
        ("415-555-0123 ext. 12", "+14155550123"),
        ("415 555 0123 x12", "+14155550123"),
        ("1-800-FLOWERS", "+18003569377"),
        ("12", ""),
        ("n/a", ""),
        ("", ""),
    ],
)
def test_us_numbers(raw: str, e164: str) -> None:
    assert US.e164(raw) == e164
    assert US.e164_many([raw]) == [e164]


@pytest.mark.parametrize(
    ("region", "raw", "e164"),
    [
        ("DE", "030 1234567", "+49301234567"),
        ("DE", "+49 (0) 30 1234567", "+49301234567"),
        ("GB", "020 7946 0958", "+442079460958"),
        ("IT", "06 1234 5678", "+390612345678"),
        ("FR", "01 23 45 67 89", "+33123456789"),
    ],
)
def test_default_region_decides_national_numbers(region: str, raw: str, e164: str) -> None:
    assert PhoneNormaliser(region).e164(raw) == e164


def test_unknown_region_is_refused() -> None:
    with pytest.raises(ValueError, match="region"):
        PhoneNormaliser("XX")


_REGIONS = ["US", "GB", "DE", "FR", "IT", "ES", "NL", "AU", "CA", "CH"]
_FORMATS = [
    phonenumbers.PhoneNumberFormat.E164,
    phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    phonenumbers.PhoneNumberFormat.NATIONAL,
]


@pytest.mark.parametrize("region", _REGIONS)
@pytest.mark.parametrize("number_format", _FORMATS)
def test_fast_path_agrees_with_phonenumbers(region: str, number_format: int) -> None:
    normaliser = PhoneNormaliser(region)
    for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
        example = phonenumbers.example_number_for_type(region, kind)
        text = phonenumbers.format_number(example, number_format)
        expected = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
        assert normaliser.e164(text) == expected, text


@settings(deadline=None)  # timing varies on a shared machine
@given(st.lists(st.text(alphabet="0123456789 +-().x/#", max_size=20), max_size=20))
def test_batch_form_equals_the_single_one(texts: list[str]) -> None:
    assert US.e164_many(texts) == [US.e164(t) if t else "" for t in texts]


OTHERS = [PhoneNormaliser(region) for region in ("GB", "DE", "AU", "JP", "BR", "IT")]


@settings(deadline=None)  # timing varies on a shared machine
@given(st.lists(st.text(alphabet="00011123456789 +-()", max_size=16), max_size=20))
def test_batch_form_equals_the_single_one_in_other_regions(texts: list[str]) -> None:
    # Trunk prefixes (0), international prefixes (00, 0011, 010 ...), Italy keeps its 0.
    for normaliser in OTHERS:
        assert normaliser.e164_many(texts) == [normaliser.e164(t) if t else "" for t in texts]
