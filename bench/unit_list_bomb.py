"""What reading a hostile unit list costs (not a test): two small .xlsx files that are cheap to make and
expensive to read naively (tests/unit_list_bombs.py), each read by storage.importers.tables.read_table
in a child process with its memory capped (RLIMIT_AS, default 3 GB) and a time limit.

    .venv/bin/python bench/unit_list_bomb.py [--limit-mb 3000] [--timeout 180]

Prints the file size, the outcome (rows read or the Norwegian refusal), the seconds and the child's
peak memory (ru_maxrss) above what importing the modules took.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.unit_list_bombs import empty_rows, huge_dimension  # noqa: E402

CHILD = r"""
import json, resource, sys, time
limit = int(sys.argv[2]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from storage.errors import DomainError
from storage.importers.tables import read_table
import openpyxl
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    table = read_table(sys.argv[1])
    outcome = {"rows": len(table.rows), "note": getattr(table, "note", None)}
except DomainError as exc:
    outcome = {"refused": exc.message}
except MemoryError:
    outcome = {"crashed": "MemoryError"}
outcome["seconds"] = round(time.perf_counter() - start, 2)
outcome["peak_mb_above_base"] = round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024)
print(json.dumps(outcome, ensure_ascii=False))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit-mb", type=int, default=3000)
    parser.add_argument("--timeout", type=float, default=180)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for make in (huge_dimension, empty_rows):
            path = make(Path(folder) / f"{make.__name__}.xlsx")
            try:
                done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(args.limit_mb)], cwd=ROOT,
                                      capture_output=True, text=True, timeout=args.timeout)
                result = done.stdout.strip() or done.stderr.strip()[-300:]
            except subprocess.TimeoutExpired:
                result = f"stopped after {args.timeout:.0f} s"
            print(f"{make.__name__}: {path.stat().st_size / 1024:.0f} KB -> {result}")


if __name__ == "__main__":
    main()
