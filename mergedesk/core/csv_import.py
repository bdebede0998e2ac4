"""CSV import: bytes or a stream in, records and bad-row reports out. Detects the encoding
and delimiter and maps headers to the matching engine's canonical fields. No Qt, no I/O:
the caller reads the file."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from pydantic import BaseModel, ConfigDict

from mergedesk.core.matching.fields import FieldMap, infer_field_map, squash
from mergedesk.core.models import Record

DELIMITERS = ",;\t|"
_SNIFF_LINES = 20
_ID_HEADERS = frozenset({"id", "recordid", "contactid", "accountid", "leadid", "externalid"})
_EXCERPT = 120  # characters of a bad row kept in its report
# Signatures of files people pick by mistake: a workbook is not a CSV.
_BINARY_KINDS = {b"PK\x03\x04": "an Excel workbook or zip archive", b"%PDF": "a PDF file",
                 b"\xd0\xcf\x11\xe0": "an old Excel (.xls) workbook"}  # fmt: skip


class CsvImportError(ValueError):
    """The file as a whole cannot be read as CSV (empty, binary, no header)."""


class BadRow(BaseModel):
    """A row that was not imported, and why. `line` is the 1-based line where it starts."""

    model_config = ConfigDict(frozen=True)

    line: int
    reason: str
    text: str = ""


class CsvImport(BaseModel):
    """What a CSV file yielded: records keyed by its (cleaned) headers, rows that were not
    imported, and the canonical field map to pass to MatchSettings."""

    model_config = ConfigDict(frozen=True)

    records: list[Record]
    bad_rows: list[BadRow] = []
    columns: list[str] = []
    field_map: FieldMap = {}
    encoding: str = "utf-8"
    delimiter: str = ","
    notes: list[str] = []


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_KINDS.items():
        if data.startswith(magic):
            return kind
    return "a binary file" if b"\x00" in data[:4096] else None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL in every other byte of ASCII characters."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even == 0:
        return "utf-16-le"
    if even > 0.4 * half and odd == 0:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str:
    """The encoding of CSV bytes: BOMs, then strict UTF-8, then a detector's guess, then
    cp1252 (spreadsheets saved on Western Windows), then latin-1, which reads anything.

    Raises CsvImportError for files that are not text at all.
    """
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return name  # fmt: skip
    if utf16 := _utf16_without_bom(data[:4096]):
        return utf16
    if kind := _binary_kind(data):
        raise CsvImportError(f"this looks like {kind}, not a CSV file")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess_legacy(data)


_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman",
                      "cp1254", "iso8859_9"})  # fmt: skip
_PUNCTUATION = frozenset("’‘“”–—€…•°§«»")


def _plausible(data: bytes, encoding: str) -> bool:
    """The encoding reads these bytes into letters and common punctuation, not symbols."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    extra = [c for c in text if ord(c) > 127]
    return sum(c.isalpha() or c in _PUNCTUATION for c in extra) >= 0.9 * len(extra)


def _guess_legacy(data: bytes) -> str:
    """Detector guesses on short Western text confuse cp1252 with cp1250 and friends, so a
    plausible cp1252 (else cp1250) reading wins among those; other scripts keep the
    detector's guess."""
    sample = data[:65536]
    try:
        from charset_normalizer import from_bytes  # optional: better on non-Western files
    except ImportError:
        from_bytes = None
    best = from_bytes(sample).best() if from_bytes is not None else None
    guess = best.encoding if best is not None else None
    if guess is None or guess in _WESTERN:
        for encoding in ("cp1252", "cp1250"):
            if _plausible(sample, encoding):
                return encoding
    if guess is not None:
        try:
            data.decode(guess)
            return guess
        except (UnicodeDecodeError, LookupError):
            pass
    return "latin-1"


def detect_delimiter(text: str) -> str:
    """The delimiter among , ; TAB | that splits the first lines most consistently."""
    sample = "\n".join(text.splitlines()[:_SNIFF_LINES])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = sample.split("\n", 1)[0]
        counts = {d: header.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _decode(data: bytes | str | BinaryIO | TextIO, encoding: str | None) -> tuple[str, str]:
    if isinstance(data, str):
        return data, "text"
    raw = data.read() if not isinstance(data, bytes) else data
    if isinstance(raw, str):
        return raw, "text"
    encoding = encoding or detect_encoding(raw)
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise CsvImportError(f"cannot read the file as {encoding}: {exc}") from exc


def _clean_headers(row: list[str]) -> list[str]:
    """Headers stripped, blanks named column_N, repeats numbered ("Email (2)")."""
    seen: dict[str, int] = {}
    headers = []
    for i, raw in enumerate(row, start=1):
        name = raw.strip().lstrip("\ufeff") or f"column_{i}"
        seen[name] = seen.get(name, 0) + 1
        headers.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return headers


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str] | None, str]]:
    """(start line, fields or None, error) for each non-blank row."""
    lines = io.StringIO(text, newline="")
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, None, f"unreadable row: {exc}"
            start = reader.line_num + 1
            continue
        if any(field.strip() for field in row):
            yield start, row, ""
        start = reader.line_num + 1


class _RowReader:
    """Turns parsed rows into records, collecting bad rows and short-row lines."""

    def __init__(self, headers: list[str], delimiter: str, entity: str, id_column: str | None
                 ) -> None:  # fmt: skip
        self.headers, self.delimiter, self.entity = headers, delimiter, entity
        self.id_index = headers.index(id_column) if id_column in headers else None
        self.records: list[Record] = []
        self.bad: list[BadRow] = []
        self.short_lines: list[int] = []
        self.first_line_of: dict[str, int] = {}

    def add(self, line: int, row: list[str]) -> None:
        if len(row) > len(self.headers):
            self._reject(line, f"{len(row)} fields, but the header has {len(self.headers)}", row)
            return
        if len(row) < len(self.headers):
            self.short_lines.append(line)  # trailing empty fields trimmed by the exporter
        record_id = self._record_id(line, row)
        if record_id is None:
            return
        fields = {h: v.strip() for h, v in zip(self.headers, row, strict=False) if v.strip()}
        self.records.append(Record(id=record_id, entity=self.entity, fields=fields))

    def _record_id(self, line: int, row: list[str]) -> str | None:
        if self.id_index is None:
            return f"row{line}"  # stable for the same file
        value = row[self.id_index].strip() if self.id_index < len(row) else ""
        if not value:
            self._reject(line, f"no value in the id column {self.headers[self.id_index]!r}", row)
            return None
        if value in self.first_line_of:
            first = self.first_line_of[value]
            self._reject(line, f"id {value!r} already used on line {first}", row)
            return None
        self.first_line_of[value] = line
        return value

    def _reject(self, line: int, reason: str, row: list[str]) -> None:
        self.bad.append(BadRow(line=line, reason=reason,
                               text=self.delimiter.join(row)[:_EXCERPT]))  # fmt: skip


def _id_column(headers: list[str], wanted: str | None) -> str | None:
    if wanted is not None:
        if wanted not in headers:
            raise CsvImportError(f"no column {wanted!r} in the header: {', '.join(headers)}")
        return wanted
    return next((h for h in headers if squash(h) in _ID_HEADERS), None)


def read_csv(data: bytes | str | BinaryIO | TextIO, *, entity: str = "contacts",
             id_column: str | None = None, encoding: str | None = None,
             delimiter: str | None = None) -> CsvImport:  # fmt: skip
    """Records from CSV content. Record ids come from `id_column` (or a column named like
    "Id"), else from the line number ("row7"). Blank lines are skipped; rows that cannot be
    imported are listed in `bad_rows` with their line.

    Raises CsvImportError when the content is empty, binary, or not decodable.
    """
    text, used_encoding = _decode(data, encoding)
    if not text.strip():
        raise CsvImportError("the file is empty")
    delimiter = delimiter or detect_delimiter(text)
    rows = _rows(text, delimiter)
    header = next(((line, row) for line, row, _ in rows if row is not None), None)
    if header is None:
        raise CsvImportError("the file has no readable header row")
    headers = _clean_headers(header[1])
    reader = _RowReader(headers, delimiter, entity, _id_column(headers, id_column))
    for line, row, error in rows:
        if row is None:
            reader.bad.append(BadRow(line=line, reason=error))
        else:
            reader.add(line, row)
    return CsvImport(
        records=reader.records, bad_rows=reader.bad, columns=headers,
        field_map=infer_field_map(headers, entity), encoding=used_encoding,
        delimiter=delimiter, notes=_notes(reader, used_encoding),
    )  # fmt: skip


def _notes(reader: _RowReader, encoding: str) -> list[str]:
    notes = []
    if not reader.records and not reader.bad:
        notes.append("the file has a header but no rows")
    if encoding not in ("utf-8", "utf-8-sig", "text", "ascii"):
        notes.append(f"the file is not UTF-8; it was read as {encoding}")
    if reader.short_lines:
        shown = ", ".join(map(str, reader.short_lines[:10]))
        more = "…" if len(reader.short_lines) > 10 else ""
        notes.append(f"{len(reader.short_lines):,} rows had fewer fields than the header "
                     f"(lines {shown}{more}); the missing fields were left blank")  # fmt: skip
    if reader.bad:
        notes.append(f"{len(reader.bad):,} rows were not imported; see the bad rows")
    return notes
