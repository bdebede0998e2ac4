"""Duplicate discovery: normalise, block, score and cluster CRM records into explained
groups, in one scan or incrementally. No Qt, no I/O."""

from mergedesk.core.matching.engine import MatchResult, MatchStats, find_groups
from mergedesk.core.matching.fields import CANONICAL_FIELDS, FieldMap, infer_field_map
from mergedesk.core.matching.incremental import IncrementalMatcher
from mergedesk.core.matching.progress import ScanCancelled
from mergedesk.core.matching.settings import FieldRule, MatchSettings

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
