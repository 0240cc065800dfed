"""Run the real program in a subprocess, with its user folders inside the test's tmp folder."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def app_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETTVERKSLOGG")}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return env


@pytest.fixture
def cli(app_env):
    def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=app_env,
                              capture_output=True, text=True, timeout=timeout)
    return run


class ReadOnlyFolder:
    """A folder that nobody can write in once `lock()` is called, root included (chattr +i)."""

    def __init__(self, path: Path):
        self.path = path
        path.mkdir()

    def lock(self) -> None:
        if os.geteuid() == 0:
            if subprocess.run(["chattr", "+i", str(self.path)], capture_output=True).returncode != 0:
                pytest.skip("chattr +i is not available here")
        else:
            self.path.chmod(0o555)

    def unlock(self) -> None:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(self.path)], capture_output=True)
        self.path.chmod(0o755)


@pytest.fixture
def read_only_folder(tmp_path):
    folder = ReadOnlyFolder(tmp_path / "skrivebeskyttet")
    yield folder
    folder.unlock()
