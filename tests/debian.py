"""Debian packages a test needs (LibreOffice, PostgreSQL), installed by the test run itself with
apt-get when it runs as root: nothing is installed by hand, on a developer's machine or in CI."""

from __future__ import annotations

import os
import shutil
import subprocess


def apt_install(package: str) -> str | None:
    """Install `package`; None when done, else why it could not be (to skip or fail with)."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        return f"{package} is missing and cannot be installed here (needs root and apt-get)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    lock = ["-o", "DPkg::Lock::Timeout=600"]
    for command in (["apt-get", *lock, "update", "-qq"],
                    ["apt-get", *lock, "install", "-y", "-qq", "--no-install-recommends", package]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1800)
        if done.returncode != 0 and command[-1] == package:
            return f"apt-get could not install {package}: {done.stderr.strip()[-300:]}"
    return None
