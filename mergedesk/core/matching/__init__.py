"""Duplicate discovery: normalise, block, score and cluster CRM records into explained
groups, in one scan or incrementally. No Qt, no I/O.

The names below load on first use (PEP 562): a provider that imports one normaliser
must not pull numpy and the engine into the GUI before its window shows (start-up is
measured by tests/benchmarks/bench_startup.py)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_HOME = {
    "MatchResult": "engine", "MatchStats": "engine", "find_groups": "engine",
    "CANONICAL_FIELDS": "fields", "FieldMap": "fields", "infer_field_map": "fields",
    "IncrementalMatcher": "incremental", "ScanCancelled": "progress",
    "FieldRule": "settings", "MatchSettings": "settings",
}

if TYPE_CHECKING:
    from mergedesk.core.matching.engine import MatchResult, MatchStats, find_groups
    from mergedesk.core.matching.fields import CANONICAL_FIELDS, FieldMap, infer_field_map
    from mergedesk.core.matching.incremental import IncrementalMatcher
    from mergedesk.core.matching.progress import ScanCancelled
    from mergedesk.core.matching.settings import FieldRule, MatchSettings


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value  # once loaded, a plain module attribute
    return value


__all__ = [
    "CANONICAL_FIELDS",
    "FieldMap",
    "FieldRule",
    "IncrementalMatcher",
    "MatchResult",
    "MatchSettings",
    "MatchStats",
    "ScanCancelled",
    "find_groups",
    "infer_field_map",
]
