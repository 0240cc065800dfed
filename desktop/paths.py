"""Where things live: the database, backups and logs (platformdirs), and how --db overrides them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Nettverkslogg"
DB_ENV = "NETTVERKSLOGG_DB"
DEFAULT_DB_NAME = "nettverkslogg.db"


@dataclass(frozen=True)
class AppPaths:
    database: str  # a file path or an SQLAlchemy URL
    data_dir: Path
    backup_dir: Path
    log_dir: Path

    @property
    def log_file(self) -> Path:
        return self.log_dir / "nettverkslogg.log"


def resolve_paths(db: str | None = None) -> AppPaths:
    """--db wins over $NETTVERKSLOGG_DB, which wins over the server chosen in Innstillinger («Koble til
    server»), which wins over the file in the user data folder."""
    from platformdirs import user_data_path, user_log_path

    data_dir = user_data_path(APP_NAME, appauthor=False)
    log_dir = user_log_path(APP_NAME, appauthor=False)
    database = db or os.environ.get(DB_ENV) or _server_url(data_dir) or str(data_dir / DEFAULT_DB_NAME)
    if "://" not in database:
        database = str(Path(database).expanduser().resolve())
        backup_dir = Path(database).parent / "sikkerhetskopier" if (db or os.environ.get(DB_ENV)) \
            else data_dir / "sikkerhetskopier"
    else:
        backup_dir = data_dir / "sikkerhetskopier"
    return AppPaths(database=database, data_dir=data_dir, backup_dir=backup_dir, log_dir=log_dir)


def local_database(paths: AppPaths) -> AppPaths:
    """The same paths, on the local file in the user data folder (when the server cannot be reached)."""
    from dataclasses import replace

    return replace(paths, database=str(paths.data_dir / DEFAULT_DB_NAME), backup_dir=paths.data_dir / "sikkerhetskopier")


def _server_url(data_dir: Path) -> str | None:
    if not (data_dir / "server.json").exists():
        return None
    from storage.server_connection import load_profile

    profile = load_profile(data_dir)
    return profile.url() if profile else None
