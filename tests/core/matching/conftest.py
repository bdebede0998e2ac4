"""Helpers shared by the matching tests: records from plain dicts."""

from __future__ import annotations

from typing import Any

import pytest

from mergedesk.core.models import Record


def records(*rows: dict[str, Any], entity: str = "contacts") -> list[Record]:
    """Records r1, r2, ... with the given fields."""
    return [Record(id=f"r{i}", entity=entity, fields=row) for i, row in enumerate(rows, 1)]


@pytest.fixture
def make_records() -> Any:
    return records
