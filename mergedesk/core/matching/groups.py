"""Turning clusters into DuplicateGroup models with per-pair evidence, in a deterministic
order, each with an id that depends only on its records. No Qt, no I/O."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

import numpy as np
from pydantic import TypeAdapter

from mergedesk.core.matching.clustering import Clusters
from mergedesk.core.matching.scoring import PairScores
from mergedesk.core.models import DuplicateGroup


def natural_key(record_id: str) -> tuple[int, str]:
    """Sort key that puts "r2" before "r10" and 99 before 100: CRM ids are numbers or
    fixed-width strings, for which the length then the text is the natural order."""
    return len(record_id), record_id


def group_id(record_ids: Iterable[str]) -> str:
    """The stable id of a group: "g" and 16 hex digits of a hash of its sorted record ids.
    A re-scan that finds the same records gives the same id (decisions and merge
    outcomes stay with their group); 64 bits keep a million groups clear of collisions."""
    text = "\n".join(sorted(record_ids, key=natural_key))
    return "g" + hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _ranks(clusters: Clusters, ids: list[str]) -> dict[int, int]:
    """Row -> position in natural id order, for the rows that are in a group."""
    rows = [row for members in clusters.members for row in members]
    ordered = sorted(rows, key=lambda r: (len(ids[r]), ids[r]))
    return {row: rank for rank, row in enumerate(ordered)}


def _agreeing(values: np.ndarray, neutral: float) -> list[float]:
    """Similarities rounded and clipped to [0, 1]; NaN where the field was not compared or
    the records do not agree on it (below its neutral point)."""
    rounded = np.round(np.clip(values.astype(np.float64), 0.0, 1.0), 3)
    return np.where(values >= neutral, rounded, np.nan).tolist()


class _EvidenceMaker:
    """Evidence dicts for strong pair e: one per field on which the two records agree
    (the "why matched" of the UI)."""

    def __init__(self, strong: PairScores, ids: list[str], rank: dict[int, int],
                 neutral: dict[str, float]) -> None:  # fmt: skip
        self.sims = [(name, _agreeing(values, neutral.get(name, 1.0)))
                     for name, values in strong.sims.items()]  # fmt: skip
        self.lo, self.hi = strong.lo.tolist(), strong.hi.tolist()
        self.scores = strong.score.tolist()
        self.ids, self.rank = ids, rank

    def sorted_edges(self, edges: list[int]) -> list[int]:
        rank, lo, hi, scores = self.rank, self.lo, self.hi, self.scores

        def key(e: int) -> tuple[float, int, int]:
            a, b = rank[lo[e]], rank[hi[e]]
            return (-scores[e], min(a, b), max(a, b))

        return sorted(edges, key=key)

    def evidence(self, e: int) -> list[dict[str, Any]]:
        a, b = self.lo[e], self.hi[e]
        if self.rank[a] > self.rank[b]:
            a, b = b, a
        ida, idb = self.ids[a], self.ids[b]
        return [
            {"a": ida, "b": idb, "field": name, "score": v}
            for name, values in self.sims
            if (v := values[e]) == v  # NaN: missing on one side, or not agreeing
        ]


def build_groups(clusters: Clusters, strong: PairScores, ids: list[str],
                 neutral: dict[str, float]) -> list[DuplicateGroup]:  # fmt: skip
    """One DuplicateGroup per cluster: records in natural id order, evidence per link that
    formed it (fields at or above their `neutral` similarity), score = mean of those links'
    scores; ordered by first record, ids from group_id()."""
    rank = _ranks(clusters, ids)
    maker = _EvidenceMaker(strong, ids, rank, neutral)
    built = []
    for members, edges in zip(clusters.members, clusters.edges, strict=True):
        rows = sorted(members, key=rank.__getitem__)
        edges = maker.sorted_edges(edges)
        score = sum(maker.scores[e] for e in edges) / len(edges)
        built.append((rank[rows[0]], [ids[r] for r in rows], min(round(score, 3), 1.0), edges))
    built.sort(key=lambda g: g[0])
    groups: list[DuplicateGroup] = []
    # One validation call over plain dicts is the fastest checked way to build the models;
    # batches keep the dicts waiting for it few.
    for start in range(0, len(built), _BATCH):
        groups += _GROUPS.validate_python([
            {"id": group_id(members), "score": score, "records": members,
             "evidence": [item for e in edges for item in maker.evidence(e)]}
            for _, members, score, edges in built[start : start + _BATCH]
        ])  # fmt: skip
    return groups


_GROUPS = TypeAdapter(list[DuplicateGroup])
_BATCH = 5000
