"""POST /contacts/filter for the fake Chatwoot: a subset of Contacts::FilterService.
Conditions `{attribute_key, filter_operator, values, query_operator}` chain left to
right, and like the SQL the vendor builds, AND binds tighter than OR. No HTTP here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mergedesk.sandbox.chatwoot.state import ChatwootState, is_blank


class FilterError(ValueError):
    """CustomExceptions::CustomFilter::*: the vendor answers 422 {"error": message}."""


# Standard contact attributes, where their value lives, and the operators
# lib/filters/filter_keys.yml allows for each (anything else: InvalidOperator).
_TEXT_OPS = ("equal_to", "not_equal_to", "contains", "does_not_contain")
_EQ_OPS = ("equal_to", "not_equal_to")
_STANDARD: dict[str, tuple[Callable[[dict[str, Any]], Any], tuple[str, ...]]] = {
    "name": (lambda c: c["name"], _TEXT_OPS),
    "email": (lambda c: c["email"], _TEXT_OPS),
    "phone_number": (lambda c: c["phone_number"], (*_TEXT_OPS, "starts_with")),
    "identifier": (lambda c: c["identifier"], _EQ_OPS),
    "city": (lambda c: c["additional_attributes"].get("city"), _TEXT_OPS),
    "country_code": (lambda c: c["additional_attributes"].get("country_code"), _EQ_OPS),
    "company": (lambda c: c["additional_attributes"].get("company_name"), _TEXT_OPS),
    "blocked": (lambda c: c["blocked"], _EQ_OPS),
}
_LABEL_OPS = ("equal_to", "not_equal_to", "is_present", "is_not_present")
# Custom attributes are not checked against a list upstream; these are the ones we model.
_OPERATORS = (
    "equal_to",
    "not_equal_to",
    "contains",
    "does_not_contain",
    "starts_with",
    "is_present",
    "is_not_present",
)


def filter_contacts(state: ChatwootState, account_id: int, payload: Any) -> list[dict[str, Any]]:
    """The account's contacts (all of them, not only resolved ones) matching `payload`."""
    if not isinstance(payload, list) or not payload:
        raise FilterError(
            "Invalid value. The filter payload must be a non-empty list of conditions"
        )
    custom_keys = {
        d["attribute_key"]
        for d in state.attribute_definitions
        if d["attribute_model"] == "contact_attribute"
    }
    tests = [_condition(c, custom_keys, state) for c in payload]
    joins = [str(c.get("query_operator") or "AND").upper() for c in payload[:-1]]
    for join in joins:
        if join not in ("AND", "OR"):
            raise FilterError("Invalid query operator. The allowed query operators are [AND,OR].")
    # Split into OR-separated runs of AND-ed tests: (a AND b) OR (c).
    runs: list[list[Callable[[dict[str, Any]], bool]]] = [[tests[0]]]
    for join, test in zip(joins, tests[1:], strict=True):
        if join == "OR":
            runs.append([test])
        else:
            runs[-1].append(test)
    return [
        c
        for c in state.account_contacts(account_id)
        if any(all(test(c) for test in run) for run in runs)
    ]


def _condition(
    cond: Any, custom_keys: set[str], state: ChatwootState
) -> Callable[[dict[str, Any]], bool]:
    if not isinstance(cond, dict):
        raise FilterError("Invalid value. Each condition must be an object")
    key = cond.get("attribute_key")
    operator = cond.get("filter_operator")
    values = cond.get("values") or []
    values = [values] if not isinstance(values, list) else values
    if key == "labels":

        def read(c: dict[str, Any]) -> Any:
            return state.labels.get(c["id"], [])

        allowed = _LABEL_OPS
    elif key in _STANDARD:
        read, allowed = _STANDARD[key]
    elif key in custom_keys:

        def read(c: dict[str, Any]) -> Any:
            return c["custom_attributes"].get(key)

        allowed = _OPERATORS
    else:
        known = ",".join([*_STANDARD, "labels"])
        raise FilterError(
            f"Invalid attribute key - [{key}]. The key should be one of "
            f"[{known}] or a custom attribute defined in the account."
        )
    if operator not in allowed:
        raise FilterError(
            f"Invalid operator. The allowed operators for {key} are [{','.join(allowed)}]."
        )
    if operator not in ("is_present", "is_not_present") and not values:
        raise FilterError(f"Invalid value. The values provided for {key} are invalid")
    wanted = _wanted(key, operator, values)
    return lambda c: _test(operator, read(c), wanted)


def _wanted(key: str, operator: str, values: list[Any]) -> list[str]:
    """Contacts::FilterService#filter_values: equal_to and not_equal_to compare with the
    FIRST value only, and a phone number gets a '+' put in front (so clients send the
    digits without it); contains matches any of the values."""
    if operator in ("contains", "does_not_contain"):
        return [str(v).strip().lower() for v in values]
    first = str(values[0]).lower() if values else ""
    return ["+" + first if key == "phone_number" else first]


def _test(operator: str, value: Any, wanted: list[str]) -> bool:
    if operator == "is_present":
        return not is_blank(value)
    if operator == "is_not_present":
        return is_blank(value)
    texts = (
        [str(v).lower() for v in value]
        if isinstance(value, list)
        else ([] if value is None else [str(value).lower()])
    )
    if operator == "equal_to":
        return any(t in wanted for t in texts)
    if operator == "not_equal_to":
        return not any(t in wanted for t in texts)
    if operator == "contains":
        return any(w in t for t in texts for w in wanted)
    if operator == "does_not_contain":
        return not any(w in t for t in texts for w in wanted)
    return any(t.startswith(w) for t in texts for w in wanted)  # starts_with
