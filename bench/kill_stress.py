"""Stress test (not in the suite): `kill -9` the CLI at random moments and check nothing is lost.

    .venv/bin/python bench/kill_stress.py [--kills 200] [--seed 1]

Four commands are run as real subprocesses (`python -m desktop ...`) and killed with SIGKILL at a random
moment between start and a little after their normal run time: `restore`, `demo` on a new file,
`import-logs` and `report`. After every kill it checks:

- damage: `PRAGMA integrity_check` on every database file left behind (live file, kept copies);
- committed rows: every row committed before the command is still there, and the command's own
  work is there whole or not at all (restore: the whole old or the whole restored database;
  import-logs: all of the files' rows or none; report: one archive entry or none);
- tracebacks: the next command on the same file (`check`, and `demo` again for a killed `demo`)
  ends with a Norwegian message or success, never a Python traceback.

Only kills that hit a running process are counted; the loop goes on until `--kills` such kills.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ensure_county_db  # noqa: E402
from log_workbooks import fill  # noqa: E402

SCENARIOS = ("restore", "demo", "import-logs", "report")
FILES_TO_IMPORT = 4


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETTVERKSLOGG")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"), PYTHONPATH=str(ROOT))
    return env


def run(env, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def start(env, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def query(path: Path, sql: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def integrity_ok(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        return query(path, "PRAGMA integrity_check") == [("ok",)]
    except sqlite3.DatabaseError:
        return False


def copy_db(source: Path, dest: Path) -> Path:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(dest) + suffix).unlink(missing_ok=True)
    if not Path(str(source) + "-wal").exists():  # closed cleanly: a plain copy is the same and faster
        shutil.copyfile(source, dest)
        return dest
    src, dst = sqlite3.connect(source), sqlite3.connect(dest)
    src.backup(dst)
    src.close()
    dst.close()
    return dest


class World:
    """The files every trial starts from, made once with the real CLI."""

    def __init__(self, folder: Path, env):
        self.folder, self.env = folder, env
        self.base = folder / "base.db"
        result = run(env, "demo", "--db", str(self.base))
        assert result.returncode == 0, result.stderr
        # restore works on a county-size database (147 MB), so a kill can land in every step of it;
        # its source is that database with one more committed row, so old and new differ
        self.restore_base = copy_db(ensure_county_db(), folder / "fylke.db")
        self.source = copy_db(self.restore_base, folder / "kilde.db")
        with sqlite3.connect(self.source) as conn:
            conn.execute("INSERT INTO setting (key, value, updated_at) VALUES ('kilde', 'ja', '2026-01-01')")
        conn.close()
        templates = folder / "skjema"
        result = run(env, "log-templates", "--db", str(self.base), "--out", str(templates))
        assert result.returncode == 0, result.stderr
        self.workbooks = sorted(templates.glob("*.xlsx"))[:FILES_TO_IMPORT]
        fill(self.workbooks, seed=1)
        self.import_rows = 0  # set by main() from a run that is not killed
        self.base_counts = fingerprint(self.base)  # what a whole `demo` writes (the same seed each time)


def commit_in_wal(path: Path) -> None:
    """Commit a row from a process that then dies without closing: the row lives only in the -wal."""
    code = ("import os, sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL')\n"
            "c.execute('PRAGMA wal_autocheckpoint=0')\n"
            "c.execute(\"INSERT INTO setting (key, value, updated_at) VALUES ('foer', 'ja', '2026-01-01')\")\n"
            "c.commit(); os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)


def fingerprint(path: Path) -> dict[str, int]:
    tables = [r[0] for r in query(path, "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return {t: query(path, f'SELECT count(*) FROM "{t}"')[0][0] for t in tables}


def session_log_ids(path: Path) -> set[str]:
    return {r[0] for r in query(path, "SELECT id FROM session_log")}


def trial(world: World, scenario: str, work: Path, delay: float) -> dict:
    """One run of `scenario`, killed after `delay` seconds; returns what was found."""
    env = world.env
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    live = work / "live.db"
    found = {"scenario": scenario, "killed": False, "damaged": [], "lost": [], "tracebacks": []}
    if scenario == "demo":
        args = ("demo", "--db", str(live))
    else:
        copy_db(world.restore_base if scenario == "restore" else world.base, live)
        commit_in_wal(live)
        before = fingerprint(live)
        logs_before = session_log_ids(live)
        if scenario == "restore":
            args = ("restore", "--db", str(live), "--from", str(world.source))
        elif scenario == "import-logs":
            args = ("import-logs", "--db", str(live), *map(str, world.workbooks))
        else:
            args = ("report", "--db", str(live), "--kind", "midterm", "--out", str(work / "rapport"))
    proc = start(env, *args)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        found["killed"] = True
    out, err = proc.communicate()
    if not found["killed"] and "Traceback" in err:
        found["tracebacks"].append(f"{scenario} itself: {err[-300:]}")

    for db in [live, *sorted((work / "sikkerhetskopier").glob("*.db"))]:
        if not integrity_ok(db):
            found["damaged"].append(str(db))
    demo_whole = False
    if not found["damaged"] and live.exists() and live.stat().st_size > 0:
        after = fingerprint(live)
        if scenario == "demo":
            if after and not after.get("alembic_version"):
                found["damaged"].append("demo: a half-made file (tables without a version row)")
            data = {k: v for k, v in after.items() if k not in ("setting", "alembic_version")}
            demo_whole = bool(after) and data == {k: v for k, v in world.base_counts.items()
                                                   if k not in ("setting", "alembic_version")}
            if any(data.values()) and not demo_whole:
                found["lost"].append(f"demo: partly written ({data})")
        elif scenario == "restore":
            source = fingerprint(world.source)
            has_foer = bool(query(live, "SELECT 1 FROM setting WHERE key='foer'"))
            if not ((after == before and has_foer) or (after == source and not has_foer)):
                found["lost"].append(f"restore: neither the old nor the restored database ({after} vs {before})")
            kept = sorted((work / "sikkerhetskopier").glob("*for-gjenoppretting*.db"))
            if not has_foer and not any(query(k, "SELECT 1 FROM setting WHERE key='foer'") for k in kept):
                found["lost"].append("restore: the old database's last commit is in no kept copy")
        elif scenario == "import-logs":
            ids = session_log_ids(live)
            if not logs_before <= ids:
                found["lost"].append(f"import-logs: {len(logs_before - ids)} stored logs gone")
            added = after["session_log"] - before["session_log"]
            if added not in (0, world.import_rows):
                found["lost"].append(f"import-logs: {added} of {world.import_rows} rows stored (not all or none)")
            if not query(live, "SELECT 1 FROM setting WHERE key='foer'"):
                found["lost"].append("import-logs: the commit before the import is gone")
        elif scenario == "report":
            if {k: v for k, v in after.items() if k not in ("report_snapshot", "report_file")} != \
                    {k: v for k, v in before.items() if k not in ("report_snapshot", "report_file")}:
                found["lost"].append("report: other tables changed")
            if after["report_snapshot"] - before["report_snapshot"] not in (0, 1):
                found["lost"].append("report: archive count off")
            if not query(live, "SELECT 1 FROM setting WHERE key='foer'"):
                found["lost"].append("report: the commit before the report is gone")

    follow = [("check", "--db", str(live))]
    if scenario == "demo":
        follow.append(("demo", "--db", str(live)))
    for command in follow:
        result = run(env, *command)
        if "Traceback" in result.stderr or "Traceback" in result.stdout:
            found["tracebacks"].append(f"{' '.join(command[:1])} after {scenario}: {result.stderr[-400:]}")
        if command[0] == "demo" and result.returncode != 0 and not (demo_whole and "allerede data" in result.stderr):
            found["tracebacks"].append(f"demo again after a killed demo failed: {result.stderr[-200:]}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="kill-stress-") as tmp:
        folder = Path(tmp)
        env = env_for(folder / "home")
        world = World(folder, env)
        work = folder / "arbeid"
        span = {}
        for scenario in SCENARIOS:  # how long each command runs when nobody kills it
            command = _plain_args(world, scenario, work)
            t0 = time.perf_counter()
            result = run(env, *command)
            span[scenario] = time.perf_counter() - t0
            assert result.returncode == 0, (scenario, result.stderr)
            if scenario == "import-logs":
                world.import_rows = len(session_log_ids(work / "live.db")) - len(session_log_ids(world.base))
        print("Normal run time: " + ", ".join(f"{s} {t:.2f} s" for s, t in span.items())
              + f"; import-logs stores {world.import_rows} logs", flush=True)
        kills, runs = Counter(), Counter()
        problems = {"damaged": 0, "lost": 0, "tracebacks": 0}
        details = []
        started = time.perf_counter()
        while sum(kills.values()) < args.kills:
            scenario = SCENARIOS[sum(runs.values()) % len(SCENARIOS)]
            delay = rng.uniform(0.05, span[scenario] * 1.05)
            found = trial(world, scenario, work, delay)
            runs[scenario] += 1
            kills[scenario] += found["killed"]
            for key in problems:
                problems[key] += len(found[key])
                details.extend(f"{scenario} @ {delay:.2f} s: {d}" for d in found[key])
        elapsed = time.perf_counter() - started
    print(f"Runs: {sum(runs.values())} ({dict(runs)}); kills of a running process: {sum(kills.values())} "
          f"({dict(kills)}) in {elapsed:.0f} s")
    print(f"Damaged databases: {problems['damaged']}; committed rows lost: {problems['lost']}; "
          f"tracebacks on the next command: {problems['tracebacks']}")
    for line in details[:40]:
        print("  " + line)
    return 1 if any(problems.values()) else 0


def _plain_args(world: World, scenario: str, work: Path) -> tuple[str, ...]:
    """The command of `scenario` on a fresh copy, for timing it once without a kill."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    live = work / "live.db"
    if scenario == "demo":
        return ("demo", "--db", str(live))
    copy_db(world.restore_base if scenario == "restore" else world.base, live)
    if scenario == "restore":
        return ("restore", "--db", str(live), "--from", str(world.source))
    if scenario == "import-logs":
        return ("import-logs", "--db", str(live), *map(str, world.workbooks))
    return ("report", "--db", str(live), "--kind", "midterm", "--out", str(work / "rapport"))


if __name__ == "__main__":
    sys.exit(main())
