"""Read a table from .xlsx or .csv into plain rows: step 1 of every import.

CSV files may be UTF-8 (with or without BOM) or Windows-1252 (what Excel on a Norwegian Windows PC
saves), separated by semicolons (Norwegian Excel) or commas. openpyxl is imported only here, when a
workbook is actually read, so start-up stays light.

A workbook passes the same safety checks as a returned form (storage.workbook_files) and is streamed
row by row (read-only, the declared dimensions ignored, at most `MAX_COLUMNS` columns): a small file
that declares a million rows of 16 384 columns, or holds a million empty rows, costs no more than a
real list. Reading stops after `MAX_ROWS` rows (refused) or `EMPTY_RUN` empty rows in a row (the
table ends there, and `RawTable.note` says so).
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DomainError
from ..i18n import _
from ..workbook_files import check_workbook_file, xml_refusal

log = logging.getLogger(__name__)

MAX_ROWS = 5_000  # a county has about 1 200 units
MAX_COLUMNS = 100
EMPTY_RUN = 1_000  # this many empty rows in a row end the table


@dataclass(frozen=True)
class RawRow:
    number: int  # the row number the user sees in Excel (the header is usually row 1)
    cells: tuple[object, ...]


@dataclass(frozen=True)
class RawTable:
    headers: list[str]
    rows: list[RawRow] = field(default_factory=list)
    header_row: int = 1
    note: str | None = None  # why reading stopped early, for the user


def read_table(path: str | Path) -> RawTable:
    """The first sheet of an .xlsx file, or a .csv file, as headers and rows (blank rows left out)."""
    path = Path(path)
    if not path.is_file():
        raise DomainError(_("Finner ikke fila {path}.").format(path=path), field="path")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        with closing(_xlsx_records(path)) as records:
            return table_from_records(records, path.name)
    elif suffix in (".csv", ".txt"):
        records = _csv_records(path)
    elif suffix == ".xls":
        raise DomainError(_("{name} er i det gamle Excel-formatet (.xls). Åpne den i Excel og lagre den som "
                            ".xlsx eller .csv.").format(name=path.name), field="path")
    else:
        raise DomainError(_("{name}: velg en Excel-fil (.xlsx) eller en CSV-fil (.csv).").format(name=path.name),
                          field="path")
    return table_from_records(records, path.name)


def table_from_records(records: Iterable, name: str = "") -> RawTable:
    """Headers from the first non-blank row, then every non-blank row with its row number, until
    `EMPTY_RUN` blank rows in a row."""
    headers: list[str] | None = None
    header_row = 1
    rows: list[RawRow] = []
    blank = 0
    note = None
    for number, record in enumerate(records, start=1):
        cells = tuple(_clean(c) for c in record[:MAX_COLUMNS])
        if all(c is None for c in cells):
            blank += 1
            if blank >= EMPTY_RUN:
                note = _("Lesingen stoppet etter rad {row}: de neste {n} radene er tomme. Står det flere enheter "
                         "lenger ned i arket, flytt dem opp og les inn fila på nytt.").format(
                    row=number - blank, n=f"{EMPTY_RUN:,}".replace(",", " "))
                log.info("%s: stopped reading after %d empty rows at row %d", name, blank, number)
                break
            continue
        blank = 0
        if headers is None:
            headers = [str(c) if c is not None else "" for c in cells]
            while headers and not headers[-1]:
                headers.pop()
            headers = [h or _("Kolonne {n}").format(n=i + 1) for i, h in enumerate(headers)]
            header_row = number
            continue
        if len(rows) >= MAX_ROWS:
            raise DomainError(_("{name} har mer enn {max} rader. Del fila opp.").format(
                name=name, max=f"{MAX_ROWS:,}".replace(",", " ")), field="path")
        width = len(headers)
        rows.append(RawRow(number, (cells + (None,) * width)[:width]))
    if headers is None:
        raise DomainError(_("{name} er tom.").format(name=name).strip(), field="path")
    return RawTable(headers, rows, header_row, note)


def _clean(value: object) -> object:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv_records(path: Path) -> list[list[str]]:
    text = _decode(path.read_bytes())
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count) if any(d in first for d in ";,\t") else ";"
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise DomainError(_("Kan ikke lese {name} som CSV: {error}").format(name=path.name, error=exc),
                          field="path") from exc


def _xlsx_records(path: Path) -> Iterator[tuple]:
    """The first sheet's rows, streamed; the workbook is closed when the iteration ends or is closed."""
    from zipfile import BadZipFile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    check_workbook_file(path)
    unreadable = _("Kan ikke lese {name} som Excel-fil. Er den lagret som .xlsx?").format(name=path.name)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise DomainError(unreadable, field="path") from exc
    except Exception as exc:
        log.warning("%s cannot be read as a workbook", path.name, exc_info=True)
        raise xml_refusal(exc, path.name) or DomainError(unreadable, field="path") from exc
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # the declared size may be a lie (A1:XFD1048576)
        yield from sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    except DomainError:
        raise
    except Exception as exc:
        log.warning("%s cannot be read as a workbook", path.name, exc_info=True)
        raise xml_refusal(exc, path.name) or DomainError(unreadable, field="path") from exc
    finally:
        workbook.close()
