"""Display helpers that only the window needs (a database URL without its password). Numbers, kroner,
percentages, dates and semesters are written by storage.formatting, shared with the exports."""

from __future__ import annotations

import re


def safe_url(url: str) -> str:
    """Hide a password in a database URL before showing it."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)
