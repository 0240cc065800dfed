"""Writing and reading workbooks safely: the file checks every importer runs before openpyxl opens a
user's file (storage.workbook_files, re-exported here), the one function that writes user text into a
cell, and the sealed identity sheet of the templates that go out and come back."""

from __future__ import annotations

from storage.workbook_files import (  # noqa: F401  (re-exported for exports/)
    MAX_FILE_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_UNPACKED_BYTES,
    UnsafeWorkbook,
    check_workbook_file,
    xml_refusal,
)

#: Text starting with one of these is a formula, or becomes one when the cell is edited in Excel.
TEXT_ONLY_START = ("=", "+", "-", "@", "\t", "\r")


def put_text(cell, value: object) -> None:
    """THE way the app writes user text (and any other value) into a cell of a workbook it makes: text
    is always text, never a formula, whatever it starts with (`=HYPERLINK(…)`, `+cmd|…`, `@`, tab).
    The text is stored as a string and marked with Excel's quote prefix, so it stays text when a
    director edits the cell, too. The app's own formulas (totals) are written by their writers."""
    cell.value = value
    if isinstance(value, str) and value.startswith(TEXT_ONLY_START):
        cell.data_type = "s"
        cell.quotePrefix = True


SHEET_PASSWORD = "nettverkslogg"  # guards against accidental edits only; it is in the source


def seal_workbook(wb, meta_sheet: str, records: list, *, active: int) -> None:
    """Add the veryHidden identity sheet (`records`, one row each, the digest row included), protect
    it, open the workbook on sheet `active`, and lock the workbook's structure."""
    from openpyxl.workbook.protection import WorkbookProtection

    hidden = wb.create_sheet(meta_sheet)
    for row, record in enumerate(records, start=1):
        for column, value in enumerate(record, start=1):
            put_text(hidden.cell(row=row, column=column), value)
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True
    wb.active = active
    wb.security = WorkbookProtection(lockStructure=True)
    wb.security.set_workbook_password(SHEET_PASSWORD)
