"""Draw the app icon (three connected nodes on a teal tile) and write resources/icons/:
nettverkslogg-256.png (window icon, Linux .desktop) and nettverkslogg.ico (Windows, PNG entries at
16–256 px). Run once after changing the drawing: `.venv/bin/python packaging/make_icons.py`."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
TEAL, ORANGE, WHITE = QColor("#1f5a6b"), QColor("#e08a2e"), QColor("#ffffff")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(TEAL)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    nodes = [QPointF(128 * s, 70 * s), QPointF(68 * s, 178 * s), QPointF(188 * s, 178 * s)]
    p.setPen(QPen(WHITE, max(1.5, 14 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            p.drawLine(a, b)
    p.setPen(Qt.PenStyle.NoPen)
    for i, centre in enumerate(nodes):
        p.setBrush(ORANGE if i == 0 else WHITE)
        radius = 30 * s
        p.drawEllipse(centre, radius, radius)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[bytes]) -> bytes:
    """An ICO file whose entries are PNG images (Windows Vista and later read these)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    directory, blobs = b"", b""
    for size, blob in zip(SIZES, images, strict=True):
        edge = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + directory + blobs


def main() -> int:
    QGuiApplication(sys.argv[:1] + ["-platform", "offscreen"])
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    pngs = [png_bytes(draw(size)) for size in SIZES]
    (out / "nettverkslogg-256.png").write_bytes(pngs[-1])
    (out / "nettverkslogg.ico").write_bytes(ico_bytes(pngs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
