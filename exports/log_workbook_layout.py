"""The layout of the session-log workbook (sheets, rows, columns) and its hidden identity sheet.

Written and read by exports.log_workbook. The hidden sheet (`veryHidden`, not listed under «Vis» in
Excel) holds one tagged record per row: the template kind and version, the template's own id, the
database and municipality it was made by, each input sheet's unit, each input row's identity, the
header texts, and a SHA-256 digest over all of it. The digest notices accidental edits; it is not a
signature against someone who sets out to forge a file.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass, field

from storage.i18n import _
from storage.services.session_logs import field_limit

from .workbook_safety import SHEET_PASSWORD  # noqa: F401  (re-exported: one password for every template)

INPUT_SHEET = "Øktlogg"
GUIDE_SHEET = "Slik fyller du ut"
INFO_SHEET = "Samlinger og oppgaver"
META_SHEET = "nettverkslogg"
HEADER_ROW = 7
FIRST_ROW = HEADER_ROW + 1
INPUT_ROWS = 100
MAX_DATA_ROWS = 5_000


@dataclass(frozen=True)
class Column:
    letter: str
    field: str | None  # the session-log field; None for the row number
    header: str
    width: int
    kind: str  # nr, date, number, role, text, long, yesno


    @property
    def max_length(self) -> int | None:
        return field_limit(self.field, "max_length") if self.kind in ("role", "text", "long") else None

    @property
    def bounds(self) -> tuple[int, int] | None:
        """(lowest, highest) for whole-number columns, from the SessionLog model."""
        if self.kind != "number":
            return None
        return field_limit(self.field, "ge"), field_limit(self.field, "le")


def columns() -> tuple[Column, ...]:
    """The input sheet's columns, A to M (headers in the user's language)."""
    return (
        Column("A", None, _("Nr."), 5, "nr"),
        Column("B", "held_on", _("Dato"), 12, "date"),
        Column("C", "duration_minutes", _("Varighet (minutter)"), 11, "number"),
        Column("D", "staff_present", _("Ansatte til stede"), 10, "number"),
        Column("E", "staff_total", _("Ansatte i alt"), 10, "number"),
        Column("F", "led_by", _("Hvem ledet (rolle)"), 18, "role"),
        Column("G", "theme", _("Tema"), 26, "text"),
        Column("H", "method", _("Metode"), 20, "text"),
        Column("I", "what_done", _("Hva gjorde vi"), 40, "long"),
        Column("J", "reflections", _("Refleksjoner"), 36, "long"),
        Column("K", "next_steps", _("Dette prøver vi før neste gang"), 36, "long"),
        Column("L", "children_involved", _("Barn/elever involvert (ja/nei)"), 12, "yesno"),
        Column("M", "parents_involved", _("Foreldre involvert (ja/nei)"), 12, "yesno"),
    )


def cell_ref(sheet: str, coordinate: str) -> str:
    """`Øktlogg!C12`; a sheet name with spaces or signs is quoted as Excel does: `'Lia skole'!C12`."""
    name = sheet if re.fullmatch(r"\w+", sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{coordinate}"


def sheet_names(unit_names: list[str]) -> list[str]:
    """One input sheet: «Øktlogg». Several (a network's workbook): each unit's name, made a valid,
    unique sheet name (no []:*?/\\, at most 31 characters)."""
    if len(unit_names) == 1:
        return [INPUT_SHEET]
    taken = {INPUT_SHEET.casefold(), GUIDE_SHEET.casefold(), INFO_SHEET.casefold(), META_SHEET.casefold()}
    result = []
    for name in unit_names:
        base = re.sub(r"[\[\]:*?/\\]", "-", name).strip("' ")[:31] or INPUT_SHEET
        candidate, n = base, 2
        while candidate.casefold() in taken:
            suffix = f" ({n})"
            candidate, n = base[:31 - len(suffix)] + suffix, n + 1
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


@dataclass
class Meta:
    """The hidden sheet's content."""

    kind: str
    version: int
    template_id: uuid.UUID
    database_id: str
    municipality_id: uuid.UUID
    created: str
    headers: list[tuple[str, str]]  # (column letter, header text)
    sheets: list[tuple[str, uuid.UUID, str]]  # (sheet name, unit id, unit name)
    rows: list[tuple[str, int, uuid.UUID]] = field(default_factory=list)  # (sheet, excel row, row id), consecutive
    header_row: int = HEADER_ROW
    first_row: int = FIRST_ROW
    input_rows: int = INPUT_ROWS
    digest: str = ""

    def records(self) -> list[tuple]:
        """The tagged rows written to the hidden sheet (the digest last)."""
        out: list[tuple] = [
            ("kind", self.kind), ("version", self.version), ("template_id", str(self.template_id)),
            ("database_id", self.database_id), ("municipality_id", str(self.municipality_id)),
            ("created", self.created), ("header_row", self.header_row), ("first_row", self.first_row),
            ("input_rows", self.input_rows)]
        out += [("header", letter, text) for letter, text in self.headers]
        out += [("sheet", name, str(unit_id), unit_name) for name, unit_id, unit_name in self.sheets]
        for sheet, _unit_id, _name in self.sheets:  # one cell per sheet: row ids in row order, from first_row
            mine = sorted((r, i) for s, r, i in self.rows if s == sheet)
            out.append(("rows", sheet, mine[0][0] if mine else self.first_row, " ".join(i.hex for _r, i in mine)))
        return out

    def compute_digest(self) -> str:
        canonical = json.dumps([[str(v) for v in record] for record in self.records()], ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def sealed(self) -> Meta:
        self.digest = self.compute_digest()
        return self

    @classmethod
    def parse(cls, records: list[tuple]) -> Meta:
        """The hidden sheet's rows back into a Meta. Raises ValueError when a record is malformed."""
        scalars: dict[str, object] = {}
        headers, sheets, rows = [], [], []
        for record in records:
            values = [v for v in record]
            while values and values[-1] is None:
                values.pop()
            if not values:
                continue
            tag = values[0]
            if tag == "header":
                headers.append((str(values[1]), str(values[2])))
            elif tag == "sheet":
                sheets.append((str(values[1]), uuid.UUID(str(values[2])), str(values[3])))
            elif tag == "rows":
                first = int(values[2])
                ids = str(values[3]).split() if len(values) > 3 else []
                rows += [(str(values[1]), first + n, uuid.UUID(hex_id)) for n, hex_id in enumerate(ids)]
            else:
                scalars[str(tag)] = values[1] if len(values) > 1 else None
        return cls(kind=str(scalars["kind"]), version=int(scalars["version"]),
                   template_id=uuid.UUID(str(scalars["template_id"])), database_id=str(scalars["database_id"]),
                   municipality_id=uuid.UUID(str(scalars["municipality_id"])), created=str(scalars["created"]),
                   headers=headers, sheets=sheets, rows=rows, header_row=int(scalars["header_row"]),
                   first_row=int(scalars["first_row"]), input_rows=int(scalars["input_rows"]),
                   digest=str(scalars.get("digest") or ""))
