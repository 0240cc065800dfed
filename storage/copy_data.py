"""Copy one municipality's data between two databases (SQLite ↔ PostgreSQL), by UUID.

A resource person takes a copy of the server's data on the laptop to work offline, and sends it back
later. Copying is idempotent (a second copy changes nothing) and deletes nothing. A row that exists on
both sides with other values keeps the newer version (`updated_at`); when both sides changed it since
the last copy between these two databases, it is also listed as a conflict with both values, so nobody
loses work without being told. The destination is written in one transaction; `dry_run` rolls it back.

Which rows belong to the municipality: `scope`. Shared content (vignettes, codebook) goes along, as
the municipality's rows point to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select, tuple_

from .errors import DomainError
from .i18n import _
from .scope import DATABASE_ONLY, SHARED, municipality_rows, unclassified

log = logging.getLogger(__name__)

SYNC_KEY = "kopi:{digest}"  # a setting key (at most 60 characters) per peer database and municipality
TIMESTAMPS = ("created_at", "updated_at", "row_version")  # bookkeeping: not what a user changed
BATCH = 2000


@dataclass(frozen=True)
class Conflict:
    table: str
    row_id: str
    kept: str  # "source" or "destination"
    source: dict
    destination: dict


@dataclass
class CopyResult:
    municipality: str
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> int:
        return sum(self.inserted.values()) + sum(self.updated.values())


def _tables():
    from sqlmodel import SQLModel

    import storage.models  # noqa: F401  (registers every table)

    tables = SQLModel.metadata.tables
    unknown = unclassified(set(tables))
    if unknown:
        raise AssertionError(f"tables without a scope: {sorted(unknown)}")
    return tables


def _plain(row: dict) -> dict:
    """A row's values as text, for the conflict report."""
    return {key: (None if value is None else str(value)) for key, value in row.items()}


def _newer(a, b) -> bool:
    return a is not None and (b is None or a > b)


def _utc(value):
    """SQLite hands back naive datetimes (stored as UTC), PostgreSQL aware ones: compare them as UTC."""
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _row(mapping) -> dict:
    return {key: _utc(value) for key, value in mapping.items()}


def sync_key(peer_database_id: str, municipality_id) -> str:
    import hashlib

    digest = hashlib.sha256(f"{peer_database_id}:{municipality_id}".encode()).hexdigest()[:40]
    return SYNC_KEY.format(digest=digest)


def _database_id(session) -> str:
    from .services.settings import DATABASE_ID_KEY, get_setting

    return get_setting(session, DATABASE_ID_KEY) or "ukjent"


def _find_municipality(session, number: str | None):
    from .models import Municipality

    rows = session.exec(select(Municipality)).scalars().all()
    if number is None:
        if len(rows) != 1:
            raise DomainError(_("Databasen har {n} kommuner. Velg én med --kommune NUMMER.").format(n=len(rows)),
                              field="kommune")
        return rows[0]
    for row in rows:
        if row.number == number.strip():
            return row
    raise DomainError(_("Det finnes ingen kommune med nummer {number} i kilden.").format(number=number),
                      field="kommune")


def copy_municipality(source, destination, municipality_number: str | None = None, *, dry_run: bool = False,
                      progress: Callable[[int, int, str], None] | None = None) -> CopyResult:
    """Copy one municipality's rows from the `source` store to the `destination` store."""
    from .services.settings import put_setting

    try:
        with source.reader() as src, destination.transaction() as dst:
            result, municipality, destination_id, stamp = _copy(src, dst, municipality_number, dry_run, progress)
            if dry_run:
                raise _DryRun(result)
    except _DryRun as stopped:
        return stopped.result
    with source.transaction() as src:  # the source remembers the copy, so a copy back knows what changed
        put_setting(src, sync_key(destination_id, municipality.id.hex), stamp)
    log.info("Kopierte %s: %d nye, %d oppdatert, %d konflikter", municipality.name,
             sum(result.inserted.values()), sum(result.updated.values()), len(result.conflicts))
    return result


class _DryRun(Exception):
    """Rolls the destination back after a dry run has counted what it would do."""

    def __init__(self, result: CopyResult):
        super().__init__("dry run")
        self.result = result


def _copy(src, dst, municipality_number, dry_run, progress):
    """Merge the municipality's rows into `dst`; returns the result, the municipality, the destination's
    database id and the time stamp of this copy (stored in `dst`)."""
    from .services.settings import get_setting, put_setting

    tables = _tables()
    ordered = [t for t in _sorted_tables() if t.name not in DATABASE_ONLY]
    municipality = _find_municipality(src, municipality_number)
    result = CopyResult(municipality=municipality.name, dry_run=dry_run)
    source_id, destination_id = _database_id(src), _database_id(dst)
    key_here = sync_key(source_id, municipality.id.hex)
    marker = get_setting(dst, key_here)
    since = _utc(datetime.fromisoformat(marker)) if marker else None
    for done, table in enumerate(ordered):
        if progress:
            progress(done, len(ordered), _("Kopierer {table}").format(table=table.name))
        query = select(table) if table.name in SHARED else municipality_rows(table, tables, municipality.id)
        rows = [_row(r._mapping) for r in src.connection().execute(query)]
        _merge(dst.connection(), table, rows, since, result)
    stamp = datetime.now(UTC).isoformat()
    put_setting(dst, key_here, stamp)
    return result, municipality, destination_id, stamp


def _sorted_tables():
    from sqlmodel import SQLModel

    return SQLModel.metadata.sorted_tables


def _merge(connection, table, rows: list[dict], since, result: CopyResult) -> None:
    key_columns = [c.name for c in table.primary_key.columns]
    for start in range(0, len(rows), BATCH):
        batch = rows[start:start + BATCH]
        keys = [tuple(r[c] for c in key_columns) for r in batch]
        columns = [table.c[c] for c in key_columns]
        condition = (columns[0].in_([k[0] for k in keys]) if len(columns) == 1
                     else tuple_(*columns).in_(keys))
        existing = {tuple(r._mapping[c] for c in key_columns): _row(r._mapping)
                    for r in connection.execute(select(table).where(condition))}
        new_rows = []
        for key, row in zip(keys, batch, strict=True):
            there = existing.get(key)
            if there is None:
                new_rows.append(row)
                continue
            if {k: v for k, v in row.items() if k not in TIMESTAMPS} == \
                    {k: v for k, v in there.items() if k not in TIMESTAMPS}:
                result.unchanged += 1
                continue
            source_newer = not _newer(there.get("updated_at"), row.get("updated_at"))
            both_changed = since is None or (_newer(row.get("updated_at"), since)
                                             and _newer(there.get("updated_at"), since))
            if both_changed:
                result.conflicts.append(Conflict(table.name, str(key[0] if len(key) == 1 else key),
                                                 "source" if source_newer else "destination",
                                                 _plain(row), _plain(there)))
            if source_newer:
                if "row_version" in there:  # a form open on the old row must not save over the copy
                    row = row | {"row_version": (there["row_version"] or 1) + 1}
                connection.execute(table.update().where(condition_for(table, key_columns, key)).values(**row))
                result.updated[table.name] = result.updated.get(table.name, 0) + 1
            else:
                result.unchanged += 1
        if new_rows:
            connection.execute(table.insert(), new_rows)  # one executemany per batch
            result.inserted[table.name] = result.inserted.get(table.name, 0) + len(new_rows)


def condition_for(table, key_columns: list[str], key: tuple):
    from sqlalchemy import and_

    return and_(*(table.c[c] == v for c, v in zip(key_columns, key, strict=True)))


def copy_everything_visible(source, destination, progress=None) -> list[CopyResult]:
    """Every municipality the source's login can see, copied into `destination` (a backup of a server
    database as a SQLite file: a municipality can always take its data home)."""
    from .models import Municipality

    with source.reader() as session:
        numbers = [row.number for row in session.exec(select(Municipality).order_by(Municipality.name)).scalars()]
    if not numbers:
        raise DomainError(_("Det finnes ingen kommunedata å ta kopi av."))
    return [copy_municipality(source, destination, number, progress=progress) for number in numbers]
