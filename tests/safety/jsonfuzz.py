"""Fast fuzz bodies for hypothesis: a `random.Random` that hypothesis hands in (seeded,
replayable) drives a plain-Python generator of JSON shaped by a pydantic model's JSON
schema — mostly the right shape so validation reaches nested fields and validators,
with values of the wrong type, missing keys and odd strings mixed in at every level —
plus error-shaped JSON, raw bytes and CSV text. Plain Python keeps 10,000 bodies per
parser to seconds; composite hypothesis strategies of this size took ~50 ms a body."""

from __future__ import annotations

import json
import random
from typing import Any

from pydantic import BaseModel

STRINGS = ("", " ", "0", "-1", "1e999", "null", "true", "2026-11-25T10:00:00Z",
           "2026-02-30", "25/11/2026", "not-a-date", "\u0000", "é" * 3, "<b>x</b>",
           "=HYPERLINK(1)", "a" * 300, "Ünïcödé ☃", "\ud7ff", "SUCCESS", "SCHEDULED", "error",
           "COMPLETED", "RUNNING", "FAILURE", "id", "1234567890123456789")
NUMBERS = (0, -1, 1, 2**31, 2**63, -(2**63), 2**64, 0.5, -0.0, 1e308, float("inf"),
           float("-inf"), float("nan"))
ERROR_KEYS = ("error", "errors", "message", "code", "details", "description", "status",
              "attributes", "field_errors", "entity_errors", "http_status", "name", "data",
              "merge", "api_name", "json_path", "success", "Message", "innererror")
RAW = (b"", b"<html><body>502 Bad Gateway</body></html>", b"Retry later", b'{"error":',
       b"\xff\xfe{", b"null", b"[]", b'"text"', b"1e999", b'{"a":' * 50, b"\x00\x01\x02")


def string(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(STRINGS)
    return "".join(chr(rng.choice((rng.randint(32, 126), rng.randint(0, 0x2FFF))))
                   for _ in range(rng.randint(0, 10)))


def scalar(rng: random.Random) -> Any:
    return rng.choice((None, True, False, rng.choice(NUMBERS), rng.randint(-99, 99),
                       string(rng)))


def any_json(rng: random.Random, depth: int = 0, keys: tuple[str, ...] = ()) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        return scalar(rng)
    if roll < 0.7:
        return [any_json(rng, depth + 1, keys) for _ in range(rng.randint(0, 3))]
    names = keys or STRINGS
    return {(rng.choice(names) if rng.random() < 0.8 else string(rng)):
            any_json(rng, depth + 1, keys) for _ in range(rng.randint(0, 4))}


def error_body(rng: random.Random) -> Any:
    """Error-shaped JSON: vendors' error keys at any depth, values of any type."""
    return any_json(rng, 0, ERROR_KEYS)


def raw_bytes(rng: random.Random) -> bytes:
    if rng.random() < 0.5:
        return rng.choice(RAW)
    return bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 64)))


class SchemaBodies:
    """Bodies for one pydantic model, from its JSON schema."""

    def __init__(self, model: type[BaseModel]):
        self.schema = model.model_json_schema()
        self.defs = self.schema.get("$defs", {})

    def body(self, rng: random.Random) -> Any:
        return self._value(self.schema, rng, 0)

    def _value(self, schema: dict, rng: random.Random, depth: int) -> Any:
        if rng.random() < 0.1:  # a value of any type at all, anywhere
            return any_json(rng, depth)
        if "$ref" in schema:
            return self._value(self.defs.get(schema["$ref"].rsplit("/", 1)[-1], {}), rng,
                               depth + 1)
        for key in ("anyOf", "oneOf", "allOf"):
            if schema.get(key):
                return self._value(rng.choice(schema[key]), rng, depth + 1)
        if "enum" in schema:
            return rng.choice(schema["enum"]) if rng.random() < 0.8 else string(rng)
        if "const" in schema:
            return schema["const"]
        return self._typed(schema, rng, depth)

    def _typed(self, schema: dict, rng: random.Random, depth: int) -> Any:
        kind = schema.get("type")
        if depth > 5 or kind is None:
            return any_json(rng, depth)
        if kind == "object":
            return self._object(schema, rng, depth)
        if kind == "array":
            items = schema.get("items") or {}
            return [self._value(items, rng, depth + 1) for _ in range(rng.randint(0, 3))]
        if kind == "string":
            return string(rng)
        if kind == "integer":
            return rng.choice((rng.randint(-5, 5), rng.choice(NUMBERS)))
        if kind == "number":
            return rng.choice(NUMBERS)
        if kind == "boolean":
            return rng.random() < 0.5
        return None

    def _object(self, schema: dict, rng: random.Random, depth: int) -> dict:
        required = set(schema.get("required", ()))
        body = {}
        for name, sub in (schema.get("properties") or {}).items():
            keep = rng.random() < (0.93 if name in required else 0.5)
            if keep:
                body[name] = self._value(sub, rng, depth + 1)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for _ in range(rng.randint(0, 2)):
                body[string(rng)] = self._value(extra, rng, depth + 1)
        return body


def as_bytes(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


def csv_bytes(rng: random.Random) -> bytes:
    """CSV-like text: odd cells, quotes, mixed delimiters, several encodings, BOMs."""
    cells = ('"', '""', ",", ";", "\t", "|", "\r\n", "\n", "=1+1", "ID", "Email", "id",
             "Name", "Phone", "")
    delimiter = rng.choice(",;\t|")
    rows = [[rng.choice(cells) if rng.random() < 0.4 else string(rng)
             for _ in range(rng.randint(1, 5))] for _ in range(rng.randint(1, 6))]
    text = "\n".join(delimiter.join(row) for row in rows)
    encoding = rng.choice(("utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"))
    data = text.encode(encoding, errors="replace")
    if encoding.startswith("utf") and rng.random() < 0.3:
        data = "\ufeff".encode(encoding) + data
    return data if rng.random() < 0.9 else raw_bytes(rng)
