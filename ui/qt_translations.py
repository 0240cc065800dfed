"""Qt's own texts (context menus, Ja/Nei, file dialogs) in Norwegian instead of English.

PySide6 ships Qt's nynorsk catalogue but none for bokmål, so the app carries a small one for the Qt
strings it can show (resources/translations/qt_nb.ts, compiled to qt_nb.qm with PySide6's lrelease
when the program is built). Nynorsk users get Qt's own qtbase_nn.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

BOKMAL_QM = Path(__file__).resolve().parent.parent / "resources" / "translations" / "qt_nb.qm"


def install_qt_translations(app, locale: QLocale | None = None) -> QTranslator | None:
    """Install the Qt catalogue for `locale` (default: the system's); returns it, or None if none fits."""
    locale = locale or QLocale.system()
    translator = QTranslator(app)
    if locale.language() == QLocale.Language.NorwegianNynorsk:
        loaded = translator.load("qtbase_nn", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    else:  # the app's own language is bokmål, whatever else the system says
        loaded = translator.load(str(BOKMAL_QM))
    if not loaded:
        log.warning("no Qt translation found for %s", locale.name())
        return None
    app.installTranslator(translator)
    return translator
