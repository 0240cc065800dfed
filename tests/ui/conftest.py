"""UI test fixtures: offscreen Qt, QSettings in a temp folder, an opened database and a main window."""

from __future__ import annotations

import os

# Every UI test runs on a laptop screen: 1920×1080 at 150 % gives the app 1280×720 logical pixels.
_SCREEN = os.path.join(os.path.dirname(__file__), "laptop_screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

from dataclasses import dataclass  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@dataclass(frozen=True)
class FakePaths:
    database: str
    data_dir: Path
    backup_dir: Path
    log_dir: Path

    @property
    def log_file(self) -> Path:
        return self.log_dir / "nettverkslogg.log"


@pytest.fixture(autouse=True, scope="session")
def _qsettings_in_tmp(tmp_path_factory):
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture
def paths(db_path, tmp_path) -> FakePaths:
    return FakePaths(database=str(db_path), data_dir=tmp_path, backup_dir=tmp_path / "sikkerhetskopier",
                     log_dir=tmp_path / "logg")


def open_db(db_path, paths):
    from storage.migrate import prepare_database

    return prepare_database(db_path, paths.backup_dir)


def add_municipality(store, name="Bodø", number="1804", county="Nordland", *, kindergarten=True, school=True):
    from storage.services.municipalities import create_municipality

    return create_municipality(
        store, {"name": name, "number": number, "county": county},
        {"cohort": 5, "kindergarten_authority": kindergarten, "school_owner": school,
         "period_start": date(2020, 1, 1), "period_end": date(2022, 12, 31)})


@pytest.fixture
def make_window(qtbot, db_path, paths):
    """make_window(demo=False) -> a shown MainWindow whose runner has started and loaded."""
    from ui.main_window import MainWindow

    crashes: list[BaseException] = []
    made = []

    def make(*, demo: bool = False, wait_ready: bool = True) -> MainWindow:
        window = MainWindow(open_db(db_path, paths), paths, demo=demo, crash_handler=crashes.append)
        window.crashes = crashes
        qtbot.addWidget(window)
        made.append(window)
        if wait_ready:
            with qtbot.waitSignal(window.ready, timeout=20_000):
                window.show()
        else:
            window.show()
        return window

    yield make
    for window in made:
        window.shutdown()
    assert not crashes, crashes
