"""Blocking: records that share a key (normalised email, phone, name, sound-alike name,
company token ...) become candidate pairs; blocks too common to mean anything are skipped
with a note. Pair generation is numpy over sorted keys, near-linear. No Qt, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mergedesk.core.matching.features import Codebook, Features
from mergedesk.core.matching.normalise import company_token, soundex

_NOTED_BLOCKS = 3  # giant blocks named one by one in the notes, per key


@dataclass
class Candidates:
    """Distinct candidate pairs (lo < hi, row indices) and what blocking had to skip."""

    lo: np.ndarray
    hi: np.ndarray
    notes: list[str] = field(default_factory=list)
    skipped_records: int = 0


def _sorted_key(a: str, b: str) -> str:
    # Sorting the two parts makes the key blind to swapped first/last names.
    return f"{a} {b}" if a <= b else f"{b} {a}"


def _name_keys(features: Features) -> list[str]:
    first, last = features.text["first"][0], features.text["last"][0]
    return [_sorted_key(f, s) if f and s else "" for f, s in zip(first, last, strict=True)]


def _sound_keys(features: Features) -> list[str]:
    first, last = features.text["first"][0].tolist(), features.text["last"][0].tolist()
    codes = {name: soundex(name) for name in dict.fromkeys(first + last)}
    return [_sorted_key(codes[f], codes[s]) if len(f) > 1 and s else ""
            for f, s in zip(first, last, strict=True)]  # fmt: skip


def _company_keys(features: Features) -> list[str]:
    return [c.replace(" ", "") for c in features.text["company"][0]]


def _token_keys(features: Features) -> list[str]:
    companies = features.text["company"][0].tolist()
    tokens = {c: company_token(c) for c in dict.fromkeys(companies)}
    return [tokens[c] for c in companies]


def _address_keys(features: Features) -> list[str]:
    # Only street addresses with a house number are specific enough to block on.
    return [a if any(c.isdigit() for c in a) else "" for a in features.text["address"][0]]


_DERIVED = {"name": _name_keys, "address": _address_keys, "name_sound": _sound_keys, "company": _company_keys,
            "company_token": _token_keys}  # fmt: skip
# Keys that are code columns already; key name -> code column.
_CODED = {"email": "email", "email_local": "local", "phone": "phone", "domain": "website"}


def key_codes(features: Features, key: str, codebook: Codebook) -> tuple[np.ndarray, ...]:
    """Integer codes of one blocking key per record (-1: no key), one array per column."""
    if key in _CODED:
        return features.codes[_CODED[key]]
    table = codebook.setdefault(f"key:{key}", {})
    values = _DERIVED[key](features)
    setdefault = table.setdefault
    codes = (setdefault(v, len(table)) if v else -1 for v in values)
    return (np.fromiter(codes, np.int32, len(values)),)


def key_label(key: str, code: int, codebook: Codebook) -> str:
    """The text of one key code, for notes ("email:info@acme.com")."""
    table = codebook.get(_CODED.get(key, f"key:{key}"), {})
    text = next((value for value, c in table.items() if c == code), "?")
    return f"{key}:{text}"


def _name_order(features: Features) -> np.ndarray:
    """Alphabetical rank of "last first" per row: inside a big name block, spellings that
    sort close ("smith john", "smith jon", "smyth john") become window neighbours."""
    first, last = features.text["first"][0].tolist(), features.text["last"][0].tolist()
    names = [f"{s} {f}" for f, s in zip(first, last, strict=True)]
    rank = {name: i for i, name in enumerate(sorted(set(names)))}
    return np.fromiter(map(rank.__getitem__, names), np.int64, len(names))


def block_pairs(codes: tuple[np.ndarray, ...], max_size: int, window: int,
                order: np.ndarray | None = None) -> tuple[np.ndarray, ...]:  # fmt: skip
    """(lo, hi, giant codes, giant sizes) for rows sharing a code.

    Inside a block, rows sorted by `order` are paired with their next `window` neighbours:
    every pair in blocks of up to window + 1 rows, a linear number in bigger ones. Blocks
    over `max_size` rows are skipped; their codes and sizes are returned instead.
    """
    n = len(codes[0])
    rows = np.tile(np.arange(n, dtype=np.int64), len(codes))
    keys = np.concatenate(codes) if len(codes) > 1 else codes[0]
    present = keys >= 0
    rows, keys = rows[present], keys[present]
    if order is not None:
        sort = np.lexsort((order[rows], keys))
    else:
        sort = np.argsort(keys, kind="stable")
    rows, keys = rows[sort], keys[sort]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else keys
    sizes = np.diff(np.r_[starts, len(keys)])
    giant = sizes > max_size
    giant_codes, giant_sizes = keys[starts[giant]], sizes[giant]
    kept = ~np.repeat(giant, sizes)
    rows, keys = rows[kept], keys[kept]
    lo, hi = [], []
    for distance in range(1, min(window, max_size) + 1):
        same = keys[:-distance] == keys[distance:]
        if not same.any():
            break  # no block has this many rows
        lo.append(rows[:-distance][same])
        hi.append(rows[distance:][same])
    a = np.concatenate(lo) if lo else np.empty(0, np.int64)
    b = np.concatenate(hi) if hi else np.empty(0, np.int64)
    distinct = a != b  # one record can hold the same phone in two of its phone fields
    a, b = a[distinct], b[distinct]
    return np.minimum(a, b), np.maximum(a, b), giant_codes, giant_sizes


def _skip_notes(key: str, codes: np.ndarray, sizes: np.ndarray, codebook: Codebook,
                limit: int) -> list[str]:  # fmt: skip
    order = np.argsort(-sizes, kind="stable")
    notes = [
        f"block '{key_label(key, int(codes[i]), codebook)}' of {int(sizes[i]):,} records "
        f"skipped: too common (limit {limit:,})"
        for i in order[:_NOTED_BLOCKS]
    ]
    if len(order) > _NOTED_BLOCKS:
        rest = order[_NOTED_BLOCKS:]
        notes.append(f"{len(rest):,} more '{key}' blocks ({int(sizes[rest].sum()):,} records) "
                     "skipped: too common")  # fmt: skip
    return notes


_NAME_KEYS = frozenset({"name", "name_sound"})


def candidate_pairs(features: Features, keys: tuple[str, ...], max_block_size: int,
                    window: int, codebook: Codebook) -> Candidates:  # fmt: skip
    """Distinct pairs of rows that share at least one blocking key (see block_pairs)."""
    n = features.n
    encoded, notes, skipped = [], [], 0
    name_order = _name_order(features) if _NAME_KEYS & set(keys) else None
    for key in keys:
        lo, hi, giant_codes, giant_sizes = block_pairs(
            key_codes(features, key, codebook), max_block_size, window,
            name_order if key in _NAME_KEYS else None,
        )  # fmt: skip
        encoded.append(lo * n + hi)
        notes += _skip_notes(key, giant_codes, giant_sizes, codebook, max_block_size)
        skipped += int(giant_sizes.sum())
    pairs = np.unique(np.concatenate(encoded)) if encoded else np.empty(0, np.int64)
    return Candidates(pairs // max(n, 1), pairs % max(n, 1), notes, skipped)
