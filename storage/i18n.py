"""Translation hook for storage/ and exports/: wrap every user-facing source string in `_()`.

The source language is bokmål. A catalogue for nynorsk or English can be dropped into
resources/locale/<lang>/LC_MESSAGES/nettverkslogg.mo without touching code.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

_LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"


@cache
def _translation() -> gettext.NullTranslations:
    """Looked up on first use, not at import: start-up imports this module."""
    return gettext.translation("nettverkslogg", localedir=_LOCALE_DIR, fallback=True)


def _(message: str) -> str:
    return _translation().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation().ngettext(singular, plural, n)
