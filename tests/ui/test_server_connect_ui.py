"""Innstillinger → «Koble til server …»: a wrong password is refused in Norwegian and nothing is kept;
the right one is kept in the keyring (never in a file), the server is remembered for the next start,
and that start finds the password again. Runs against the test run's real PostgreSQL server."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backend import KeyringBackend

from storage.server_connection import KEYRING_SERVICE, ServerProfile, check_connection, with_stored_password
from tests.ui.conftest import add_municipality

from .planning_helpers import wait_jobs


class MemoryKeyring(KeyringBackend):
    """A keyring for the test process (a laptop's is the system's: Windows Credential Locker, Keychain)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def delete_password(self, service, username):
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def test_connect_to_the_server_from_innstillinger(make_window, qtbot, store, pg_server, memory_keyring, paths):
    add_municipality(store)
    window = make_window()
    card = window.settings_page.server
    assert "fil på denne maskinen" in card.status.text()
    card.open_connect()
    dialog = card.dialog
    dialog.host.setText(str(pg_server.socket_dir))  # the test server listens on a Unix socket only
    dialog.database.setText("template_nl")
    dialog.user.setText("nettverkslogg_test")
    dialog.tls.setChecked(False)
    dialog.password.setText("feil-passord")
    dialog.save()
    wait_jobs(window, qtbot)
    assert dialog.isVisible() and "Feil brukernavn eller passord" in dialog.error_label.text()
    assert memory_keyring.entries == {} and not (paths.data_dir / "server.json").exists()

    dialog.password.setText(pg_server.password)
    dialog.save()
    wait_jobs(window, qtbot)
    qtbot.waitUntil(lambda: getattr(card, "restart_box", None) is not None, timeout=5_000)
    profile = ServerProfile(**json.loads((paths.data_dir / "server.json").read_text(encoding="utf-8")))
    assert pg_server.password not in (paths.data_dir / "server.json").read_text(encoding="utf-8")
    assert memory_keyring.entries == {(KEYRING_SERVICE, profile.key): pg_server.password}
    url = with_stored_password(profile.url())  # what the next start does
    check_connection(profile, pg_server.password)
    assert pg_server.password in url
    card.restart_box.done(0)


def test_unreachable_servers_are_explained():
    from storage.errors import DatabaseError

    with pytest.raises(DatabaseError, match="Fant ikke serveren"):
        check_connection(ServerProfile(host="nettverkslogg.invalid", database="x", user="y", tls=False), "z")
    with pytest.raises(DatabaseError, match="tar ikke imot forbindelser på port 1"):
        check_connection(ServerProfile(host="127.0.0.1", port=1, database="x", user="y", tls=False), "z")
