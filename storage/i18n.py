"""Translation hook for storage/ and exports/: wrap every user-facing source string in `_()`.

The source language is bokmål. A catalogue for nynorsk or English can be dropped into
resources/locale/<lang>/LC_MESSAGES/nettverkslogg.mo without touching code.
"""

from __future__ import annotations

import gettext
from pathlib import Path

_LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
_translation = gettext.translation("nettverkslogg", localedir=_LOCALE_DIR, fallback=True)


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)
