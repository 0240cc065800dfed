"""The windowed program on Windows has no console (sys.stdout and sys.stderr are None). What a command
or a refused start would print must then appear in a message box, not vanish."""

from __future__ import annotations

import subprocess
import sys

from tests.e2e.conftest import ROOT

SCRIPT = """
import sys
sys.stdout = sys.stderr = None  # as in a PyInstaller program built with console=False
from desktop.__main__ import main
code = main(sys.argv[1:])
sys.__stdout__.write(f"exit {code}\\n")
"""


def run_without_console(app_env, *args: str) -> subprocess.CompletedProcess:
    env = dict(app_env, NETTVERKSLOGG_EXIT_AFTER_PAINT="1")
    return subprocess.run([sys.executable, "-c", SCRIPT, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_a_command_shows_its_output_in_a_message_box(app_env, db_path):
    done = run_without_console(app_env, "check", "--db", str(db_path))
    assert "exit 0" in done.stdout, done.stderr
    assert "startup-message Database:" in done.stdout and "Integritetssjekk: ok" in done.stdout
    assert "nettverkslogg-cli" in done.stdout  # where the commands belong


def test_bad_arguments_show_the_message_too(app_env):
    done = run_without_console(app_env, "report", "--kind", "nothing")
    assert "exit 2" in done.stdout
    assert "startup-message" in done.stdout and "ugyldig valg" in done.stdout


def test_a_refused_window_shows_why(app_env, db_path):
    from storage.lock import DatabaseLock

    with DatabaseLock(db_path):
        done = run_without_console(app_env, "--db", str(db_path))
    assert "exit 3" in done.stdout
    assert done.stdout.count("startup-message") == 1, "shown once, not once more from the collected output"
    assert "allerede åpen i Nettverkslogg" in done.stdout


def test_an_unreachable_server_offers_the_local_copy(app_env, tmp_path):
    """The remembered server does not answer (the laptop is offline): the start asks, and opens the
    local file in the user data folder."""
    import json

    data_dir = tmp_path / "data" / "Nettverkslogg"
    data_dir.mkdir(parents=True)
    (data_dir / "server.json").write_text(json.dumps(
        {"host": "127.0.0.1", "port": 1, "database": "nettverkslogg", "user": "kommune", "tls": False}),
        encoding="utf-8")
    env = dict(app_env, NETTVERKSLOGG_EXIT_AFTER_PAINT="1")
    done = subprocess.run([sys.executable, "-m", "desktop"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "startup-question Serveren 127.0.0.1 tar ikke imot forbindelser på port 1." in done.stdout
    assert "first-paint " in done.stdout
    assert (data_dir / "nettverkslogg.db").is_file()
