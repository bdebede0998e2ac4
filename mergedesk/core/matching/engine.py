"""find_groups: records in, explained duplicate groups out. Orchestrates field mapping,
normalisation, blocking, scoring and clustering with progress and cancel. No Qt, no I/O."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel, ConfigDict

from mergedesk.core.matching.blocking import candidate_pairs
from mergedesk.core.matching.features import Codebook, Features, RecordLike
from mergedesk.core.matching.fields import FieldMap
from mergedesk.core.matching.pipeline import (
    drop_pairs,
    excluded_rows,
    extract_all,
    grouped,
    refusal_notes,
    resolve_field_map,
    score_all,
)
from mergedesk.core.matching.progress import Progress
from mergedesk.core.matching.scoring import PairScores
from mergedesk.core.matching.settings import MatchSettings
from mergedesk.core.models import DuplicateGroup


class MatchStats(BaseModel):
    """Counts that explain a scan's cost and coverage."""

    model_config = ConfigDict(frozen=True)

    records: int = 0
    candidate_pairs: int = 0
    scored_pairs: int = 0  # at or above the weak threshold
    grouped_records: int = 0
    skipped_block_records: int = 0


class MatchResult(BaseModel):
    """Groups found by a scan and notes on anything it skipped or could not do."""

    model_config = ConfigDict(frozen=True)

    entity: str
    groups: list[DuplicateGroup]
    notes: list[str] = []
    field_map: FieldMap = {}
    stats: MatchStats = MatchStats()


EMPTY_ROWS = np.empty(0, np.int64)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector during a scan.

    A scan allocates millions of small objects and creates no reference cycles; with the
    collector on, its repeated passes over the caller's records cost more than the scan.
    Its survivors (a million evidence items) then move to the oldest generation at once:
    otherwise the first young collection after the scan walks them all (1.5 s at 1M).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        promote_survivors()
        if was_enabled:
            gc.enable()


def promote_survivors() -> None:
    """Every tracked object into the oldest generation, without walking any: freeze()
    moves them all to the permanent generation, unfreeze() all of that into the oldest.
    Full collections still see them. Skipped where something froze objects on purpose
    (the app freezes its start-up objects): unfreezing would undo that."""
    if not gc.get_freeze_count():
        gc.freeze()
        gc.unfreeze()


def unique_records(records: Sequence[RecordLike]
                   ) -> tuple[Sequence[RecordLike], list[str], list[str]]:  # fmt: skip
    """Records with each id once (first copy kept), their ids (read once: extraction
    reuses them), and a note if any were dropped."""
    ids = [record.id for record in records]
    if len(set(ids)) == len(ids):  # the usual case, checked at C speed
        return records, ids, []
    seen: dict[str, int] = {}
    for i, record_id in enumerate(ids):
        seen.setdefault(record_id, i)
    rows = sorted(seen.values())
    kept = [records[i] for i in rows]
    note = f"{len(records) - len(kept):,} records skipped: their id appears more than once"
    return kept, [ids[i] for i in rows], [note]


def input_notes(records: Sequence[RecordLike], field_map: FieldMap) -> list[str]:
    """Why a scan cannot find anything, if it cannot."""
    if len(records) < 2:
        return ["fewer than two records: nothing to compare"]
    if not field_map:
        return ["no field to compare: none of the records' field names is known; "
                "set a field map"]  # fmt: skip
    return []


@dataclass
class ScanState:
    """A scan's result plus what an incremental rescan needs to carry on from it."""

    result: MatchResult
    field_map: FieldMap
    codebook: Codebook = field(default_factory=dict)
    features: Features | None = None
    pairs: PairScores = field(default_factory=lambda: PairScores.concat([]))
    notes: list[str] = field(default_factory=list)  # input and blocking notes
    refused: list[tuple[int, str]] = field(default_factory=list)  # links the guards refused


def find_groups(
    records: Sequence[RecordLike],
    entity: str = "contacts",
    settings: MatchSettings | None = None,
    *,
    excluded_pairs: Collection[frozenset[str]] = (),
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> MatchResult:
    """Duplicate groups among `records`.

    `settings` defaults to `MatchSettings.for_entity(entity)`; when given, its own entity
    decides. Pairs in `excluded_pairs` never end up in one group. `progress` receives a
    rising fraction in [0, 1]; `cancel()` returning True raises ScanCancelled.
    """
    settings = settings or MatchSettings.for_entity(entity)
    with paused_gc():
        tracker = Progress(progress, cancel)
        return find_groups_state(records, settings, excluded_pairs, tracker, False).result


def find_groups_state(records: Sequence[RecordLike], settings: MatchSettings,
                      excluded_pairs: Collection[frozenset[str]], tracker: Progress,
                      keep_state: bool = True) -> ScanState:  # fmt: skip
    """find_groups() keeping the intermediate state (see ScanState) if `keep_state`;
    without it the normalised records are freed before the groups are built."""
    tracker.at(0.0)
    records, ids, notes = unique_records(records)
    field_map = resolve_field_map(records, settings)
    problems = input_notes(records, field_map)
    if problems:
        tracker.at(1.0)
        result = MatchResult(
            entity=settings.entity,
            groups=[],
            notes=notes + problems,
            field_map=field_map,
            stats=MatchStats(records=len(records)),
        )
        return ScanState(result, field_map, notes=notes + problems)  # fmt: skip
    codebook: Codebook = {}
    features = extract_all(records, field_map, settings, codebook, tracker.span(0.0, 0.5), ids)
    candidates = candidate_pairs(
        features, settings.blocking, settings.max_block_size, settings.block_window, codebook,
        tracker.span(0.5, 0.55),
    )  # fmt: skip
    tracker.at(0.55)
    row_of = {r: i for i, r in enumerate(features.ids)} if excluded_pairs else {}
    excluded = excluded_rows(excluded_pairs, row_of)
    lo, hi = drop_pairs(candidates.lo, candidates.hi, excluded, features.n)
    pairs = score_all(features, lo, hi, settings, tracker.span(0.55, 0.9))
    ids, n = features.ids, features.n
    kept: tuple[Codebook, Features | None] = (codebook, features) if keep_state else ({}, None)
    # Without kept state the normalised records are freed here, and the candidate pairs
    # (counted already): the groups' models are the scan's peak of memory.
    del features, codebook, lo, hi
    candidate_count, candidates.lo, candidates.hi = len(candidates.lo), EMPTY_ROWS, EMPTY_ROWS
    groups, refused = grouped(pairs, ids, settings, excluded)
    group_notes = refusal_notes(Counter(reason for _, reason in refused), settings)
    tracker.at(1.0)
    stats = MatchStats(
        records=n, candidate_pairs=candidate_count, scored_pairs=len(pairs.lo),
        grouped_records=sum(len(g.records) for g in groups),
        skipped_block_records=candidates.skipped_records,
    )  # fmt: skip
    notes += candidates.notes
    result = MatchResult(entity=settings.entity, groups=groups, field_map=field_map,
                         stats=stats, notes=notes + group_notes)  # fmt: skip
    return ScanState(result, field_map, kept[0], kept[1], pairs, notes, refused)
