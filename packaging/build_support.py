"""What build.spec needs besides PyInstaller: names, what to leave out, the Windows version resource
and the third-party notices. Plain Python (no PyInstaller import), so tests read the same names.

Why the exclusions: the app uses QtCore, QtGui, QtWidgets, QtCharts, QtPdf and QtPdfWidgets. PySide6's
hooks add QtQuick/QtQml/QtVirtualKeyboard through the virtual-keyboard input plugin, every Qt
translation, and platform plugins for devices a laptop does not have; pydantic's hypothesis plugin and
mako's pygments support pull in test tools. Together that is more than half of the bundle.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

APP_NAME = "Nettverkslogg"
GUI_PROGRAM = "Nettverkslogg"        # the windowed app (Nettverkslogg.exe on Windows)
CLI_PROGRAM = "nettverkslogg-cli"    # the console program with the README's commands
DIST_FOLDER = "Nettverkslogg"        # dist/Nettverkslogg/
CONTENTS_FOLDER = "_internal"
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"
ICON_ICO = "resources/icons/nettverkslogg.ico"
ICON_PNG = "resources/icons/nettverkslogg-256.png"

#: Python modules the app never imports at run time.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "matplotlib", "numpy",
    "hypothesis", "pytest", "_pytest", "pypdf", "pygments", "IPython", "setuptools", "pkg_resources",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuick3D",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel",
    "PySide6.QtNetwork", "PySide6.QtMultimedia", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvg", "PySide6.QtDBus", "PySide6.QtVirtualKeyboard", "PySide6.QtPdfQuick",
    "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtXml", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtUiTools", "PySide6.QtSerialPort", "PySide6.QtBluetooth", "PySide6.QtPositioning",
    "PySide6.QtLocation", "PySide6.Qt3DCore", "PySide6.QtDataVisualization", "PySide6.QtGraphs",
    # Pillow (ReportLab imports it) without the formats the app never reads: AVIF, WebP, colour
    # management, Tk — their libraries are 7 MB.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms", "PIL.ImageCms",
    "PIL._imagingtk", "PIL.ImageTk",
    # pytz: icalendar and others use zoneinfo (tzdata); only an optional import finds pytz.
    "pytz",
]
if sys.platform.startswith("linux"):
    # keyring's Secret Service backend (SecretStorage → cryptography, 11 MB). Without it the Linux build
    # has no keyring and says so when connecting to a server; Windows uses the Credential Locker.
    EXCLUDED_MODULES += ["secretstorage", "cryptography", "jeepney"]
#: Imported only for a `postgresql+psycopg://` database, which SQLAlchemy loads by name: the bundle
#: carries the driver (the `postgres` extra) so the same program can work against a shared server.
OPTIONAL_IMPORTS = ["psycopg", "psycopg_binary", "sqlalchemy.dialects.postgresql.psycopg"]

#: Qt libraries and plugins (file-name patterns, any platform) that the app does not load.
_DROPPED_BINARIES = re.compile(
    r"(Qt6?(Quick|Qml|VirtualKeyboard|Pdf ?Quick|ChartsQml|WaylandClient|"
    r"WlShellIntegration|EglFs|Multimedia|WebEngine|3D|Positioning|Sql|Test|Designer)"
    r"|[/\\]plugins[/\\](platforminputcontexts|qmltooling|qmllint|egldeviceintegrations|"
    r"wayland-[^/\\]+|networkinformation|tls|generic|sqldrivers|multimedia|position|sensors|"
    r"texttospeech|renderers|sceneparsers|geometryloaders|assetimporters|webview|canbus|designer)[/\\]"
    r"|[/\\]platforms[/\\][^/\\]*(eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay|wayland|direct2d)"
    r"|[/\\]platformthemes[/\\][^/\\]*(gtk3|xdgdesktopportal)"
    r"|[/\\]imageformats[/\\][^/\\]*(tiff|webp|wbmp|tga|icns|pdf)"
    r"|[/\\]xcbglintegrations[/\\][^/\\]*egl)",
    re.IGNORECASE)

#: Qt translations the app loads: Qt's own Norwegian strings (dialog buttons and the like): Qt's nynorsk
#: catalogue, and the app's own bokmål one (resources/translations/qt_nb.qm, built from qt_nb.ts).
_KEPT_TRANSLATIONS = re.compile(r"qt(base)?_(nb|nn|no)\.qm$")


def lrelease() -> list[str]:
    """PySide6's own lrelease (the wheel's binary, or the pyside6-lrelease wrapper on PATH)."""
    import shutil

    import PySide6

    for candidate in (Path(PySide6.__file__).parent / "lrelease", Path(PySide6.__file__).parent / "lrelease.exe"):
        if candidate.is_file():
            return [str(candidate)]
    wrapper = shutil.which("pyside6-lrelease")
    if wrapper is None:
        raise FileNotFoundError("PySide6's lrelease was not found")
    return [wrapper]


def compile_qt_translations(root: Path) -> list[Path]:
    """Compile resources/translations/*.ts (Qt's own strings in bokmål) to .qm next to them."""
    import subprocess

    written = []
    for ts in sorted((root / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([*lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def optional_imports() -> list[str]:
    """OPTIONAL_IMPORTS that are installed where the bundle is built."""
    from importlib.util import find_spec

    return [name for name in OPTIONAL_IMPORTS if find_spec(name.split(".")[0]) is not None]


def keep_binary(dest: str) -> bool:
    return not _DROPPED_BINARIES.search("/" + dest.replace("\\", "/"))


def keep_data(dest: str) -> bool:
    name = dest.replace("\\", "/")
    if "/Qt/translations/" in name or "/translations/" in name and name.endswith(".qm"):
        return bool(_KEPT_TRANSLATIONS.search(name))
    if name.endswith(".qml") or "/qml/" in name:
        return False
    return keep_binary(name)


def windows_version_text(version: str, program: str = GUI_PROGRAM) -> str:
    """A PyInstaller version file (the VSVersionInfo text form) for one of the Windows programs."""
    parts = [int(p) for p in re.findall(r"\d+", version)[:4]]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    strings = {
        "CompanyName": APP_NAME, "FileDescription": "Nettverkslogg – lærende nettverk",
        "FileVersion": version, "InternalName": APP_NAME, "LegalCopyright": "Nettverkslogg",
        "OriginalFilename": f"{program}.exe", "ProductName": APP_NAME, "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('041404B0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x0414, 1200])])
  ]
)
"""


def read_version(root: Path) -> str:
    text = (root / "desktop" / "version.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


_QT_NOTICE = """\
Qt and PySide6
--------------
The app uses Qt 6 through PySide6 (Qt for Python), both licensed under the GNU Lesser General Public
License version 3 (LGPL-3.0). Nettverkslogg is distributed as a one-folder app: the Qt and PySide6
libraries are separate files in the _internal folder (libQt6*.so / Qt6*.dll, PySide6/ and shiboken6/),
loaded at run time, so you may replace them with your own builds of the same versions. The source code
of Qt is at https://download.qt.io/ and of PySide6 at https://code.qt.io/cgit/pyside/pyside-setup.git/.
The LGPL-3.0 text (with the GPL-3.0 it builds on) is at the end of this file.
"""


def runtime_distributions(top: str = "nettverkslogg") -> list:
    """The installed distributions that `top` needs at run time (no extras), depth first."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: dict[str, object] = {}
    stack = [top]
    while stack:
        name = canonicalize_name(stack.pop())
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[name] = dist
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                stack.append(requirement.name)
    seen.pop(canonicalize_name(top), None)
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def _licence_texts(dist) -> list[tuple[str, str]]:
    files = [f for f in dist.files or []
             if re.search(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", str(f), re.IGNORECASE)
             and not str(f).endswith((".py", ".pyc"))]
    texts = []
    for file in sorted(files, key=str):
        try:
            texts.append((str(file), Path(dist.locate_file(file)).read_text(encoding="utf-8", errors="replace")))
        except OSError:
            continue
    return texts


def write_notices(target: Path, root: Path | None = None) -> list[str]:
    """THIRD-PARTY-NOTICES.txt: Qt/PySide6 (LGPL, replaceable), the DejaVu font, and the licence of
    every library in the bundle, each with the licence files its distribution ships. Returns the
    distribution names listed."""
    root = root or Path(__file__).resolve().parent.parent
    parts = ["Nettverkslogg – third-party notices", "=" * 36, "",
             "Nettverkslogg includes the software listed below. Each part keeps its own licence.", "",
             _QT_NOTICE, "DejaVu fonts", "------------",
             (root / "resources" / "fonts" / "LICENSE-DejaVu.txt").read_text(encoding="utf-8"), ""]
    names = []
    for dist in runtime_distributions():
        meta = dist.metadata
        name = meta["Name"]
        names.append(name)
        licence = meta.get("License-Expression") or meta.get("License") or ""
        if len(licence) > 200 or not licence.strip():
            classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                           if c.startswith("License ::")]
            licence = ", ".join(classifiers) or "see the licence text below"
        heading = f"{name} {dist.version}"
        parts += [heading, "-" * len(heading), f"Licence: {licence.strip()}",
                  f"Home page: {meta.get('Home-page') or ''}".rstrip(), ""]
        for file, text in _licence_texts(dist):
            parts += [f"[{file}]", text.strip(), ""]
    for licence_file in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        parts += [licence_file, "-" * len(licence_file),
                  (root / "packaging" / "licenses" / licence_file).read_text(encoding="utf-8"), ""]
    target.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return names
