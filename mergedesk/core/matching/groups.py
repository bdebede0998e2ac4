"""Turning clusters into DuplicateGroup models with per-pair evidence, in a deterministic
order, each with an id that depends only on its records. No Qt, no I/O."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any, TypeVar

import numpy as np
from pydantic import BaseModel

from mergedesk.core.matching.clustering import Clusters, text_ranks
from mergedesk.core.matching.scoring import PairScores
from mergedesk.core.models import DuplicateGroup, Evidence

M = TypeVar("M", bound=BaseModel)
# Evidence scores are rounded to 3 decimals: one shared float object per value (a million
# evidence items would otherwise hold a million floats). i / 1000 equals np.round(x, 3).
_MILLI = [i / 1000 for i in range(1001)]
_EDGE_BATCH = 50_000


class _SharedKeys:
    """Attribute bag for evidence values: CPython gives its instances' __dict__ one shared
    key table (a split dict), 104 bytes instead of a plain dict's 184. A million evidence
    items save some 80 MB; the dicts behave as any other."""

    a: str
    b: str
    field: str
    score: float


def natural_key(record_id: str) -> tuple[int, str]:
    """Sort key that puts "r2" before "r10" and 99 before 100: CRM ids are numbers or
    fixed-width strings, for which the length then the text is the natural order."""
    return len(record_id), record_id


def group_id(record_ids: Iterable[str]) -> str:
    """The stable id of a group: "g" and 16 hex digits of a hash of its sorted record ids.
    A re-scan that finds the same records gives the same id (decisions and merge
    outcomes stay with their group); 64 bits keep a million groups clear of collisions."""
    return _hashed(sorted(record_ids, key=natural_key))


def _hashed(ordered_ids: Sequence[str]) -> str:
    """group_id() of ids already in natural order (build_groups orders them so)."""
    return "g" + hashlib.blake2b("\n".join(ordered_ids).encode(), digest_size=8).hexdigest()


def trusted(model: type[M], fields_set: set[str], values: dict[str, Any]) -> M:
    """`model.model_construct(fields_set, **values)` for values that already meet the model's
    constraints and name every field, at a fraction of its cost: no per-call field loop, and
    one `fields_set` shared by every instance (frozen models never change it)."""
    instance = model.__new__(model)
    set_dict, set_fields, set_extra, set_private = _SLOT_SETTERS
    set_dict(instance, values)
    set_fields(instance, fields_set)
    set_extra(instance, None)
    set_private(instance, None)
    return instance


def _all_fields(model: type[BaseModel]) -> set[str]:
    # trusted() skips model_post_init and extras; these models have neither.
    assert not model.__pydantic_post_init__ and model.model_config.get("extra") != "allow"
    return set(model.model_fields)


_EVIDENCE_FIELDS, _GROUP_FIELDS = _all_fields(Evidence), _all_fields(DuplicateGroup)


def _slot_setter(name: str) -> Any:
    """The __set__ of BaseModel's slot descriptor `name`: object.__setattr__ without the
    attribute lookup, a third less per evidence item."""
    return next(vars(k)[name] for k in Evidence.__mro__ if name in vars(k)).__set__


_SLOTS = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
_SLOT_SETTERS = tuple(map(_slot_setter, _SLOTS))


def _ranks(members: np.ndarray, ids: list[str], text_rank: np.ndarray) -> np.ndarray:
    """Row -> position in natural id order for the grouped rows, -1 for the others;
    `text_rank` orders the rows by id text (see clustering.text_ranks)."""
    if len(text_rank) != len(ids):
        text_rank = text_ranks(members, members, ids)
    by_text = members[np.argsort(text_rank[members], kind="stable")]
    # Then stably by length: "r2" before "r10".
    lengths = np.fromiter(map(len, map(ids.__getitem__, by_text.tolist())), np.int64,
                          len(by_text))  # fmt: skip
    ordered = by_text[np.argsort(lengths, kind="stable")]
    rank = np.full(len(ids), -1, dtype=np.int64)
    rank[ordered] = np.arange(len(ordered))
    return rank


def _milli(values: np.ndarray, neutral: float) -> np.ndarray:
    """Similarities in thousandths, clipped to [0, 1000]; -1 where the field was not
    compared or the records do not agree on it (below its neutral point)."""
    agree = values >= neutral  # False for NaN
    rounded = np.rint(np.clip(np.where(agree, values, 0.0).astype(np.float64), 0.0, 1.0) * 1000)
    return np.where(agree, rounded.astype(np.int64), -1)


def _evidence(strong: PairScores, edges: np.ndarray, a: list[str], b: list[str],
              neutral: dict[str, float]) -> list[Evidence]:  # fmt: skip
    """Evidence of each edge in order: one item per field on which its two records agree
    (the "why matched" of the UI), fields in the order of `strong.sims`."""
    names = list(strong.sims)
    if not names:
        return []
    milli = np.stack([_milli(strong.sims[k][edges], neutral.get(k, 1.0)) for k in names], axis=1)
    # trusted() inlined: a million items, and the call is a third of the cost.
    new, fields_set, made = Evidence.__new__, _EVIDENCE_FIELDS, []
    set_dict, set_fields, set_extra, set_private = _SLOT_SETTERS
    for start in range(0, len(edges), _EDGE_BATCH):  # batches: few Python ints alive at once
        rows, cols = np.nonzero(milli[start : start + _EDGE_BATCH] >= 0)  # edge by edge
        scores = milli[start + rows, cols].tolist()
        for e, k, s in zip((rows + start).tolist(), cols.tolist(), scores, strict=True):
            item, values = new(Evidence), _SharedKeys()
            values.a, values.b, values.field, values.score = a[e], b[e], names[k], _MILLI[s]
            set_dict(item, values.__dict__)
            set_fields(item, fields_set)
            set_extra(item, None)
            set_private(item, None)
            made.append(item)
    return made


def build_groups(clusters: Clusters, strong: PairScores, ids: list[str],
                 neutral: dict[str, float]) -> list[DuplicateGroup]:  # fmt: skip
    """One DuplicateGroup per cluster: records in natural id order, evidence per link that
    formed it (fields at or above their `neutral` similarity), score = mean of those links'
    scores; ordered by first record, ids from group_id()."""
    count = len(clusters.members)
    if not count:
        return []
    sizes = np.fromiter(map(len, clusters.members), np.int64, count)
    members = np.fromiter(chain.from_iterable(clusters.members), np.int64, int(sizes.sum()))
    rank = _ranks(members, ids, clusters.text_rank)
    # Groups ordered by their first record; records by rank inside each group.
    owner = np.repeat(np.arange(count), sizes)
    members = members[np.lexsort((rank[members], owner))]
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    order = np.argsort(rank[members[starts]], kind="stable").tolist()
    # Edges per group: score descending, then the pair's ranks (a group has size - 1).
    edges = np.fromiter(chain.from_iterable(clusters.edges), np.int64, int((sizes - 1).sum()))
    ra, rb = rank[strong.lo[edges]], rank[strong.hi[edges]]
    low, high = np.minimum(ra, rb), np.maximum(ra, rb)
    edges = edges[np.lexsort((high, low, -strong.score[edges], np.repeat(np.arange(count),
                                                                         sizes - 1)))]  # fmt: skip
    lo, hi = strong.lo[edges], strong.hi[edges]
    swap = rank[lo] > rank[hi]
    a = [ids[r] for r in np.where(swap, hi, lo).tolist()]
    b = [ids[r] for r in np.where(swap, lo, hi).tolist()]
    evidence = _evidence(strong, edges, a, b, neutral)
    # Evidence items per edge, then per group: slices of the flat lists.
    per_edge = np.zeros(len(edges) + 1, dtype=np.int64)
    names = list(strong.sims)
    for k in names:
        per_edge[1:] += strong.sims[k][edges] >= neutral.get(k, 1.0)
    edge_end = np.cumsum(sizes - 1)
    item_end = np.cumsum(per_edge)[edge_end].tolist()
    edge_end, row_end = edge_end.tolist(), np.cumsum(sizes).tolist()
    record_ids = [ids[r] for r in members.tolist()]
    scores = strong.score[edges].tolist()
    groups: list[DuplicateGroup] = []
    for g in order:
        e0, e1 = (edge_end[g - 1] if g else 0), edge_end[g]
        records = tuple(record_ids[(row_end[g - 1] if g else 0) : row_end[g]])
        score = sum(scores[e0:e1]) / (e1 - e0)
        groups.append(trusted(DuplicateGroup, _GROUP_FIELDS, {
            "id": _hashed(records), "score": min(round(score, 3), 1.0), "records": records,
            "evidence": tuple(evidence[(item_end[g - 1] if g else 0) : item_end[g]]),
        }))  # fmt: skip
    return groups
