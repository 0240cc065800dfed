"""The app as `pip install` gives it: a wheel built from pyproject.toml, installed into a fresh virtual
environment with only the runtime dependencies, run from a folder outside the checkout.

The first release's wheel lacked 7 of the 9 ui subpackages and needed a test-only library at run
time; the suite could not see it because it ran the source tree. This test runs what users get.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT

pytestmark = pytest.mark.slow

IMPORT_ALL = r"""
import importlib, pkgutil, sys
from pathlib import Path
import desktop, ui, storage, exports, resources
names = []
for package in (desktop, ui, storage, exports):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.startswith("storage.migrations."):  # Alembic's scripts: run by Alembic only
            continue
        importlib.import_module(info.name)
        names.append(info.name)
outside = [m.__name__ for m in list(sys.modules.values())
           if getattr(m, "__file__", None) and Path(m.__file__).resolve().is_relative_to(Path(sys.argv[1]))]
print(len(names), "modules;", "from the checkout:", outside)
"""

HANDOUT = r"""
import sys
from storage.content import load_reflection_templates
from exports.reflection_handout import write_reflection_handouts
print(len(write_reflection_handouts(load_reflection_templates(), sys.argv[1])), "handouts")
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the project's wheel (and its runtime dependencies) installed; its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    wheels = work / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(wheels.glob("nettverkslogg-*.whl"))
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True, symlinks=os.name != "nt").create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                              str(wheel)], capture_output=True, text=True, timeout=1200)
    assert install.returncode == 0, install.stderr[-2000:]
    return bin_dir


@pytest.fixture
def outside(tmp_path) -> tuple[Path, dict[str, str]]:
    """A working folder outside the checkout, and an environment that does not point into it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("NETTVERKSLOGG", "PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen", PATH=os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                                              if ".venv" not in p))
    return folder, env


def run(args, folder, env, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_the_wheel_holds_no_test_tools(installed):
    listed = run([installed / "python", "-m", "pip", "list", "--format=freeze"], ROOT, dict(os.environ))
    names = {line.split("==")[0].lower() for line in listed.stdout.splitlines()}
    assert "nettverkslogg" in names
    assert not names & {"pypdf", "pytest", "hypothesis", "pytest-qt"}


def test_every_module_imports_from_the_installed_wheel(installed, outside):
    folder, env = outside
    result = run([installed / "python", "-c", IMPORT_ALL, ROOT], folder, env)
    assert result.returncode == 0, result.stderr[-3000:]
    count, rest = result.stdout.split(" modules;")
    assert int(count) > 150
    assert rest.strip() == "from the checkout: []"


def test_every_command_runs_from_the_installed_wheel(installed, outside):
    folder, env = outside
    cli = installed / "nettverkslogg"
    version = run([cli, "--version"], folder, env)
    assert version.returncode == 0 and version.stdout.startswith("Nettverkslogg ")
    demo = run([cli, "demo", "--db", "demo.db"], folder, env)
    assert demo.returncode == 0, demo.stderr[-2000:]
    check = run([cli, "check", "--db", "demo.db"], folder, env)
    assert check.returncode == 0 and "Integritetssjekk: ok" in check.stdout
    report = run([cli, "report", "--db", "demo.db", "--kind", "midterm", "--format", "both", "--eml",
                  "--out", "rapporter"], folder, env)
    assert report.returncode == 0, report.stderr[-2000:]
    made = sorted(p.suffix for p in (folder / "rapporter").iterdir())
    assert made == [".eml", ".pdf", ".xlsx"]
    forms = run([cli, "log-templates", "--db", "demo.db", "--out", "skjema"], folder, env)
    assert forms.returncode == 0, forms.stderr[-2000:]
    assert len(list((folder / "skjema").glob("*.xlsx"))) >= 4
    status = run([cli, "status", "--db", "demo.db", "--json"], folder, env)
    assert status.returncode == 0 and status.stdout.lstrip().startswith("["), status.stderr[-2000:]
    calendar = run([cli, "calendar", "--db", "demo.db", "--out", "samlinger.ics"], folder, env)
    assert calendar.returncode == 0 and (folder / "samlinger.ics").read_text(encoding="utf-8").startswith(
        "BEGIN:VCALENDAR"), calendar.stderr[-2000:]
    first_form = sorted((folder / "skjema").glob("*.xlsx"))[0]
    imported = run([cli, "import-logs", "--db", "demo.db", "--dry-run", first_form], folder, env)
    assert imported.returncode == 0, imported.stdout[-1000:] + imported.stderr[-2000:]
    backup = run([cli, "backup", "--db", "demo.db", "--out", "kopi.db"], folder, env)
    assert backup.returncode == 0 and (folder / "kopi.db").is_file(), backup.stderr[-2000:]
    restore = run([cli, "restore", "--db", "demo.db", "--from", "kopi.db"], folder, env)
    assert restore.returncode == 0, restore.stderr[-2000:]
    handouts = run([installed / "python", "-c", HANDOUT, folder / "maler"], folder, env)
    assert handouts.returncode == 0, handouts.stderr[-2000:]
    assert len(list((folder / "maler").glob("*.pdf"))) == int(handouts.stdout.split()[0]) > 0


def test_a_server_url_without_the_postgres_extra_says_what_to_install(installed, outside):
    folder, env = outside
    done = run([installed / "nettverkslogg", "check", "--db", "postgresql+psycopg://kommune@/nettverk"], folder, env)
    assert done.returncode == 2
    assert "pip install nettverkslogg[postgres]" in done.stderr and "Traceback" not in done.stderr


def test_every_page_opens_from_the_installed_wheel(installed, outside):
    folder, env = outside
    demo = run([installed / "nettverkslogg", "demo", "--db", "demo.db"], folder, env)
    assert demo.returncode == 0, demo.stderr[-2000:]
    tour = run([installed / "nettverkslogg", "--db", "demo.db"], folder, dict(env, NETTVERKSLOGG_VISIT_PAGES="1"))
    assert tour.returncode == 0, tour.stdout[-2000:] + tour.stderr[-3000:]
    assert "visited-pages 8 failures 0" in tour.stdout
    assert "qtpdf-pages 1" in tour.stdout and "qtcharts-drawn True" in tour.stdout
