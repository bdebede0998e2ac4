"""The steps of a scan, shared by the one-shot engine and incremental rescans: field map,
chunked extraction, chunked scoring, exclusions, clustering into groups. No Qt, no I/O."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from itertools import islice

import numpy as np

from mergedesk.core.matching.clustering import cluster, strong_pairs
from mergedesk.core.matching.features import (
    Codebook,
    Features,
    RecordLike,
    extract,
    with_initials,
)
from mergedesk.core.matching.fields import FieldMap, field_paths, infer_field_map
from mergedesk.core.matching.groups import build_groups
from mergedesk.core.matching.progress import Progress
from mergedesk.core.matching.scoring import PairScores, score_pairs
from mergedesk.core.matching.settings import MatchSettings
from mergedesk.core.models import DuplicateGroup

EXTRACT_CHUNK = 50_000  # records per progress/cancel step
SCORE_CHUNK = 200_000  # pairs per progress/cancel step; also bounds temporary arrays
_FIELD_SAMPLE = 500  # records looked at to guess the field map


def resolve_field_map(records: Sequence[RecordLike], settings: MatchSettings) -> FieldMap:
    """The settings' field map, or one guessed from the first records' field names."""
    if settings.field_map is not None:
        return dict(settings.field_map)
    sample: list[Mapping[str, object]] = [r.fields for r in islice(records, _FIELD_SAMPLE)]
    return infer_field_map(field_paths(sample), settings.entity)


def extract_all(records: Sequence[RecordLike], field_map: FieldMap, settings: MatchSettings,
                codebook: Codebook, progress: Progress, ids: list[str] | None = None
                ) -> Features:  # fmt: skip
    """Features of all records, extracted in chunks so progress and cancel stay live;
    `ids`, when given, are the records' ids (not read again)."""
    chunks = []
    for start in range(0, len(records), EXTRACT_CHUNK):
        progress.at(start / len(records))
        end = start + EXTRACT_CHUNK
        chunks.append(
            extract(
                records[start:end],
                field_map,
                codebook,
                region=settings.default_region,
                day_first=settings.day_first,
                ids=None if ids is None else ids[start:end],
                initials=False,
            )
        )
    progress.at(1.0)
    if not chunks:
        return extract([], field_map, codebook)
    return with_initials(chunks[0] if len(chunks) == 1 else Features.concat(chunks))


def score_all(features: Features, lo: np.ndarray, hi: np.ndarray, settings: MatchSettings,
              progress: Progress) -> PairScores:  # fmt: skip
    """Scores of all candidate pairs above the weak threshold, in chunks."""
    parts = []
    for start in range(0, len(lo), SCORE_CHUNK):
        progress.at(start / len(lo))
        end = start + SCORE_CHUNK
        parts.append(score_pairs(features, lo[start:end], hi[start:end], settings))
    progress.at(1.0)
    return PairScores.concat(parts)


def excluded_rows(excluded: Collection[frozenset[str]], row_of: Mapping[str, int]
                  ) -> set[tuple[int, int]]:  # fmt: skip
    """Remembered "not duplicates" as (lo, hi) row pairs; pairs naming unknown ids drop out."""
    rows = set()
    for pair in excluded:
        found = sorted(row_of[i] for i in pair if i in row_of)
        if len(found) == 2:
            rows.add((found[0], found[1]))
    return rows


def drop_pairs(lo: np.ndarray, hi: np.ndarray, rows: set[tuple[int, int]], n: int
               ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Candidate pairs without the excluded ones."""
    if not rows:
        return lo, hi
    banned = np.array([a * n + b for a, b in rows], dtype=np.int64)
    keep = ~np.isin(lo * n + hi, banned)
    return lo[keep], hi[keep]


def grouped(pairs: PairScores, ids: list[str], settings: MatchSettings,
            excluded: set[tuple[int, int]]) -> tuple[list[DuplicateGroup], list[tuple[int, str]]]:
    """Groups from scored pairs, and the links the guards refused as (a row, reason)."""
    clusters = cluster(pairs, ids, settings, excluded)
    neutral = {name: rule.neutral for name, rule in settings.active_rules().items()}
    return build_groups(clusters, strong_pairs(pairs, settings), ids, neutral), clusters.refused_at


def refusal_notes(counts: Mapping[str, int], settings: MatchSettings) -> list[str]:
    """Notes on links the guards refused, from counts per reason."""
    notes = []
    if counts.get("size"):
        notes.append(f"{counts['size']:,} links not followed: the group would exceed "
                     f"{settings.max_group_size} records")  # fmt: skip
    if counts.get("chain"):
        notes.append(f"{counts['chain']:,} links not followed: they would chain "
                     "records that do not match each other")  # fmt: skip
    if counts.get("conflict"):
        notes.append(f"{counts['conflict']:,} links not followed: the groups hold "
                     "records that clearly differ (e.g. two websites)")  # fmt: skip
    if counts.get("excluded"):
        notes.append(f"{counts['excluded']:,} links not followed: the records are "
                     "remembered as not duplicates")  # fmt: skip
    return notes


def group(pairs: PairScores, ids: list[str], settings: MatchSettings,
          excluded: set[tuple[int, int]]) -> tuple[list[DuplicateGroup], list[str]]:  # fmt: skip
    """Groups from scored pairs, with notes on links the guards refused."""
    groups, refused = grouped(pairs, ids, settings, excluded)
    return groups, refusal_notes(Counter(reason for _, reason in refused), settings)
