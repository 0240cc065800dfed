"""Checks on a workbook file before openpyxl touches it (any returned template: session logs, vignette
response sheets).

Refused, each with a plain Norwegian message: a missing file; a file over `MAX_FILE_BYTES`; a
password-protected workbook or an old .xls (both OLE compound files: D0 CF 11 E0 A1 B1 1A E1); a file
that is not a ZIP or a ZIP without a workbook in it; a ZIP bomb — members that together unpack to more
than `MAX_UNPACKED_BYTES`, or a large member that compresses better than `MAX_RATIO` (real .xlsx parts
compress about 5–30 times). Python's zipfile never unpacks more than a member's declared size, so the
declared sizes checked here bound what openpyxl will read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from storage.errors import DomainError
from storage.i18n import _

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
RATIO_FROM_BYTES = 1024 * 1024  # small members may compress well without harm
MAX_MEMBERS = 10_000
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"


class UnsafeWorkbook(DomainError):
    """The file cannot or should not be opened as a workbook. `reason` says which check failed."""

    def __init__(self, message: str, reason: str):
        super().__init__(message, field="file")
        self.reason = reason


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def check_workbook_file(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Path:
    """Raise UnsafeWorkbook unless `path` looks like an ordinary .xlsx file that is safe to open."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise UnsafeWorkbook(_("Finner ikke fila {name}.").format(name=name), "missing")
    size = path.stat().st_size
    if size > max_bytes:
        raise UnsafeWorkbook(_("{name} er for stor ({size} MB). Et loggskjema er vanligvis under 1 MB; "
                               "grensen er {limit} MB.").format(name=name, size=_megabytes(size),
                                                                limit=_megabytes(max_bytes).split(",")[0]),
                             "too_large")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == OLE_MAGIC:
        raise UnsafeWorkbook(_("{name} er passordbeskyttet eller lagret i det gamle Excel-formatet (.xls). "
                               "Fjern passordet i Excel (Fil → Info → Beskytt arbeidsbok → Krypter med "
                               "passord, tøm feltet) og lagre som Excel-arbeidsbok (.xlsx).").format(name=name),
                             "encrypted")
    if not head.startswith(ZIP_MAGIC):
        raise UnsafeWorkbook(_("{name} er ikke en Excel-arbeidsbok (.xlsx). Send inn loggskjemaet slik det "
                               "ble lagret i Excel.").format(name=name), "not_workbook")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnsafeWorkbook(_("{name} er skadet eller ikke en Excel-arbeidsbok (.xlsx).").format(name=name),
                             "not_workbook") from exc
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UnsafeWorkbook(_("{name} er en ZIP-fil, men ikke en Excel-arbeidsbok (.xlsx).").format(name=name),
                             "not_workbook")
    unpacked = sum(m.file_size for m in members)
    suspicious = [m for m in members if m.file_size > RATIO_FROM_BYTES
                  and m.file_size > MAX_RATIO * max(m.compress_size, 1)]
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED_BYTES or suspicious:
        raise UnsafeWorkbook(_("{name} pakker seg ut til mye mer enn et loggskjema kan inneholde ({size} MB), og "
                               "åpnes ikke. Den kan være skadet eller laget for å skade. Be om at skjemaet "
                               "sendes på nytt.").format(name=name, size=_megabytes(unpacked)), "zip_bomb")
    return path


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
