"""Regenerate the application icons in resources/icons/ from resources/icons/nnstudio.svg.

    python packaging/make_icons.py

Writes nnstudio-<N>.png for the sizes the desktops use (16 … 512), nnstudio.ico (Windows:
16 … 64 as 32-bit bitmaps, 256 as PNG) and nnstudio.icns (macOS: PNG entries 16 … 1024). Only
PySide6 (QtSvg, part of pyside6-essentials) is needed; the ICO and ICNS containers are written
here. The generated files are committed, so building the app does not need this script.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "nnstudio.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_BITMAP_SIZES = (16, 24, 32, 48, 64)  # stored as BMP: every Windows version reads these
ICO_PNG_SIZES = (256,)  # stored as PNG, as Windows itself does for 256 × 256
# ICNS element types holding PNG data, with their pixel sizes (Apple's "icns" format).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16 @2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32 @2x
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),  # 128 @2x
    (b"ic09", 512),
    (b"ic14", 512),  # 256 @2x
    (b"ic10", 1024),  # 512 @2x
)


def render(size: int):  # -> QImage
    """The SVG drawn on a transparent size × size ARGB image."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image) -> bytes:
    """An ICO bitmap entry: BITMAPINFOHEADER (height doubled for the mask), BGRA rows bottom-up,
    then the 1-bit AND mask (all zero: the alpha channel decides)."""
    from PySide6.QtGui import QImage

    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    # Format_ARGB32 is stored as 0xAARRGGBB words, i.e. B, G, R, A bytes in little-endian memory.
    row_bytes = argb.bytesPerLine()
    raw = bytes(argb.constBits())[: row_bytes * size]
    if sys.byteorder != "little":
        raise SystemExit("ICO bitmaps are written on little-endian machines only")
    rows = [raw[y * row_bytes : y * row_bytes + size * 4] for y in range(size)]
    pixels = b"".join(reversed(rows))
    mask_row = ((size + 31) // 32) * 4
    mask = bytes(mask_row * size)
    header = struct.pack(
        "<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0
    )
    return header + pixels + mask


def ico_bytes(images: dict[int, object]) -> bytes:
    entries = [(size, bmp_entry(images[size])) for size in ICO_BITMAP_SIZES]
    entries += [(size, png_bytes(images[size])) for size in ICO_PNG_SIZES]
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    directory, blobs = b"", b""
    for size, blob in entries:
        side = 0 if size >= 256 else size  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return out + directory + blobs


def icns_bytes(images: dict[int, object]) -> bytes:
    body = b""
    for kind, size in ICNS_TYPES:
        data = png_bytes(images[size])
        body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    sizes = sorted({*PNG_SIZES, *(size for _kind, size in ICNS_TYPES)})
    images = {size: render(size) for size in sizes}
    written = []
    for size in PNG_SIZES:
        path = ICONS / f"nnstudio-{size}.png"
        path.write_bytes(png_bytes(images[size]))
        written.append(path)
    (ICONS / "nnstudio.ico").write_bytes(ico_bytes(images))
    (ICONS / "nnstudio.icns").write_bytes(icns_bytes(images))
    written += [ICONS / "nnstudio.ico", ICONS / "nnstudio.icns"]
    for path in written:
        print(f"{path.relative_to(ICONS.parent.parent)}  {path.stat().st_size:>8} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
