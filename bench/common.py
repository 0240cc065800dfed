"""What the benchmarks share: the demo databases, made once in bench/.cache/ with the real CLI."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"


def ensure_demo_db(name: str = "county.db", scale: str = "county") -> Path:
    """bench/.cache/<name>, written by `nettverkslogg demo --scale <scale>` the first time it is needed."""
    path = CACHE / name
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"Lager {path} ({scale}; fylkesskala tar omtrent et halvt minutt) …", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", str(path), "--scale", scale],
                       cwd=ROOT, check=True)
    return path


def ensure_county_db() -> Path:
    return ensure_demo_db("county.db", "county")


def timed(call, runs: int) -> tuple[float, float, object]:
    """Seconds of the first (cold) call, the median of `runs` calls after it, and the last result."""
    start = time.perf_counter()
    result = call()
    cold = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return cold, statistics.median(times), result
