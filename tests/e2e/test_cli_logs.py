"""`nettverkslogg log-templates` and `import-logs` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.store import Store
from storage.urls import resolve_url
from tests.e2e.conftest import sha
from tests.log_world import dump, fill, make_world, typical_row


@pytest.fixture
def world_db(db_path) -> Path:
    store = Store(resolve_url(db_path))
    try:
        make_world(store)
    finally:
        store.close()
    return db_path


def rows_of(db_path: Path) -> dict:
    store = Store(resolve_url(db_path))
    try:
        return dump(store)
    finally:
        store.close()


def test_log_templates_one_per_unit_and_per_network(cli, world_db, tmp_path):
    result = cli("log-templates", "--db", str(world_db), "--out", str(tmp_path / "ut"))
    assert result.returncode == 0, result.stderr
    assert "3 loggskjema lagret" in result.stdout
    assert sorted(p.name for p in (tmp_path / "ut").iterdir()) == [
        "Øktlogg Lia skole.xlsx", "Øktlogg Solsikken barnehage.xlsx", "Øktlogg Tusenfryd barnehage.xlsx"]
    result = cli("log-templates", "--db", str(world_db), "--out", str(tmp_path / "nett"),
                 "--network", "barnehagenettverket")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "nett").iterdir()] == ["Øktlogg Barnehagenettverket.xlsx"]


def test_log_templates_for_an_unknown_network(cli, world_db, tmp_path):
    result = cli("log-templates", "--db", str(world_db), "--out", str(tmp_path), "--network", "Finnes ikke")
    assert result.returncode == 2 and "Fant ikke nettverket «Finnes ikke»" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_logs_dry_run_then_store_then_again(cli, world_db, tmp_path):
    cli("log-templates", "--db", str(world_db), "--out", str(tmp_path))
    path = fill(tmp_path / "Øktlogg Solsikken barnehage.xlsx", {8: typical_row(), 9: typical_row(held_on="1.9.26")})
    before = sha(world_db)
    result = cli("import-logs", "--db", str(world_db), "--dry-run", str(path))
    assert result.returncode == 0, result.stderr
    assert "Øktlogg Solsikken barnehage.xlsx: 2 nye, 0 endrede, 0 uendrede, 0 feil" in result.stdout
    assert "Prøvekjøring: ingenting er lagret." in result.stdout and sha(world_db) == before

    result = cli("import-logs", "--db", str(world_db), str(path))
    assert result.returncode == 0, result.stderr
    assert "Lagret: 2 nye og 0 endrede øktlogger fra 1 av 1 fil." in result.stdout
    stored = rows_of(world_db)
    assert len(stored["session_log"]) == 2

    result = cli("import-logs", "--db", str(world_db), str(path))
    assert result.returncode == 0 and "0 nye, 0 endrede, 2 uendrede, 0 feil" in result.stdout
    assert rows_of(world_db) == stored


def test_import_logs_refused_file_stores_nothing_and_exits_non_zero(cli, world_db, tmp_path):
    cli("log-templates", "--db", str(world_db), "--out", str(tmp_path))
    good = fill(tmp_path / "Øktlogg Solsikken barnehage.xlsx", {8: typical_row()})
    bad = fill(tmp_path / "Øktlogg Lia skole.xlsx", {8: typical_row(), 9: typical_row(held_on="03/12/2026",
                                                                                     staff_present=31, staff_total=30)})
    encrypted = tmp_path / "passord.xlsx"
    encrypted.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512)
    result = cli("import-logs", "--db", str(world_db), str(good), str(bad), str(encrypted))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert "Øktlogg Solsikken barnehage.xlsx: 1 ny, 0 endrede, 0 uendrede, 0 feil" in lines
    assert "Øktlogg Lia skole.xlsx: 1 ny, 0 endrede, 0 uendrede, 2 feil – ingenting fra fila lagres" in lines
    assert "  Øktlogg!B9: «03/12/2026» kan leses på flere måter (dag eller måned først?). Skriv datoen som " \
           "dd.mm.åååå, for eksempel 12.03.2021." in lines
    assert any(line.startswith("  Øktlogg!D9: Ansatte til stede kan ikke være flere") for line in lines)
    assert any(line.startswith("passord.xlsx: avvist – passord.xlsx er passordbeskyttet") for line in lines)
    assert "2 av 3 filer ble avvist eller har feil" in result.stderr
    logs = rows_of(world_db)["session_log"]
    assert len(logs) == 1  # only the good file's row


def test_import_logs_needs_a_file(cli, world_db):
    result = cli("import-logs", "--db", str(world_db))
    assert result.returncode == 2 and "disse valgene må være med: FIL" in result.stderr


def test_import_logs_after_rows_were_moved_keeps_every_session(cli, world_db, tmp_path):
    cli("log-templates", "--db", str(world_db), "--out", str(tmp_path))
    sessions = {8: typical_row(held_on="12.03.2026", theme="Første økt"),
                9: typical_row(held_on="09.04.2026", theme="Andre økt"),
                10: typical_row(held_on="07.05.2026", theme="Tredje økt")}
    path = fill(tmp_path / "Øktlogg Solsikken barnehage.xlsx", sessions)
    assert cli("import-logs", "--db", str(world_db), str(path)).returncode == 0
    stored = rows_of(world_db)
    fill(path, {9: sessions[10], 10: dict.fromkeys(typical_row(), None)})
    result = cli("import-logs", "--db", str(world_db), str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("Øktlogg Solsikken barnehage.xlsx: 0 nye, 0 endrede, 2 uendrede, 0 feil, "
                        "1 tømt rad beholdes uendret")
    assert lines[1] == "  Øktlogg!B9: Raden er tømt – loggen beholdes («Andre økt», 09.04.2026)"
    assert rows_of(world_db) == stored
