"""LibreOffice for the tests that check a form saved by another program than openpyxl.

`soffice()` finds `soffice`, or installs Debian's `libreoffice-calc-nogui` (as root, with apt-get), and
skips the test only when it cannot be installed. `resave(path, folder)` opens a workbook in headless
LibreOffice Calc and saves it again as .xlsx, as a director using LibreOffice would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.debian import apt_install

PACKAGE = "libreoffice-calc-nogui"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    problem = apt_install(PACKAGE)
    if problem:
        pytest.skip(problem)
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip(f"{PACKAGE} is installed but soffice is not on PATH")
    return found


def resave(path: Path, folder: Path) -> Path:
    """`path` opened and saved again by headless LibreOffice Calc, as `folder/<same name>`."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder.parent / "lo-profile"  # its own profile: no clash with another LibreOffice
    done = subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(folder), str(path)],
                          capture_output=True, text=True, timeout=300)
    target = folder / (path.stem + ".xlsx")
    assert done.returncode == 0 and target.is_file(), (done.stdout, done.stderr)
    return target
