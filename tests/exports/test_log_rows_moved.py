"""A returned session-log form whose rows the director moved: no session is lost or stored twice.

The exact case from issue 10: three sessions imported from rows 8–10; the director clears row 9 and
moves row 10's session up. Importing again keeps «Andre økt» (shown as «Raden er tømt – loggen
beholdes») and does not store «Tredje økt» twice — also when the form was saved by LibreOffice."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from exports.log_workbook import read_log_workbook, write_log_workbooks
from storage.services.log_templates import log_template_specs
from storage.services.session_log_import import RowStatus, commit_import, preview_files
from storage.services.session_logs import list_logs
from tests.libreoffice import resave
from tests.log_world import TODAY, dump, fill, make_world, typical_row

SESSIONS = {8: typical_row(held_on="12.03.2026", theme="Første økt"),
            9: typical_row(held_on="09.04.2026", theme="Andre økt", staff_present=11),
            10: typical_row(held_on="07.05.2026", theme="Tredje økt", staff_present=16)}
EMPTY = dict.fromkeys(typical_row(), None)


@pytest.fixture
def world(store):
    return make_world(store)


@pytest.fixture
def form(store, world, tmp_path) -> Path:
    specs = log_template_specs(store, world.municipality.id, unit_ids=[world.unit("Solsikken barnehage").id],
                               today=TODAY)
    [path] = write_log_workbooks(specs, tmp_path / "ut")
    fill(path, SESSIONS)
    [preview] = preview_files(store, [path], read_log_workbook, today=TODAY)
    assert len(preview.new) == 3
    commit_import(store, [preview])
    return path


def themes(store, world) -> Counter:
    return Counter(log.theme for log in list_logs(store, world.municipality.id))


def move_row_10_up(path: Path) -> Path:
    """What the director does in Excel: clear row 9, then move row 10's session up into it."""
    return fill(path, {9: SESSIONS[10], 10: EMPTY})


def assert_nothing_lost(store, world, path: Path) -> None:
    before = dump(store)
    [preview] = preview_files(store, [path], read_log_workbook, today=TODAY)
    assert preview.ok, preview
    assert [(r.log.theme, r.status) for r in preview.rows] == [("Første økt", RowStatus.UNCHANGED),
                                                              ("Tredje økt", RowStatus.UNCHANGED)]
    assert preview.rows[1].moved_from == 10 and preview.rows[1].ref == "Øktlogg!B9"
    [kept] = preview.kept
    assert (kept.ref, kept.log.theme, kept.message) == ("Øktlogg!B9", "Andre økt", "Raden er tømt – loggen beholdes")
    assert preview.summary().endswith("0 nye, 0 endrede, 2 uendrede, 0 feil, 1 tømt rad beholdes uendret")
    result = commit_import(store, [preview])
    assert (result.new, result.changed, result.unchanged) == (0, 0, 2)
    assert dump(store) == before
    assert themes(store, world) == Counter({"Første økt": 1, "Andre økt": 1, "Tredje økt": 1})


def test_moved_row_keeps_every_session_once(store, world, form):
    assert_nothing_lost(store, world, move_row_10_up(form))
    assert_nothing_lost(store, world, form)  # and again: still nothing changes


def test_moved_row_in_a_form_saved_by_libreoffice(store, world, form, tmp_path):
    saved = resave(move_row_10_up(form), tmp_path / "libreoffice")
    assert_nothing_lost(store, world, saved)


def test_a_moved_and_edited_row_updates_its_own_log(store, world, form):
    fill(form, {9: {**SESSIONS[10], "staff_present": 17}, 10: EMPTY})
    [preview] = preview_files(store, [form], read_log_workbook, today=TODAY)
    [changed] = preview.changed
    assert (changed.log.theme, changed.changed_fields, changed.moved_from) == ("Tredje økt", ("staff_present",), 10)
    commit_import(store, [preview])
    logs = {log.theme: log for log in list_logs(store, world.municipality.id)}
    assert len(logs) == 3 and logs["Tredje økt"].staff_present == 17 and logs["Andre økt"].staff_present == 11


def test_a_reused_row_adds_a_session_and_keeps_the_old_one(store, world, form):
    fill(form, {9: typical_row(held_on="04.06.2026", theme="Fjerde økt")})
    [preview] = preview_files(store, [form], read_log_workbook, today=TODAY)
    [new] = preview.new
    assert new.log.theme == "Fjerde økt" and new.ref == "Øktlogg!B9"
    [kept] = preview.kept
    assert (kept.log.theme, kept.message) == ("Andre økt", "Raden har fått en annen økt – loggen beholdes")
    commit_import(store, [preview])
    assert themes(store, world) == Counter({"Første økt": 1, "Andre økt": 1, "Tredje økt": 1, "Fjerde økt": 1})
    [again] = preview_files(store, [form], read_log_workbook, today=TODAY)
    assert (len(again.new), len(again.changed), len(again.unchanged), len(again.kept)) == (0, 0, 3, 1)
    commit_import(store, [again])
    assert sum(themes(store, world).values()) == 4


def test_a_date_corrected_in_place_is_a_change_not_a_new_session(store, world, form):
    fill(form, {9: {"held_on": "10.04.2026"}})
    [preview] = preview_files(store, [form], read_log_workbook, today=TODAY)
    [changed] = preview.changed
    assert changed.log.theme == "Andre økt" and changed.changed_fields == ("held_on",) and not preview.kept
