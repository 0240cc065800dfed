"""Small unit-list .xlsx files that are expensive to read naively (for the importer's guard test and
bench/unit_list_bomb.py): `huge_dimension` declares the whole sheet (A1:XFD1048576) and has an empty cell
in its last row, so a reader pads a million rows to 16 384 columns each (a 5 KB file); `empty_rows`
holds a real list followed by a million empty rows."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

UNITS = [("Navn", "Type", "Antall ansatte"), ("Solsikken barnehage", "barnehage", 20),
         ("Lia skole", "skole", 30), ("Tusenfryd barnehage", "barnehage", 12)]


def _base(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    for row in UNITS:
        wb.active.append(row)
    wb.save(path)
    return path


def _rewrite_sheet(path: Path, change) -> Path:
    source = path.with_suffix(".base.xlsx")
    path.rename(source)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item.filename, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    source.unlink()
    return path


def _dimension(xml: str, ref: str) -> str:
    return re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', xml)


def huge_dimension(path: Path) -> Path:
    last = '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    return _rewrite_sheet(_base(path), lambda xml: _dimension(xml, "A1:XFD1048576").replace(
        "</sheetData>", last + "</sheetData>"))


def empty_rows(path: Path, rows: int = 1_000_000) -> Path:
    first = len(UNITS) + 1
    filler = "".join(f'<row r="{n}"><c r="A{n}" s="0"/></row>' for n in range(first, first + rows))
    return _rewrite_sheet(_base(path), lambda xml: _dimension(xml, f"A1:C{first + rows - 1}").replace(
        "</sheetData>", filler + "</sheetData>"))
