"""LibreOffice for the tests that check a form saved by another program than openpyxl.

`soffice()` finds `soffice`, or installs Debian's `libreoffice-calc-nogui` (as root, with apt-get), and
skips the test only when it cannot be installed. `resave(path, folder)` opens a workbook in headless
LibreOffice Calc and saves it again as .xlsx, as a director using LibreOffice would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGE = "libreoffice-calc-nogui"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(f"LibreOffice is missing and {PACKAGE} cannot be installed here (needs root and apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    lock = ["-o", "DPkg::Lock::Timeout=600"]
    for command in (["apt-get", *lock, "update", "-qq"],
                    ["apt-get", *lock, "install", "-y", "-qq", "--no-install-recommends", PACKAGE]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1800)
        if done.returncode != 0 and command[-1] == PACKAGE:
            pytest.skip(f"apt-get could not install {PACKAGE}: {done.stderr.strip()[-300:]}")
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
