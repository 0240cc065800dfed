"""Real failure conditions for the storage tests: a full disk, a database held by another process,
a damaged file. Used by tests/storage and tests/e2e (the read-only folder is tests/e2e/conftest.py's).

A full disk is a tiny tmpfs mounted for the test (root only; the test is skipped elsewhere).
`RLIMIT_FSIZE` was not used: it makes writes fail with EFBIG, which SQLite reports as a disk I/O
error, not as a full disk.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


class TinyDisk:
    """A tmpfs of `size_kb` at `path`; `fill()` takes the remaining space."""

    def __init__(self, path: Path, size_kb: int):
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        if os.geteuid() != 0:
            pytest.skip("mounting a small tmpfs needs root")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path)],
                              capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"mount -t tmpfs is not available here: {done.stderr.decode().strip()}")

    def fill(self) -> None:
        with open(self.path / "fyll.bin", "ab", buffering=0) as handle:
            for size in (65536, 4096, 512, 1):
                try:
                    while True:
                        handle.write(b"\0" * size)
                except OSError:
                    pass

    def free_space(self) -> None:
        (self.path / "fyll.bin").unlink(missing_ok=True)

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], capture_output=True)


@pytest.fixture
def tiny_disk(tmp_path):
    disks: list[TinyDisk] = []

    def make(size_kb: int = 1024) -> TinyDisk:
        disks.append(TinyDisk(tmp_path / f"liten-disk-{len(disks)}", size_kb))
        return disks[-1]

    yield make
    for disk in disks:
        disk.unmount()


class LockHolder:
    """Another process that holds `BEGIN EXCLUSIVE` on a database until `release()`."""

    def __init__(self, db_path: Path):
        code = ("import sqlite3, sys\n"
                f"c = sqlite3.connect({str(db_path)!r}, isolation_level=None)\n"
                "c.execute('BEGIN EXCLUSIVE')\n"
                "print('holding', flush=True)\n"
                "sys.stdin.readline()\n"
                "c.execute('ROLLBACK')\n")
        self.process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "holding"

    def release(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            self.process.wait(10)


@pytest.fixture
def lock_holder():
    holders: list[LockHolder] = []

    def hold(db_path: Path) -> LockHolder:
        holders.append(LockHolder(db_path))
        return holders[-1]

    yield hold
    for holder in holders:
        holder.release()


def damage(db_path: Path) -> None:
    """Overwrite the pages of the largest tables and indexes with garbage, keeping the header."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as handle:
        for page in range(2, pages + 1):
            handle.seek((page - 1) * page_size)
            handle.write(b"\xa5" * page_size)


def copy_into(source: Path, folder: Path, name: str = "kommune.db") -> Path:
    dest = folder / name
    shutil.copyfile(source, dest)
    return dest
