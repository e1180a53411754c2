"""Lays a :class:`ReportContent` out as a PDF with reportlab platypus.

All text arrives as plain strings and is escaped here, in one place
(:func:`_para`), so a note such as ``<img src="/etc/passwd">`` prints as those
characters and reportlab never opens a file it was not given by us.

The PDF is written to a temporary file beside the target and moved into place
at the end: a cancelled or failed build never leaves half a report behind.
"""

from __future__ import annotations

import os
from html import escape
from io import BytesIO
from typing import Callable

from rater_desktop import charts
from rater_desktop.files import write_atomically
from rater_desktop.report.fonts import register_fonts
from rater_desktop.report.model import Bullets, Chart, ReportContent, Section, Table, Text

TOC_MIN_PAGES = 9
"""Reports longer than 8 pages get a table of contents."""
CHART_DPI = 200
MARGIN_MM = 18

Progress = Callable[[float], None]
Cancel = Callable[[], bool]


class ReportCancelled(Exception):
    """Raised when ``cancel()`` returned true; nothing was written."""


def _para(text: str, style) -> "object":
    """A Paragraph of *plain* text: escaped, line breaks kept."""
    from reportlab.platypus import Paragraph

    # html.escape, not xml.sax.saxutils: that one drags urllib.request and ssl in (~45 ms)
    return Paragraph(escape(text, quote=False).replace("\n", "<br/>"), style)


def _styles(font: str, accent: str) -> dict:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    accent_colour = colors.HexColor(accent)
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13, spaceAfter=5)
    return {
        "body": body,
        "lead": ParagraphStyle("lead", parent=body, fontSize=11, leading=15, spaceAfter=8),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444")),
        "note": ParagraphStyle("note", parent=body, fontSize=8.5, leading=11, leftIndent=10,
                               fontName=f"{font}-Oblique", spaceAfter=3),
        "subheading": ParagraphStyle("subheading", parent=body, fontName=f"{font}-Bold", fontSize=11,
                                     leading=14, spaceBefore=8, spaceAfter=4, textColor=accent_colour,
                                     keepWithNext=1),
        "section": ParagraphStyle("section", parent=body, fontName=f"{font}-Bold", fontSize=16,
                                  leading=20, spaceAfter=10, textColor=accent_colour, keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "head": ParagraphStyle("head", parent=body, fontName=f"{font}-Bold", fontSize=8.5, leading=10.5,
                               spaceAfter=0, textColor=colors.white),
        "cover_title": ParagraphStyle("cover_title", parent=body, fontSize=13, leading=16,
                                      textColor=colors.HexColor("#555555"), alignment=TA_CENTER),
        "cover_org": ParagraphStyle("cover_org", parent=body, fontName=f"{font}-Bold", fontSize=26,
                                    leading=32, alignment=TA_CENTER, spaceBefore=12, spaceAfter=8),
        "cover_line": ParagraphStyle("cover_line", parent=body, fontSize=14, leading=19, alignment=TA_CENTER),
        "cover_grade": ParagraphStyle("cover_grade", parent=body, fontName=f"{font}-Bold", fontSize=110,
                                      leading=120, alignment=TA_CENTER, textColor=accent_colour),
        "cover_caption": ParagraphStyle("cover_caption", parent=body, fontSize=11, leading=15,
                                        alignment=TA_CENTER, textColor=colors.HexColor("#444444")),
        "toc": ParagraphStyle("toc", parent=body, fontSize=11, leading=16),
    }


def _numbered_canvas(content: ReportContent, font: str, contents_page: Callable[[int], list | None],
                     page_count: list[int]):
    """A canvas class that holds pages back until the page count is known.

    At the end it asks ``contents_page(page_count)`` for the flowables of a
    contents page; if it gets any, that page is drawn and slotted in after the
    cover.  Then every page but the cover gets its header and "page x of y".
    One layout pass thus serves both the contents and the page numbers.
    """
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame

    header = f"{content.cover.organisation} · {content.cover.assessment}"

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            flowables = contents_page(len(self._saved))
            if flowables:
                width, height = self._pagesize
                margin = MARGIN_MM * 2.8346
                Frame(margin, margin, width - 2 * margin, height - 2 * margin, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0).addFromList(flowables, self)
                self._saved.insert(1, dict(self.__dict__))
            total = page_count[0] = len(self._saved)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self._pageNumber = number
                if number > 1:
                    self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            margin = MARGIN_MM * 2.8346
            self.setFont(font, 7.5)
            self.setFillColor(colors.HexColor("#666666"))
            self.drawString(margin, height - margin * 0.6, header[:120])
            self.drawString(margin, margin * 0.5, content.footer[:120])
            self.drawRightString(width - margin, margin * 0.5,
                                 content.page_label.format(page=self._pageNumber, pages=total))
            self.setStrokeColor(colors.HexColor("#cccccc"))
            self.setLineWidth(0.4)
            self.line(margin, height - margin * 0.6 - 3, width - margin, height - margin * 0.6 - 3)

    return NumberedCanvas


def _table(block: Table, styles: dict, frame_width: float, accent: str):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    alignments = {"L": TA_LEFT, "C": TA_CENTER, "R": TA_RIGHT}
    align = block.align or ("L",) * len(block.header)
    cell_styles = [ParagraphStyle(f"cell{a}", parent=styles["cell"], alignment=alignments[a]) for a in align]
    head_styles = [ParagraphStyle(f"head{a}", parent=styles["head"], alignment=alignments[a]) for a in align]
    data = [[_para(text, head_styles[i]) for i, text in enumerate(block.header)]]
    data += [[_para(text, cell_styles[i]) for i, text in enumerate(row)] for row in block.rows]
    total = sum(block.widths)
    widths = [frame_width * w / total for w in block.widths]
    table = RLTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(accent)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f3f5f7"))
                 for r in range(2, len(data), 2)]
    commands += [("BACKGROUND", (c, r), (c, r), colors.HexColor(colour))
                 for r, row in enumerate(block.shading, start=1) for c, colour in enumerate(row) if colour]
    table.setStyle(TableStyle(commands))
    return table


class _Builder:
    """Turns content into flowables, rendering each chart once even across passes."""

    def __init__(self, content: ReportContent, progress: Progress | None, cancel: Cancel | None):
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm

        self.content = content
        self.progress = progress or (lambda fraction: None)
        self.cancel = cancel or (lambda: False)
        from reportlab import rl_config

        # Binary image streams: ASCII85 is pure Python here and doubles the chart cost.
        rl_config.useA85 = 0
        self.font = register_fonts()
        self.styles = _styles(self.font, content.options.accent)
        self.pagesize = A4
        self.margin = MARGIN_MM * mm
        self.frame_width = A4[0] - 2 * self.margin
        self.images: dict[int, object] = {}

    def check_cancel(self) -> None:
        if self.cancel():
            raise ReportCancelled()

    def render_charts(self) -> None:
        """The slow part (matplotlib): done first so progress moves smoothly."""
        chart_blocks = [b for s in self.content.sections for b in s.blocks if isinstance(b, Chart)]
        width_in = self.frame_width / 72
        renderer = charts.ImageRenderer(CHART_DPI) if chart_blocks else None
        for i, block in enumerate(chart_blocks):
            self.check_cancel()
            self.images[id(block)] = renderer.render(block.spec, width_in=width_in,
                                                     height_in=width_in * block.aspect)
            self.progress(0.8 * (i + 1) / max(1, len(chart_blocks)))

    def cover(self) -> list:
        from reportlab.platypus import PageBreak, Spacer

        cover, styles = self.content.cover, self.styles
        story: list = []
        logo = self.content.options.logo_path
        if logo:
            story.append(_logo(logo, self.frame_width))
        story += [Spacer(1, 40), _para(cover.title, styles["cover_title"]),
                  _para(cover.organisation, styles["cover_org"]),
                  _para(cover.assessment, styles["cover_line"]), _para(cover.date, styles["cover_line"]),
                  Spacer(1, 40)]
        if cover.grade:
            story.append(_para(cover.grade, styles["cover_grade"]))
        story.append(_para(cover.grade_caption, styles["cover_caption"]))
        story.append(Spacer(1, 20))
        story += [_para(line, styles["cover_caption"]) for line in cover.lines]
        story.append(PageBreak())
        return story

    def section(self, section: Section, first: bool) -> list:
        from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer

        heading = _para(section.title, self.styles["section"])
        heading.toc_title = section.title
        story: list = [] if first or not section.new_page else [PageBreak()]
        if not section.new_page:
            # leave room for the heading and what opens the section (a chart needs more)
            opens_with_chart = any(isinstance(b, Chart) for b in section.blocks[:2])
            story.append(CondPageBreak(self.frame_width * 0.55 if opens_with_chart else 120))
        story.append(heading)
        for block in section.blocks:
            if isinstance(block, Text):
                story.append(_para(block.text, self.styles[block.style]))
            elif isinstance(block, Bullets):
                story += [_para(f"•  {item}", self.styles["body"]) for item in block.items]
            elif isinstance(block, Table):
                story.append(_table(block, self.styles, self.frame_width, self.content.options.accent))
                story.append(Spacer(1, 8))
            elif isinstance(block, Chart):
                height = self.frame_width * block.aspect
                image = _picture(self.images[id(block)], self.frame_width, height)
                story.append(KeepTogether([image, Spacer(1, 10)]))
        return story

    def story(self) -> list:
        story = self.cover()
        for i, section in enumerate(self.content.sections):
            story += self.section(section, first=(i == 0))
        return story

    def toc(self, entries: list[tuple[str, int]]) -> list:
        """The contents page's flowables for a report laid out without it.

        The contents fit on one page that sits right after the cover, so each
        section moves exactly one page on.
        """
        from reportlab.platypus import Table as RLTable

        rows = [[_para(title, self.styles["toc"]), _para(str(page + 1), self.styles["toc"])]
                for title, page in entries]
        table = RLTable(rows, colWidths=[self.frame_width - 40, 40], hAlign="LEFT")
        return [_para(self.content.contents_title, self.styles["section"]), table]

    def build(self, target) -> int:
        """Lay the story out once, with a contents page when it runs long; return the page count."""
        from reportlab.platypus import SimpleDocTemplate

        entries: list[tuple[str, int]] = []
        laid_out = [0, 0]
        """flowables placed so far, flowables in the story"""
        builder = self

        class Doc(SimpleDocTemplate):
            def afterFlowable(self, flowable):
                builder.check_cancel()
                laid_out[0] += 1
                builder.progress(0.8 + 0.15 * min(1.0, laid_out[0] / laid_out[1]))
                title = getattr(flowable, "toc_title", None)
                if title is not None:
                    entries.append((title, self.page))

        def contents_page(pages: int) -> list | None:
            return self.toc(entries) if pages >= TOC_MIN_PAGES else None

        story = self.story()
        laid_out[1] = max(1, len(story))
        doc = Doc(target, pagesize=self.pagesize, leftMargin=self.margin, rightMargin=self.margin,
                  topMargin=self.margin, bottomMargin=self.margin, title=self.content.cover.title,
                  author=self.content.cover.organisation, subject=self.content.cover.assessment)
        pages = [0]
        doc.build(story, canvasmaker=_numbered_canvas(self.content, self.font, contents_page, pages))
        return pages[0]


def _picture(image, width: float, height: float):
    """A flowable drawing an in-memory PIL image (platypus ``Image`` wants a file)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Flowable

    class Picture(Flowable):
        def wrap(self, available_width, available_height):
            return width, height

        def draw(self):
            self.canv.drawImage(ImageReader(image), 0, 0, width, height)

    return Picture()


def _logo(path: str, frame_width: float):
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


def build_pdf(content: ReportContent, out_path: str | os.PathLike, *,
              progress: Progress | None = None, cancel: Cancel | None = None) -> int:
    """Write ``content`` as a PDF to ``out_path``; return the page count.

    ``progress(fraction)`` is called with 0..1 as work advances; ``cancel()``
    is polled between charts and flowables and, when true, stops the build
    with :class:`ReportCancelled` leaving any existing ``out_path`` untouched.
    A table of contents is added when the report runs past 8 pages; it is
    drawn at the end of the one layout pass (see :func:`_numbered_canvas`).
    """
    builder = _Builder(content, progress, cancel)
    builder.render_charts()
    final = BytesIO()
    pages = builder.build(final)
    write_atomically(out_path, final.getvalue())
    builder.progress(1.0)
    return pages
