"""The look: Fusion, a light palette, readable sizes and one page-header style for every page.

On the start-up path: no `PySide6.QtCore.Qt` here (creating that namespace costs ~20 ms).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#2f5d8a"
INK = "#1f2933"
MUTED = "#52606d"
LINE = "#d5dbe3"
SURFACE = "#f5f7fa"

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: {SURFACE}; }}
QFrame#navigationColumn {{ background: #e9eef4; border: none; border-right: 1px solid {LINE}; }}
QListWidget#navigation {{
    background: #e9eef4; border: none;
    padding: 12px 8px; outline: none; font-size: 11pt;
}}
QPushButton#navigationFooter {{
    text-align: left; border: none; background: transparent; color: {ACCENT}; padding: 6px 20px;
}}
QPushButton#navigationFooter:hover, QPushButton#navigationFooter:focus {{ text-decoration: underline; }}
QListWidget#navigation::item {{ padding-left: 12px; border-radius: 6px; color: {INK}; }}
QListWidget#navigation::item:focus {{ border: 1px dashed #0f2a44; }}
QListWidget#navigation::item:hover {{ background: #dde5ee; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QLabel#pageTitle {{ font-size: 19pt; font-weight: 600; color: {INK}; }}
QLabel#pageIntro {{ color: {MUTED}; font-size: 11pt; }}
QLabel#sectionTitle {{ font-size: 12pt; font-weight: 600; color: {INK}; }}
QLabel#muted {{ color: {MUTED}; }}
QFrame#card {{ background: white; border: 1px solid {LINE}; border-radius: 8px; }}
QLabel#cardValue {{ font-size: 20pt; font-weight: 600; color: {ACCENT}; }}
QLabel#cardLabel {{ color: {MUTED}; }}
QLabel#formError {{
    color: #7d1a1a; background: #fdecec; border: 1px solid #efb4b4; border-radius: 6px; padding: 8px 10px;
}}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"], QDateEdit[invalid="true"] {{
    border: 2px solid #b3261e; border-radius: 3px; padding: 2px;
}}
QCheckBox[invalid="true"] {{ color: #b3261e; }}
QFrame#banner {{ background: #fff4d6; border: none; border-bottom: 1px solid #e3c26b; }}
QLabel#bannerText {{ color: #4d3800; font-size: 10.5pt; }}
QLabel#warningBanner {{
    color: #6b4500; background: #fdeccc; border: 1px solid #f0c878; border-radius: 6px; padding: 8px 10px;
}}
QLabel#loading {{ color: {MUTED}; font-size: 12pt; }}
QPushButton {{ padding: 6px 14px; }}
QPushButton#primary {{
    background: {ACCENT}; color: white; border: 1px solid #244a6e; border-radius: 4px; padding: 7px 16px;
}}
QPushButton#primary:hover {{ background: #356a9c; }}
QPushButton#primary:focus {{ border: 2px solid #0f2a44; }}
QPushButton#choice {{ background: white; border: 1px solid {LINE}; border-radius: 8px; }}
QLabel#choiceTitle {{ font-size: 12pt; font-weight: 600; color: {INK}; }}
QLabel#choiceText {{ color: {MUTED}; }}
QPushButton#choice:hover {{ border-color: {ACCENT}; }}
QPushButton#choice:focus {{ border: 2px solid {ACCENT}; }}
QStatusBar {{ color: {MUTED}; }}
QComboBox {{ combobox-popup: 0; }}
"""


def apply_style(app: QApplication) -> None:
    if app.style().name().lower() != "fusion":  # often already Fusion; setting it again costs ~7 ms
        app.setStyle("Fusion")
    # A light palette built from our colours, so a dark system theme does not clash with the sheet.
    palette = QPalette(QColor("#e9edf2"), QColor(SURFACE))
    role = QPalette.ColorRole
    for r, colour in ((role.WindowText, INK), (role.Text, INK), (role.ButtonText, INK), (role.Base, "white"),
                      (role.AlternateBase, "#f0f3f7"), (role.Highlight, ACCENT), (role.HighlightedText, "white"),
                      (role.ToolTipBase, "white"), (role.ToolTipText, INK), (role.PlaceholderText, "#7b8794"),
                      (role.Link, ACCENT)):
        palette.setColor(r, QColor(colour))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
