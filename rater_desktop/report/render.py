"""Lays a :class:`ReportContent` out as a PDF with reportlab platypus: pages, contents, outline.

The building blocks (paragraphs, tables, tiles, pictures) live in
``render_blocks``; this module puts them on pages.  Layout rules it keeps:

- the cover stands alone; the story sections (at a glance, executive summary)
  each start a page, and the contents page follows them; every other section
  flows on, starting a new page only when too little room is left, so no page
  but the last is left mostly empty;
- every chart keeps its one-line caption with it;
- every section is a PDF bookmark (the outline a viewer shows beside the
  pages) and a line of the contents, with its main sub-headings beneath;
- header, footer and "page x of y" on every page but the cover.

The PDF is written to a temporary file beside the target and moved into place
at the end: a cancelled or failed build never leaves half a report behind.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from io import BytesIO
from typing import Callable

from rater_desktop.files import write_atomically
from rater_desktop.report import render_blocks as blocks
from rater_desktop.report.chart_images import ChartImages
from rater_desktop.report.fonts import register_fonts
from rater_desktop.report.model import Bullets, Chart, ReportContent, Section, ShareBar, Table, Text, Tiles

TOC_MIN_PAGES = 9
"""Reports longer than 8 pages get a table of contents."""
TOC_MAX_LINES = 42
"""Most contents lines that fit one page; beyond this only the sections are listed."""
CHART_DPI = 160
MARGIN_MM = 18
FRAME_WIDTH_IN = (210 - 2 * MARGIN_MM) / 25.4
"""the text width of an A4 page, which every chart spans"""

Progress = Callable[[float], None]
Cancel = Callable[[], bool]


class ReportCancelled(Exception):
    """Raised when ``cancel()`` returned true; nothing was written."""


@dataclass
class Layout:
    """What one layout pass learned: headings per page, how full each page got, the page count."""

    entries: list[tuple[str, int, int]] = field(default_factory=list)
    """(title, page, level): sections (0) and their sub-headings (1), page as laid out without contents"""
    section_pages: dict[str, int] = field(default_factory=dict)
    fills: dict[int, float] = field(default_factory=dict)
    """page number (final numbering) -> share of the text area used, 0..1"""
    pages: int = 0
    contents_at: int | None = None
    """index in the page list where the contents page was put (None: no contents page)"""


def _numbered_canvas(content: ReportContent, font: str, builder: _Builder, layout: Layout):
    """A canvas class that holds pages back until the page count is known.

    At the end it asks the builder for a contents page; if the report is long
    enough, that page is drawn and slotted in after the story sections.  Then
    every page gets its bookmarks and, but for the cover, its header and
    "page x of y".  One layout pass thus serves contents, outline and numbers.
    """
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    header = f"{content.cover.organisation} · {content.cover.assessment}"

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            builder.define_charts(self)
            insert_at = layout.contents_at = builder.contents_position(layout, len(self._saved))
            outline = [(title, page + (page > insert_at if insert_at else 0), level)
                       for title, page, level in layout.entries]
            if insert_at:
                builder.draw_contents(self, outline, layout, insert_at + 1)
                self._saved.insert(insert_at, dict(self.__dict__))
                outline.append((content.contents_title, insert_at + 1, -1))
            total = layout.pages = len(self._saved)
            marks = sorted(outline, key=lambda entry: entry[1])
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self._pageNumber = number
                for index, (title, page, level) in enumerate(marks):
                    if page == number:
                        key = f"s{index}"
                        self.bookmarkPage(key)
                        self.addOutlineEntry(title, key, level=max(0, level))
                if number > 1:
                    self._decorate(total)
                super().showPage()
            self.showOutline()
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


class _Builder:
    """Turns content into flowables, rendering each chart once even across passes."""

    def __init__(self, content: ReportContent, progress: Progress | None, cancel: Cancel | None):
        from reportlab import rl_config
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm

        self.content = content
        self.progress = progress or (lambda fraction: None)
        self.cancel = cancel or (lambda: False)
        # Binary image streams: ASCII85 is pure Python here and doubles the chart cost.
        rl_config.useA85 = 0
        self.font = register_fonts()
        self.styles = blocks.styles(self.font, content.options.accent)
        self.pagesize = A4
        self.margin = MARGIN_MM * mm
        self.frame_width = A4[0] - 2 * self.margin
        self.frame_height = A4[1] - 2 * self.margin
        self.charts: ChartImages | None = None
        self.forms: dict[int, str] = {}
        """chart block id -> the PDF form its picture fills in when the document is written"""

    def check_cancel(self) -> None:
        if self.cancel():
            raise ReportCancelled()

    def use_charts(self, images: ChartImages) -> None:
        """The charts' pictures (being drawn, or drawn already): each gets a form for its place."""
        self.charts = images
        self.forms = {id(block): f"chart{i}" for i, block in enumerate(images.blocks)}

    def define_charts(self, canvas) -> None:
        """Fill in every chart's form with its picture (called as the document is written)."""
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        for block, (columns, rows, pixels) in zip(self.charts.blocks, self.charts.pictures()):
            width, height = self.frame_width, self.frame_width * block.aspect
            canvas.beginForm(self.forms[id(block)], 0, 0, width, height)
            canvas.drawImage(ImageReader(Image.frombytes("RGB", (columns, rows), pixels)), 0, 0, width, height)
            canvas.endForm()

    def cover(self) -> list:
        from reportlab.platypus import PageBreak, Spacer

        cover, styles = self.content.cover, self.styles
        story: list = []
        if self.content.options.logo_path:
            story.append(blocks.logo(self.content.options.logo_path))
        story += [Spacer(1, 40), blocks.para(cover.title, styles["cover_title"]),
                  blocks.para(cover.organisation, styles["cover_org"]),
                  blocks.para(cover.assessment, styles["cover_line"]), blocks.para(cover.date, styles["cover_line"]),
                  Spacer(1, 36)]
        if cover.headline:
            story += [blocks.para(cover.headline, styles["cover_headline"]), Spacer(1, 18)]
        if cover.tiles:
            story.append(blocks.tiles(cover.tiles, styles, self.frame_width, value_style="cover_tile_value", gap=18))
        elif cover.grade:
            story.append(blocks.para(cover.grade, styles["cover_grade"]))
        if cover.grade_caption:
            story.append(blocks.para(cover.grade_caption, styles["cover_caption"]))
        story.append(Spacer(1, 20))
        story += [blocks.para(line, styles["cover_caption"]) for line in cover.lines]
        story.append(PageBreak())
        return story

    def section(self, section: Section, *, fresh_page: bool) -> list:
        from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak

        heading = blocks.para(section.title, self.styles["section"])
        heading.toc_entry = (section.title, 0, section.key)
        story: list = [PageBreak()] if fresh_page else []
        if not fresh_page:
            # leave room for the heading and what opens the section (a chart needs more)
            opens_with_chart = any(isinstance(b, Chart) for b in section.blocks[:3])
            story.append(CondPageBreak(self.frame_width * 0.6 if opens_with_chart else 200))
        story.append(heading)
        items = list(section.blocks)
        for i, block in enumerate(items):
            after = items[i + 1] if i + 1 < len(items) else None
            if i and ((isinstance(block, Chart) and _is_subheading(items[i - 1]))
                      or (_is_note(block) and _is_short_table(items[i - 1]))):
                continue  # drawn with the block before it, below
            if _is_subheading(block) and isinstance(after, Chart):
                story.append(self.chart(after, heading=self.block(block)))
            elif _is_short_table(block) and _is_note(after):
                story.append(KeepTogether(self.block(block) + self.block(after)))  # a table with the note on it
            else:
                story += self.block(block)
        return story

    def block(self, block) -> list:
        from reportlab.platypus import Spacer

        if isinstance(block, Text):
            flowable = blocks.para(block.text, self.styles[block.style])
            if block.style == "subheading":
                flowable.toc_entry = (block.text, 1, None)
            return [flowable]
        if isinstance(block, Bullets):
            marks = [f"{i}." for i in range(1, len(block.items) + 1)] if block.numbered else ["•"] * len(block.items)
            return [blocks.para(f"{mark}\u00a0 {item}", self.styles["bullet"]) for mark, item in zip(marks, block.items)]
        if isinstance(block, Table):
            return [blocks.table(block, self.styles, self.frame_width, self.content.options.accent,
                                 self.content.language), Spacer(1, 8)]
        if isinstance(block, Tiles):
            return [blocks.tiles(block.tiles, self.styles, self.frame_width), Spacer(1, 10)]
        if isinstance(block, ShareBar):
            from reportlab.platypus import KeepTogether

            return [KeepTogether(blocks.share_bar(block, self.styles, self.frame_width))]
        return [self.chart(block)]

    def chart(self, block: Chart, heading: list | None = None) -> object:
        """A chart kept on one page with its caption (and the sub-heading that introduces it)."""
        from reportlab.platypus import KeepTogether, Spacer

        height = self.frame_width * block.aspect
        parts = [*(heading or []), blocks.form(self.forms[id(block)], self.frame_width, height)]
        parts.append(blocks.para(block.caption, self.styles["caption"]) if block.caption else Spacer(1, 10))
        return KeepTogether(parts)

    def story(self) -> list:
        """Cover, then the sections: a section starts a page when it asks to, and after the contents."""
        story = self.cover()
        previous = None
        for i, section in enumerate(self.content.sections):
            fresh = i > 0 and (section.new_page or previous == self.content.contents_after)
            if fresh:
                _drop_trailing_space(story)
            story += self.section(section, fresh_page=fresh)
            previous = section.key
        return story

    def contents_position(self, layout: Layout, pages: int) -> int | None:
        """Index in the page list where the contents page goes (None: no contents page).

        After the story sections when there are any (before the first section
        that follows them), else right after the cover.
        """
        if pages < TOC_MIN_PAGES:
            return None
        keys = [s.key for s in self.content.sections]
        after = self.content.contents_after
        if after in keys and keys.index(after) + 1 < len(keys):
            following = keys[keys.index(after) + 1]
            return layout.section_pages.get(following, 2) - 1
        return 1

    def draw_contents(self, canvas, outline: list[tuple[str, int, int]], layout: Layout, page: int) -> None:
        """Draw the contents page on ``canvas``: sections, and their sub-headings while they fit one page."""
        from reportlab.platypus import Frame
        from reportlab.platypus import Table as RLTable

        lines = outline if len(outline) <= TOC_MAX_LINES else [e for e in outline if e[2] == 0]
        style, small = self.styles["toc"], self.styles["small"]
        rows = [[blocks.para(("\u00a0" * 6 if level else "") + title, small if level else style),
                 blocks.para(str(number), small if level else style)] for title, number, level in lines]
        table = RLTable(rows, colWidths=[self.frame_width - 40, 40], hAlign="LEFT")
        frame = Frame(self.margin, self.margin, self.frame_width, self.frame_height, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        frame.addFromList([blocks.para(self.content.contents_title, self.styles["section"]), table], canvas)
        layout.fills[page] = (frame._y2 - frame._y) / self.frame_height

    def build(self, target) -> Layout:
        """Lay the story out once, with a contents page when it runs long."""
        from reportlab.platypus import SimpleDocTemplate

        layout = Layout()
        laid_out = [0, 0]
        """flowables placed so far, flowables in the story"""
        builder = self
        used: dict[int, float] = {}

        class Doc(SimpleDocTemplate):
            def afterFlowable(self, flowable):
                builder.check_cancel()
                laid_out[0] += 1
                builder.progress(0.8 + 0.15 * min(1.0, laid_out[0] / laid_out[1]))  # charts are the first 0.8
                frame = getattr(self, "frame", None)
                if frame is not None and hasattr(frame, "_y"):
                    used[self.page] = max(used.get(self.page, 0.0), (frame._y2 - frame._y) / builder.frame_height)
                entry = getattr(flowable, "toc_entry", None)
                if entry is not None:
                    title, level, key = entry
                    layout.entries.append((title, self.page, level))
                    if key is not None:
                        layout.section_pages.setdefault(key, self.page)

        story = self.story()
        laid_out[1] = max(1, len(story))
        doc = Doc(target, pagesize=self.pagesize, leftMargin=self.margin, rightMargin=self.margin,
                  topMargin=self.margin, bottomMargin=self.margin, title=self.content.cover.title,
                  author=self.content.cover.organisation, subject=self.content.cover.assessment)
        doc.build(story, canvasmaker=_numbered_canvas(self.content, self.font, self, layout))
        shift = layout.contents_at
        layout.fills.update({page + (shift is not None and page > shift): fill for page, fill in used.items()})
        return layout


def _drop_trailing_space(story: list) -> None:
    """Remove the spacing that ends the story before a page break.

    A table that fills a page to its foot is followed by its spacer; that
    spacer alone would move to the next page and the break after it would
    leave that page blank.
    """
    from reportlab.platypus import Spacer

    while story and isinstance(story[-1], Spacer):
        story.pop()


def _is_subheading(block) -> bool:
    return isinstance(block, Text) and block.style == "subheading"


def _is_note(block) -> bool:
    return isinstance(block, Text) and block.style == "small"


def _is_short_table(block) -> bool:
    """A table small enough to move to the next page whole, with the note under it."""
    return isinstance(block, Table) and len(block.rows) <= 12


def layout_pdf(content: ReportContent, out_path: str | os.PathLike, *,
               progress: Progress | None = None, cancel: Cancel | None = None,
               images: ChartImages | None = None) -> Layout:
    """Write ``content`` as a PDF to ``out_path`` and say how it was laid out (pages, fill, outline).

    ``progress(fraction)`` is called with 0..1 as work advances; ``cancel()``
    is polled between charts and flowables and, when true, stops the build
    with :class:`ReportCancelled` leaving any existing ``out_path`` untouched.
    ``images`` may be a :class:`ChartImages` started earlier (see ``write_report``).
    """
    chart_blocks = [b for s in content.sections for b in s.blocks if isinstance(b, Chart)]
    check = cancel or (lambda: False)
    tell = progress or (lambda fraction: None)

    def drawn(done: int) -> None:
        if check():
            raise ReportCancelled()
        tell(0.8 * done / len(chart_blocks))

    # first, before anything else is laid out: the charts may be drawn meanwhile on another core
    images = images or ChartImages(FRAME_WIDTH_IN, CHART_DPI)
    try:
        images.draw(chart_blocks, drawn)
        builder = _Builder(content, progress, cancel)
        builder.use_charts(images)
        final = BytesIO()
        layout = builder.build(final)
    finally:
        images.stop()
    write_atomically(out_path, final.getvalue())
    builder.progress(1.0)
    return layout


def build_pdf(content: ReportContent, out_path: str | os.PathLike, *, progress: Progress | None = None,
              cancel: Cancel | None = None, images: ChartImages | None = None) -> int:
    """Write ``content`` as a PDF to ``out_path``; return the page count (see :func:`layout_pdf`)."""
    return layout_pdf(content, out_path, progress=progress, cancel=cancel, images=images).pages
