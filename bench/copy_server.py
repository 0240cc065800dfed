"""Copying between a laptop file and a PostgreSQL server at county scale: every municipality of the
county demo database into a fresh server database, then everything back into a new SQLite file
(what `backup --db postgresql://…` does), then once more to show that an unchanged copy is quick.

    .venv/bin/python bench/copy_server.py

Starts a private PostgreSQL server in a temporary folder (tests/pg_server.py) and stops it at the end.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import ensure_county_db  # noqa: E402


def main() -> int:
    from storage.copy_data import copy_everything_visible
    from storage.migrate import prepare_database
    from storage.store import Store
    from storage.urls import resolve_url
    from tests.pg_server import PostgresServer

    county = ensure_county_db()
    folder = Path(f"/tmp/nettverkslogg-bench-pg-{os.getpid()}")
    server = PostgresServer(folder).start()
    try:
        url = server.create_database("county")
        prepare_database(url)
        laptop, remote = Store(resolve_url(county)), Store(url)
        start = time.perf_counter()
        results = copy_everything_visible(laptop, remote)
        to_server = time.perf_counter() - start
        rows = sum(r.changed for r in results)
        with tempfile.TemporaryDirectory() as work:
            back_path = Path(work) / "tilbake.db"
            prepare_database(back_path)
            back = Store(resolve_url(back_path))
            start = time.perf_counter()
            copy_everything_visible(remote, back)
            to_file = time.perf_counter() - start
            start = time.perf_counter()
            again = copy_everything_visible(remote, back)
            unchanged = time.perf_counter() - start
            back.close()
        print(f"municipalities       {len(results)}")
        print(f"rows copied          {rows}")
        print(f"file → server        {to_server:.1f} s ({rows / to_server:.0f} rows/s)")
        print(f"server → new file    {to_file:.1f} s")
        print(f"again, unchanged     {unchanged:.1f} s (changed rows: {sum(r.changed for r in again)})")
        laptop.close()
        remote.close()
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
