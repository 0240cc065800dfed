"""The session-log workbook: written, filled in with openpyxl as a director would, read back, imported.

Every bad input is refused with a Norwegian message and leaves the database exactly as it was."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from exports.log_workbook import read_log_workbook, write_log_workbooks
from exports.log_workbook_layout import FIRST_ROW, HEADER_ROW, INPUT_ROWS, META_SHEET, Meta
from storage.enums import LogSource
from storage.migrate import prepare_database
from storage.services.log_templates import log_template_specs
from storage.services.reach import reach_by_unit
from storage.services.session_log_import import commit_import, preview_files
from storage.services.session_logs import LogFilter, list_logs
from storage.services.units import remove_unit
from storage.store import Store
from storage.urls import resolve_url
from tests.log_world import TODAY, dump, fill, make_world, typical_row

SOLSIKKEN = "Solsikken barnehage"


@pytest.fixture
def world(store):
    return make_world(store)


def write_template(store, world, folder: Path, unit: str = SOLSIKKEN) -> Path:
    specs = log_template_specs(store, world.municipality.id, unit_ids=[world.unit(unit).id], today=TODAY)
    [path] = write_log_workbooks(specs, folder)
    return path


@pytest.fixture
def template(store, world, tmp_path) -> Path:
    return write_template(store, world, tmp_path / "ut")


def preview(store, *paths, **options):
    return preview_files(store, paths, read_log_workbook, today=TODAY, **options)


def import_files(store, *paths):
    previews = preview(store, *paths)
    return previews, commit_import(store, previews)


def assert_refused(store, path: Path, *texts: str, reason: str | None = None, **options):
    """The file is refused as a whole with a message containing `texts`, and nothing is stored."""
    before = dump(store)
    [result] = preview(store, path, **options)
    assert result.refused is not None, result
    for text in texts:
        assert text in result.refused
    if reason:
        assert result.reason == reason
    assert commit_import(store, [result]).files_stored == 0
    assert dump(store) == before
    return result


def assert_cell_errors(store, path: Path, expected: dict[str, str]):
    """The file has exactly these cell errors (reference → part of the message); nothing is stored."""
    before = dump(store)
    [result] = preview(store, path)
    assert result.refused is None
    found = {e.ref: e.message for e in result.errors}
    assert set(found) == set(expected), found
    for ref, text in expected.items():
        assert text in found[ref], found[ref]
    assert not result.ok and "ingenting fra fila lagres" in result.summary()
    assert commit_import(store, [result]).files_stored == 0
    assert dump(store) == before
    return result


# --- the template -----------------------------------------------------------------------------------

def test_template_layout_protection_and_validation(template, world):
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == ["Øktlogg", "Slik fyller du ut", "Samlinger og oppgaver", META_SHEET]
    assert wb[META_SHEET].sheet_state == "veryHidden"
    assert wb.security.lockStructure
    ws = wb["Øktlogg"]
    assert ws.protection.sheet and wb["Slik fyller du ut"].protection.sheet
    assert "Solsikken barnehage" in ws["A1"].value and "Barnehagenettverket" in ws["A3"].value
    assert ws[f"C{HEADER_ROW}"].value == "Varighet (minutter)" and ws[f"C{HEADER_ROW}"].protection.locked
    for ref in (f"B{FIRST_ROW}", f"M{FIRST_ROW + INPUT_ROWS - 1}", "G20"):
        assert ws[ref].protection.locked is False
    assert ws[f"A{FIRST_ROW}"].protection.locked and ws["N20"].protection.locked
    assert ws[f"B{FIRST_ROW}"].number_format == "DD.MM.YYYY"
    kinds = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert {"date", "whole", "list", "textLength"} <= set(kinds)
    assert kinds["date"].formula1 == "DATE(2025,8,1)" and kinds["date"].formula2 == "DATE(2027,6,30)"
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert '"Ja,Nei"' in lists and any("Styrer" in f for f in lists)
    assert {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "textLength"} == {"200", "4000"}
    guide = "\n".join(str(c.value) for row in wb["Slik fyller du ut"].iter_rows() for c in row if c.value)
    assert "12.03.2026" in guide and "Ikke skriv navn på barn" in guide and ".xlsx" in guide
    info = [c for row in wb["Samlinger og oppgaver"].iter_rows() for c in row if c.value]
    texts = [str(c.value) for c in info]
    assert "Nettverkssamling om voksenrollen" in texts and "03.12.2026" in texts
    assert "Prøv ut lekeveiledning" in texts
    task = next(c for c in info if str(c.value).startswith("=Del"))
    assert task.data_type == "s"  # user text starting with = is text, never a formula


def test_network_template_has_a_sheet_per_member(store, world, tmp_path):
    specs = log_template_specs(store, world.municipality.id, network_id=world.network.id, today=TODAY)
    [path] = write_log_workbooks(specs, tmp_path)
    assert path.name == "Øktlogg Barnehagenettverket.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == ["Solsikken barnehage", "Tusenfryd barnehage"]
    fill(path, {FIRST_ROW: typical_row()}, sheet="Solsikken barnehage")
    fill(path, {FIRST_ROW: typical_row(staff_present=9, staff_total=12)}, sheet="Tusenfryd barnehage")
    [result] = preview(store, path)
    assert result.ok and len(result.new) == 2
    assert {r.ref for r in result.new} == {"'Solsikken barnehage'!B8", "'Tusenfryd barnehage'!B8"}
    commit_import(store, [result])
    logs = list_logs(store, world.municipality.id)
    assert sorted((log.unit_name, log.staff_present) for log in logs) == [
        ("Solsikken barnehage", 14), ("Tusenfryd barnehage", 9)]


def test_one_template_per_unit_by_default(store, world, tmp_path):
    specs = log_template_specs(store, world.municipality.id, today=TODAY)
    paths = write_log_workbooks(specs, tmp_path)
    assert sorted(p.name for p in paths) == ["Øktlogg Lia skole.xlsx", "Øktlogg Solsikken barnehage.xlsx",
                                             "Øktlogg Tusenfryd barnehage.xlsx"]


def test_an_empty_template_imports_as_nothing(store, template):
    [result] = preview(store, template)
    assert result.ok and not result.rows and result.summary().endswith("0 feil")


# --- the round trip ---------------------------------------------------------------------------------

def test_round_trip_logs_and_reach_equal_what_was_typed(store, world, template):
    fill(template, {
        8: typical_row(),
        9: typical_row(held_on=datetime(2026, 4, 2), staff_present=18, theme="Språk som inkluderer",
                       children_involved="Ja", led_by="Pedagogisk leder", what_done=None, method=None),
        10: typical_row(held_on="2/9-26", staff_present="12", duration_minutes=None, parents_involved="ja",
                        theme="Aktivitetsplikten: følge med og gripe inn"),
    })
    previews, result = import_files(store, template)
    assert previews[0].summary() == "Øktlogg Solsikken barnehage.xlsx: 3 nye, 0 endrede, 0 uendrede, 0 feil"
    assert (result.new, result.changed, result.files_stored) == (3, 0, 1)
    logs = {log.held_on: log for log in list_logs(store, world.municipality.id)}
    assert set(logs) == {date(2026, 3, 12), date(2026, 4, 2), date(2026, 9, 2)}
    first = logs[date(2026, 3, 12)]
    assert (first.duration_minutes, first.staff_present, first.staff_total, first.led_by) == (90, 14, 20, "Styrer")
    assert first.theme == "Voksenrollen i frileken" and first.what_done.startswith("Vi så på en vignett")
    assert first.source == LogSource.EXCEL and not first.children_involved
    second = logs[date(2026, 4, 2)]
    assert second.children_involved and second.what_done is None and second.led_by == "Pedagogisk leder"
    third = logs[date(2026, 9, 2)]
    assert third.duration_minutes == 60 and third.parents_involved and third.staff_present == 12
    spring = {r.unit_name: r for r in reach_by_unit(store, world.municipality.id, "2026V")}
    assert spring[SOLSIKKEN].from_logs == 18 and spring[SOLSIKKEN].share == pytest.approx(18 / 20)
    autumn = {r.unit_name: r for r in reach_by_unit(store, world.municipality.id, "2026H")}
    assert autumn[SOLSIKKEN].reached == 12 and autumn["Lia skole"].reached == 0


def test_reimporting_the_same_file_changes_nothing(store, template):
    fill(template, {8: typical_row(), 9: typical_row(held_on="13.03.2026")})
    import_files(store, template)
    before = dump(store)
    previews, result = import_files(store, template)
    assert previews[0].summary().endswith("0 nye, 0 endrede, 2 uendrede, 0 feil")
    assert (result.new, result.changed, result.unchanged) == (0, 0, 2)
    assert dump(store) == before


def test_an_edited_row_shows_as_changed(store, world, template):
    fill(template, {8: typical_row(), 9: typical_row(held_on="13.03.2026")})
    import_files(store, template)
    fill(template, {9: {"staff_present": 19, "reflections": "Vi ble enige om å gå inn i leken tidligere."}})
    [result] = preview(store, template)
    assert [len(result.new), len(result.changed), len(result.unchanged)] == [0, 1, 1]
    [row] = result.changed
    assert row.ref == "Øktlogg!B9" and row.changed_fields == ("staff_present", "reflections")
    assert row.before.staff_present == 14
    commit_import(store, [result])
    logs = list_logs(store, world.municipality.id, LogFilter(search="tidligere"))
    assert len(logs) == 1 and logs[0].staff_present == 19
    assert len(list_logs(store, world.municipality.id)) == 2


def test_several_files_a_refused_one_stores_nothing(store, world, tmp_path, template):
    other = write_template(store, world, tmp_path / "lia", unit="Lia skole")
    fill(template, {8: typical_row()})
    fill(other, {8: typical_row(staff_present=40, staff_total=30)})
    previews, result = import_files(store, template, other)
    assert previews[0].ok and not previews[1].ok
    assert result.files_stored == 1 and result.files_skipped == 1
    assert [log.unit_name for log in list_logs(store, world.municipality.id)] == [SOLSIKKEN]


def test_the_same_template_twice_in_one_import(store, template, tmp_path):
    fill(template, {8: typical_row()})
    copy = shutil.copy(template, tmp_path / "kopi.xlsx")
    previews = preview(store, template, copy)
    assert previews[0].ok and previews[1].refused and "samme loggskjema" in previews[1].refused


# --- bad input --------------------------------------------------------------------------------------

def test_not_a_workbook(store, world, tmp_path):
    path = tmp_path / "logg.xlsx"
    path.write_text("Dato;Tema\n12.03.2026;Lek\n", encoding="utf-8")
    assert_refused(store, path, "ikke en Excel-arbeidsbok", reason="not_workbook")


def test_a_zip_that_is_not_a_workbook(store, world, tmp_path):
    path = tmp_path / "logg.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notat.txt", "hei")
    assert_refused(store, path, "ZIP-fil, men ikke en Excel-arbeidsbok", reason="not_workbook")


def test_password_protected_workbook(store, world, tmp_path):
    path = tmp_path / "passord.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4096)
    assert_refused(store, path, "passordbeskyttet", "Fjern passordet", reason="encrypted")


def test_a_workbook_from_elsewhere(store, world, tmp_path):
    path = tmp_path / "annet.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Dato", "Tema"])
    wb.save(path)
    assert_refused(store, path, "ikke et loggskjema fra Nettverkslogg", reason="not_template")


def test_missing_sheet(store, template):
    wb = openpyxl.load_workbook(template)
    del wb["Øktlogg"]
    wb.save(template)
    assert_refused(store, template, "arket «Øktlogg»", "mangler", "Lag et nytt loggskjema", reason="altered")


def test_renamed_sheet(store, template):
    wb = openpyxl.load_workbook(template)
    wb["Øktlogg"].title = "Logg høst"
    wb.save(template)
    assert_refused(store, template, "arket «Øktlogg»", "Fila har i stedet: «Logg høst»", reason="altered")


def test_changed_header(store, template):
    fill(template, {8: typical_row()})
    wb = openpyxl.load_workbook(template)
    wb["Øktlogg"]["D7"] = "Antall"
    wb.save(template)
    assert_refused(store, template, "overskriften i Øktlogg!D7 er endret", "«Antall»", reason="altered")


def _rewrite_meta(path: Path, change) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[META_SHEET]
    meta = Meta.parse(list(ws.iter_rows(values_only=True)))
    change(meta)
    ws.delete_rows(1, ws.max_row)
    for record in meta.sealed().records() + [("digest", meta.digest)]:
        ws.append(list(record))
    wb.save(path)


def test_wrong_template_version(store, template):
    _rewrite_meta(template, lambda meta: setattr(meta, "version", 2))
    assert_refused(store, template, "versjon 2 av loggskjemaet", "leser versjon 1", reason="altered")


def test_tampered_hidden_sheet(store, template):
    wb = openpyxl.load_workbook(template)
    ws = wb[META_SHEET]
    for row in ws.iter_rows():
        if row[0].value == "municipality_id":
            row[1].value = "00000000-0000-0000-0000-000000000001"
    wb.save(template)
    assert_refused(store, template, "identitetsarket i skjemaet er endret", reason="altered")


def test_deleted_hidden_sheet(store, template):
    wb = openpyxl.load_workbook(template)
    del wb[META_SHEET]
    wb.save(template)
    assert_refused(store, template, "skjulte identitetsark", "mangler", reason="not_template")


def test_formulas_in_cells(store, template):
    fill(template, {8: typical_row(staff_present="=D9+1", theme='=CONCATENATE("Lek";"")'),
                    9: typical_row(held_on="=TODAY()")})
    assert_cell_errors(store, template, {"Øktlogg!D8": "formel (=D9+1)", "Øktlogg!G8": "formel",
                                         "Øktlogg!B9": "formel (=TODAY())"})


@pytest.mark.parametrize("typed, expected", [
    ("12.03.2026", date(2026, 3, 12)), ("12.3.26", date(2026, 3, 12)), ("12/3-26", date(2026, 3, 12)),
    ("12/3-2026", date(2026, 3, 12)), ("2026-03-12", date(2026, 3, 12)), ("12. mars 2026", date(2026, 3, 12)),
    (" 1.2.2026 ", date(2026, 2, 1)), (datetime(2026, 3, 12), date(2026, 3, 12)), (46093, date(2026, 3, 12)),
])
def test_dates_typed_in_common_norwegian_forms_are_accepted(store, world, template, typed, expected):
    fill(template, {8: typical_row(held_on=typed)})
    [result] = preview(store, template)
    assert result.ok, result.errors
    assert result.new[0].log.held_on == expected


@pytest.mark.parametrize("typed, text", [
    ("03/12/2026", "kan leses på flere måter"), ("03-12-2026", "kan leses på flere måter"),
    ("12.03", "mangler årstall"), ("12/3", "mangler årstall"), ("31.02.2026", "ikke en dato som finnes"),
    ("neste tirsdag", "ikke en dato"), ("12.03.2024", "utenfor perioden 01.08.2025–30.06.2027"),
    ("12.03.2027", "fram i tid"),
])
def test_ambiguous_or_impossible_dates_are_refused(store, world, template, typed, text):
    fill(template, {8: typical_row(), 9: typical_row(held_on=typed)})
    result = assert_cell_errors(store, template, {"Øktlogg!B9": text})
    if "perioden" not in text and "fram" not in text:
        assert "dd.mm.åååå, for eksempel 12.03.2021" in result.errors[0].message


def test_staff_present_above_total(store, template):
    fill(template, {8: typical_row(staff_present=25, staff_total=20)})
    assert_cell_errors(store, template, {
        "Øktlogg!D8": "Ansatte til stede kan ikke være flere enn ansatte i alt. (25 til stede, 20 i alt)"})


def test_numbers_out_of_range_and_not_whole(store, template):
    fill(template, {8: typical_row(duration_minutes=2, staff_present=-1, staff_total="mange")})
    assert_cell_errors(store, template, {"Øktlogg!C8": "minst 5", "Øktlogg!D8": "negativt",
                                         "Øktlogg!E8": "Skriv et helt tall (fikk «mange»)"})


def test_text_over_the_limit(store, template):
    fill(template, {8: typical_row(theme="L" * 201, what_done="Lek. " * 801, led_by="Styrer " * 9)})
    assert_cell_errors(store, template, {"Øktlogg!G8": "«Tema» er for lang: 201 tegn, høyst 200",
                                         "Øktlogg!I8": "4004 tegn, høyst 4000",
                                         "Øktlogg!F8": "62 tegn, høyst 60"})


def test_missing_required_values(store, template):
    fill(template, {8: {"what_done": "Vi snakket om leken.", "children_involved": "kanskje"}})
    assert_cell_errors(store, template, {"Øktlogg!B8": "må fylles ut", "Øktlogg!D8": "må fylles ut",
                                         "Øktlogg!E8": "må fylles ut", "Øktlogg!G8": "må fylles ut",
                                         "Øktlogg!L8": "Skriv ja eller nei"})


def test_values_outside_the_input_rows(store, template):
    fill(template, {FIRST_ROW + INPUT_ROWS: {"theme": "Skrevet under skjemaet"}})
    assert_cell_errors(store, template, {f"Øktlogg!G{FIRST_ROW + INPUT_ROWS}": "utenfor skjemaets felt"})


def test_file_over_20_mb(store, world, tmp_path):
    path = tmp_path / "stor.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/media/image1.png", b"\x89PNG" + bytes(range(256)) * (21 * 4096))
    assert path.stat().st_size > 20 * 1024 * 1024
    assert_refused(store, path, "er for stor", "grensen er 20 MB", reason="too_large")


def test_more_than_5000_rows(store, template):
    wb = openpyxl.load_workbook(template)
    ws = wb["Øktlogg"]
    for row in range(FIRST_ROW, FIRST_ROW + 5_001):
        ws.cell(row=row, column=7, value="Lek")
    wb.save(template)
    assert_refused(store, template, "5 001 rader", "grensen er 5 000", reason="too_many_rows")


def test_more_than_5000_rows_in_a_file_without_dimensions(store, template, tmp_path):
    wb = openpyxl.load_workbook(template)
    ws = wb["Øktlogg"]
    for row in range(FIRST_ROW + INPUT_ROWS, FIRST_ROW + 5_001):
        ws.cell(row=row, column=7, value="Lek")
    wb.save(template)
    stripped = tmp_path / "uten-dimensjon.xlsx"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<dimension [^>]*/>", b"", data)
            target.writestr(item, data)
    assert_refused(store, stripped, "har mer enn 5 000 rader", reason="too_many_rows")


def test_zip_bomb_disguised_as_xlsx(store, world, tmp_path):
    path = tmp_path / "Øktlogg Solsikken barnehage.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(64):
                member.write(block)
    assert path.stat().st_size < 1024 * 1024
    assert_refused(store, path, "pakker seg ut til mye mer", reason="zip_bomb")


def test_file_from_another_database(store, world, tmp_path):
    other_path = tmp_path / "annen.db"
    prepare_database(other_path)
    other = Store(resolve_url(other_path))
    try:
        other_world = make_world(other)
        path = write_template(other, other_world, tmp_path / "annen")
    finally:
        other.close()
    fill(path, {8: typical_row()})
    assert_refused(store, path, "laget av en annen Nettverkslogg-database", reason="other_database")


def test_file_for_another_unit(store, world, template):
    fill(template, {8: typical_row()})
    assert_refused(store, template, "loggskjemaet for «Solsikken barnehage», ikke for «Lia skole»",
                   reason="other_unit", expected_unit_id=world.unit("Lia skole").id)


def test_file_for_a_unit_no_longer_in_the_database(store, world, template):
    fill(template, {8: typical_row()})
    remove_unit(store, world.unit(SOLSIKKEN).id)
    assert_refused(store, template, "«Solsikken barnehage», som ikke finnes i databasen lenger", reason="other_unit")


def test_rows_already_stored_for_another_unit(store, world, template, tmp_path):
    fill(template, {8: typical_row()})
    import_files(store, template)
    wb = openpyxl.load_workbook(template)
    meta = Meta.parse(list(wb[META_SHEET].iter_rows(values_only=True)))
    lia = world.unit("Lia skole")
    _rewrite_meta(template, lambda m: setattr(m, "sheets", [(meta.sheets[0][0], lia.id, lia.name)]))
    assert_refused(store, template, "allerede lagret for en annen enhet", reason="other_unit")


def test_reading_keeps_cell_references(template):
    fill(template, {12: typical_row(staff_present=3)})
    returned = read_log_workbook(template)
    [sheet] = returned.sheets
    [row] = sheet.rows
    assert row.excel_row == 12 and row.cells["staff_present"].ref == "Øktlogg!D12"
    assert row.cells["staff_present"].value == 3 and not row.cells["staff_present"].formula


def test_storage_does_not_import_exports():
    script = ("import sys, storage.services.session_log_import, storage.services.log_templates, "
              "storage.services.reach\nprint([m for m in sys.modules if m.split('.')[0] in ('exports', 'openpyxl')])")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout
    assert out.strip() == "[]"


def test_read_is_independent_of_the_file_name(store, template, tmp_path):
    fill(template, {8: typical_row()})
    renamed = shutil.copy(template, tmp_path / "fra styrer.xlsx")
    [result] = preview(store, renamed)
    assert result.ok and result.file_name == "fra styrer.xlsx"

