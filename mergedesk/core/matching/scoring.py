"""Pair scoring: per-field similarities computed for whole arrays of pairs with rapidfuzz
(process.cpdist) and numpy, combined into a [0, 1] score from log-odds field weights.
No Qt, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np
from rapidfuzz import distance, fuzz, process

from mergedesk.core.matching.features import Features
from mergedesk.core.matching.settings import FieldRule, MatchSettings

Sims = dict[str, np.ndarray]  # field -> float32 similarity per pair, NaN = not compared
Scorer = Callable[..., float]
_JARO = distance.JaroWinkler.normalized_similarity
_INITIAL_MATCH = 0.9  # "J" vs "John": likely, not certain
# Same mailbox name at another domain: often "first.last", so no more than the name says;
# it lifts the e-mail to neutral instead of counting it against the pair.
_LOCAL_MATCH = 0.85
_SWAP_MARGIN = 0.1  # swapped reading must be clearly better to be believed
_UNEQUAL = 0.5  # two different e-mails or phone numbers
_GOOD_NAME = 0.9  # a straight reading this good is not re-read swapped
# Low-weight fields with costly comparisons: compared only for pairs that can still reach
# the weak threshold once the decisive fields are known.
LATE_FIELDS = ("company", "city", "address")
_PARALLEL_ITEMS = 20_000  # smaller cpdist calls run on one thread (see _threads)


@dataclass
class PairScores:
    """Scored pairs of rows: `score` in [0, 1], `against` (the sum of the negative field
    contributions, log-odds, <= 0) and the per-field similarities behind them."""

    lo: np.ndarray
    hi: np.ndarray
    score: np.ndarray
    against: np.ndarray
    sims: Sims

    def select(self, mask: np.ndarray) -> PairScores:
        return PairScores(self.lo[mask], self.hi[mask], self.score[mask], self.against[mask],
                          {k: v[mask] for k, v in self.sims.items()})  # fmt: skip

    @staticmethod
    def concat(parts: list[PairScores]) -> PairScores:
        parts = [p for p in parts if len(p.lo)] or parts[:1]  # empty parts may lack fields
        if not parts:
            empty_i, empty_f = np.empty(0, np.int64), np.empty(0, np.float32)
            return PairScores(empty_i, empty_i, empty_f, empty_f, {})
        return PairScores(
            np.concatenate([p.lo for p in parts]), np.concatenate([p.hi for p in parts]),
            np.concatenate([p.score for p in parts]), np.concatenate([p.against for p in parts]),
            {k: np.concatenate([p.sims[k] for p in parts]) for k in parts[0].sims},
        )  # fmt: skip


def _nan(n: int) -> np.ndarray:
    return np.full(n, np.nan, dtype=np.float32)


def _threads(workers: int, items: np.ndarray) -> int:
    """rapidfuzz threads for one call: starting them costs milliseconds, more than a
    small call's work (a 1M-record scan makes some 80 calls, half of them small)."""
    return workers if len(items) >= _PARALLEL_ITEMS else 1


def _similarity(scorer: Scorer, xa: np.ndarray, xb: np.ndarray, mask: np.ndarray,
                workers: int, scale: float = 1.0) -> np.ndarray:  # fmt: skip
    """scorer over the pairs where mask is set, NaN elsewhere; one cpdist call."""
    out = _nan(len(xa))
    rows = np.flatnonzero(mask)
    if len(rows):
        sims = process.cpdist(xa[rows], xb[rows], scorer=scorer, workers=_threads(workers, rows),
                              dtype=np.float32)  # fmt: skip
        out[rows] = sims / scale if scale != 1.0 else sims
    return out


class _PairView:
    """The features of both sides of an array of pairs, gathered lazily per column."""

    def __init__(self, features: Features, lo: np.ndarray, hi: np.ndarray, workers: int) -> None:
        self.f, self.lo, self.hi, self.workers, self.n = features, lo, hi, workers, len(lo)

    def text(self, column: str, k: int = 0, j: int = 0) -> tuple[np.ndarray, np.ndarray]:
        values = self.f.text[column]
        return values[k][self.lo], values[j][self.hi]

    def codes(self, column: str, k: int = 0, j: int = 0) -> tuple[np.ndarray, np.ndarray]:
        values = self.f.codes[column]
        return values[k][self.lo], values[j][self.hi]

    def width(self, column: str) -> int:
        return len(self.f.text[column])


def _unique_inverse(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct keys, index of each key in them), by one sort."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.r_[True, ordered[1:] != ordered[:-1]] if len(keys) else ordered.astype(bool)
    inverse = np.empty(len(keys), dtype=np.int64)
    inverse[order] = np.cumsum(starts) - 1
    return ordered[starts], inverse


def _coded_similarity(view: _PairView, columns: tuple[str, str], scorer: Scorer,
                      mask: np.ndarray, scale: float = 1.0) -> np.ndarray:  # fmt: skip
    """A symmetric scorer on columns[0] of lo vs columns[1] of hi where mask is set, NaN
    elsewhere; computed once per distinct pair of values (names and cities repeat)."""
    out = _nan(view.n)
    rows = np.flatnonzero(mask)
    a = view.f.codes[columns[0]][0][view.lo[rows]].astype(np.int64)
    b = view.f.codes[columns[1]][0][view.hi[rows]].astype(np.int64)
    same = a == b
    out[rows[same]] = 1.0
    rows, low, high = rows[~same], np.minimum(a, b)[~same], np.maximum(a, b)[~same]
    if len(rows):
        base = int(high.max()) + 1
        distinct, inverse = _unique_inverse(low * base + high)
        words = view.f.vocabulary(tuple(dict.fromkeys(columns)))
        threads = _threads(view.workers, distinct)
        sims = process.cpdist(words[distinct // base], words[distinct % base], scorer=scorer,
                              workers=threads, dtype=np.float32)  # fmt: skip
        out[rows] = sims[inverse] / scale if scale != 1.0 else sims[inverse]
    return out


def _has(view: _PairView, column: str) -> np.ndarray:
    """Pairs where both records have a value in a coded column."""
    ca, cb = view.codes(column)
    return (ca >= 0) & (cb >= 0)


def _names(view: _PairView) -> tuple[np.ndarray, np.ndarray]:
    """(first, last) similarity with initials and swapped first/last taken into account."""
    has_f, has_l = _has(view, "first"), _has(view, "last")
    first = _coded_similarity(view, ("first", "first"), _JARO, has_f)
    last = _coded_similarity(view, ("last", "last"), _JARO, has_l)
    ia, ib = view.codes("initial")
    initial = has_f & (ia | ib)
    ca, cb = view.codes("first_char")
    first[initial] = np.where(ca == cb, _INITIAL_MATCH, 0.0)[initial]
    # Only a pair whose names read badly straight is worth reading crosswise.
    both = has_f & has_l & ~initial & ~(first + last >= 2 * _GOOD_NAME)
    cross1 = _coded_similarity(view, ("first", "last"), _JARO, both)
    cross2 = _coded_similarity(view, ("last", "first"), _JARO, both)
    swapped = both & (cross1 + cross2 > first + last + _SWAP_MARGIN)
    return np.where(swapped, cross1, first), np.where(swapped, cross2, last)


def _multi(view: _PairView, column: str, bonus_column: str = "") -> np.ndarray:
    """Best similarity over every combination of the two records' values (email, phone):
    1 for equal values, _UNEQUAL otherwise.

    Closeness of unequal values is not evidence: namesakes' mailboxes ("oscar.johnson",
    "oscar_johnson") and colleagues' extensions differ by a character as often as typos do.
    The same personal mailbox name at another domain (`bonus_column`) is neutral.
    """
    best = _nan(view.n)
    width = view.width(column)
    for k in range(width):
        for j in range(width):
            ca, cb = view.codes(column, k, j)
            present = (ca >= 0) & (cb >= 0)
            sims = np.where(present, np.where(ca == cb, 1.0, _UNEQUAL), np.nan)
            if bonus_column:
                la, lb = view.codes(bonus_column, k, j)
                sims[present & (la >= 0) & (la == lb) & (ca != cb)] = _LOCAL_MATCH
            best = np.fmax(best, sims.astype(np.float32))
    return best


def _company(view: _PairView) -> np.ndarray:
    present, pair = _has(view, "company"), ("company", "company")
    # Plain ratio survives a moved space ("Acme Wid gets"), token sort survives reordered
    # words, token set sees "Acme" inside "Acme Widgets" (close, not equal: hence 0.9).
    plain = _coded_similarity(view, pair, fuzz.ratio, present, 100.0)
    ordered = _coded_similarity(view, pair, fuzz.token_sort_ratio, present & (plain < 1.0), 100.0)
    best = np.fmax(plain, ordered)
    subset = _coded_similarity(view, pair, fuzz.token_set_ratio, present & (best < 0.9), 100.0)
    return np.fmax(best, 0.9 * subset)


def _text(view: _PairView, column: str, scorer: Scorer, scale: float = 1.0) -> np.ndarray:
    xa, xb = view.text(column)
    filled = view.f.filled(column)
    return _similarity(scorer, xa, xb, filled[view.lo] & filled[view.hi], view.workers, scale)


def _exact(view: _PairView, column: str) -> np.ndarray:
    ca, cb = view.codes(column)
    return np.where((ca >= 0) & (cb >= 0), (ca == cb).astype(np.float32), np.nan).astype(np.float32)


_COMPARATORS: dict[str, Callable[[_PairView], np.ndarray]] = {
    "email": lambda v: _multi(v, "email", "local"),
    "phone": lambda v: _multi(v, "phone"),
    "company": _company,
    "city": lambda v: _coded_similarity(v, ("city", "city"), _JARO, _has(v, "city")),
    "address": lambda v: _text(v, "address", fuzz.token_sort_ratio, 100.0),
    "postcode": lambda v: _exact(v, "postcode"),
    "country": lambda v: _exact(v, "country"),
    "website": lambda v: _exact(v, "website"),
    "birth_date": lambda v: _exact(v, "birth_date"),
}


def field_similarities(features: Features, lo: np.ndarray, hi: np.ndarray,
                       settings: MatchSettings, fields: Collection[str] | None = None
                       ) -> Sims:  # fmt: skip
    """Similarity per active field (or per one of `fields`) for each pair (lo[i], hi[i])."""
    view = _PairView(features, lo, hi, settings.workers)
    wanted = [f for f in settings.active_rules() if fields is None or f in fields]
    sims: Sims = {}
    if "first_name" in wanted or "last_name" in wanted:
        first, last = _names(view)
        sims.update({"first_name": first, "last_name": last})
    for name in wanted:
        if name in _COMPARATORS:
            sims[name] = _COMPARATORS[name](view)
    return {name: sims[name] for name in wanted}


def _contribution(sim: np.ndarray, rule: FieldRule) -> np.ndarray:
    """Log-odds added by one field: +weight at 1, 0 at `neutral`, -penalty at 0."""
    above = rule.weight * (sim - rule.neutral) / (1.0 - rule.neutral)
    below = rule.penalty * (sim - rule.neutral) / rule.neutral
    return np.nan_to_num(np.where(sim >= rule.neutral, above, below), nan=0.0)


def _logits(sims: Sims, settings: MatchSettings, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(logit, against): the prior plus every field's contribution, and the negative
    contributions alone."""
    logit = np.full(n, settings.prior, dtype=np.float64)
    against = np.zeros(n, dtype=np.float64)
    for name, rule in settings.active_rules().items():
        if name in sims:
            contribution = _contribution(sims[name], rule)
            logit += contribution
            against += np.minimum(contribution, 0.0)
    return logit, against


def _probability(logit: np.ndarray) -> np.ndarray:
    return (1.0 / (1.0 + np.exp(-logit))).astype(np.float32)


def combine(sims: Sims, settings: MatchSettings, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(score, against): the logistic of the prior plus every field's contribution, and
    the sum of the negative contributions alone (log-odds, <= 0)."""
    logit, against = _logits(sims, settings, n)
    return _probability(logit), against.astype(np.float32)


def _headroom(features: Features, lo: np.ndarray, hi: np.ndarray, settings: MatchSettings,
              late: list[str]) -> np.ndarray:  # fmt: skip
    """The most the late fields could still add to each pair's log-odds."""
    room = np.zeros(len(lo))
    for name in late:
        if name in features.codes:
            codes = features.codes[name][0]
            present = (codes[lo] >= 0) & (codes[hi] >= 0)
        else:
            filled = features.filled(name)
            present = filled[lo] & filled[hi]
        room += settings.rules[name].weight * present
    return room


def score_pairs(features: Features, lo: np.ndarray, hi: np.ndarray,
                settings: MatchSettings) -> PairScores:  # fmt: skip
    """Scores of the given pairs. Keeps the pairs that support a group (score at or above
    `weak_threshold`) and those that forbid one (evidence against beyond `conflict_level`).

    The late fields are compared only where they could still lift a pair to the weak
    threshold; elsewhere they stay NaN ("not compared").
    """
    rules = settings.active_rules()
    late = [name for name in LATE_FIELDS if name in rules]
    sims = field_similarities(features, lo, hi, settings,
                              [name for name in rules if name not in late])  # fmt: skip
    early, _ = _logits(sims, settings, len(lo))
    weak = np.log(settings.weak_threshold / (1.0 - settings.weak_threshold))
    hopeful = np.flatnonzero(early + _headroom(features, lo, hi, settings, late) >= weak)
    later = field_similarities(features, lo[hopeful], hi[hopeful], settings, late)
    for name in late:
        sims[name] = _nan(len(lo))
        sims[name][hopeful] = later[name]
    scores, against = combine(sims, settings, len(lo))
    keep = (scores >= settings.weak_threshold) | (against <= -settings.conflict_level)
    return PairScores(lo, hi, scores, against, sims).select(keep)
