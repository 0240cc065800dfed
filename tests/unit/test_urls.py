"""SQLite URLs are built as SQLAlchemy's URL.create renders them, so awkward paths open the right file."""

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import URL, make_url

from storage.urls import resolve_url, sqlite_path, sqlite_url

AWKWARD = ["/tmp/a%20b.db", "/tmp/q?x=1.db", "/tmp/a b#c@d.db", "/tmp/%41%.db", "/tmp/æøå+&=;.db",
           "C:\\Users\\Kari\\OneDrive - Kommune\\nettverkslogg.db"]


def _same_as_sqlalchemy(path: str) -> None:
    url = sqlite_url(path)
    assert url == URL.create(drivername="sqlite", database=path).render_as_string(hide_password=False)
    assert make_url(url).database == path
    assert sqlite_path(url) == Path(path)


def test_awkward_paths_round_trip():
    for path in AWKWARD:
        _same_as_sqlalchemy(path)


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), min_size=1))
def test_any_path_round_trips(name):
    _same_as_sqlalchemy("/tmp/" + name)


def test_resolve_url_quotes_the_resolved_path(tmp_path):
    path = tmp_path / "kommune%20ny?.db"
    assert make_url(resolve_url(path)).database == str(path)
    assert resolve_url("postgresql://u@h/db") == "postgresql://u@h/db"
