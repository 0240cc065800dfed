"""Connecting the app to a shared PostgreSQL server: the connection profile, a connection test with
Norwegian messages, and the password in the operating system's keyring (never in a plain file).

The profile (host, port, database, user, TLS) is stored in `server.json` in the user data folder, so the
next start opens the server without `--db`. The URL the app passes around carries no password; it is
taken from the keyring when a connection is made (`with_stored_password`).
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import DatabaseError
from .i18n import _

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Nettverkslogg"
PROFILE_FILE = "server.json"


@dataclass(frozen=True)
class ServerProfile:
    host: str
    database: str
    user: str
    port: int = 5432
    tls: bool = True  # require an encrypted connection

    @property
    def key(self) -> str:
        """The keyring entry's user name: which login on which server."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None = None) -> str:
        from sqlalchemy.engine import URL

        query = {"sslmode": "require" if self.tls else "prefer", "connect_timeout": "10"}
        socket = self.host.startswith("/")  # a Unix socket folder on the same machine
        if socket:
            query |= {"host": self.host, "port": str(self.port)}
        return URL.create("postgresql+psycopg", username=self.user, password=password,
                          host=None if socket else self.host, port=None if socket else self.port,
                          database=self.database, query=query).render_as_string(hide_password=False)

    @classmethod
    def from_url(cls, url: str) -> ServerProfile | None:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        host = parsed.host or parsed.query.get("host")
        if parsed.get_backend_name() != "postgresql" or not host:
            return None
        port = parsed.port or int(parsed.query.get("port", 5432))
        return cls(host=host, database=parsed.database or "", user=parsed.username or "", port=port,
                   tls=parsed.query.get("sslmode", "prefer") in ("require", "verify-full"))


def _reason(exc: Exception, profile: ServerProfile) -> str:
    text = str(exc).lower()
    if "password authentication failed" in text or "no password supplied" in text:
        return _("Feil brukernavn eller passord for {user}.").format(user=profile.user)
    if "does not exist" in text and "database" in text:
        return _("Databasen «{db}» finnes ikke på serveren.").format(db=profile.database)
    if "ssl" in text or "encryption" in text:
        return _("Serveren tilbyr ikke kryptert forbindelse. Spør den som drifter serveren.")
    if "timeout" in text or "timed out" in text:
        return _("Serveren {host} svarer ikke. Sjekk nettverket, eller prøv igjen senere.").format(host=profile.host)
    if "could not translate host name" in text or "name or service not known" in text:
        return _("Fant ikke serveren {host}. Sjekk navnet og nettverket.").format(host=profile.host)
    if "connection refused" in text or "no such file" in text:
        return _("Serveren {host} tar ikke imot forbindelser på port {port}.").format(host=profile.host,
                                                                                    port=profile.port)
    return _("Kunne ikke koble til serveren {host}.").format(host=profile.host)


def check_connection(profile: ServerProfile, password: str) -> None:
    """Connect once and ask for the schema version; a DatabaseError in Norwegian says what is wrong."""
    from sqlalchemy.exc import DBAPIError

    from .db import make_engine

    engine = make_engine(profile.url(password))
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        log.info("Serverforbindelse feilet", exc_info=True)
        raise DatabaseError(_reason(exc.orig or exc, profile)) from exc
    finally:
        engine.dispose()


def save_password(profile: ServerProfile, password: str) -> bool:
    """Keep the password in the keyring; False where the system has none (then the app asks each time)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, profile.key, password)
    except KeyringError:
        log.info("Ingen nøkkelring: passordet lagres ikke", exc_info=True)
        return False
    return True


def stored_password(profile: ServerProfile) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, profile.key)
    except KeyringError:
        return None


def with_stored_password(url: str) -> str:
    """A server URL without a password gets the one kept in the keyring (if any); others as given."""
    if "://" not in url:
        return url
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    profile = ServerProfile.from_url(url)
    if profile is None or parsed.password:
        return url
    password = stored_password(profile)
    return parsed.set(password=password).render_as_string(hide_password=False) if password else url


def save_profile(data_dir: Path, profile: ServerProfile | None) -> None:
    """Remember the server for the next start (None: back to the local file)."""
    path = Path(data_dir) / PROFILE_FILE
    if profile is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(asdict(profile), indent=2), encoding="utf-8")
    part.replace(path)


def load_profile(data_dir: Path) -> ServerProfile | None:
    path = Path(data_dir) / PROFILE_FILE
    try:
        return ServerProfile(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
