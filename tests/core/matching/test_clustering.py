"""Union-find clustering with its guards: size cap, weak chains, conflicts, exclusions."""

from __future__ import annotations

import numpy as np

from mergedesk.core.matching import MatchSettings
from mergedesk.core.matching.clustering import cluster, components
from mergedesk.core.matching.scoring import PairScores

SETTINGS = MatchSettings.for_entity("contacts")  # threshold 0.75, weak 0.3


def _pairs(*edges: tuple[int, int, float, float]) -> PairScores:
    lo, hi, score, against = (np.array(column) for column in zip(*edges, strict=True))
    return PairScores(lo.astype(np.int64), hi.astype(np.int64), score.astype(np.float32),
                      against.astype(np.float32), {})  # fmt: skip


def _groups(pairs: PairScores, settings: MatchSettings = SETTINGS,
            excluded: set[tuple[int, int]] | None = None) -> list[list[int]]:  # fmt: skip
    ids = [f"r{i}" for i in range(10)]
    clusters = cluster(pairs, ids, settings, excluded or set())
    return sorted(sorted(members) for members in clusters.members)


def test_strong_links_join_transitively_when_supported() -> None:
    pairs = _pairs((0, 1, 0.95, 0), (1, 2, 0.9, 0), (0, 2, 0.5, 0), (3, 4, 0.8, 0))
    assert _groups(pairs) == [[0, 1, 2], [3, 4]]


def test_weak_chains_do_not_glue_unrelated_records() -> None:
    # 0-1-2-3 is a chain of strong links where no other pair is even weakly alike.
    pairs = _pairs((0, 1, 0.95, 0), (2, 3, 0.95, 0), (1, 2, 0.8, 0))
    assert _groups(pairs) == [[0, 1], [2, 3]]


def test_a_conflicting_pair_keeps_two_groups_apart() -> None:
    # 2 links to both 0 and 1, but 0 and 1 clearly differ (two websites).
    pairs = _pairs((0, 2, 0.9, 0), (1, 2, 0.85, 0), (0, 1, 0.2, -3.5))
    assert _groups(pairs) == [[0, 2]]


def test_excluded_pairs_never_share_a_group() -> None:
    pairs = _pairs((0, 1, 0.95, 0), (1, 2, 0.95, 0), (0, 2, 0.9, 0))
    assert _groups(pairs, excluded={(0, 2)}) == [[0, 1]]


def test_groups_stop_at_the_size_cap() -> None:
    edges = [(a, b, 0.99, 0.0) for a in range(6) for b in range(a + 1, 6)]
    settings = MatchSettings.for_entity("contacts", max_group_size=4)
    groups = _groups(_pairs(*edges), settings)
    assert max(len(g) for g in groups) <= 4


def test_pairs_below_the_threshold_never_link() -> None:
    assert _groups(_pairs((0, 1, 0.6, 0))) == []


def test_an_excluded_two_record_group_is_refused_and_counted() -> None:
    pairs = _pairs((0, 1, 0.95, 0), (2, 3, 0.9, 0))
    clusters = cluster(pairs, [f"r{i}" for i in range(10)], SETTINGS, {(0, 1)})
    assert clusters.members == [[2, 3]] and clusters.refused_excluded == 1


def test_components_label_each_row_with_the_smallest_row_it_reaches() -> None:
    lo, hi = np.array([8, 1, 4, 3, 6]), np.array([9, 5, 5, 4, 7])  # 1-5-4-3 as a chain
    assert components(lo, hi, 10).tolist() == [0, 1, 2, 1, 1, 1, 6, 6, 8, 8]
