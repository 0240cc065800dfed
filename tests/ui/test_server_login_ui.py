"""On a shared server a municipality login works on its own municipality: Innstillinger shows which
one instead of a choice; the county login keeps the choice (it reads every municipality)."""

from __future__ import annotations

import uuid

from storage.demo import generate_demo
from storage.migrate import prepare_database
from storage.server_access import add_login, init_server, remove_login
from storage.store import Store
from tests.ui.conftest import FakePaths

PASSWORD = "et-langt-passord-for-test"


def test_a_municipality_login_has_no_municipality_choice(qtbot, pg_server, tmp_path):
    from ui.pages.settings import SettingsPage
    from ui.runner import Runner

    name = f"ui_{uuid.uuid4().hex[:8]}"
    owner = Store(pg_server.create_database(name, template="template_nl"))
    generate_demo(owner)
    init_server(owner.engine)
    user = f"ui_{uuid.uuid4().hex[:8]}"
    with owner.reader() as session:
        number = session.connection().exec_driver_sql("SELECT number FROM municipality").scalar()
    add_login(owner.engine, user, PASSWORD, municipality_number=number)
    url = f"postgresql+psycopg://{user}:{PASSWORD}@/{name}?host={pg_server.socket_dir}"
    try:
        opened = prepare_database(url, create=False)
        paths = FakePaths(database=url, data_dir=tmp_path, backup_dir=tmp_path / "kopier", log_dir=tmp_path / "logg")
        page = SettingsPage(opened, paths)
        qtbot.addWidget(page)
        page.show()
        runner = Runner(url)
        try:
            with qtbot.waitSignal(page.loaded, timeout=20_000):
                page.attach(runner)
            qtbot.waitUntil(lambda: not runner.busy(), timeout=20_000)
            assert not page.municipality_box.isVisible() and not page.chooser_label.isVisible()
            assert "Du er logget inn på serveren for Fjordvik" in page.municipality_hint.text()
        finally:
            runner.shutdown()
    finally:
        remove_login(owner.engine, user)
        owner.close()
        pg_server.drop_database(name)
