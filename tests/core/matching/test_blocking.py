"""Blocking keys, windowed pair generation and the giant-block guard."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mergedesk.core.matching.blocking import block_pairs, candidate_pairs, key_codes
from mergedesk.core.matching.features import Codebook, Features, extract
from mergedesk.core.matching.fields import infer_field_map
from tests.core.matching.conftest import records


def _pairs(lo: np.ndarray, hi: np.ndarray) -> set[tuple[int, int]]:
    return set(zip(lo.tolist(), hi.tolist(), strict=True))


def test_rows_sharing_a_code_pair_up_once() -> None:
    codes = (np.array([5, 7, 5, -1, 5, 7], dtype=np.int32),)
    lo, hi, giant, sizes = block_pairs(codes, max_size=10, window=10)
    assert _pairs(lo, hi) == {(0, 2), (0, 4), (2, 4), (1, 5)}
    assert len(giant) == 0 and len(sizes) == 0


def test_giant_blocks_are_skipped_and_reported() -> None:
    codes = (np.array([1] * 50 + [2, 2], dtype=np.int32),)
    lo, hi, giant, sizes = block_pairs(codes, max_size=20, window=5)
    assert _pairs(lo, hi) == {(50, 51)}
    assert giant.tolist() == [1] and sizes.tolist() == [50]


def test_big_blocks_give_a_linear_number_of_pairs() -> None:
    codes = (np.zeros(500, dtype=np.int32),)
    lo, _, _, _ = block_pairs(codes, max_size=1000, window=4)
    assert len(lo) == 4 * 500 - 10  # each row with its next 4 neighbours


def test_several_columns_of_one_key_share_blocks() -> None:
    phone, mobile = np.array([1, 2, -1]), np.array([-1, 3, 2])
    lo, hi, _, _ = block_pairs((phone, mobile), max_size=10, window=10)
    assert _pairs(lo, hi) == {(1, 2)}


@settings(deadline=None)  # timing varies on a shared machine
@given(st.lists(st.integers(-1, 6), min_size=1, max_size=40))
def test_small_blocks_give_every_pair(values: list[int]) -> None:
    codes = (np.array(values, dtype=np.int32),)
    lo, hi, _, _ = block_pairs(codes, max_size=100, window=100)
    expected = {(i, j) for i in range(len(values)) for j in range(i + 1, len(values))
                if values[i] == values[j] >= 0}  # fmt: skip
    assert _pairs(lo, hi) == expected


def _features(*rows: dict[str, str], codebook: Codebook | None = None) -> Features:
    field_map = infer_field_map(["first_name", "last_name", "email", "company"])
    return extract(records(*rows), field_map, {} if codebook is None else codebook)


def test_name_keys_ignore_swapped_names_and_typos() -> None:
    features = _features(
        {"first_name": "John", "last_name": "Smith"},
        {"first_name": "Smith", "last_name": "John"},
        {"first_name": "Jon", "last_name": "Smyth"},
    )
    (name,) = key_codes(features, "name", {})
    (sound,) = key_codes(features, "name_sound", {})
    assert name[0] == name[1] != name[2]
    assert sound[0] == sound[1] == sound[2]


def test_candidate_pairs_note_what_was_skipped() -> None:
    rows = [{"email": "info@acme.com", "first_name": f"A{i}"} for i in range(30)]
    codebook: Codebook = {}
    candidates = candidate_pairs(_features(*rows, codebook=codebook), ("email",), 10, 5, codebook)
    assert len(candidates.lo) == 0
    assert candidates.notes == [
        "block 'email:info@acme.com' of 30 records skipped: too common (limit 10)"
    ]
    assert candidates.skipped_records == 30


def test_notes_name_hash_coded_and_derived_blocks_by_their_text() -> None:
    rows = [{"email": f"Info+{i}@Acme.com", "first_name": "Ann", "last_name": "Lee",
             "company": "The Acme Inc", "phone": "(415) 555-0123"} for i in range(12)]  # fmt: skip
    field_map = infer_field_map(["first_name", "last_name", "email", "company", "phone"])
    codebook: Codebook = {}
    features = extract(records(*rows), field_map, codebook)
    keys = ("email", "phone", "name", "company_token")
    candidates = candidate_pairs(features, keys, 10, 5, codebook)
    assert candidates.notes == [
        f"block '{label}' of 12 records skipped: too common (limit 10)"
        for label in ("email:info@acme.com", "phone:+14155550123", "name:ann lee",
                      "company_token:acme")
    ]  # fmt: skip


def test_key_codes_are_equal_exactly_when_the_normalised_values_are() -> None:
    features = _features(
        {"email": "a.b@gmail.com", "company": "Acme GmbH"},
        {"email": "AB+x@googlemail.com", "company": "ACME"},
        {"email": "ab@gmail.co", "company": "Acme Widgets"},
        {"email": "", "company": ""},
    )
    (email,) = key_codes(features, "email", {})
    (company,) = key_codes(features, "company", {})
    assert email[0] == email[1] != email[2] and email[3] == -1 and email.min(initial=0) >= -1
    assert company[0] == company[1] != company[2] and company[3] == -1
