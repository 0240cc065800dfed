"""Checks on a workbook file before openpyxl touches it, for every importer that reads a user's .xlsx
(returned session-log forms and vignette response sheets in exports/, unit lists in storage.importers).
It lives in storage/ so that storage's own importers can use it; exports.workbook_safety re-exports it.

Refused, each with a plain Norwegian message: a missing file; a file over `MAX_FILE_BYTES`; a
password-protected workbook or an old .xls (both OLE compound files: D0 CF 11 E0 A1 B1 1A E1); a file
that is not a ZIP or a ZIP without a workbook in it; a ZIP bomb — members that together unpack to more
than `MAX_UNPACKED_BYTES`, or a large member that compresses better than `MAX_RATIO` (real .xlsx parts
compress about 5–30 times). Python's zipfile never unpacks more than a member's declared size, so the
declared sizes checked here bound what openpyxl will read.

XML entity bombs (a DTD in a part, «billion laughs») are stopped by defusedxml, which openpyxl uses
when it is installed (a runtime dependency); `xml_refusal` turns its exception into UnsafeWorkbook.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import DomainError
from .i18n import _

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
        raise UnsafeWorkbook(_("{name} er for stor ({size} MB); grensen er {limit} MB. Et skjema eller en "
                               "enhetsliste er vanligvis under 1 MB.").format(name=name, size=_megabytes(size),
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
        raise UnsafeWorkbook(_("{name} er ikke en Excel-arbeidsbok (.xlsx). Bruk fila slik den ble "
                               "lagret i Excel.").format(name=name), "not_workbook")
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
        raise UnsafeWorkbook(_("{name} pakker seg ut til mye mer enn et regneark som dette kan inneholde "
                               "({size} MB), og åpnes ikke. Den kan være skadet eller laget for å skade. Be om at skjemaet "
                               "sendes på nytt.").format(name=name, size=_megabytes(unpacked)), "zip_bomb")
    return path


def xml_refusal(exc: BaseException, name: str) -> UnsafeWorkbook | None:
    """UnsafeWorkbook when `exc` (or its cause) is defusedxml refusing a DTD or entity; otherwise None."""
    from defusedxml import DefusedXmlException

    while exc is not None:
        if isinstance(exc, DefusedXmlException):
            return UnsafeWorkbook(_("{name} inneholder XML-definisjoner som et vanlig regneark ikke har, og åpnes "
                                    "ikke. Den kan være laget for å skade. Be om at fila sendes på nytt, lagret "
                                    "i Excel.").format(name=name), "xml_entities")
        exc = exc.__cause__ or exc.__context__
    return None
