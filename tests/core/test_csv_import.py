"""CSV import: encodings, delimiters, header synonyms, bad rows with line numbers."""

from __future__ import annotations

import io

import pytest

from mergedesk.core.csv_import import (
    CsvImportError,
    detect_delimiter,
    detect_encoding,
    read_csv,
)

HEADER = "First Name,Last Name,E-mail,Mobile,Company Name\n"


def test_records_keep_headers_and_the_field_map_names_canonical_fields() -> None:
    result = read_csv((HEADER + "Ann,Lee,ann@x.com,415 555 0123,Acme\n").encode())
    (record,) = result.records
    assert record.id == "row2"
    assert record.fields == {"First Name": "Ann", "Last Name": "Lee", "E-mail": "ann@x.com",
                             "Mobile": "415 555 0123", "Company Name": "Acme"}  # fmt: skip
    assert result.field_map == {"first_name": "First Name", "last_name": "Last Name",
                                "email": ["E-mail"], "phone": ["Mobile"],
                                "company": "Company Name"}  # fmt: skip
    assert result.bad_rows == [] and result.notes == []


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_detected(delimiter: str) -> None:
    text = "\n".join(delimiter.join(row) for row in
                     [["Name", "Email", "City"], ["Ann Lee", "a@x.com", "Paris"],
                      ["Bob", "b@x.com", "Rome"]])  # fmt: skip
    assert detect_delimiter(text) == delimiter
    assert len(read_csv(text).records) == 2


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
     ("utf-16-le", "utf-16-le"), ("cp1252", None)],
)  # fmt: skip
def test_encodings_are_detected(encoding: str, expected: str | None) -> None:
    data = "Name;City\nJürgen Müller;Köln\nZoë Ærø;Straße 5 — Nord\n".encode(encoding)
    if expected is not None:
        assert detect_encoding(data) == expected
    result = read_csv(data)
    assert [r.fields["Name"] for r in result.records] == ["Jürgen Müller", "Zoë Ærø"]


def test_a_legacy_encoding_is_named_in_the_notes() -> None:
    result = read_csv("Name\nJürgen Müller\nFrançois\n".encode("cp1252"))
    assert result.records[0].fields["Name"] == "Jürgen Müller"
    assert any("not UTF-8" in note for note in result.notes)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("cp1250", "Imię;Miasto\nŁukasz Wiśniewski;Łódź\nZofia Żak;Kraków\n"),
     ("cp1251", "Имя;Город\nИван Петров;Москва\nОльга;Санкт-Петербург\n")],
)  # fmt: skip
def test_other_single_byte_encodings_are_read(encoding: str, text: str) -> None:
    result = read_csv(text.encode(encoding))
    assert [list(r.fields.values()) for r in result.records] == [
        line.split(";") for line in text.splitlines()[1:]
    ]


def test_streams_are_read_too() -> None:
    assert len(read_csv(io.BytesIO(b"Email\na@x.com\n")).records) == 1
    assert len(read_csv(io.StringIO("Email\na@x.com\n")).records) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"  \n\n", "empty"), (b"PK\x03\x04rest-of-a-zip", "Excel workbook"),
     (b"%PDF-1.7 ...", "PDF"), (b"\x00\x01\x02binary\x00", "binary")],
)  # fmt: skip
def test_unreadable_files_raise_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(CsvImportError, match=message):
        read_csv(data)


def test_a_header_only_file_gives_no_records_and_a_note() -> None:
    result = read_csv(HEADER.encode())
    assert result.records == [] and result.notes == ["the file has a header but no rows"]
    assert result.columns == ["First Name", "Last Name", "E-mail", "Mobile", "Company Name"]


def test_bad_rows_are_reported_with_their_line_numbers() -> None:
    text = (
        HEADER
        + "Ann,Lee,ann@x.com,,Acme\n"  # line 2: fine
        + "\n"  # line 3: blank, skipped
        + "Bob,Stone,b@x.com,1,Globex,EXTRA\n"  # line 4: too many fields
        + '"Cy, ""multi\nline""",Day,c@x.com,,\n'  # lines 5-6: quoted newline, fine
        + "Dee,Ng\n"
    )  # line 7: short, padded
    result = read_csv(text)  # fmt: skip
    assert [r.id for r in result.records] == ["row2", "row5", "row7"]
    assert [(b.line, b.reason) for b in result.bad_rows] == [(4, "6 fields, but the header has 5")]
    assert result.bad_rows[0].text.startswith("Bob,Stone")
    assert result.records[1].fields["First Name"] == 'Cy, "multi\nline"'
    assert any("lines 7" in note for note in result.notes)


def test_malformed_quoting_is_a_bad_row_not_a_crash() -> None:
    result = read_csv('Name,Email\n"Ann" Lee,a@x.com\nBob,b@x.com\n')
    assert [b.line for b in result.bad_rows] == [2]
    assert [r.fields["Name"] for r in result.records] == ["Bob"]


def test_an_id_column_gives_record_ids_and_duplicates_are_bad_rows() -> None:
    result = read_csv("Id,Email\n7,a@x.com\n8,b@x.com\n7,c@x.com\n,d@x.com\n")
    assert [r.id for r in result.records] == ["7", "8"]
    assert [(b.line, b.reason) for b in result.bad_rows] == [
        (4, "id '7' already used on line 2"),
        (5, "no value in the id column 'Id'"),
    ]


def test_an_unknown_id_column_is_refused() -> None:
    with pytest.raises(CsvImportError, match="no column 'Key'"):
        read_csv("Id,Email\n1,a@x.com\n", id_column="Key")


def test_blank_and_repeated_headers_get_names() -> None:
    result = read_csv("Email,,Email\na@x.com,x,b@x.com\n")
    assert result.columns == ["Email", "column_2", "Email (2)"]
    assert result.field_map == {"email": ["Email", "Email (2)"]}


def test_accounts_map_name_to_company() -> None:
    assert read_csv("Name,Website\nAcme,acme.com\n", entity="accounts").field_map == {
        "company": "Name",
        "website": "Website",
    }
