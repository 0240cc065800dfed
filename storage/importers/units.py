"""Import a unit list from Excel or CSV in four steps, every row validated before anything is stored.

1. `read_table(path)` → RawTable (headers and rows, see storage.importers.tables)
2. `suggest_mapping(headers)` → {field: header}, from Norwegian header names
3. `validate_units(raw, mapping, existing_names)` → ImportPreview: the valid rows, and every error as
   (row number, column name, Norwegian message)
4. `import_units(store, municipality_id, raw, mapping)` stores all rows in one transaction, or nothing
   (raising UnitImportRejected listing the first errors).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from ..backup import require_undamaged_store
from ..enums import Ownership, Stages, UnitKind
from ..errors import DomainError
from ..i18n import _
from ..models import Municipality, UnitCreate, UnitRead
from ..services.common import require
from ..services.units import add_units, existing_name_keys, name_key, prepare_unit
from ..store import Store
from .tables import RawTable, read_table

__all__ = ["FIELDS", "ImportPreview", "RowError", "UnitImportRejected", "ValidRow", "import_units",
           "read_table", "suggest_mapping", "validate_units"]


@dataclass(frozen=True)
class ImportField:
    label: str
    required: bool
    synonyms: tuple[str, ...]


#: The unit fields a column can hold, with the header names that suggest them.
FIELDS: dict[str, ImportField] = {
    "name": ImportField("Navn", True, ("navn", "enhet", "enhetsnavn", "navnpaenhet", "navnpåenhet")),
    "kind": ImportField("Type", True, ("type", "enhetstype", "typeenhet", "art", "kategori")),
    "ownership": ImportField("Eierform", False, ("eierform", "eier", "eierskap", "kommunalprivat")),
    "stages": ImportField("Trinn", False, ("trinn", "klassetrinn", "skoletrinn")),
    "staff_count": ImportField("Antall ansatte", False, ("antallansatte", "ansatte", "antall")),
    "leader_role": ImportField("Leder", False, ("leder", "lederensrolle", "lederrolle", "ledertittel", "rolle")),
    "leader_email": ImportField("E-post", False, ("epost", "email", "mail", "epostadresse", "lederensepost")),
}

_KINDS = {
    "barnehage": UnitKind.KINDERGARTEN, "bhg": UnitKind.KINDERGARTEN, "kindergarten": UnitKind.KINDERGARTEN,
    "skole": UnitKind.SCHOOL, "grunnskole": UnitKind.SCHOOL, "barneskole": UnitKind.SCHOOL,
    "ungdomsskole": UnitKind.SCHOOL, "school": UnitKind.SCHOOL,
    "kombinert": UnitKind.COMBINED, "oppvekstsenter": UnitKind.COMBINED, "combined": UnitKind.COMBINED,
    "ppt": UnitKind.PPT, "pptjenesten": UnitKind.PPT, "ppttjenesten": UnitKind.PPT,
    "annet": UnitKind.OTHER, "annen": UnitKind.OTHER, "other": UnitKind.OTHER,
}
_STAGES_OF_KIND = {"barneskole": Stages.PRIMARY, "ungdomsskole": Stages.LOWER_SECONDARY}
_OWNERSHIP = {"kommunal": Ownership.PUBLIC, "offentlig": Ownership.PUBLIC, "public": Ownership.PUBLIC,
              "privat": Ownership.PRIVATE, "private": Ownership.PRIVATE}
_STAGES = {"17": Stages.PRIMARY, "barnetrinn": Stages.PRIMARY, "barnetrinnet": Stages.PRIMARY,
           "810": Stages.LOWER_SECONDARY, "ungdomstrinn": Stages.LOWER_SECONDARY,
           "ungdomstrinnet": Stages.LOWER_SECONDARY, "110": Stages.BOTH, "barneogungdomstrinn": Stages.BOTH}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Rad {row}, kolonne «{column}»: {message}").format(row=self.row, column=self.column,
                                                                   message=self.message)


@dataclass(frozen=True)
class ValidRow:
    row: int
    unit: UnitCreate


@dataclass
class ImportPreview:
    valid: list[ValidRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    unmapped_columns: list[str] = field(default_factory=list)  # columns the user chose not to import

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.valid)


class UnitImportRejected(DomainError):
    """Nothing was imported; `errors` holds every problem found."""

    def __init__(self, errors: list[RowError], shown: int = 10):
        lines = [str(e) for e in errors[:shown]]
        if len(errors) > shown:
            lines.append(_("… og {n} feil til.").format(n=len(errors) - shown))
        head = _("Ingen enheter er importert. Rett opp i fila og prøv igjen:")
        super().__init__("\n".join([head, *lines]))
        self.errors = errors


def _key(text: object) -> str:
    """Lower case with everything but letters and digits removed: «E-post» → «epost»."""
    return re.sub(r"[^0-9a-zæøå]", "", str(text).lower())


def suggest_mapping(headers: Iterable[str]) -> dict[str, str]:
    """Field → header for every header whose name suggests a field (first match wins)."""
    mapping: dict[str, str] = {}
    for header in headers:
        key = _key(header)
        for name, spec in FIELDS.items():
            if name not in mapping and (key in spec.synonyms or key == _key(spec.label)):
                mapping[name] = header
                break
    return mapping


def _check_mapping(raw: RawTable, mapping: dict[str, str], auto: bool) -> list[RowError]:
    errors, row = [], raw.header_row
    for header in sorted({h for h in raw.headers if raw.headers.count(h) > 1}):
        errors.append(RowError(row, header, _("Kolonnenavnet står flere ganger i fila.")))
    for name, header in mapping.items():
        if name not in FIELDS:
            errors.append(RowError(row, str(header), _("«{name}» er ikke et felt som kan importeres.").format(
                name=name)))
        elif header not in raw.headers:
            errors.append(RowError(row, str(header), _("Kolonnen finnes ikke i fila (valgt for «{label}»).").format(
                label=_(FIELDS[name].label))))
    chosen = list(mapping.values())
    for header in sorted({str(h) for h in chosen if chosen.count(h) > 1}):
        errors.append(RowError(row, header, _("Kolonnen er valgt for flere felt.")))
    for name, spec in FIELDS.items():
        if spec.required and name not in mapping:
            errors.append(RowError(row, _(spec.label), _("Fila mangler kolonnen «{label}», som må være med.").format(
                label=_(spec.label))))
    if auto:
        for header in raw.headers:
            if header not in mapping.values():
                errors.append(RowError(row, header, _("Ukjent kolonne. Fjern den, eller velg hva den inneholder "
                                                      "når du kobler kolonnene.")))
    return errors


class _CellError(Exception):
    pass


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def _parse_kind(value: object) -> UnitKind:
    key = _key(value)
    kind = _KINDS.get(key) or next((k for k in UnitKind if _key(k.label) == key), None)
    if kind is None:
        raise _CellError(_("«{value}» er ikke en kjent type. Bruk barnehage, skole, kombinert, PP-tjenesten "
                           "eller annet.").format(value=value))
    return kind


def _parse_ownership(value: object) -> Ownership:
    ownership = _OWNERSHIP.get(_key(value))
    if ownership is None:
        raise _CellError(_("«{value}» er ikke en eierform. Bruk kommunal eller privat.").format(value=value))
    return ownership


def _parse_stages(value: object) -> Stages:
    if isinstance(value, date | datetime):
        raise _CellError(_("Excel har gjort trinnet om til en dato. Skriv 1–7, 8–10 eller 1–10 som tekst."))
    stages = _STAGES.get(_key(value))
    if stages is None:
        raise _CellError(_("«{value}» er ikke et trinn. Bruk 1–7, 8–10 eller 1–10.").format(value=value))
    return stages


def _parse_count(value: object) -> int:
    if isinstance(value, bool):
        raise _CellError(_("Må være et helt tall."))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise _CellError(_("Må være et helt tall (fikk {value}).").format(value=str(value).replace(".", ",")))
    text = str(value).replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    raise _CellError(_("Må være et helt tall (fikk «{value}»).").format(value=value))


_PARSERS = {"kind": _parse_kind, "ownership": _parse_ownership, "stages": _parse_stages,
            "staff_count": _parse_count}


def _row_data(cells: dict[str, object]) -> tuple[dict, dict[str, str]]:
    """Parse the mapped cells of one row: values by field, and cell errors by field."""
    data, errors = {}, {}
    for name, value in cells.items():
        if value is None:
            continue
        try:
            data[name] = _PARSERS[name](value) if name in _PARSERS else _text(value)
        except _CellError as exc:
            errors[name] = str(exc)
    if "stages" not in cells or cells.get("stages") is None:
        implied = _STAGES_OF_KIND.get(_key(cells.get("kind") or ""))
        if implied is not None:
            data["stages"] = implied
    return data, errors


def validate_units(raw: RawTable, mapping: dict[str, str] | None,
                   existing_names: Iterable[str] = ()) -> ImportPreview:
    """Check the mapping and every row; nothing is stored. With `mapping` None the suggested mapping is
    used and any column it does not recognise is an error."""
    auto = mapping is None
    mapping = suggest_mapping(raw.headers) if auto else dict(mapping)
    preview = ImportPreview(unmapped_columns=[h for h in raw.headers if h not in mapping.values()])
    preview.errors = _check_mapping(raw, mapping, auto)
    if preview.errors:
        return preview
    index = {name: raw.headers.index(header) for name, header in mapping.items()}
    existing = {name_key(n): n for n in existing_names}
    first_row_of: dict[str, int] = {}
    for row in raw.rows:
        cells = {name: row.cells[i] for name, i in index.items()}
        data, cell_errors = _row_data(cells)
        errors = [RowError(row.number, mapping[name], message) for name, message in cell_errors.items()]
        key = name_key(data["name"]) if data.get("name") else None
        if key in existing:
            errors.append(RowError(row.number, mapping["name"], _(
                "«{name}» finnes allerede i kommunen.").format(name=existing[key])))
        elif key in first_row_of:
            errors.append(RowError(row.number, mapping["name"], _(
                "«{name}» står også i rad {row}.").format(name=data["name"], row=first_row_of[key])))
        elif key is not None:
            first_row_of[key] = row.number
        if not cell_errors:
            try:
                unit = prepare_unit(data)
            except DomainError as exc:
                errors.append(RowError(row.number, mapping.get(exc.field or "", mapping["name"]), exc.message))
        if errors:
            preview.errors.extend(errors)
        else:
            preview.valid.append(ValidRow(row.number, unit))
    if not raw.rows:
        preview.errors.append(RowError(raw.header_row + 1, mapping["name"], _("Fila har ingen enheter.")))
    return preview


def import_units(store: Store, municipality_id: uuid.UUID, raw: RawTable,
                 mapping: dict[str, str] | None = None) -> list[UnitRead]:
    """Store every row of the file as a unit in one transaction; if any row is bad, store nothing."""
    require_undamaged_store(store)
    with store.transaction() as session:
        require(session, Municipality, municipality_id, _("Fant ikke kommunen."))
        existing = existing_name_keys(session, municipality_id).values()
        preview = validate_units(raw, mapping, existing)
        if preview.errors:
            raise UnitImportRejected(preview.errors)
        return add_units(session, municipality_id, [v.unit for v in preview.valid])
