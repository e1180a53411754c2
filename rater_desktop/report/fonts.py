"""Registers the bundled DejaVu Sans family with reportlab.

reportlab's built-in Helvetica has no Vietnamese letters (ư, ơ, ạ, ế …), so
the report uses DejaVu Sans from ``resources/fonts``; registering the faces as
one family lets ``<b>``/``<i>`` in our own markup pick the right face.  Bold
italic is never used (all report text is plain), so it is not loaded: each
face costs a parse of a large font file.
"""

from __future__ import annotations

from rater_desktop.i18n import resources_dir

FAMILY = "DejaVuSans"
_FACES = {
    FAMILY: "DejaVuSans.ttf",
    f"{FAMILY}-Bold": "DejaVuSans-Bold.ttf",
    f"{FAMILY}-Oblique": "DejaVuSans-Oblique.ttf",
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
                               (0, 1, f"{FAMILY}-Oblique"), (1, 1, f"{FAMILY}-Bold")):
        addMapping(FAMILY, bold, italic, face)
    return FAMILY
