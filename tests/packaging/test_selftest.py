"""`mergedesk --self-test` from source: one scripted review and merge through the real
window on the demo sandbox, a one-line summary, exit 0 only when the merge happened."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow


def _run(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "mergedesk"]
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env,
                          timeout=180)


def test_the_self_test_merges_one_group_and_says_so():
    result = _run("--self-test")
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("self-test ok: group ")
    assert "outcome merged" in lines[0] and "on offscreen" in lines[0]


def test_the_self_test_speaks_the_chosen_language():
    result = _run("--self-test", "--lang", "de")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "language de_DE" in result.stdout


def test_a_refused_merge_fails_the_self_test_with_the_reason():
    # The demo CRM refuses every merge: the self-test must say so and exit 1.
    code = textwrap.dedent("""
        import sys, httpx
        import mergedesk.app as app
        serve = app.DesktopSession._serve_demo_fake
        def refusing(self):
            server = serve(self)
            token = next(iter(server.credentials.values()))
            httpx.post(server.root_url + "/_sandbox/faults", headers={"x-sandbox-token": token},
                       json={"kind": "status", "method": "POST", "path": "contact_merge",
                             "status": 422, "count": None,
                             "body": {"message": "Contact merge is locked", "attributes": []}}
                       ).raise_for_status()
            return server
        app.DesktopSession._serve_demo_fake = refusing
        sys.exit(app.main(sys.argv[1:]))
    """)
    result = _run("--self-test", code=code)
    assert result.returncode == 1
    assert "self-test FAILED" in result.stderr and "Contact merge is locked" in result.stderr
