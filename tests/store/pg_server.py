"""A throw-away PostgreSQL server for tests and benchmarks: initdb in a temp folder,
postgres on a free 127.0.0.1 port with password (SCRAM) authentication, stopped and
deleted at the end. Runs as the `postgres` system user when started as root (postgres
refuses to run as root). Needs Debian's postgresql package (packaging/linux/system-deps.sh
--test installs it)."""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.store.pg_tls import write_server_files

SUPERUSER = "mergedesk"


class PgServerUnavailable(RuntimeError):
    """No PostgreSQL binaries on this machine."""


def bin_dir() -> Path:
    """The newest installed server's binaries (Debian keeps them out of PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PgServerUnavailable("PostgreSQL is not installed: "
                              "run packaging/linux/system-deps.sh --test")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """One running server. `url(db)` has no password; `password` is given separately
    (tests pass it as the keyring would)."""

    def __init__(self, *settings: str) -> None:
        self.settings = settings  # extra `name=value` server settings (benchmarks)
        self.bin = bin_dir()
        self.password = secrets.token_urlsafe(16)
        self.port = free_port()
        self._user = _run_as()
        # The server's user must reach its folder: a root's TMPDIR may be private.
        self.root = Path(tempfile.mkdtemp(prefix="mergedesk-pg-",
                                          dir="/tmp" if self._user is not None else None))
        self.data = self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def start(self) -> PgServer:
        pwfile = self.root / "pw"
        pwfile.write_text(self.password)
        if self._user is not None:
            os.chown(self.root, self._user.pw_uid, self._user.pw_gid)
            os.chown(pwfile, self._user.pw_uid, self._user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--pwfile", str(pwfile),
                  "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-instructions",
                  "--no-sync")
        pwfile.unlink()
        self.ca_file, cert, key = write_server_files(self.root)
        if self._user is not None:
            for path in (cert, key):
                os.chown(path, self._user.pw_uid, self._user.pw_gid)
        # No unix socket (nothing else may reach it), no fsync (a test server's data is
        # thrown away), enough connections for the concurrent-reviewer tests, and TLS
        # (clients choose: the tests show a URL's sslmode is honoured).
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200 -c shared_buffers=128MB "
                   f"-c ssl=on -c ssl_cert_file={cert} -c ssl_key_file={key}")
        options += "".join(f" -c {setting}" for setting in self.settings)
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-o", options,
                  "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), password=self.password, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def schema_url(self, schema: str, database: str = "postgres") -> str:
        """A URL whose connections see only the new, empty schema `schema`: a fresh
        store per test in milliseconds, where CREATE DATABASE takes a second."""
        import psycopg

        with psycopg.connect(self.url(database), password=self.password,
                             autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        return f"{self.url(database)}?options=-csearch_path%3D{schema}"

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if self._user is not None:
            command = ["runuser", "-u", self._user.pw_name, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root,
                              timeout=120)
        if done.returncode != 0:
            log = self.root / "log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{tool} failed: {done.stderr.strip()}\n{tail}")


def _run_as() -> pwd.struct_passwd | None:
    """None when not root; otherwise the unprivileged user to run the server as."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PgServerUnavailable("running as root and no 'postgres' user to run the server as")


if __name__ == "__main__":  # a manual server for experiments: prints its URL, Ctrl-C stops
    server = PgServer().start()
    print(server.url(), server.password, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
