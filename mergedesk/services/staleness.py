"""Whether records changed since the reviewer saw them. No Qt, no I/O."""

from __future__ import annotations

from pydantic import JsonValue

from mergedesk.core.models import Record
from mergedesk.core.values import same_value


def changes_since(
    seen: dict[str, JsonValue] | None, current: Record
) -> list[str]:
    """Names of fields whose value differs from what was seen; fields the reviewer did
    not see are not compared (a listing may carry fewer fields than a full read)."""
    if not seen:
        return []
    return sorted(k for k, v in seen.items() if not same_value(v, current.fields.get(k)))


def stale_reason(
    record_id: str,
    current: Record | None,
    seen: dict[str, JsonValue] | None,
    crm: str,
) -> str | None:
    if current is None:
        return f"record {record_id} no longer exists in {crm}"
    if not current.active:
        return f"record {record_id} is inactive in {crm} (merged or deactivated elsewhere)"
    changed = changes_since(seen, current)
    if changed:
        return f"record {record_id} changed since review: {', '.join(changed)}"
    return None
