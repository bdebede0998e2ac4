"""`mergedesk history` in process, on a journal of real merges against the Chatwoot fake
over loopback: `--id N` shows what did not arrive on the survivor, `--id N --export F`
writes that merge alone (it used to print the detail and ignore --export), and
`--id-map F` writes old id -> survivor id of every merge."""

from __future__ import annotations

import csv
import json

import pytest

from mergedesk.cli import main
from tests.services.conftest import listed, merge


def with_conversations(sandbox, n: int) -> list[str]:
    having = {c["contact_id"] for c in sandbox.fake.state.conversations.values()}
    return [rid for rid in listed(sandbox, 40) if int(rid) in having][:n]


@pytest.fixture
async def two_merges(sandbox, provider, workspace):
    """The first merge loses one conversation on the way (the fake's fault), the
    second is complete. Returns their outcomes and ids."""
    a, b, c, d = with_conversations(sandbox, 4)
    sandbox.fake.state.lose_conversations_on_merge = 1
    lossy = await merge(workspace, provider, sandbox.base_url, a, [b], group="g1")
    sandbox.fake.state.lose_conversations_on_merge = 0
    clean = await merge(workspace, provider, sandbox.base_url, c, [d], group="g2")
    assert lossy.merge_id and clean.merge_id, (lossy.message, clean.message)
    return lossy, clean, (a, b, c, d)


async def test_history_id_lists_what_did_not_arrive(two_merges, capsys):
    lossy, clean, _ids = two_merges

    assert main(["history", "--id", str(lossy.merge_id)]) == 0

    detail = json.loads(capsys.readouterr().out)
    (row,) = detail["recount"]
    assert row["kind"] == "conversations" and row["missing"] == 1
    assert row["found"] == row["expected"] - 1
    assert "did not arrive" in detail["summary"]["warning"]
    assert main(["history", "--id", str(clean.merge_id)]) == 0
    detail = json.loads(capsys.readouterr().out)
    assert detail["summary"]["warning"] == "" and all(
        r["missing"] == 0 for r in detail["recount"])


@pytest.mark.parametrize("suffix", [".json", ".csv"])
async def test_history_id_with_export_writes_that_merge_alone(two_merges, tmp_path, suffix,
                                                              capsys):
    _lossy, clean, (a, _b, c, _d) = two_merges
    out = tmp_path / f"one{suffix}"

    assert main(["history", "--id", str(clean.merge_id), "--export", str(out)]) == 0

    assert capsys.readouterr().out == ""  # written to the file, not printed
    if suffix == ".json":
        merges = json.loads(out.read_text())["merges"]
        assert [m["summary"]["id"] for m in merges] == [clean.merge_id]
    else:
        rows = list(csv.DictReader(out.open(newline="")))
        assert rows and {r["merge_id"] for r in rows} == {str(clean.merge_id)}
        assert {r["master"] for r in rows} == {c}
    assert main(["history", "--export", str(out)]) == 0  # without --id: every merge
    text = out.read_text()
    assert str(a) in text and str(c) in text


async def test_history_id_map_after_two_merges(two_merges, tmp_path):
    _lossy, _clean, (a, b, c, d) = two_merges
    out = tmp_path / "ids.csv"

    assert main(["history", "--id-map", str(out)]) == 0

    rows = list(csv.DictReader(out.open(newline="")))
    assert [(r["old_id"], r["new_id"]) for r in rows] == [(b, a), (d, c)]
