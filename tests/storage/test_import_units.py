import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.errors import DomainError
from storage.importers.tables import RawRow, RawTable
from storage.importers.units import (
    UnitImportRejected,
    import_units,
    read_table,
    suggest_mapping,
    validate_units,
)
from storage.services.units import add_unit, list_units

HEADERS = ["Navn", "Type", "Eierform", "Trinn", "Antall ansatte", "Leder", "E-post"]
ROWS = [
    ["Solsikken barnehage", "Barnehage", "Privat", "", "14", "styrer", "styrer@solsikken.no"],
    ["Fjordvik skole", "Skole", "Kommunal", "1–7", "32", "rektor", "rektor@fjordvik.kommune.no"],
    ["Nordby ungdomsskole", "ungdomsskole", "", "", "41", "rektor", ""],
]


def write_csv(path: Path, rows, *, delimiter=";", encoding="utf-8-sig", headers=HEADERS) -> Path:
    with path.open("w", newline="", encoding=encoding) as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows, headers=HEADERS) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([])  # a blank first row: the headers are the first row with something in it
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_suggest_mapping_from_norwegian_headers():
    assert suggest_mapping(HEADERS) == {"name": "Navn", "kind": "Type", "ownership": "Eierform", "stages": "Trinn",
                                        "staff_count": "Antall ansatte", "leader_role": "Leder",
                                        "leader_email": "E-post"}
    assert suggest_mapping(["Enhetsnavn", "Enhetstype", "epost"]) == {"name": "Enhetsnavn", "kind": "Enhetstype",
                                                                      "leader_email": "epost"}


@pytest.mark.parametrize("encoding, delimiter", [("utf-8-sig", ";"), ("utf-8", ","), ("cp1252", ";"),
                                                 ("cp1252", ",")])
def test_csv_encodings_and_separators(store, muni, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "enheter.csv", ROWS, delimiter=delimiter, encoding=encoding)
    raw = read_table(path)
    assert raw.headers == HEADERS and [r.number for r in raw.rows] == [2, 3, 4]
    units = import_units(store, muni.id, raw, suggest_mapping(raw.headers))
    assert [u.name for u in units] == ["Solsikken barnehage", "Fjordvik skole", "Nordby ungdomsskole"]
    by_name = {u.name: u for u in list_units(store, muni.id)}
    assert by_name["Solsikken barnehage"].ownership == "private" and by_name["Solsikken barnehage"].staff_count == 14
    assert by_name["Fjordvik skole"].stages == "1-7"
    assert by_name["Nordby ungdomsskole"].stages == "8-10" and by_name["Nordby ungdomsskole"].leader_email is None


def test_xlsx_with_numbers_as_numbers(store, muni, tmp_path):
    rows = [[r[0], r[1], r[2], r[3], int(r[4]), r[5], r[6] or None] for r in ROWS]
    raw = read_table(write_xlsx(tmp_path / "enheter.xlsx", rows))
    assert raw.header_row == 2 and [r.number for r in raw.rows] == [3, 4, 5]
    units = import_units(store, muni.id, raw)
    assert len(units) == 3 and {u.staff_count for u in units} == {14, 32, 41}


def test_preview_lists_every_error_with_row_and_column(store, muni, tmp_path, counts):
    add_unit(store, muni.id, {"name": "Fjordvik skole", "kind": "school"})
    rows = [
        ["Solsikken barnehage", "Barnehage", "Privat", "", "mange", "styrer", ""],      # 2: wrong type
        ["Fjordvik skole", "Skole", "", "1-7", "30", "rektor", ""],                     # 3: exists
        ["Havna bibliotek", "Bibliotek", "", "", "3", "", ""],                          # 4: unknown kind
        ["Solsikken  BARNEHAGE", "Barnehage", "", "", "12", "", ""],                     # 5: duplicate of 2
        ["Lia skole", "Skole", "Halvprivat", "1-12", "-4", "", "lia-skole"],            # 6: four errors
        ["Bakken barnehage", "Barnehage", "", "", "12", "", ""],                         # 7: fine
    ]
    raw = read_table(write_csv(tmp_path / "enheter.csv", rows))
    preview = validate_units(raw, suggest_mapping(raw.headers), [u.name for u in list_units(store, muni.id)])
    found = {(e.row, e.column) for e in preview.errors}
    assert (2, "Antall ansatte") in found and (3, "Navn") in found and (4, "Type") in found
    assert (5, "Navn") in found and {(6, "Eierform"), (6, "Trinn")} <= found
    messages = {(e.row, e.column): e.message for e in preview.errors}
    assert "helt tall" in messages[(2, "Antall ansatte")] and "«mange»" in messages[(2, "Antall ansatte")]
    assert "finnes allerede" in messages[(3, "Navn")]
    assert "«Bibliotek» er ikke en kjent type" in messages[(4, "Type")]
    assert "rad 2" in messages[(5, "Navn")]
    assert [v.row for v in preview.valid] == [7]
    before = counts()
    with pytest.raises(UnitImportRejected) as caught:
        import_units(store, muni.id, raw)
    assert "Rad 2, kolonne «Antall ansatte»" in caught.value.message
    assert "Ingen enheter er importert" in caught.value.message
    assert counts() == before


def test_missing_required_column(store, muni, tmp_path, counts):
    headers = ["Navn", "Eierform"]
    raw = read_table(write_csv(tmp_path / "enheter.csv", [["Solsikken", "Privat"]], headers=headers))
    before = counts()
    with pytest.raises(DomainError) as caught:
        import_units(store, muni.id, raw)
    assert "Rad 1, kolonne «Type»: Fila mangler kolonnen «Type»" in caught.value.message
    assert counts() == before


def test_unknown_columns(store, muni, tmp_path, counts):
    raw = read_table(write_csv(tmp_path / "enheter.csv", [r + ["44"] for r in ROWS], headers=HEADERS + ["Skostørrelse"]))
    before = counts()
    with pytest.raises(DomainError) as caught:
        import_units(store, muni.id, raw)
    assert "kolonne «Skostørrelse»: Ukjent kolonne" in caught.value.message
    # a mapping that names a column the file does not have
    with pytest.raises(DomainError) as caught:
        import_units(store, muni.id, raw, {"name": "Navn", "kind": "Enhetstype"})
    assert "kolonne «Enhetstype»: Kolonnen finnes ikke i fila" in caught.value.message
    assert counts() == before
    # chosen in the mapping step: the extra column is left out on purpose
    preview = validate_units(raw, {**suggest_mapping(raw.headers)}, [])
    assert preview.ok and preview.unmapped_columns == ["Skostørrelse"]
    assert len(import_units(store, muni.id, raw, suggest_mapping(raw.headers))) == 3


def test_unreadable_files(tmp_path):
    with pytest.raises(DomainError, match="Finner ikke fila"):
        read_table(tmp_path / "borte.csv")
    fake = tmp_path / "enheter.xlsx"
    fake.write_text("ikke excel")
    with pytest.raises(DomainError, match=r"enheter.xlsx er ikke en Excel-arbeidsbok \(.xlsx\)"):
        read_table(fake)
    old = tmp_path / "gammel.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DomainError, match=r"\.xls"):
        read_table(old)
    empty = tmp_path / "tom.csv"
    empty.write_text("\n\n")
    with pytest.raises(DomainError, match="tom"):
        read_table(empty)


def test_header_only_file_has_no_units(store, muni, tmp_path):
    raw = read_table(write_csv(tmp_path / "enheter.csv", []))
    with pytest.raises(UnitImportRejected, match="ingen enheter"):
        import_units(store, muni.id, raw)


cell = st.one_of(st.none(), st.text(max_size=12), st.integers(-5, 2000),
                 st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                 st.sampled_from(["Barnehage", "skole", "Kombinert", "PPT", "privat", "1-7", "8–10", "mange"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell, min_size=7, max_size=7), max_size=8))
def test_random_rows_never_crash_and_bad_rows_are_never_stored(store, muni, rows):
    raw = RawTable(HEADERS, [RawRow(i + 2, tuple(r)) for i, r in enumerate(rows)])
    before = {u.name for u in list_units(store, muni.id, include_archived=True)}
    preview = validate_units(raw, suggest_mapping(HEADERS), before)
    assert all(e.column in HEADERS for e in preview.errors)
    try:
        stored = import_units(store, muni.id, raw, suggest_mapping(HEADERS))
    except DomainError:
        assert not preview.ok
        assert {u.name for u in list_units(store, muni.id, include_archived=True)} == before
    else:
        assert preview.ok and len(stored) == len(rows) == len(preview.valid)
        after = {u.name for u in list_units(store, muni.id, include_archived=True)}
        assert after == before | {u.name for u in stored}
