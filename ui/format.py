"""Small display helpers for numbers, money and paths (no Qt, no storage)."""

from __future__ import annotations

import re


def thousands(n: int) -> str:
    """12345 -> '12 345' (Norwegian grouping with a space; a real minus sign for negatives)."""
    return f"{int(n):,}".replace(",", " ").replace("-", "\u2212")


def kroner(n: int) -> str:
    """520000 -> '520 000 kr'."""
    return f"{thousands(n)} kr"


def semester_span(semesters: list[str]) -> str:
    """['2020V', '2020H', '2021V'] -> '2020V–2021V'."""
    if not semesters:
        return ""
    if len(semesters) == 1:
        return semesters[0]
    return f"{semesters[0]}–{semesters[-1]}"


def safe_url(url: str) -> str:
    """Hide a password in a database URL before showing it."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)
