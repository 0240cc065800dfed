"""The vignette response sheet: written, filled in as a person would, read back, checked whole, stored
all or nothing; bad input (another session, empty and too long answers, unknown unit type) refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exports.response_sheet import (
    ANSWER_SHEET,
    FIRST_ROW,
    GUIDE_SHEET,
    META_SHEET,
    SheetRefused,
    build_spec,
    read_response_sheet,
    write_response_sheet,
)
from storage.errors import DomainError
from storage.models.vignettes import MAX_ANSWER_CHARS
from storage.services.response_import import import_response_sheet, preview_response_sheet
from storage.services.vignette_sessions import capture_response, create_session, list_responses
from storage.services.vignettes import list_vignettes

ANSWER = "Jeg ville snakket med barnet alene først, og så tatt det opp med hele personalet på neste møte."


@pytest.fixture
def sessions(store, muni):
    vignette = list_vignettes(store, target="kindergarten")[0]

    def make(day: int):
        return create_session(store, {"municipality_id": muni.id, "vignette_version_id": vignette.latest.id,
                                      "held_on": date(2025, 10, day),
                                      "groups": [{"name": "Gruppe 1", "unit_kind": "kindergarten"}]})
    return make(1), make(20)


def write(store, session_id, folder: Path, rows: int = 10) -> Path:
    return write_response_sheet(build_spec(store, session_id, rows), folder / f"svar-{session_id}.xlsx")


def fill(path: Path, rows: dict[int, tuple]) -> Path:
    """Type into the Svar sheet as a person would (protection does not stop openpyxl)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb[ANSWER_SHEET]
    for row, values in rows.items():
        for letter, value in zip("ABCD", values, strict=False):
            if value is not ...:
                ws[f"{letter}{row}"] = value
    wb.save(path)
    return path


def test_layout_hidden_identity_and_validation(store, sessions, tmp_path):
    from openpyxl import load_workbook

    first, _second = sessions
    capture_response(store, first.session.id, {"text": ANSWER})  # Deltaker 1 is taken
    path = write(store, first.session.id, tmp_path, rows=5)
    wb = load_workbook(path)
    assert wb.sheetnames == [GUIDE_SHEET, ANSWER_SHEET, META_SHEET]
    assert wb[META_SHEET].sheet_state == "veryHidden"
    meta = {r[0]: r[1] for r in wb[META_SHEET].iter_rows(values_only=True)}
    assert meta["session_id"] == str(first.session.id) and meta["kind"] == "vignette_response_sheet"
    ws = wb[ANSWER_SHEET]
    assert [ws[f"A{FIRST_ROW + i}"].value for i in range(5)] == [f"Deltaker {n}" for n in range(2, 7)]
    assert ws.protection.sheet and not ws[f"D{FIRST_ROW}"].protection.locked
    ranges = {str(dv.sqref): dv.type for dv in ws.data_validations.dataValidation}
    assert ranges[f"D{FIRST_ROW}:D{FIRST_ROW + 4}"] == "textLength"
    assert ranges[f"B{FIRST_ROW}:B{FIRST_ROW + 4}"] == "list"
    guide = " ".join(str(c.value or "") for c in wb[GUIDE_SHEET]["A"])
    assert first.version.text.split("\n")[0][:60] in guide and "Skriv aldri navnet ditt" in guide


def test_round_trip_stores_what_was_typed(store, sessions, tmp_path):
    first, _second = sessions
    path = fill(write(store, first.session.id, tmp_path), {
        FIRST_ROW: (..., "Barnehage", "Pedagogisk leder/lærer", ANSWER),
        FIRST_ROW + 1: ("Gruppe 4", "Skole", "Rektor", "Vi ville fulgt med i friminuttene og snakket med klassen."),
        FIRST_ROW + 2: (..., None, None, "Ringe meg på 912 34 567 om dette, så tar vi det videre."),
    })
    sheet = read_response_sheet(path)
    assert sheet.session_id == first.session.id and len(sheet.rows) == 3
    assert sheet.rows[0].cells["text"].ref == f"Svar!D{FIRST_ROW}"
    preview = preview_response_sheet(store, sheet, first.session.id)
    assert preview.ok and len(preview.answers) == 3
    assert [w.ref for w in preview.warnings] == [f"Svar!D{FIRST_ROW + 2}"]  # a phone number: warned, not refused
    import_response_sheet(store, preview)
    stored = {r.respondent: r for r in list_responses(store, first.session.id)}
    assert set(stored) == {"Deltaker 1", "Gruppe 4", "Deltaker 3"}
    assert stored["Deltaker 1"].unit_kind == "kindergarten" and stored["Deltaker 1"].role == "pedagogical_leader"
    assert stored["Gruppe 4"].respondent_kind == "group" and stored["Gruppe 4"].role == "Rektor"
    assert stored["Deltaker 1"].text == ANSWER


def test_an_empty_sheet_has_nothing_to_read(store, sessions, tmp_path):
    first, _second = sessions
    preview = preview_response_sheet(store, read_response_sheet(write(store, first.session.id, tmp_path)),
                                     first.session.id)
    assert not preview.ok and not preview.errors and "ingen svar" in preview.summary()


def test_a_response_sheet_for_another_session_is_refused(store, sessions, tmp_path):
    first, second = sessions
    path = fill(write(store, first.session.id, tmp_path), {FIRST_ROW: (..., "Barnehage", None, ANSWER)})
    with pytest.raises(DomainError) as refused:
        preview_response_sheet(store, read_response_sheet(path), second.session.id)
    message = refused.value.message
    assert f"svararket for økta «{first.session.title}», ikke for «{second.session.title}»" in message
    assert list_responses(store, first.session.id) == [] and list_responses(store, second.session.id) == []


def test_bad_cells_are_listed_with_references_and_nothing_is_stored(store, sessions, tmp_path):
    first, _second = sessions
    path = fill(write(store, first.session.id, tmp_path), {
        FIRST_ROW: (..., "Barnehage", None, ANSWER),
        FIRST_ROW + 1: (..., "Barnehage", "Assistent", None),
        FIRST_ROW + 2: (..., None, None, "x" * (MAX_ANSWER_CHARS + 1)),
        FIRST_ROW + 3: (..., "Sykehjem", None, ANSWER),
        FIRST_ROW + 4: ("Deltaker 1", None, None, ANSWER),
    })
    preview = preview_response_sheet(store, read_response_sheet(path), first.session.id)
    errors = {e.ref: e.message for e in preview.errors}
    assert "Svaret er tomt" in errors[f"Svar!D{FIRST_ROW + 1}"]
    assert "for langt" in errors[f"Svar!D{FIRST_ROW + 2}"]
    assert "Ukjent enhetstype «Sykehjem»" in errors[f"Svar!B{FIRST_ROW + 3}"]
    assert "«Deltaker 1» står også i" in errors[f"Svar!A{FIRST_ROW + 4}"]
    assert not preview.ok
    with pytest.raises(DomainError, match="feil må rettes"):
        import_response_sheet(store, preview)
    assert list_responses(store, first.session.id) == []


def test_a_failure_while_storing_stores_nothing(store, sessions, tmp_path):
    first, _second = sessions
    path = fill(write(store, first.session.id, tmp_path), {FIRST_ROW: (..., None, None, ANSWER),
                                                           FIRST_ROW + 1: ("Gruppe 1", None, None, ANSWER)})
    preview = preview_response_sheet(store, read_response_sheet(path), first.session.id)
    assert preview.ok
    capture_response(store, first.session.id, {"respondent": "Gruppe 1", "respondent_kind": "group",
                                               "text": ANSWER})  # taken after the preview
    with pytest.raises(DomainError, match="Gruppe 1"):
        import_response_sheet(store, preview)
    assert [r.respondent for r in list_responses(store, first.session.id)] == ["Gruppe 1"]


def test_an_altered_identity_sheet_is_refused(store, sessions, tmp_path):
    from openpyxl import load_workbook

    first, _second = sessions
    path = write(store, first.session.id, tmp_path)
    wb = load_workbook(path)
    wb[META_SHEET]["B5"] = "00000000-0000-0000-0000-000000000000"
    wb.save(path)
    with pytest.raises(SheetRefused, match="identitetsarket er endret"):
        read_response_sheet(path)


def test_a_log_template_or_other_workbook_is_not_a_response_sheet(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "annet.xlsx"
    Workbook().save(path)
    with pytest.raises(SheetRefused, match="ikke et svarark"):
        read_response_sheet(path)
