"""Whether a folder can really be written: permission bits say little for root, on network drives or
in folders a sync client locks, so the only honest answer is to create and remove a file there.
Standard library only (used on the start-up path)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path


def try_write(folder: Path | str) -> Path:
    """Create `folder` if missing and write and remove a small file in it; OSError says why not."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f".nettverkslogg-skrivetest-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    probe.write_bytes(b"")
    probe.unlink()
    return folder
