"""The one-folder app as users get it: built with build.spec, run from another folder with a bare
environment (no virtual environment, no PYTHONPATH, nothing of the checkout on PATH).

The first release's bundle did not start at all (its entry script used relative imports); nothing
short of building and running it shows that.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from storage.lock import DatabaseLock
from tests.e2e.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import build_support  # noqa: E402

pytestmark = pytest.mark.slow
MAX_PACKED_MB = 90


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert build.returncode == 0, build.stderr[-4000:]
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    return work / "dist" / build_support.DIST_FOLDER


@pytest.fixture
def bare(tmp_path) -> tuple[Path, dict[str, str]]:
    """Another folder, and an environment with nothing but a home, the system PATH and Qt's platform."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    env = {"HOME": str(tmp_path / "home"), "PATH": "/usr/local/bin:/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    return folder, env


def run(args, folder, env, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_two_programs_share_one_internal_folder(bundle):
    names = sorted(p.name for p in bundle.iterdir())
    exe = ".exe" if os.name == "nt" else ""
    assert names == sorted([f"{build_support.GUI_PROGRAM}{exe}", f"{build_support.CLI_PROGRAM}{exe}",
                            build_support.CONTENTS_FOLDER, build_support.NOTICES_FILE])


def test_bundle_is_lean(bundle, tmp_path):
    """At most 90 MB packed as tar.gz (gzip's default level, as `tar czf`); no Quick/QML/virtual keyboard,
    no test tools."""
    packed = tmp_path / "bundle.tar.gz"
    with tarfile.open(packed, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    size_mb = packed.stat().st_size / 1e6
    print(f"bundle packed {size_mb:.1f} MB")
    assert size_mb <= MAX_PACKED_MB
    files = [str(p.relative_to(bundle)) for p in bundle.rglob("*")]
    for unwanted in ("Qt6Quick", "Qt6Qml", "VirtualKeyboard", "hypothesis", "pygments", "pytest", "pypdf"):
        assert not [f for f in files if unwanted.lower() in f.lower()], unwanted
    translations = [f for f in files if f.endswith(".qm")]
    assert all("_nb" in f or "_nn" in f or "_no" in f for f in translations)


def test_notices_cover_qt_the_font_and_every_library(bundle):
    text = (bundle / build_support.NOTICES_FILE).read_text(encoding="utf-8")
    assert "LGPL" in text and "replace them" in text
    assert "DejaVu" in text and "Bitstream" in text
    for library in ("PySide6", "SQLAlchemy", "sqlmodel", "alembic", "reportlab", "openpyxl", "icalendar",
                    "platformdirs", "tzdata", "pydantic"):
        assert f"\n{library} " in text, library
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text


def test_cli_commands_from_another_folder(bundle, bare):
    folder, env = bare
    cli = bundle / build_support.CLI_PROGRAM
    helped = run([cli, "--help"], folder, env)
    assert helped.returncode == 0 and "kommandoer" in helped.stdout
    version = run([cli, "--version"], folder, env)
    assert version.returncode == 0 and version.stdout.strip() == f"Nettverkslogg {build_support.read_version(ROOT)}"
    demo = run([cli, "demo", "--db", "demo.db"], folder, env)
    assert demo.returncode == 0, demo.stderr[-3000:]
    check = run([cli, "check", "--db", "demo.db"], folder, env)
    assert check.returncode == 0 and "Integritetssjekk: ok" in check.stdout, check.stderr[-3000:]
    report = run([cli, "report", "--db", "demo.db", "--kind", "final", "--format", "both", "--eml",
                  "--out", "rapporter"], folder, env)
    assert report.returncode == 0, report.stderr[-3000:]
    assert sorted(p.suffix for p in (folder / "rapporter").iterdir()) == [".eml", ".pdf", ".xlsx"]
    forms = run([cli, "log-templates", "--db", "demo.db", "--out", "skjema"], folder, env)
    assert forms.returncode == 0, forms.stderr[-3000:]
    assert len(list((folder / "skjema").glob("*.xlsx"))) >= 4
    bad = run([cli, "report", "--db", "demo.db", "--kind", "midterm", "--semester", "1999V", "--out", "x"],
              folder, env)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.strip()


def test_window_paints_and_opens_every_page(bundle, bare):
    folder, env = bare
    demo = run([bundle / build_support.CLI_PROGRAM, "demo", "--db", "demo.db"], folder, env)
    assert demo.returncode == 0, demo.stderr[-3000:]
    app = bundle / build_support.GUI_PROGRAM
    painted = run([app, "--db", "demo.db"], folder, dict(env, NETTVERKSLOGG_EXIT_AFTER_PAINT="1"), timeout=120)
    assert painted.returncode == 0 and "first-paint " in painted.stdout, painted.stderr[-3000:]
    tour = run([app, "--db", "demo.db"], folder, dict(env, NETTVERKSLOGG_VISIT_PAGES="1"), timeout=300)
    assert tour.returncode == 0, tour.stdout[-2000:] + tour.stderr[-3000:]
    assert "visited-pages 8 failures 0" in tour.stdout
    assert "qtpdf-pages 1" in tour.stdout and "qtcharts-drawn True" in tour.stdout  # still in the lean bundle


def test_a_refused_start_says_why_in_a_window(bundle, bare):
    """The database is in use: the packaged window shows the Norwegian reason in a message box."""
    folder, env = bare
    run([bundle / build_support.CLI_PROGRAM, "demo", "--db", "demo.db"], folder, env)
    with DatabaseLock(folder / "demo.db"):
        refused = run([bundle / build_support.GUI_PROGRAM, "--db", "demo.db"], folder,
                      dict(env, NETTVERKSLOGG_EXIT_AFTER_PAINT="1"), timeout=120)
    assert refused.returncode == 3
    assert "startup-message Databasen" in refused.stdout and "allerede åpen" in refused.stdout
    assert "Traceback" not in refused.stderr


def test_linux_install_script(bundle, tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("the .desktop entry is for Linux")
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    done = run(["sh", ROOT / "packaging" / "linux" / "install-user.sh", bundle], tmp_path, env)
    assert done.returncode == 0, done.stderr
    entry = (home / ".local/share/applications/no.nettverkslogg.Nettverkslogg.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert os.access(exec_line.removeprefix("Exec="), os.X_OK)
    assert (home / ".local/share/icons/hicolor/256x256/apps/nettverkslogg.png").is_file()
    version = run([home / ".local/bin/nettverkslogg-cli", "--version"], tmp_path, env)
    assert version.returncode == 0 and version.stdout.startswith("Nettverkslogg")


def test_cli_works_on_a_postgresql_server(bundle, bare, pg_server):
    """The bundle carries the PostgreSQL driver: the same program works against a shared server."""
    folder, env = bare
    url = pg_server.create_database("bundle_demo")
    try:
        cli = bundle / build_support.CLI_PROGRAM
        demo = run([cli, "demo", "--db", url], folder, env)
        assert demo.returncode == 0, demo.stderr[-3000:]
        check = run([cli, "check", "--db", url], folder, env)
        assert check.returncode == 0 and "session_log" in check.stdout, check.stderr[-3000:]
        report = run([cli, "report", "--db", url, "--kind", "funds", "--format", "pdf", "--out", "rapport"],
                     folder, env)
        assert report.returncode == 0 and list((folder / "rapport").glob("*.pdf")), report.stderr[-3000:]
    finally:
        pg_server.drop_database("bundle_demo")
