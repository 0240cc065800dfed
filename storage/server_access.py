"""Access control on a shared PostgreSQL server, enforced by the database itself.

Several resource persons and the county governor's staff use one server. Each person has a login (a
PostgreSQL role). A municipality login sees and changes only its own municipality's rows; a county
login reads everything and changes nothing municipal. Row-level security does the filtering, so the
rule holds also in plain SQL with the login's own credentials, not only in the app.

- `nettverkslogg_access.login` maps a login to its municipality (or to the whole county).
- `nettverkslogg_access.visible(municipality_id)` answers for the session's login (SECURITY DEFINER,
  so the mapping table itself stays hidden).
- Tables with a municipality column are filtered on it; the others through their parent row (whose own
  policy applies inside the check), so a gathering's attendance follows its gathering.
- Group roles carry the grants: `nettverkslogg_kommune` may read and write, `nettverkslogg_fylke` may
  only read. Built-in content (vignettes, codebook) is shared by all.

Which rows belong to which municipality is defined once, in `scope`; every table must be placed
there (tests/storage/test_server_access.py checks it).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .errors import DomainError
from .i18n import _
from .scope import BY_MUNICIPALITY, BY_PARENT, unclassified
from .scope import SHARED as SCOPE_SHARED

log = logging.getLogger(__name__)

SCHEMA = "nettverkslogg_access"
MUNICIPALITY_GROUP = "nettverkslogg_kommune"
COUNTY_GROUP = "nettverkslogg_fylke"

#: shared by everyone (grants, no row filter) and readable by everyone
SHARED = SCOPE_SHARED | {"setting"}
READ_ONLY = {"alembic_version"}

_NAME = re.compile(r"^[a-z][a-z0-9_]{1,62}$")


@dataclass(frozen=True)
class ServerLogin:
    name: str
    municipality_number: str | None  # None for a county login
    municipality_name: str | None
    county: bool


def _require_postgresql(engine) -> None:
    if engine.dialect.name != "postgresql":
        raise DomainError(_("Tilgangsstyring finnes bare på en PostgreSQL-server. Oppgi serverens adresse "
                            "med --db postgresql+psycopg://…"))


def _check_name(name: str) -> str:
    if not _NAME.match(name) or name.startswith(("pg_", "nettverkslogg_")):
        raise DomainError(_("Brukernavnet «{name}» kan ikke brukes. Bruk små bokstaver a–z, tall og _, og "
                            "begynn med en bokstav.").format(name=name), field="user")
    return name


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _statements(tables: set[str]) -> list[str]:
    """The DDL of `init`: schema, mapping table, functions, group roles, grants and policies."""
    s = SCHEMA
    out = [
        f"CREATE SCHEMA IF NOT EXISTS {s}",
        f"CREATE TABLE IF NOT EXISTS {s}.login (role_name text PRIMARY KEY, "
        "municipality_id uuid REFERENCES public.municipality(id) ON DELETE CASCADE, "
        "county boolean NOT NULL DEFAULT false, "
        "CHECK (county OR municipality_id IS NOT NULL))",
        f"REVOKE ALL ON {s}.login FROM PUBLIC",
        f"""CREATE OR REPLACE FUNCTION {s}.visible(mid uuid) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM {s}.login l
                           WHERE l.role_name = session_user AND (l.county OR l.municipality_id = mid)) $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.person_visible(pid uuid) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            SELECT NOT EXISTS (SELECT 1 FROM public.resource_assignment a WHERE a.resource_person_id = pid)
                OR EXISTS (SELECT 1 FROM public.resource_assignment a
                           WHERE a.resource_person_id = pid AND {s}.visible(a.municipality_id)) $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.my_municipality() RETURNS uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            SELECT municipality_id FROM {s}.login WHERE role_name = session_user $$""",
        f"""CREATE OR REPLACE FUNCTION {s}.is_county() RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            SELECT COALESCE((SELECT county FROM {s}.login WHERE role_name = session_user), false) $$""",
    ]
    for group in (MUNICIPALITY_GROUP, COUNTY_GROUP):
        out.append(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "
                   f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$")
        out += [f"GRANT USAGE ON SCHEMA public, {s} TO {group}",
                f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {s} TO {group}"]
    out.append("DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %%I TO "
               f"{MUNICIPALITY_GROUP}, {COUNTY_GROUP}', current_database()); END $$")
    for table in sorted(tables):
        t = f"public.{_q(table)}"
        if table in READ_ONLY:
            out.append(f"GRANT SELECT ON {t} TO {MUNICIPALITY_GROUP}, {COUNTY_GROUP}")
            continue
        out += [f"GRANT SELECT ON {t} TO {COUNTY_GROUP}",
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON {t} TO {MUNICIPALITY_GROUP}"]
        if table in SHARED:
            continue
        if table in BY_MUNICIPALITY:
            rule = f"{s}.visible({_q(BY_MUNICIPALITY[table])})"
        elif table in BY_PARENT:
            column, parent = BY_PARENT[table]
            rule = f"EXISTS (SELECT 1 FROM public.{_q(parent)} p WHERE p.id = {t}.{_q(column)})"
        else:  # PERSON_TABLE
            rule = f"{s}.person_visible(id)"
        out += [f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY",
                f"DROP POLICY IF EXISTS nettverkslogg_scope ON {t}",
                f"CREATE POLICY nettverkslogg_scope ON {t} USING ({rule}) WITH CHECK ({rule})"]
    return out


def _public_tables(connection) -> set[str]:
    rows = connection.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").all()
    return {row[0] for row in rows}


def init_server(engine, attempts: int = 3) -> int:
    """Create or refresh the roles, grants and policies (idempotent). Returns the tables protected.

    Changing a table's policies needs a moment when nobody else uses it; while users are connected the
    change waits at most 30 s for them and is tried again (a deadlock with another session too)."""
    from sqlalchemy.exc import OperationalError

    _require_postgresql(engine)
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as connection:
                tables = _public_tables(connection)
                unknown = unclassified(tables)
                if unknown:
                    raise DomainError(_("Tabellene {tables} har ingen tilgangsregel. Oppdater Nettverkslogg før "
                                        "du setter opp serveren.").format(tables=", ".join(sorted(unknown))))
                connection.exec_driver_sql("SET LOCAL lock_timeout = '30s'")
                for statement in _statements(tables):
                    connection.exec_driver_sql(statement)
            break
        except OperationalError as exc:
            log.warning("Tilgangsstyring: forsøk %d feilet", attempt, exc_info=True)
            if attempt == attempts:
                raise DomainError(_("Serveren er i bruk, så tilgangsreglene kunne ikke endres nå. Ingenting er "
                                    "endret. Prøv igjen når færre er pålogget.")) from exc
    log.info("Tilgangsstyring satt opp for %d tabeller", len(tables))
    return len(tables - SHARED - READ_ONLY)


def _require_init(connection) -> None:
    found = connection.exec_driver_sql(
        "SELECT to_regclass(%(name)s)", {"name": f"{SCHEMA}.login"}).scalar()
    if found is None:
        raise DomainError(_("Serveren er ikke satt opp for Nettverkslogg ennå. Kjør «nettverkslogg server "
                            "init» først."))


def add_login(engine, name: str, password: str, *, municipality_number: str | None = None,
              county: bool = False) -> ServerLogin:
    """A new login for one municipality (by its number) or for the county."""
    _require_postgresql(engine)
    _check_name(name)
    if county == (municipality_number is not None):
        raise DomainError(_("Velg enten én kommune (--kommune NUMMER) eller hele fylket (--county)."))
    if len(password) < 12:
        raise DomainError(_("Passordet må ha minst 12 tegn."), field="password")
    from psycopg import sql

    with engine.begin() as connection:
        _require_init(connection)
        exists = connection.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": name}).first()
        if exists:
            raise DomainError(_("Brukeren «{name}» finnes allerede.").format(name=name), field="user")
        municipality = None
        if not county:
            municipality = connection.exec_driver_sql(
                "SELECT id, name FROM public.municipality WHERE number = %(n)s", {"n": municipality_number}).first()
            if municipality is None:
                raise DomainError(_("Det finnes ingen kommune med nummer {number} i databasen.").format(
                    number=municipality_number), field="kommune")
        raw = connection.connection.dbapi_connection
        group = COUNTY_GROUP if county else MUNICIPALITY_GROUP
        with raw.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(name), sql.Literal(password), sql.Identifier(group)))
        connection.exec_driver_sql(
            f"INSERT INTO {SCHEMA}.login (role_name, municipality_id, county) VALUES (%(r)s, %(m)s, %(c)s)",
            {"r": name, "m": municipality[0] if municipality else None, "c": county})
    log.info("Ny serverbruker %s (%s)", name, "fylket" if county else municipality_number)
    return ServerLogin(name, municipality_number, municipality[1] if municipality else None, county)


def remove_login(engine, name: str) -> None:
    _require_postgresql(engine)
    with engine.begin() as connection:
        _require_init(connection)
        found = connection.exec_driver_sql(
            f"DELETE FROM {SCHEMA}.login WHERE role_name = %(r)s RETURNING role_name", {"r": name}).first()
        if found is None:
            raise DomainError(_("Det finnes ingen Nettverkslogg-bruker som heter «{name}».").format(name=name),
                              field="user")
        connection.exec_driver_sql(f"DROP ROLE IF EXISTS {_q(name)}")
    log.info("Serverbruker %s fjernet", name)


def list_logins(engine) -> list[ServerLogin]:
    _require_postgresql(engine)
    with engine.connect() as connection:
        _require_init(connection)
        rows = connection.exec_driver_sql(
            f"SELECT l.role_name, m.number, m.name, l.county FROM {SCHEMA}.login l "
            "LEFT JOIN public.municipality m ON m.id = l.municipality_id ORDER BY l.county DESC, m.name, l.role_name"
        ).all()
    return [ServerLogin(*row) for row in rows]


def login_scope(engine) -> tuple[bool, str | None] | None:
    """For the connected login: (county, municipality id as hex) — None when the database has no access
    control (SQLite, or a server where `init` has not run, or the database owner)."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as connection:
        if connection.exec_driver_sql("SELECT to_regclass(%(n)s)", {"n": f"{SCHEMA}.login"}).scalar() is None:
            return None
        row = connection.exec_driver_sql(
            f"SELECT county, municipality_id FROM {SCHEMA}.login WHERE role_name = session_user").first() \
            if _can_read_login(connection) else \
            connection.exec_driver_sql(f"SELECT {SCHEMA}.is_county(), {SCHEMA}.my_municipality()").first()
    if row is None or (not row[0] and row[1] is None):
        return None
    return bool(row[0]), (row[1].hex if row[1] is not None else None)


def _can_read_login(connection) -> bool:
    return bool(connection.exec_driver_sql(
        "SELECT has_table_privilege(%(t)s, 'SELECT')", {"t": f"{SCHEMA}.login"}).scalar())
