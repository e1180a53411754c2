"""The report's building blocks as reportlab flowables: styles, paragraphs, tables, tiles, pictures.

Kept apart from the page machinery (``render.py``) so another report (the
roll-up's group report) lays its pages out with the same pieces.  All text
arrives as plain strings and is escaped here, in one place (:func:`para`), so
a note such as ``<img src="/etc/passwd">`` prints as those characters and
reportlab never opens a file it was not given by us.
"""

from __future__ import annotations

from html import escape

from rater_desktop.i18n import format_figure
from rater_desktop.report.model import ShareBar, Table, Tile
from rater_desktop.report.wrapping import NBSP, keep_words, unbreakable

TONES = {"good": "#e3f0e4", "warning": "#fbf0d3", "bad": "#f8dccd", "neutral": "#eef2f6"}
"""Tile backgrounds; the value and its words always say the same, for grey-scale prints."""
CELL_PADDING = 6


def para(text: str, style) -> object:
    """A Paragraph of *plain* text: escaped, line breaks kept."""
    from reportlab.platypus import Paragraph

    # html.escape, not xml.sax.saxutils: that one drags urllib.request and ssl in (~45 ms)
    return Paragraph(escape(text, quote=False).replace("\n", "<br/>"), style)


def styles(font: str, accent: str) -> dict:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    accent_colour = colors.HexColor(accent)
    grey = colors.HexColor("#444444")
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13, spaceAfter=5)
    return {
        "body": body,
        "lead": ParagraphStyle("lead", parent=body, fontSize=11, leading=15, spaceAfter=8),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=grey),
        "caption": ParagraphStyle("caption", parent=body, fontSize=7.8, leading=10, textColor=grey,
                                  fontName=f"{font}-Oblique", spaceAfter=8),
        "note": ParagraphStyle("note", parent=body, fontSize=8.5, leading=11, leftIndent=10,
                               fontName=f"{font}-Oblique", spaceAfter=3),
        "quote": ParagraphStyle("quote", parent=body, fontSize=9, leading=12, leftIndent=12, spaceAfter=4),
        "intro": ParagraphStyle("intro", parent=body, keepWithNext=1),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=2),
        "subheading": ParagraphStyle("subheading", parent=body, fontName=f"{font}-Bold", fontSize=11,
                                     leading=14, spaceBefore=8, spaceAfter=4, textColor=accent_colour,
                                     keepWithNext=1),
        "section": ParagraphStyle("section", parent=body, fontName=f"{font}-Bold", fontSize=16,
                                  leading=20, spaceAfter=10, textColor=accent_colour, keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "head": ParagraphStyle("head", parent=body, fontName=f"{font}-Bold", fontSize=8.5, leading=10.5,
                               spaceAfter=0, textColor=colors.white),
        "tile_label": ParagraphStyle("tile_label", parent=body, fontSize=7.5, leading=9.5, alignment=TA_CENTER,
                                     textColor=grey, spaceAfter=0),
        "tile_value": ParagraphStyle("tile_value", parent=body, fontName=f"{font}-Bold", fontSize=22, leading=26,
                                     alignment=TA_CENTER, spaceAfter=0),
        "tile_detail": ParagraphStyle("tile_detail", parent=body, fontSize=7.5, leading=9.5, alignment=TA_CENTER,
                                      textColor=grey, spaceAfter=0),
        "cover_title": ParagraphStyle("cover_title", parent=body, fontSize=13, leading=16, textColor=grey,
                                      alignment=TA_CENTER),
        "cover_org": ParagraphStyle("cover_org", parent=body, fontName=f"{font}-Bold", fontSize=26,
                                    leading=32, alignment=TA_CENTER, spaceBefore=12, spaceAfter=8),
        "cover_line": ParagraphStyle("cover_line", parent=body, fontSize=14, leading=19, alignment=TA_CENTER),
        "cover_headline": ParagraphStyle("cover_headline", parent=body, fontName=f"{font}-Bold", fontSize=15,
                                         leading=20, alignment=TA_CENTER, textColor=accent_colour),
        "cover_grade": ParagraphStyle("cover_grade", parent=body, fontName=f"{font}-Bold", fontSize=110,
                                      leading=120, alignment=TA_CENTER, textColor=accent_colour),
        "cover_tile_value": ParagraphStyle("cover_tile_value", parent=body, fontName=f"{font}-Bold", fontSize=72,
                                           leading=80, alignment=TA_CENTER, textColor=accent_colour, spaceAfter=0),
        "cover_caption": ParagraphStyle("cover_caption", parent=body, fontSize=11, leading=15,
                                        alignment=TA_CENTER, textColor=grey),
        "toc": ParagraphStyle("toc", parent=body, fontSize=11, leading=16),
    }


def table(block: Table, style_set: dict, frame_width: float, accent: str, lang: str = "en") -> object:
    """A report table: accent header repeated on every page, zebra rows, optional cell shading.

    Numbers, grades and dates (centred or right-aligned columns) and headers
    never split inside a word; in a language with spaces inside words a header
    that fits its column stays on one line and known words stay whole.
    """
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    alignments = {"L": TA_LEFT, "C": TA_CENTER, "R": TA_RIGHT}
    align = block.align or ("L",) * len(block.header)
    total = sum(block.widths)
    widths = [frame_width * w / total for w in block.widths]
    cell_styles = [ParagraphStyle(f"cell{a}", parent=style_set["cell"], alignment=alignments[a],
                                  splitLongWords=int(a == "L")) for a in align]
    head = style_set["head"]
    head_styles = [ParagraphStyle(f"head{a}", parent=head, alignment=alignments[a], splitLongWords=0) for a in align]

    def header_text(text: str, width: float) -> str:
        if stringWidth(text, head.fontName, head.fontSize) <= width - CELL_PADDING * 2:
            return unbreakable(text)
        return fit_words(text, width - CELL_PADDING * 2, head.fontName, head.fontSize, lang)

    cell = style_set["cell"]

    def body(text: str, column: int) -> object:
        # A short one-line cell is drawn as a plain string: a Paragraph per cell was most of the layout time.
        if "\n" not in text and stringWidth(text, cell.fontName, cell.fontSize) <= widths[column] - CELL_PADDING * 2:
            return text
        return para(fit_words(text, widths[column] - CELL_PADDING * 2, cell.fontName, cell.fontSize, lang),
                    cell_styles[column])

    data = [[para(header_text(text, widths[i]), head_styles[i]) for i, text in enumerate(block.header)]]
    data += [[body(text, i) for i, text in enumerate(row)] for row in block.rows]
    result = RLTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = [
        ("FONT", (0, 1), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
        *(("ALIGN", (c, 1), (c, -1), {"L": "LEFT", "C": "CENTER", "R": "RIGHT"}[a]) for c, a in enumerate(align)),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(accent)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f3f5f7")) for r in range(2, len(data), 2)]
    commands += [("BACKGROUND", (c, r), (c, r), colors.HexColor(colour))
                 for r, row in enumerate(block.shading, start=1) for c, colour in enumerate(row) if colour]
    result.setStyle(TableStyle(commands))
    return result


def fit_words(text: str, room: float, font: str, size: float, lang: str) -> str:
    """``text`` with its known words held whole (see ``wrapping``) where each fits ``room`` points.

    A phrase wider than the column keeps its shorter words whole instead
    ("Đang thực hiện" → "Đang" + "thực hiện"); only a single word wider than
    the column may break inside.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def fitted(word: str) -> str:
        while NBSP in word and stringWidth(word, font, size) > room:
            word = keep_words(word.replace(NBSP, " "), lang, shorter_than=len(word))
            if NBSP in word and " " in word:
                return " ".join(fitted(part) for part in word.split(" "))
        return word

    return "\n".join(" ".join(fitted(word) for word in keep_words(line, lang).split(" ")) for line in text.split("\n"))


def tiles(items: tuple[Tile, ...], style_set: dict, frame_width: float, *, value_style: str = "tile_value",
          gap: float = 6) -> object:
    """Tiles side by side in one row: label, value large, detail; each on its tone's background."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    count = max(1, len(items))
    width = (frame_width - gap * (count - 1)) / count
    cells, columns, commands = [], [], [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]
    for i, tile in enumerate(items):
        if i:
            cells.append("")
            columns.append(gap)
        column = len(columns)
        big = style_set[value_style]
        # a long value ("↑ +0,45") shrinks to fit its tile rather than break
        room = width - CELL_PADDING * 2
        size = min(big.fontSize, big.fontSize * room / max(1.0, stringWidth(tile.value, big.fontName, big.fontSize)))
        value_style_fit = ParagraphStyle(f"{value_style}{i}", parent=big, fontSize=size, leading=size * 1.15)
        cells.append([para(unbreakable(tile.label) if len(tile.label) < 24 else tile.label, style_set["tile_label"]),
                      para(unbreakable(tile.value), value_style_fit),
                      para(tile.detail, style_set["tile_detail"])])
        columns.append(width)
        commands.append(("BACKGROUND", (column, 0), (column, 0), colors.HexColor(TONES.get(tile.tone, TONES["neutral"]))))
        commands.append(("BOX", (column, 0), (column, 0), 0.5, colors.HexColor("#c7d0d9")))
    result = RLTable([cells], colWidths=columns, hAlign="LEFT")
    result.setStyle(TableStyle(commands))
    return result


def share_bar(bar: ShareBar, style_set: dict, frame_width: float) -> list:
    """Title, one bar of coloured boxes as wide as their shares (the share written inside), and a key."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    shown = [share for share in bar.shares if share.percent > 0]
    widths = [frame_width * share.percent / 100 for share in shown]
    label = ParagraphStyle("share", parent=style_set["cell"], fontName=style_set["head"].fontName, alignment=1,
                           textColor=colors.white)
    cells = [[para(f"{_whole(share.percent)}\u00a0%" if width > 28 else "", label)
              for share, width in zip(shown, widths)]]
    boxes = RLTable(cells, colWidths=widths, rowHeights=[22], hAlign="LEFT")
    boxes.setStyle(TableStyle(
        [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
         ("RIGHTPADDING", (0, 0), (-1, -1), 1), ("LINEAFTER", (0, 0), (-2, 0), 1, colors.white)]
        + [("BACKGROUND", (i, 0), (i, 0), colors.HexColor(share.colour)) for i, share in enumerate(shown)]))
    # the key: a swatch of each colour beside its words, so the bar reads in grey-scale too
    key_cells, key_widths, key_style = [], [], [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                                ("LEFTPADDING", (0, 0), (-1, -1), 3)]
    for i, share in enumerate(bar.shares):
        key_cells += ["", para(f"{share.label}\u00a0{_whole(share.percent)}\u00a0%", style_set["small"])]
        key_widths += [8, (frame_width - 8 * len(bar.shares)) / len(bar.shares)]
        key_style.append(("BACKGROUND", (2 * i, 0), (2 * i, 0), colors.HexColor(share.colour)))
    key = RLTable([key_cells], colWidths=key_widths, rowHeights=[12], hAlign="LEFT")
    key.setStyle(TableStyle(key_style))
    title = ParagraphStyle("share_title", parent=style_set["body"], fontSize=10, alignment=1, spaceAfter=4)
    return [para(bar.title, title), boxes, key,
            para(bar.caption, style_set["caption"]) if bar.caption else para("", style_set["small"])]


def _whole(percent: float) -> str:
    return format_figure(percent, 0)


def form(name: str, width: float, height: float) -> object:
    """A flowable that reserves ``width`` × ``height`` for the PDF form ``name``, defined before the document
    is written (a chart whose picture may still be being drawn while the pages are laid out)."""
    from reportlab.platypus import Flowable

    class FormPlace(Flowable):
        def wrap(self, available_width, available_height):
            return width, height

        def draw(self):
            self.canv.doForm(name)

    return FormPlace()


def logo(path: str) -> object:
    """The user's logo, at most 50 mm wide and 25 mm high, aspect kept."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    try:
        reader = ImageReader(path)
        w, h = reader.getSize()
    except Exception as exc:  # noqa: BLE001 - any unreadable image gets the same sentence
        raise ValueError(f"The logo image {path} could not be read.") from exc
    scale = min(50 * mm / w, 25 * mm / h)
    return Image(path, width=w * scale, height=h * scale)
