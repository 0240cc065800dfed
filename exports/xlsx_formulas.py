"""Formulas that also carry their value, for workbooks that must show numbers everywhere.

openpyxl writes a formula cell with an empty value (`<f>SUM(B2:B4)</f><v/>`): Excel recalculates on
opening, but previews that do not calculate (Outlook's and Teams' preview, Quick Look, many phone apps,
pandas, openpyxl with `data_only=True`) show an empty cell. Every formula the code writes goes through
`put_formula` with the value the code computed itself; `save_with_values` saves the workbook and fills each
formula's `<v>` with that value, and the workbook still asks Excel to recalculate on load.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

_CACHE = "_nettverkslogg_formula_values"


def put_formula(ws, row: int, column: int, formula: str, value: int | float, number_format: str | None = None):
    """Write `formula` (starting with «=») into the cell and remember `value` as its computed result."""
    cell = ws.cell(row=row, column=column, value=formula)
    if number_format:
        cell.number_format = number_format
    cache: dict = ws.parent.__dict__.setdefault(_CACHE, {})
    cache[(ws.title, cell.coordinate)] = value
    return cell


def _number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return repr(value) if isinstance(value, float) else str(int(value))


def save_with_values(wb) -> bytes:
    """The workbook as .xlsx bytes, every formula cell written by `put_formula` with its value cached."""
    wb.calculation.fullCalcOnLoad = True
    buffer = io.BytesIO()
    wb.save(buffer)
    cache: dict[tuple[str, str], Any] = wb.__dict__.get(_CACHE, {})
    if not cache:
        return buffer.getvalue()
    by_part = {f"xl/worksheets/sheet{i}.xml": ws.title for i, ws in enumerate(wb.worksheets, start=1)}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            title = by_part.get(item.filename)
            if title is not None:
                values = {ref: v for (sheet, ref), v in cache.items() if sheet == title}
                if values:
                    data = _fill(data.decode("utf-8"), values).encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*/>|<c r="([A-Z]+[0-9]+)"([^>]*)>'
                           r'<f>([^<]*)</f><v></v>')


def _fill(xml: str, values: dict[str, Any]) -> str:
    def replace(match: re.Match) -> str:
        ref = match.group(1) or match.group(4)
        attrs = match.group(2) if match.group(1) else match.group(5)
        formula = match.group(3) if match.group(1) else match.group(6)
        if ref not in values or values[ref] is None:
            return match.group(0)
        return f'<c r="{ref}"{attrs}><f>{formula}</f><v>{_number(values[ref])}</v>'

    return _FORMULA_CELL.sub(replace, xml)
