"""Alembic environment, run inside the app: the connection comes from `config.attributes`.

No `fileConfig`: logging belongs to the app, not to migrations.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables on the metadata)

target_metadata = SQLModel.metadata


def render_item(type_, obj, autogen_context):
    """Render SQLModel's own column types as plain SQLAlchemy types in new migration files."""
    if type_ == "type" and obj.__class__.__module__.startswith("sqlmodel"):
        if obj.__class__.__name__ == "AutoString":
            return f"sa.String(length={obj.length})" if obj.length else "sa.String()"
        if obj.__class__.__name__ == "UTCDateTime":
            return "sa.DateTime(timezone=True)"
    return False


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        render_item=render_item,
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(context.config.get_section(context.config.config_ini_section) or {},
                                prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline migrations are not supported.")
run_migrations_online()
