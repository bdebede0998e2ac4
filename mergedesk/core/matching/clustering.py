"""Clustering scored pairs into groups: union-find over strong links, strongest first,
refusing joins that would break the size cap, a remembered "not duplicates" pair, or the
link-density check that stops weak chains from gluing unrelated records. No Qt, no I/O."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from mergedesk.core.matching.scoring import PairScores
from mergedesk.core.matching.settings import MatchSettings


@dataclass
class Clusters:
    """Groups of rows (two or more each) and, per group, the strong pairs that joined it:
    a spanning tree, n - 1 links for n rows. Other strong pairs inside a group add no
    explanation, only memory (a million records make some 150,000 groups)."""

    members: list[list[int]]
    edges: list[list[int]]  # indices into the strong PairScores passed to `cluster`
    refused_size: int = 0
    refused_chain: int = 0
    refused_excluded: int = 0
    refused_conflict: int = 0
    # Row -> rank of its id in text order for the rows named by a link, -1 elsewhere:
    # build_groups derives the natural id order from it without sorting strings again.
    text_rank: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    refused_at: list[tuple[int, str]] = field(default_factory=list)  # (a row, reason)


@dataclass
class _UnionFind:
    parent: dict[int, int] = field(default_factory=dict)
    members: dict[int, list[int]] = field(default_factory=dict)
    links: dict[int, list[int]] = field(default_factory=dict)  # root -> edges that joined

    def find(self, x: int) -> int:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            parent[root] = parent[parent[root]]  # path halving keeps trees flat
            root = parent[root]
        return root

    def group(self, root: int) -> list[int]:
        return self.members.get(root) or [root]

    def union(self, a: int, b: int, edge: int) -> None:
        big, small = (a, b) if len(self.group(a)) >= len(self.group(b)) else (b, a)
        self.parent[small] = big
        self.members[big] = self.group(big) + self.members.pop(small, [small])
        self.links[big] = [*self.links.get(big, ()), *self.links.pop(small, ()), edge]


def _adjacency(lo: Iterable[int], hi: Iterable[int]) -> dict[int, set[int]]:
    adjacent: dict[int, set[int]] = defaultdict(set)
    for a, b in zip(lo, hi, strict=True):
        adjacent[a].add(b)
        adjacent[b].add(a)
    return adjacent


def _linked_rows(lo: np.ndarray, hi: np.ndarray, n: int) -> np.ndarray:
    """Mask of the rows named by some pair; a mask is O(n), np.unique would sort."""
    mask = np.zeros(n, dtype=bool)
    mask[lo] = True
    mask[hi] = True
    return mask


def text_ranks(lo: np.ndarray, hi: np.ndarray, ids: list[str]) -> np.ndarray:
    """Row -> rank of its id in text order among the rows named by a pair, -1 elsewhere."""
    nodes = np.flatnonzero(_linked_rows(lo, hi, len(ids)))
    texts = [ids[i] for i in nodes.tolist()]
    # sorted() compares a list of str keys at C speed; np.argsort on objects does not.
    by_text = np.array(sorted(range(len(texts)), key=texts.__getitem__), dtype=np.int64)
    rank = np.full(len(ids), -1, dtype=np.int64)
    rank[nodes[by_text]] = np.arange(len(nodes))
    return rank


def strongest_first(strong: PairScores, rank: np.ndarray) -> np.ndarray:
    """Edge order: score descending, ties by record id (`rank`: text_ranks()) so that the
    result does not depend on the input order."""
    ra, rb = rank[strong.lo], rank[strong.hi]
    return np.lexsort((np.maximum(ra, rb), np.minimum(ra, rb), -strong.score))


def components(lo: np.ndarray, hi: np.ndarray, n: int) -> np.ndarray:
    """Connected-component label (its smallest row) per row of the graph of pairs: label
    propagation with pointer jumping, a few numpy passes instead of a Python loop."""
    label = np.arange(n, dtype=np.int64)
    while True:
        low = np.minimum(label[lo], label[hi])
        new = label.copy()
        np.minimum.at(new, lo, low)
        np.minimum.at(new, hi, low)
        new = new[new]  # jump to the label's own label: long chains settle in log steps
        if np.array_equal(new, label):
            return label
        label = new


def _among_linked(pairs: PairScores, threshold: float) -> PairScores:
    """The pairs whose both rows have a link: only those can ever be counted by a join."""
    strong = pairs.score >= threshold
    if not len(pairs.lo):
        return pairs
    linked = _linked_rows(pairs.lo[strong], pairs.hi[strong], int(pairs.hi.max()) + 1)
    return pairs.select(linked[pairs.lo] & linked[pairs.hi])


class _Joiner:
    """Decides whether two partial groups may become one."""

    def __init__(self, pairs: PairScores, settings: MatchSettings,
                 excluded: list[tuple[int, int]]) -> None:  # fmt: skip
        self.uf = _UnionFind()
        pairs = _among_linked(pairs, settings.threshold)
        support = pairs.select(pairs.score >= settings.weak_threshold)
        self.links = _adjacency(support.lo.tolist(), support.hi.tolist())
        conflict = pairs.select((pairs.against <= -settings.conflict_level)
                                & (pairs.score < settings.threshold))  # fmt: skip
        self.conflicts = _adjacency(conflict.lo.tolist(), conflict.hi.tolist())
        self.excluded = _adjacency([a for a, _ in excluded], [b for _, b in excluded])
        self.settings = settings

    def _count(self, small: list[int], other: int, adjacency: dict[int, set[int]]) -> int:
        find = self.uf.find
        return sum(1 for x in small for y in adjacency.get(x, ()) if find(y) == other)

    def refusal(self, ra: int, rb: int) -> str:
        """ "" if the groups of roots ra and rb may join, else why not."""
        a, b = self.uf.group(ra), self.uf.group(rb)
        if len(a) + len(b) > self.settings.max_group_size:
            return "size"
        small, other = (a, rb) if len(a) <= len(b) else (b, ra)
        if self.excluded and self._count(small, other, self.excluded):
            return "excluded"
        if self.conflicts and self._count(small, other, self.conflicts):
            return "conflict"
        cross = len(a) * len(b)
        if cross > 1 and self._count(small, other, self.links) < (
            self.settings.min_link_density * cross
        ):
            return "chain"
        return ""


def cluster(pairs: PairScores, ids: list[str], settings: MatchSettings,
            excluded: Iterable[tuple[int, int]] = ()) -> Clusters:  # fmt: skip
    """Groups from scored pairs; links are the pairs at or above `settings.threshold`.
    Returned edges (the links that joined each group) index into `strong_pairs(pairs)`.

    Most groups are two records joined by their one link: no guard can refuse that join
    but a remembered exclusion, so such components are taken whole, and only bigger ones
    go through union-find, with the pairs inside them."""
    strong = strong_pairs(pairs, settings)
    excluded = list(excluded)
    rank = text_ranks(strong.lo, strong.hi, ids)
    label = components(strong.lo, strong.hi, len(ids))
    big = np.bincount(label, minlength=len(ids))[label] > 2
    order = strongest_first(strong, rank)
    lone = order[~big[strong.lo[order]]].tolist()  # the one link of a two-record component
    banned = set(excluded)
    lo, hi = strong.lo.tolist(), strong.hi.tolist()
    refused_at = [(lo[e], "excluded") for e in lone
                  if (lo[e], hi[e]) in banned] if banned else []  # fmt: skip
    if refused_at:
        lone = [e for e in lone if (lo[e], hi[e]) not in banned]
    # The members share their int objects with lo and hi: a million-record scan keeps
    # some 300,000 of them alive while its evidence is built (the scan's peak of memory).
    pair_members = [[lo[e], hi[e]] for e in lone]
    pair_edges = [[e] for e in lone]
    inside = big[pairs.lo] & (label[pairs.lo] == label[pairs.hi])
    joiner = _Joiner(pairs.select(inside), settings, excluded)
    find, refused = joiner.uf.find, {"size": 0, "chain": 0, "excluded": 0, "conflict": 0}
    refused["excluded"] = len(refused_at)
    for e in order[big[strong.lo[order]]].tolist():
        ra, rb = find(lo[e]), find(hi[e])
        if ra != rb:
            reason = joiner.refusal(ra, rb)
            if reason:
                refused[reason] += 1
                refused_at.append((lo[e], reason))
            else:
                joiner.uf.union(ra, rb, e)
    clusters = _collect(joiner.uf, refused)
    clusters.members += pair_members
    clusters.edges += pair_edges
    clusters.text_rank, clusters.refused_at = rank, refused_at
    return clusters


def strong_pairs(pairs: PairScores, settings: MatchSettings) -> PairScores:
    """The pairs that are links, not just support."""
    return pairs.select(pairs.score >= settings.threshold)


def _collect(uf: _UnionFind, refused: dict[str, int]) -> Clusters:
    roots = list(uf.links)
    return Clusters([uf.group(r) for r in roots], [uf.links[r] for r in roots], refused["size"],
                    refused["chain"], refused["excluded"], refused["conflict"])  # fmt: skip
