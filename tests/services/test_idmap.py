"""`mergedesk history --id-map`: the map of merges journalled by a real merge against the
Chatwoot fake."""

from __future__ import annotations

import json

from mergedesk.cli import main
from mergedesk.services.idmap import id_map
from tests.services.conftest import listed, merge


async def test_the_cli_exports_the_map_of_journalled_merges(
        sandbox, provider, workspace, tmp_path, capsys):
    a, b, c = listed(sandbox, 3)
    await merge(workspace, provider, sandbox.base_url, a, [b, c])
    assert [(r.old_id, r.new_id) for r in id_map(workspace)] == [(b, a), (c, a)]
    out = tmp_path / "ids.json"

    assert main(["history", "--id-map", str(out)]) == 0

    assert {(r["old_id"], r["new_id"]) for r in json.loads(out.read_text())} == {(b, a), (c, a)}
    assert "2 id mappings" in capsys.readouterr().out
