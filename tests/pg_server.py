"""A private PostgreSQL server for the test run: Debian's `postgresql` (installed with apt-get when
missing), a cluster made by initdb in a temporary folder, a Unix socket only, scram-sha-256.

The server runs as the `postgres` system user when the tests run as root (initdb refuses root). It is
stopped when the session ends, also when tests fail. `database_url(name)` gives a SQLAlchemy URL;
`create_database(name, template=...)` makes a fresh database, cheaply copied from a migrated template.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import subprocess
from pathlib import Path

PACKAGE = "postgresql"
USER = "nettverkslogg_test"


class ServerUnavailable(RuntimeError):
    """PostgreSQL cannot be installed or started here; the message says why."""


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def ensure_installed() -> Path:
    """The folder with initdb/pg_ctl, installing Debian's postgresql package if it is missing."""
    bin_dir = _bin_dir()
    if bin_dir is not None:
        return bin_dir
    from tests.debian import apt_install

    problem = apt_install(PACKAGE)
    if problem:
        raise ServerUnavailable(problem)
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise ServerUnavailable(f"{PACKAGE} is installed but initdb was not found")
    return bin_dir


class PostgresServer:
    def __init__(self, folder: Path):
        self.bin_dir = ensure_installed()
        self.folder = folder
        self.data = folder / "data"
        self.socket_dir = folder / "socket"
        self.password = secrets.token_urlsafe(16)
        self.as_root = os.geteuid() == 0
        self.owner = pwd.getpwnam("postgres") if self.as_root else None

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        command = [str(a) for a in args]
        if self.owner is not None:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd="/")
        if done.returncode != 0:
            raise ServerUnavailable(f"{' '.join(command)} failed: {done.stderr.strip()[-800:]}")
        return done

    def start(self) -> PostgresServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(exist_ok=True)
        password_file = self.folder / "password"
        password_file.write_text(self.password, encoding="utf-8")
        if self.owner is not None:
            for path in (self.folder, self.socket_dir, password_file):
                os.chown(path, self.owner.pw_uid, self.owner.pw_gid)
            self.folder.chmod(0o700)
        self._run(self.bin_dir / "initdb", "-D", self.data, "-U", USER, "--auth=scram-sha-256",
                  f"--pwfile={password_file}", "-E", "UTF8", "--locale=C.UTF-8")
        password_file.unlink()
        options = (f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200")
        self._run(self.bin_dir / "pg_ctl", "-D", self.data, "-o", options, "-l", self.folder / "server.log",
                  "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        if self.data.exists():
            try:
                self._run(self.bin_dir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", timeout=60)
            except ServerUnavailable:
                pass

    def database_url(self, name: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}:{self.password}@/{name}?host={self.socket_dir}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), dbname=database, user=USER, password=self.password,
                             autocommit=True) as connection:
            connection.execute(sql)

    def create_database(self, name: str, template: str | None = None) -> str:
        self.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""))
        return self.database_url(name)

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
