"""The baseline the engine is compared with: a plain Python loop that scores every pair of
records one by one (same normalisers, same field rules), then union-find. Used by
bench_matching.py; run alone it prints its per-pair cost on a small sample as JSON."""

from __future__ import annotations

import itertools
import json
import math
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rapidfuzz import distance, fuzz

from mergedesk.core.matching import MatchSettings
from mergedesk.core.matching.features import RecordLike
from mergedesk.core.matching.fields import read_path
from mergedesk.core.matching.normalise import (
    PhoneNormaliser,
    as_text,
    family_name,
    given_name,
    normalise_city,
    normalise_company,
    normalise_country,
    normalise_email,
    normalise_postcode,
    normalise_street,
)
from mergedesk.core.matching.pipeline import resolve_field_map

JARO = distance.JaroWinkler.normalized_similarity


def _first_value(fields: Any, paths: str | list[str]) -> str:
    for path in [paths] if isinstance(paths, str) else paths:
        if text := as_text(read_path(fields, path)):
            return text
    return ""


def normalise_record(record: RecordLike, field_map: dict[str, Any], phones: PhoneNormaliser
                     ) -> dict[str, str]:  # fmt: skip
    """One record's comparable values, computed the simple way."""

    def get(name: str) -> str:
        return _first_value(record.fields, field_map[name]) if name in field_map else ""

    return {
        "first_name": given_name(get("first_name")), "last_name": family_name(get("last_name")),
        "email": normalise_email(get("email")).address, "phone": phones.e164(get("phone")),
        "company": normalise_company(get("company")), "city": normalise_city(get("city")),
        "address": normalise_street(get("address")),
        "postcode": normalise_postcode(get("postcode")),
        "country": normalise_country(get("country")),
    }  # fmt: skip


def _sim(name: str, a: str, b: str) -> float:
    if a == b:
        return 1.0
    if name in ("first_name", "last_name", "city"):
        return JARO(a, b)
    if name in ("email", "phone"):
        return min(distance.Indel.normalized_similarity(a, b), 0.8)
    if name in ("company", "address"):
        return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) / 100.0
    return 0.0


def pair_score(a: dict[str, str], b: dict[str, str], settings: MatchSettings) -> float:
    """The score of one pair, one field after another."""
    logit = settings.prior
    for name, rule in settings.active_rules().items():
        x, y = a.get(name, ""), b.get(name, "")
        if x and y:
            s = _sim(name, x, y)
            logit += (rule.weight * (s - rule.neutral) / (1 - rule.neutral) if s >= rule.neutral
                      else rule.penalty * (s - rule.neutral) / rule.neutral)  # fmt: skip
    return 1.0 / (1.0 + math.exp(-logit))


def naive_groups(records: Sequence[RecordLike], settings: MatchSettings) -> list[set[int]]:
    """Every pair scored in a Python loop, linked pairs joined by union-find."""
    field_map = resolve_field_map(records, settings)
    phones = PhoneNormaliser(settings.default_region)
    values = [normalise_record(r, field_map, phones) for r in records]
    parent = list(range(len(records)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in itertools.combinations(range(len(records)), 2):
        if pair_score(values[i], values[j], settings) >= settings.threshold:
            parent[find(i)] = find(j)
    groups: dict[int, set[int]] = {}
    for i in range(len(records)):
        groups.setdefault(find(i), set()).add(i)
    return [g for g in groups.values() if len(g) > 1]


def naive_seconds_per_pair(records: Sequence[RecordLike], settings: MatchSettings) -> float:
    """Wall seconds per pair of the naive loop, measured on `records` (a sample)."""
    start = time.perf_counter()
    naive_groups(records, settings)
    pairs = len(records) * (len(records) - 1) // 2
    return (time.perf_counter() - start) / max(pairs, 1)


if __name__ == "__main__":
    from tests.core.matching.datamaker import SimpleRecord, make

    sample = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    data = make("contacts", sample, seed=3, record_type=SimpleRecord)
    per_pair = naive_seconds_per_pair(data.records, MatchSettings.for_entity("contacts"))
    print(json.dumps({"sample_records": sample, "naive_seconds_per_pair": per_pair}))
