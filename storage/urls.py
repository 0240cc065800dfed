"""Database targets as URLs, with the standard library only (start-up must not load SQLAlchemy)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote


def resolve_url(target: str | Path) -> str:
    """A file path becomes an SQLite URL; anything with `://` is taken as an SQLAlchemy URL."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The database file behind an SQLite URL, or None for other databases and in-memory SQLite."""
    scheme, _, rest = url.partition("://")
    if scheme.split("+")[0] != "sqlite" or not rest.startswith("/"):
        return None
    database = unquote(rest[1:].split("?")[0])
    if not database or database == ":memory:":
        return None
    return Path(database)
