"""Which rows belong to a municipality: the one map that access control on the server
(`server_access`) and copying between databases (`copy_data`) both follow.

Tables with a municipality column are placed by it; the others through their parent row. Resource
persons may serve several municipalities (through their assignments). Built-in and user-made content
is shared by all; settings and the schema version belong to the database, not to a municipality.
"""

from __future__ import annotations

#: table → its municipality column
BY_MUNICIPALITY = {
    "municipality": "id", "participation": "municipality_id", "unit": "municipality_id",
    "learning_network": "municipality_id", "gathering": "municipality_id", "task": "municipality_id",
    "resource_assignment": "municipality_id", "report_snapshot": "municipality_id",
    "report_draft": "municipality_id", "vignette_session": "municipality_id",
}
#: table → (its column that points to the parent, the parent table)
BY_PARENT = {
    "attendance": ("gathering_id", "gathering"), "session_log": ("unit_id", "unit"),
    "network_member": ("network_id", "learning_network"), "network_focus": ("network_id", "learning_network"),
    "plan": ("participation_id", "participation"), "plan_version": ("plan_id", "plan"),
    "grant": ("participation_id", "participation"), "own_funding": ("participation_id", "participation"),
    "expense": ("participation_id", "participation"), "report_file": ("snapshot_id", "report_snapshot"),
    "response": ("session_id", "vignette_session"), "coding": ("response_id", "response"),
}
PERSON_TABLE = "resource_person"
SHARED = {"vignette", "vignette_version", "codebook", "code"}
DATABASE_ONLY = {"setting", "alembic_version"}


def unclassified(tables: set[str]) -> set[str]:
    """Tables this map does not place: each must be placed before the server or a copy may use it."""
    known = set(BY_MUNICIPALITY) | set(BY_PARENT) | SHARED | DATABASE_ONLY | {PERSON_TABLE}
    return tables - known


def municipality_rows(table, tables: dict, municipality_id):
    """A SQLAlchemy select of `table`'s rows that belong to `municipality_id` (None for shared and
    database-only tables). `tables` maps names to Table objects."""
    from sqlalchemy import select

    name = table.name
    if name in SHARED or name in DATABASE_ONLY:
        return None
    if name == PERSON_TABLE:
        assignments = tables["resource_assignment"]
        return select(table).where(table.c.id.in_(
            select(assignments.c.resource_person_id).where(assignments.c.municipality_id == municipality_id)))
    query = select(table)
    current, current_table = name, table
    while current not in BY_MUNICIPALITY:
        column, parent = BY_PARENT[current]
        parent_table = tables[parent]
        query = query.join(parent_table, parent_table.c.id == current_table.c[column])
        current, current_table = parent, parent_table
    return query.where(current_table.c[BY_MUNICIPALITY[current]] == municipality_id)
