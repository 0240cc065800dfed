"""Qt's own texts in bokmål: the text fields' context menus, Ja/Nei and the file dialog; the catalogue is
compiled from resources/translations/qt_nb.ts with PySide6's lrelease, and the bundle keeps it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from ui.qt_translations import BOKMAL_QM, install_qt_translations

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bokmal(qapp):
    translator = install_qt_translations(qapp, QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    assert translator is not None
    yield
    qapp.removeTranslator(translator)


def _texts(menu) -> list[str]:
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def test_context_menus_and_buttons_are_bokmal(bokmal, qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    assert _texts(edit.createStandardContextMenu()) == ["&Angre", "&Gjør om", "Klipp &ut", "&Kopier", "&Lim inn",
                                                        "Slett", "Merk alt"]
    text = QPlainTextEdit()
    qtbot.addWidget(text)
    assert "&Kopier" in _texts(text.createStandardContextMenu())
    box = QMessageBox(QMessageBox.Icon.Question, "Arkiver", "Arkiver vignetten?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == ["&Ja", "&Nei"]


def test_the_qt_file_dialog_is_bokmal(bokmal, qtbot):
    dialog = QFileDialog(None, "Velg mappe")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert {label.text() for label in dialog.findChildren(QLabel)} == {"&Se i:", "Fil&navn:", "Fil&type:"}
    buttons = {b.text() or b.toolTip() for b in dialog.findChildren(QAbstractButton)}
    assert {"&Åpne", "Avbryt", "Tilbake", "Lag ny mappe"} <= buttons


def test_the_shipped_catalogue_is_compiled_from_the_source(tmp_path):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import build_support as bs
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    root = tmp_path / "checkout"
    (root / "resources" / "translations").mkdir(parents=True)
    source = ROOT / "resources" / "translations" / "qt_nb.ts"
    (root / "resources" / "translations" / "qt_nb.ts").write_bytes(source.read_bytes())
    [compiled] = bs.compile_qt_translations(root)
    assert compiled.read_bytes() == BOKMAL_QM.read_bytes()  # the committed .qm is up to date
    assert bs.keep_data("resources/translations/qt_nb.qm")
    assert not bs.keep_data("PySide6/Qt/translations/qtbase_de.qm")


def test_nynorsk_uses_qts_own_catalogue(qapp):
    translator = install_qt_translations(qapp, QLocale(QLocale.Language.NorwegianNynorsk, QLocale.Country.Norway))
    try:
        assert translator is not None
        assert QApplication.translate("QLineEdit", "&Undo") == "&Angra"
    finally:
        qapp.removeTranslator(translator)
