"""Registers the bundled DejaVu Sans family with reportlab.

reportlab's built-in Helvetica has no Vietnamese letters (ư, ơ, ạ, ế …), so
the report uses DejaVu Sans from ``resources/fonts``; registering the four
faces as one family lets ``<b>``/``<i>`` in our own markup pick the right face.
"""

from __future__ import annotations

from rater_desktop.i18n import resources_dir

FAMILY = "DejaVuSans"
_FACES = {
    FAMILY: "DejaVuSans.ttf",
    f"{FAMILY}-Bold": "DejaVuSans-Bold.ttf",
    f"{FAMILY}-Oblique": "DejaVuSans-Oblique.ttf",
    f"{FAMILY}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}


def register_fonts() -> str:
    """Register the family once per process and return its name for styles."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FAMILY in pdfmetrics.getRegisteredFontNames():
        return FAMILY
    folder = resources_dir() / "fonts"
    for name, filename in _FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    for bold, italic, face in ((0, 0, FAMILY), (1, 0, f"{FAMILY}-Bold"),
                               (0, 1, f"{FAMILY}-Oblique"), (1, 1, f"{FAMILY}-BoldOblique")):
        addMapping(FAMILY, bold, italic, face)
    return FAMILY
