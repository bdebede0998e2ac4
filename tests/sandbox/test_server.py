"""SandboxServer, the SANDBOXES registry and serve_forever (the `mergedesk sandbox` core)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from mergedesk.sandbox import SANDBOXES, serve_forever
from mergedesk.sandbox.server import SandboxServer

ROOT = Path(__file__).resolve().parents[2]


def _hello_app() -> Starlette:
    async def hello(request):
        return PlainTextResponse("hello")

    return Starlette(routes=[Route("/hello", hello)])


def test_serves_any_asgi_app_on_loopback_with_a_free_port():
    with (
        SandboxServer(_hello_app(), base_path="/api", credentials={"X_TOKEN": "t"}) as a,
        SandboxServer(_hello_app()) as b,
    ):
        assert a.port != b.port
        assert a.root_url == f"http://127.0.0.1:{a.port}"
        assert a.base_url == f"http://127.0.0.1:{a.port}/api"
        assert a.credentials == {"X_TOKEN": "t"}
        assert httpx.get(a.root_url + "/hello").text == "hello"


def test_stop_frees_the_port():
    server = SandboxServer(_hello_app()).start()
    port = server.port
    server.stop()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_a_taken_port_fails_at_start():
    with SandboxServer(_hello_app()) as first, pytest.raises(OSError):
        SandboxServer(_hello_app(), port=first.port).start()


def test_registry_builds_fakes_with_app_base_path_and_credentials():
    fake = SANDBOXES["chatwoot"](seed=3, records=30, token="fixed-token")
    assert fake.base_path == "/api/v1/accounts/1"
    assert fake.credentials() == {"MERGEDESK_CHATWOOT_TOKEN": "fixed-token"}
    with SandboxServer.for_fake(fake) as server:
        r = httpx.get(server.base_url + "/contacts", headers={"api_access_token": "fixed-token"})
        assert r.status_code == 200
    random_tokens = {
        SANDBOXES["chatwoot"](records=5).credentials()["MERGEDESK_CHATWOOT_TOKEN"] for _ in range(2)
    }
    assert len(random_tokens) == 2
    with pytest.raises(ValueError, match="only has contacts"):
        SANDBOXES["chatwoot"](entity="accounts")


def test_registry_passes_options_through_to_the_fake():
    fake = SANDBOXES["chatwoot"](records=5, token="t", search_limit_per_minute=1)
    with (
        SandboxServer.for_fake(fake) as server,
        httpx.Client(base_url=server.base_url, headers={"api_access_token": "t"}) as client,
    ):
        codes = [client.get("/contacts/search", params={"q": "a"}).status_code for _ in range(2)]
    assert codes == [200, 429]


def test_serve_forever_prints_the_url_then_credentials_and_stops_on_request():
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=serve_forever,
        args=("chatwoot", 0, 1, 20),
        kwargs={"out": lines.append, "stop": stop, "token": "tok"},
    )
    thread.start()
    try:
        for _ in range(500):
            if len(lines) >= 2:
                break
            threading.Event().wait(0.01)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/api/v1/accounts/1", lines[0])
        assert lines[1:] == ["MERGEDESK_CHATWOOT_TOKEN=tok"]
        assert (
            httpx.get(lines[0] + "/contacts", headers={"api_access_token": "tok"}).status_code
            == 200
        )
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
    with pytest.raises(KeyError, match="no sandbox for 'nope'"):
        serve_forever("nope")


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_serve_forever_in_a_process_ends_cleanly_on_sigterm():
    code = "from mergedesk.sandbox import serve_forever; serve_forever('chatwoot', 0, 2, 25)"
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        url = proc.stdout.readline().strip()
        name, _, token = proc.stdout.readline().strip().partition("=")
        assert name == "MERGEDESK_CHATWOOT_TOKEN" and len(token) >= 20
        assert httpx.get(url + "/contacts", headers={"api_access_token": token}).status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        proc.kill()
        proc.wait()


def test_sandbox_never_imports_providers_or_qt():
    sources = (ROOT / "mergedesk" / "sandbox").rglob("*.py")
    pattern = re.compile(
        r"^\s*(from|import)\s+(mergedesk\.(providers|services|store|ui)|PySide6|qasync)",
        re.MULTILINE,
    )
    offenders = [str(p) for p in sources if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
