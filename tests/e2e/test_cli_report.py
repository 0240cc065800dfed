"""`nettverkslogg report` as a user runs it, on the demo database."""

from __future__ import annotations

import email
import sqlite3
from email import policy

import pytest
from pypdf import PdfReader

DEMO_TODAY = "2026-11-20"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    import os
    import subprocess
    import sys

    from tests.e2e.conftest import ROOT

    folder = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "HOME": str(folder / "home"), "XDG_DATA_HOME": str(folder / "data"),
           "XDG_STATE_HOME": str(folder / "state"), "PYTHONPATH": str(ROOT)}
    path = folder / "demo.db"
    result = subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", str(path)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return path


def test_report_both_formats_with_eml(cli, demo_db, tmp_path):
    out = tmp_path / "rapporter"
    result = cli("report", "--db", str(demo_db), "--kind", "midterm", "--semester", "2026V", "--format", "both",
                 "--out", str(out), "--eml", "--to", "sf@example.no", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    names = sorted(p.suffix for p in out.iterdir())
    assert names == [".eml", ".pdf", ".xlsx"]
    pdf = next(out.glob("*.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    with sqlite3.connect(demo_db) as con:
        units = con.execute("select count(*) from unit where archived = 0").fetchone()[0]
        archived = con.execute("select count(*) from report_file").fetchone()[0]
        recipient = con.execute("select recipient from report_snapshot").fetchone()[0]
    assert "Enheter som deltar" in text and str(units) in text
    message = email.message_from_bytes(next(out.glob("*.eml")).read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1" and message["To"] == "sf@example.no"
    assert len(list(message.iter_attachments())) == 2
    assert archived == 3 and recipient == "sf@example.no"


def test_semester_outside_the_period(cli, demo_db, tmp_path):
    result = cli("report", "--db", str(demo_db), "--kind", "midterm", "--semester", "2019H", "--format", "pdf",
                 "--out", str(tmp_path / "ut"))
    assert result.returncode == 2
    assert "utenfor perioden" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_folder_not_writable(cli, demo_db, read_only_folder):
    read_only_folder.lock()
    result = cli("report", "--db", str(demo_db), "--kind", "final", "--format", "both",
                 "--out", str(read_only_folder.path))
    assert result.returncode == 2
    assert "Kan ikke lagre i mappen" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(read_only_folder.path.iterdir()) == []


def test_funds_xlsx_only(cli, demo_db, tmp_path):
    out = tmp_path / "midler"
    result = cli("report", "--db", str(demo_db), "--kind", "funds", "--format", "xlsx", "--out", str(out),
                 "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    assert [p.suffix for p in out.iterdir()] == [".xlsx"]
