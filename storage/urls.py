"""Database targets as URLs, with the standard library only (start-up must not load SQLAlchemy).

A file path is put into the URL exactly as `sqlalchemy.engine.URL.create(drivername="sqlite",
database=path).render_as_string()` does it, percent-encoding `%`, `?` and `#`, so SQLAlchemy's
`make_url` gives back the same path (tests/unit/test_urls.py holds the two side by side). A path
pasted in unquoted would open a different file: `a%20b.db` as `a b.db`, `a?b.db` as `a`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote

_SAFE = " +/"  # what SQLAlchemy's URL.render_as_string leaves unquoted in the database part


def sqlite_url(path: str | Path) -> str:
    """The SQLite URL for a database file, as SQLAlchemy's `URL.create` renders it."""
    return f"sqlite:///{quote(str(path), safe=_SAFE)}"


def resolve_url(target: str | Path) -> str:
    """A file path becomes an SQLite URL; anything with `://` is taken as an SQLAlchemy URL."""
    text = str(target)
    if "://" in text:
        return text
    return sqlite_url(Path(text).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The database file behind an SQLite URL, or None for other databases and in-memory SQLite."""
    scheme, _, rest = url.partition("://")
    if scheme.split("+")[0] != "sqlite" or not rest.startswith("/"):
        return None
    database = unquote(rest[1:].split("?")[0])
    if not database or database == ":memory:":
        return None
    return Path(database)
