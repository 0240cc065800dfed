"""The unit-list importer reads a hostile .xlsx as cheaply as a real one: the returned-form safety checks
(storage.workbook_files), rows streamed with the declared size ignored, a row limit, and a stop after a
long run of empty rows, each with a Norwegian message.

The two «bombs» (tests/unit_list_bombs.py) are read in a child process, so their time and peak memory
are measured on their own (before the guard: over 150 s for the 5 KB file, 13 s for the other)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from storage.errors import DomainError
from storage.importers.tables import EMPTY_RUN, MAX_ROWS, read_table
from storage.workbook_files import UnsafeWorkbook
from tests.unit_list_bombs import UNITS, _base, empty_rows, huge_dimension

ROOT = Path(__file__).resolve().parents[2]
CHILD = r"""
import json, resource, sys, time
from storage.importers.tables import read_table
import openpyxl
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
table = read_table(sys.argv[1])
print(json.dumps({"rows": [list(r.cells) for r in table.rows], "note": table.note,
                  "seconds": time.perf_counter() - start,
                  "peak_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024}))
"""


@pytest.mark.parametrize("make", [huge_dimension, empty_rows])
def test_a_bomb_reads_like_the_real_list_in_it(tmp_path, make):
    path = make(tmp_path / "enheter.xlsx")
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    print(make.__name__, f"{path.stat().st_size / 1024:.0f} KB", {k: outcome[k] for k in ("seconds", "peak_mb")})
    assert outcome["rows"] == [list(row) for row in UNITS[1:]]
    assert outcome["note"].startswith("Lesingen stoppet etter rad 4: de neste 1 000 radene er tomme.")
    assert outcome["seconds"] < 2 and outcome["peak_mb"] < 50, outcome


def test_too_many_rows_is_refused(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(UNITS[0])
    for n in range(MAX_ROWS + 1):
        wb.active.append((f"Enhet {n}", "skole", 10))
    wb.save(tmp_path / "mange.xlsx")
    with pytest.raises(DomainError, match="mange.xlsx har mer enn 5 000 rader. Del fila opp."):
        read_table(tmp_path / "mange.xlsx")


def test_rows_after_a_short_gap_are_read(tmp_path):
    from openpyxl import load_workbook

    path = _base(tmp_path / "hull.xlsx")
    wb = load_workbook(path)
    wb.active.cell(row=len(UNITS) + EMPTY_RUN - 1, column=1, value="Fjellet skole")
    wb.active.cell(row=len(UNITS) + EMPTY_RUN - 1, column=2, value="skole")
    wb.save(path)
    table = read_table(path)
    assert [r.cells[0] for r in table.rows][-1] == "Fjellet skole" and table.note is None


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(tmp_path):
    path = _base(tmp_path / "bombe.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/image1.png", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(UnsafeWorkbook, match="pakker seg ut til mye mer") as refused:
        read_table(path)
    assert refused.value.reason == "zip_bomb"
