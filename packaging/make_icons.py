"""Draws the app icon set into ``resources/icons`` (run: ``uv run python packaging/make_icons.py``).

The icon is drawn here rather than taken from an icon pack so its licence is
ours: a rounded blue square with a large grade letter "A" and five small bars,
one per RATER dimension. One vector drawing (SVG) is the source of truth; the
PNG sizes are rendered from it by Qt so every size matches, and the Windows
``.ico`` and macOS ``.icns`` are packed from those PNGs with Pillow.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
NAME = "rater-desktop"

# Bar heights (share of the bar area), one per dimension: an uneven profile
# reads as "a score per dimension" even at small sizes.
BARS = (0.55, 0.8, 0.45, 0.95, 0.7)
BAR_COLOURS = ("#f2c14e", "#f78154", "#4d9078", "#b4436c", "#5fad56")

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2f6db5"/>
      <stop offset="1" stop-color="#1d4477"/>
    </linearGradient>
  </defs>
  <rect x="16" y="16" width="480" height="480" rx="96" ry="96" fill="url(#bg)"/>
  <text x="256" y="318" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif"
        font-weight="bold" font-size="300" fill="#ffffff">A</text>
{bars}
</svg>
"""


def _bars_svg() -> str:
    """Five bars on a common baseline under the letter."""
    left, width, gap, base, tall = 106, 48, 27, 440, 90
    rects = []
    for i, (share, colour) in enumerate(zip(BARS, BAR_COLOURS)):
        height = round(tall * share)
        x = left + i * (width + gap)
        rects.append(f'  <rect x="{x}" y="{base - height}" width="{width}" height="{height}" '
                     f'rx="8" fill="{colour}"/>')
    return "\n".join(rects)


def svg_text() -> str:
    return SVG.replace("{bars}", _bars_svg())


def render_pngs(svg_path: Path) -> list[Path]:
    """Render the SVG at every size with Qt's SVG renderer (antialiased)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg_path))
    paths = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = ICON_DIR / f"{NAME}-{size}.png"
        image.save(str(path))
        paths.append(path)
    del app
    return paths


def pack_ico_icns() -> None:
    """Windows wants one .ico with several sizes; macOS an .icns (Pillow writes both)."""
    from PIL import Image

    big = Image.open(ICON_DIR / f"{NAME}-512.png")
    big.save(ICON_DIR / f"{NAME}.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    big.save(ICON_DIR / f"{NAME}.icns")


def main() -> None:
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    svg_path = ICON_DIR / f"{NAME}.svg"
    svg_path.write_text(svg_text(), encoding="utf-8")
    render_pngs(svg_path)
    pack_ico_icns()
    print(f"icons written to {ICON_DIR}")


if __name__ == "__main__":
    main()
