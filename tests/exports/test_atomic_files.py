"""Every output file is written as a hidden `.part` and renamed into place: a process killed at the
last moment (just before the rename) leaves the earlier file under the real name, not a broken one,
and the next write cleans up. Each writer runs in a child process that kills itself (SIGKILL) when it
calls os.replace."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from exports.atomic_file import part_path, remove_stale_parts
from storage.services.vignette_sessions import create_session
from storage.services.vignettes import list_vignettes
from tests.log_world import make_world

ROOT = Path(__file__).resolve().parents[2]
OLD = b"the earlier file"

CHILD = r"""
import os, signal, sys, uuid
from datetime import date
from pathlib import Path
from storage.store import Store
from storage.urls import resolve_url
kind, db, target, municipality, session, kill = sys.argv[1:7]
store = Store(resolve_url(Path(db)))
municipality, session = uuid.UUID(municipality), uuid.UUID(session)
if kind == "log_template":
    from exports.log_workbook import write_log_workbook
    from storage.services.log_templates import log_template_specs
    spec = log_template_specs(store, municipality, today=date(2026, 11, 20))[0]
    write = lambda: write_log_workbook(spec, target)
elif kind == "response_sheet":
    from exports.response_sheet import build_spec, write_response_sheet
    spec = build_spec(store, session, 5)
    write = lambda: write_response_sheet(spec, target)
elif kind in ("report_xlsx", "report_pdf"):
    from exports.report_pdf import write_report_pdf
    from exports.report_xlsx import write_report_xlsx
    from storage.services.report_data import collect_report
    data = collect_report(store, municipality, "midterm", None, date(2026, 11, 20))
    write = lambda: (write_report_xlsx if kind == "report_xlsx" else write_report_pdf)(data, {}, target)
elif kind in ("summary_xlsx", "summary_pdf"):
    from exports.vignette_summary import collect_summary, write_summary_pdf
    from exports.vignette_summary_xlsx import write_summary_xlsx
    summary = collect_summary(store, session)
    write = lambda: (write_summary_xlsx if kind == "summary_xlsx" else write_summary_pdf)(summary, target)
elif kind == "reflection_handout":
    from exports.reflection_handout import write_reflection_handout
    from storage.content import load_reflection_templates
    template = load_reflection_templates()[0]
    write = lambda: write_reflection_handout(template, target)
elif kind == "calendar":
    from exports.calendar import export_gatherings
    write = lambda: export_gatherings(store, municipality, target)
elif kind == "report_files":
    from exports.report_files import write_files
    from storage.services.report_archive import OutgoingFile
    write = lambda: write_files([OutgoingFile(Path(target).name, "application/pdf", b"%PDF-1.4 new")],
                                Path(target).parent)
if kill == "kill":
    os.replace = lambda *args, **kw: os.kill(os.getpid(), signal.SIGKILL)
write()
store.close()
"""

KINDS = {"log_template": "Øktlogg.xlsx", "response_sheet": "svar.xlsx", "report_xlsx": "rapport.xlsx",
         "report_pdf": "rapport.pdf", "summary_xlsx": "oppsummering.xlsx", "summary_pdf": "oppsummering.pdf",
         "reflection_handout": "refleksjon.pdf", "calendar": "samlinger.ics", "report_files": "vedlegg.pdf"}


def run_writer(kind: str, db: Path, target: Path, municipality, session, *, kill: bool):
    return subprocess.run([sys.executable, "-c", CHILD, kind, str(db), str(target), str(municipality), str(session),
                           "kill" if kill else "run"], cwd=ROOT, capture_output=True, text=True, timeout=300)


def check_whole(target: Path) -> None:
    if target.suffix == ".xlsx":
        load_workbook(target, read_only=True).close()
    elif target.name == "vedlegg.pdf":
        assert target.read_bytes() == b"%PDF-1.4 new"
    elif target.suffix == ".pdf":
        assert len(PdfReader(target).pages) >= 1
    else:
        assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_kill_before_the_rename_keeps_the_earlier_file(store, db_path, tmp_path, kind):
    world = make_world(store)
    vignette = list_vignettes(store, target="kindergarten")[0]
    session = create_session(store, {"municipality_id": world.municipality.id, "held_on": date(2025, 10, 1),
                                     "vignette_version_id": vignette.latest.id,
                                     "groups": [{"name": "Gruppe 1", "unit_kind": "kindergarten"}]}).session
    target = tmp_path / "ut" / KINDS[kind]
    target.parent.mkdir()
    target.write_bytes(OLD)
    killed = run_writer(kind, db_path, target, world.municipality.id, session.id, kill=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert target.read_bytes() == OLD  # never a half-written file under the real name
    assert part_path(target).exists()
    done = run_writer(kind, db_path, target, world.municipality.id, session.id, kill=False)
    assert done.returncode == 0, done.stderr
    check_whole(target)
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # the .part is gone


def test_stale_parts_of_ours_are_removed_and_others_left(tmp_path):
    ours = [tmp_path / ".Øktlogg Lia skole.xlsx.part", tmp_path / ".rapport.pdf.part"]
    others = [tmp_path / "film.mkv.part", tmp_path / ".notes.odt.part", tmp_path / "rapport.pdf"]
    young = tmp_path / ".svar.xlsx.part"
    hour_ago = time.time() - 3600
    for path in ours + others:
        path.write_bytes(b"x")
        os.utime(path, (hour_ago, hour_ago))
    young.write_bytes(b"x")
    assert sorted(remove_stale_parts(tmp_path)) == sorted(ours)
    assert all(p.exists() for p in others) and young.exists()
