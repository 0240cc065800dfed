"""A second window on the same database file is refused while the first runs; nothing is corrupted."""

import subprocess
import sys
import time

from tests.e2e.conftest import ROOT, sha


def test_second_instance_is_refused(cli, app_env, db_path):
    lock_file = db_path.with_name(db_path.name + ".lock")
    first = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db_path)], cwd=ROOT, env=app_env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (lock_file.exists() and lock_file.read_text().strip() == str(first.pid)):
            assert first.poll() is None, first.stderr.read()
            assert time.monotonic() < deadline, "the first window never took the lock"
            time.sleep(0.1)
        time.sleep(1.0)  # let the first window finish starting (it writes nothing until the user does)
        before = sha(db_path)
        second = cli("--db", str(db_path), timeout=60)
        assert second.returncode == 3
        assert "allerede åpen i Nettverkslogg" in second.stderr and "Traceback" not in second.stderr
        assert first.poll() is None, "the first window must keep running"
        assert sha(db_path) == before
    finally:
        first.terminate()
        first.wait(timeout=30)
    check = cli("check", "--db", str(db_path))
    assert check.returncode == 0 and "Integritetssjekk: ok" in check.stdout
