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


def put_text(cell, text: str | None) -> None:
    """Write user text into an openpyxl cell as text, never as a formula (text may start with =)."""
    cell.value = text
    if isinstance(text, str) and text.startswith("="):
        cell.data_type = "s"


SHEET_PASSWORD = "nettverkslogg"  # guards against accidental edits only; it is in the source


def seal_workbook(wb, meta_sheet: str, records: list, *, active: int) -> None:
    """Add the veryHidden identity sheet (`records`, one row each, the digest row included), protect
    it, open the workbook on sheet `active`, and lock the workbook's structure."""
    from openpyxl.workbook.protection import WorkbookProtection

    hidden = wb.create_sheet(meta_sheet)
    for record in records:
        hidden.append(list(record))
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True
    wb.active = active
    wb.security = WorkbookProtection(lockStructure=True)
    wb.security.set_workbook_password(SHEET_PASSWORD)
