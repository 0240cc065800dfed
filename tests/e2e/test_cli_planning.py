"""`nettverkslogg status` and `nettverkslogg calendar` as a user runs them, on the demo database."""

import json
import sqlite3

import pytest
from icalendar import Calendar

DEMO_TODAY = "2026-11-20"  # storage.demo.DEMO_TODAY: the day the demo data is written as of


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The municipality-scale demo database, made once for this module with the real program."""
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


def test_status_json_shows_the_statuses_and_groups(cli, demo_db):
    result = cli("status", "--db", str(demo_db), "--json", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    lines = json.loads(result.stdout)
    assert all(set(line) == {"semester", "obligation", "group", "status", "reason"} for line in lines)
    assert {line["status"] for line in lines} <= {"met", "planned", "at_risk", "missing", "follow_up",
                                                  "not_applicable"}
    assert {"met", "at_risk", "missing", "not_applicable"} <= {line["status"] for line in lines}
    # «I fare» and «Mangler» belong to the grant letter's requirements only (issue 11, item 10)
    assert all(line["group"] == "requirement" for line in lines if line["status"] in ("at_risk", "missing"))
    assert {line["group"] for line in lines} == {"requirement", "advice"}
    assert {line["semester"] for line in lines} == {"2025H", "2026V", "2026H", "2027V"}
    assert all(line["reason"] for line in lines)


def test_status_table_is_aligned_and_norwegian(cli, demo_db):
    result = cli("status", "--db", str(demo_db), "--semester", "2026H", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[0].startswith("Forpliktelser for Fjordvik – pulje 7, 2025H–2027V, vurdert 20.11.2026")
    header, rows = out[2], out[3:]
    assert header.split()[:3] == ["Semester", "Forpliktelse", "Status"]
    assert len(rows) == 7 and all(r.startswith("2026H") for r in rows)
    column = header.index("Begrunnelse")
    assert all(r[column - 2:column] == "  " and r[column] != " " for r in rows)
    assert "Planen oppdatert" in result.stdout and "Bør følges opp" in result.stdout


def test_status_with_todays_date_and_the_municipality_by_number(cli, demo_db):
    with sqlite3.connect(demo_db) as c:
        number = c.execute("SELECT number FROM municipality").fetchone()[0]
    c.close()
    result = cli("status", "--db", str(demo_db), "--json", "--kommune", number)
    assert result.returncode == 0, result.stderr
    assert {line["status"] for line in json.loads(result.stdout)} <= {"met", "planned", "at_risk", "missing",
                                                                      "follow_up", "not_applicable"}


@pytest.mark.parametrize("args, message", [
    (("--semester", "2031H"), "2031H er utenfor perioden (2025H–2027V)."),
    (("--semester", "høsten"), "er ikke et semester"),
    (("--kommune", "Atlantis"), "Fant ikke kommunen «Atlantis»"),
])
def test_status_bad_input(cli, demo_db, args, message):
    result = cli("status", "--db", str(demo_db), *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_status_on_missing_database(cli, tmp_path):
    result = cli("status", "--db", str(tmp_path / "borte.db"))
    assert result.returncode == 2 and "Finner ikke databasen" in result.stderr
    assert not (tmp_path / "borte.db").exists()


def test_calendar_has_one_event_per_gathering(cli, demo_db, tmp_path):
    out = tmp_path / "samlinger.ics"
    result = cli("calendar", "--db", str(demo_db), "--out", str(out))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(demo_db) as c:
        ids = {row[0] for row in c.execute("SELECT id FROM gathering")}
        network, in_network = c.execute(
            "SELECT n.name, count(*) FROM gathering g JOIN learning_network n ON n.id = g.network_id "
            "GROUP BY n.name ORDER BY n.name").fetchone()
    c.close()
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == len(ids) and f"Skrev {len(ids)} samlinger" in result.stdout
    uids = {str(e["UID"]) for e in events}
    again = tmp_path / "igjen.ics"
    assert cli("calendar", "--db", str(demo_db), "--out", str(again)).returncode == 0
    assert {str(e["UID"]) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")} == uids
    only = tmp_path / "nettverk.ics"
    result = cli("calendar", "--db", str(demo_db), "--out", str(only), "--network", network.upper())
    assert result.returncode == 0, result.stderr
    assert len(Calendar.from_ical(only.read_bytes()).walk("VEVENT")) == in_network


def test_calendar_bad_input(cli, demo_db, tmp_path):
    result = cli("calendar", "--db", str(demo_db), "--out", str(tmp_path / "x.ics"), "--network", "Finnes ikke")
    assert result.returncode == 2 and "Fant ikke nettverket «Finnes ikke»" in result.stderr
    result = cli("calendar", "--db", str(demo_db), "--out", str(tmp_path / "mappe-som-mangler" / "x.ics"))
    assert result.returncode == 2 and "Kan ikke skrive" in result.stderr and "Traceback" not in result.stderr
    result = cli("calendar", "--db", str(demo_db), "--out", str(tmp_path / "x.txt"))
    assert result.returncode == 2 and ".ics" in result.stderr
    assert not list(tmp_path.glob("x.*"))


def test_status_json_never_counts_a_planned_gathering_as_met(cli, demo_db):
    """Issue 11, item 2: a fagdag or regional gathering is met only when one is held in the semester
    (plain SQL); one that is only planned for a day ahead is `planned`."""
    result = cli("status", "--db", str(demo_db), "--json", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    lines = json.loads(result.stdout)
    bounds = {"V": ("01-01", "06-30"), "H": ("07-01", "12-31")}
    with sqlite3.connect(demo_db) as c:
        def count(kind, semester, status, after=None):
            first, last = (f"{semester[:4]}-{b}" for b in bounds[semester[4]])
            sql = ("SELECT count(*) FROM gathering WHERE kind = ? AND status = ? AND date(starts_at) BETWEEN ? AND ?"
                   + (" AND date(starts_at) >= ?" if after else ""))
            return c.execute(sql, (kind, status, first, last, *([after] if after else []))).fetchone()[0]

        checked = 0
        for line in lines:
            if line["obligation"] not in ("national_specialist_day", "regional_gathering"):
                continue
            held = count(line["obligation"], line["semester"], "held")
            ahead = count(line["obligation"], line["semester"], "planned", DEMO_TODAY)
            if line["status"] == "met":
                assert held, line
            if not held and ahead:
                assert line["status"] == "planned", line
                checked += 1
    c.close()
    assert checked, "the demo plans a gathering ahead of its today"
