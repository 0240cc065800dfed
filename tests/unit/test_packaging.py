"""What the packaging files promise, checked against the source tree (fast, no build).

The slow proofs build the wheel and the one-folder app and run them: tests/e2e/test_installed_wheel.py
and tests/e2e/test_bundle.py.
"""

from __future__ import annotations

import ast
import configparser
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
APP_FOLDERS = ("desktop", "ui", "storage", "exports", "resources")
sys.path.insert(0, str(ROOT / "packaging"))
import build_support  # noqa: E402


def _python_files(folder: str):
    return [p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts]


def test_every_code_folder_is_a_package():
    """setuptools finds packages by their __init__.py; a folder without one is left out of the wheel."""
    missing = sorted(str(path.parent.relative_to(ROOT)) for folder in APP_FOLDERS
                     for path in _python_files(folder) if not (path.parent / "__init__.py").is_file())
    assert missing == []


def test_pyproject_lets_setuptools_find_the_five_folders():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = project["tool"]["setuptools"]
    assert set(setuptools["packages"]) == {"find"}, "the package list is found, not written by hand"
    include = setuptools["packages"]["find"]["include"]
    for folder in APP_FOLDERS:
        assert folder in include and f"{folder}.*" in include


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _postgres_extra() -> set[str]:
    """The `postgres` extra's distributions: code that runs only on a PostgreSQL URL may import them
    (without them, such a URL is refused with a message that says what to install)."""
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = set()
    for text in project["project"]["optional-dependencies"]["postgres"]:
        requirement = Requirement(text)
        names |= {requirement.name.lower()} | {f"{requirement.name}-{extra}".lower() for extra in requirement.extras}
    return names


def test_every_runtime_import_comes_from_a_runtime_dependency():
    """Also imports inside functions: pypdf, a test dependency, once crashed the reflection handout."""
    runtime = {dist.metadata["Name"].lower() for dist in build_support.runtime_distributions()} | _postgres_extra()
    providers = metadata.packages_distributions()
    own = set(APP_FOLDERS)
    wrong = []
    for folder in APP_FOLDERS:
        for path in _python_files(folder):
            for name in _imported_modules(path):
                if name in own or name in sys.stdlib_module_names or name == "__future__":
                    continue
                dists = {d.lower() for d in providers.get(name, [])}
                if not dists & runtime:
                    wrong.append(f"{path.relative_to(ROOT)}: {name} ({', '.join(sorted(dists)) or 'not installed'})")
    assert wrong == []


def test_pyside6_excludes_only_the_broken_release():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pyside = next(d for d in project["project"]["dependencies"] if d.startswith("PySide6"))
    assert "!=6.12.0" in pyside and "<6.12" not in pyside
    assert "postgres" in project["project"]["optional-dependencies"]


def test_one_version_everywhere():
    from desktop.cli import build_parser
    from desktop.version import __version__

    assert metadata.version("nettverkslogg") == __version__
    assert build_support.read_version(ROOT) == __version__
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--version"])


def test_windows_version_resource_is_well_formed():
    """The text PyInstaller evaluates on Windows: built here from stand-in constructors."""
    calls: dict[str, list] = {}

    def recorder(kind):
        def make(*args, **kwargs):
            calls.setdefault(kind, []).append((args, kwargs))
            return kind
        return make

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    eval(build_support.windows_version_text("1.2.3", build_support.CLI_PROGRAM),  # noqa: S307
         {name: recorder(name) for name in names})
    fixed = calls["FixedFileInfo"][0][1]
    assert fixed["filevers"] == (1, 2, 3, 0) and fixed["prodvers"] == (1, 2, 3, 0)
    strings = dict(args for args, _ in calls["StringStruct"])
    assert strings["OriginalFilename"] == "nettverkslogg-cli.exe"
    assert strings["ProductVersion"] == "1.2.3"


def _iss_defines() -> dict[str, str]:
    text = (ROOT / "packaging" / "windows" / "nettverkslogg.iss").read_text(encoding="utf-8")
    return dict(re.findall(r'#define (\w+) "([^"]*)"', text))


def test_windows_installer_script_matches_build_spec():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    iss_text = (ROOT / "packaging" / "windows" / "nettverkslogg.iss").read_text(encoding="utf-8")
    defines = _iss_defines()
    iss_folder = ROOT / "packaging" / "windows"
    assert defines["GuiProgram"] == f"{build_support.GUI_PROGRAM}.exe"
    assert defines["CliProgram"] == f"{build_support.CLI_PROGRAM}.exe"
    dist = (iss_folder / defines["DistFolder"].replace("\\", "/")).resolve()
    assert dist == ROOT / "dist" / build_support.DIST_FOLDER
    assert (iss_folder / defines["IconFile"].replace("\\", "/")).resolve() == ROOT / build_support.ICON_ICO
    assert (ROOT / build_support.ICON_ICO).is_file()
    assert "PrivilegesRequired=lowest" in iss_text and "{localappdata}" in iss_text
    assert build_support.NOTICES_FILE in iss_text
    # build.spec uses the same names, through build_support
    for name in ("GUI_PROGRAM", "CLI_PROGRAM", "DIST_FOLDER", "NOTICES_FILE", "ICON_ICO"):
        assert f"bs.{name}" in spec


def test_linux_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "linux" / "no.nettverkslogg.Nettverkslogg.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Terminal"] == "false"
    assert section["Exec"] == build_support.GUI_PROGRAM and section["Icon"] == "nettverkslogg"
    assert (ROOT / build_support.ICON_PNG).is_file()


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt6Qml.dll", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
    ("PySide6/Qt/lib/libQt6Charts.so.6", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", True),  # QtPdf links it
    ("PySide6/Qt/lib/libQt6OpenGL.so.6", True),   # QtCharts links it
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
])
def test_bundle_keeps_what_the_app_loads(dest, kept):
    assert build_support.keep_binary(dest) is kept


def test_bundle_keeps_only_norwegian_qt_translations():
    assert build_support.keep_data("PySide6/Qt/translations/qtbase_nb.qm")
    assert not build_support.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not build_support.keep_data("PySide6/Qt/translations/qtwebengine_nb.qm")
