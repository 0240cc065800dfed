"""Overrides PyInstaller's QtGui hook: the same collection, minus the Qt plugins Nettverkslogg never
loads (build_support.keep_binary). Dropping them here, before PyInstaller resolves what each binary
links to, also keeps out what only they need (the GTK theme plugin alone pulls in GTK, Cairo and Pango).
"""

import os
import sys

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import build_support  # noqa: E402

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if build_support.keep_binary(src)]
