"""Incremental rescans: keeps the normalised records, their blocking keys, the scored
pairs and the groups of a scan, so that after merges or edits only the changed records
are re-scored and only the groups they touch are re-clustered. Remembered "not
duplicates" never come back. No Qt, no I/O."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

import numpy as np

from mergedesk.core.matching.blocking import distinct, key_codes
from mergedesk.core.matching.clustering import components
from mergedesk.core.matching.engine import (
    MatchResult,
    MatchStats,
    find_groups_state,
    paused_gc,
)
from mergedesk.core.matching.features import Codebook, Features, RecordLike, extract
from mergedesk.core.matching.fields import FieldMap
from mergedesk.core.matching.groups import natural_key
from mergedesk.core.matching.pipeline import excluded_rows, grouped, refusal_notes, score_all
from mergedesk.core.matching.progress import Progress
from mergedesk.core.matching.scoring import PairScores
from mergedesk.core.matching.settings import MatchSettings
from mergedesk.core.models import DuplicateGroup


class IncrementalMatcher:
    """A scan whose state can be updated with changed and removed records.

    `scan()` runs a full scan; `update()` re-scores only pairs that involve changed
    records (compared with every record sharing one of their blocking keys);
    `exclude()` remembers "not duplicates". Both re-cluster only the connected parts of
    the link graph that a change touches: clustering never looks across them, so every
    other group stays as it was. The field map and settings are fixed at `scan()`;
    changing settings needs a new scan. Not thread-safe.
    """

    def __init__(self, entity: str = "contacts", settings: MatchSettings | None = None) -> None:
        self.settings = settings or MatchSettings.for_entity(entity)
        self._codebook: Codebook = {}
        self._field_map: FieldMap = {}
        self._features: Features | None = None
        self._alive = np.zeros(0, dtype=bool)
        self._slot_of: dict[str, int] = {}
        self._keys: dict[str, tuple[np.ndarray, ...]] = {}
        self._pairs = PairScores.concat([])
        self._excluded: set[frozenset[str]] = set()
        self._notes: list[str] = []
        self._groups: list[DuplicateGroup] = []
        self._label = np.zeros(0, dtype=np.int64)  # link-graph component per slot
        self._refusals: dict[int, Counter[str]] = {}  # refused links per component
        self._dirty: set[int] = set()  # slots whose component must be re-clustered

    def scan(self, records: Sequence[RecordLike], *,
             excluded_pairs: Collection[frozenset[str]] = (),
             progress: Callable[[float], None] | None = None,
             cancel: Callable[[], bool] | None = None) -> MatchResult:  # fmt: skip
        """A full scan that also keeps the state for later updates."""
        self._excluded = {frozenset(p) for p in excluded_pairs}
        with paused_gc():
            state = find_groups_state(records, self.settings, self._excluded,
                                      Progress(progress, cancel))  # fmt: skip
        self._codebook, self._field_map = state.codebook, state.field_map
        self._features, self._pairs, self._notes = state.features, state.pairs, state.notes
        n = state.features.n if state.features is not None else 0
        self._alive = np.ones(n, dtype=bool)
        self._slot_of = {rid: i for i, rid in enumerate(state.features.ids)} if n else {}
        self._keys = {k: key_codes(state.features, k, self._codebook)
                      for k in self.settings.blocking} if n else {}  # fmt: skip
        self._groups, self._dirty = list(state.result.groups), set()
        if n:
            self._label = components(*self._links()[0], n)
            self._refusals = self._by_component(state.refused)
        return state.result

    def update(self, changed: Sequence[RecordLike] = (), removed: Collection[str] = ()
               ) -> MatchResult:  # fmt: skip
        """Groups after some records changed (new or edited) and some were removed."""
        if self._features is None:
            raise RuntimeError("update() needs a scan() of two or more records with known fields")
        with paused_gc():
            self._retire([*removed, *(r.id for r in changed)])
            if changed:
                new_slots = self._append(changed)
                lo, hi = self._partners(new_slots)
                scored = score_all(self._features, lo, hi, self.settings, Progress())
                self._pairs = PairScores.concat([self._pairs, scored])
                self._dirty.update(new_slots.tolist())
                self._dirty.update(np.concatenate([scored.lo, scored.hi]).tolist())
            return self._result()

    def exclude(self, pairs: Collection[frozenset[str]]) -> MatchResult:
        """Groups after remembering more "not duplicates" pairs; nothing is re-scored."""
        new = {frozenset(p) for p in pairs} - self._excluded
        self._excluded |= new
        self._dirty.update(self._slot_of[i] for p in new for i in p if i in self._slot_of)
        with paused_gc():
            return self._result()

    def _retire(self, ids: Collection[str]) -> None:
        slots = [self._slot_of.pop(i) for i in ids if i in self._slot_of]
        if not slots:
            return
        self._alive[slots] = False
        pairs = self._pairs
        both = self._alive[pairs.lo] & self._alive[pairs.hi]
        partners = np.concatenate([pairs.lo[~both], pairs.hi[~both]])
        self._dirty.update(partners[self._alive[partners]].tolist())
        self._pairs = pairs.select(both)

    def _append(self, records: Sequence[RecordLike]) -> np.ndarray:
        assert self._features is not None
        unique = list({r.id: r for r in records}.values())
        chunk = extract(
            unique,
            self._field_map,
            self._codebook,
            region=self.settings.default_region,
            day_first=self.settings.day_first,
        )
        start = self._features.n
        self._features = self._features.extend(chunk)
        self._alive = np.r_[self._alive, np.ones(chunk.n, dtype=bool)]
        self._slot_of.update((rid, start + i) for i, rid in enumerate(chunk.ids))
        for key, columns in self._keys.items():
            new = key_codes(chunk, key, self._codebook)
            self._keys[key] = tuple(map(np.concatenate, zip(columns, new, strict=True)))
        return np.arange(start, start + chunk.n)

    def _partners(self, new_slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Distinct (lo, hi) pairs of a new slot and any live slot sharing a key with it."""
        encoded = [np.empty(0, np.int64)]
        for columns in self._keys.values():
            encoded.append(_shared_key_pairs(columns, new_slots, self._alive,
                                             self.settings.max_block_size))  # fmt: skip
        n = len(self._alive)
        pairs = distinct(np.concatenate(encoded))
        return pairs // n, pairs % n

    def _links(self) -> tuple[tuple[np.ndarray, np.ndarray], PairScores, set[tuple[int, int]]]:
        """((lo, hi) of the links, the pairs without excluded ones, the excluded rows)."""
        excluded = excluded_rows(self._excluded, self._slot_of)
        pairs, n = self._pairs, len(self._alive)
        if excluded:
            banned = np.array(sorted(a * n + b for a, b in excluded), np.int64)
            pairs = pairs.select(~np.isin(pairs.lo * n + pairs.hi, banned))
        strong = pairs.score >= self.settings.threshold
        return (pairs.lo[strong], pairs.hi[strong]), pairs, excluded

    def _by_component(self, refused: list[tuple[int, str]]) -> dict[int, Counter[str]]:
        counts: dict[int, Counter[str]] = {}
        for row, reason in refused:
            counts.setdefault(int(self._label[row]), Counter())[reason] += 1
        return counts

    def _result(self) -> MatchResult:
        """Groups of the current state: those of components without a changed slot are
        kept, the others clustered again from their pairs."""
        assert self._features is not None
        ids = self._features.ids
        links, pairs, excluded = self._links()
        label = components(*links, len(ids))
        dirty_slots = np.fromiter(self._dirty, np.int64, len(self._dirty))
        dirty = np.isin(label, label[dirty_slots])
        old = self._label
        for gone in set(old[dirty_slots[dirty_slots < len(old)]].tolist()):
            self._refusals.pop(gone, None)  # the components they were in
        alive = self._slot_of
        kept = [g for g in self._groups
                if all(r in alive and not dirty[alive[r]] for r in g.records)]  # fmt: skip
        fresh, refused = grouped(pairs.select(dirty[pairs.lo] & dirty[pairs.hi]), ids,
                                 self.settings, excluded)  # fmt: skip
        self._label, self._dirty = label, set()
        self._refusals.update(self._by_component(refused))
        self._groups = sorted(kept + fresh, key=lambda g: natural_key(g.records[0]))
        notes = refusal_notes(sum(self._refusals.values(), Counter()), self.settings)
        stats = MatchStats(records=len(self._slot_of), scored_pairs=len(pairs.lo),
                           grouped_records=sum(len(g.records) for g in self._groups))  # fmt: skip
        return MatchResult(entity=self.settings.entity, groups=self._groups,
                           field_map=self._field_map, notes=self._notes + notes,
                           stats=stats)  # fmt: skip


def _shared_key_pairs(columns: tuple[np.ndarray, ...], new_slots: np.ndarray,
                      alive: np.ndarray, max_block_size: int) -> np.ndarray:  # fmt: skip
    """Encoded lo * n + hi pairs of new slots with live slots of the same key code."""
    n = len(alive)
    codes = np.concatenate(columns)
    rows = np.tile(np.arange(n, dtype=np.int64), len(columns))
    wanted = np.unique(np.concatenate([c[new_slots] for c in columns]))
    member = (codes >= 0) & alive[rows] & np.isin(codes, wanted[wanted >= 0])
    codes, rows = codes[member], rows[member]
    order = np.argsort(codes, kind="stable")
    codes, rows = codes[order], rows[order]
    new_mask = np.isin(rows, new_slots)
    starts = np.searchsorted(codes, codes[new_mask], side="left")
    ends = np.searchsorted(codes, codes[new_mask], side="right")
    sizes = np.where(ends - starts > max_block_size, 0, ends - starts)  # giant: skipped
    left = np.repeat(rows[new_mask], sizes)
    right = rows[np.repeat(starts, sizes) + np.arange(sizes.sum())
                 - np.repeat(np.cumsum(sizes) - sizes, sizes)]  # fmt: skip
    distinct = left != right
    left, right = left[distinct], right[distinct]
    return np.minimum(left, right) * n + np.maximum(left, right)
