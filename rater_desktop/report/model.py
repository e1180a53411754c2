"""What a report says, independent of how it is laid out.

``content.py`` fills these records from a report card (pure, testable without
reportlab); ``render.py`` turns them into PDF pages.  Every string here is
plain text, already translated: the renderer escapes all of it, so nothing a
user typed can become markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rater_desktop.charts import ChartSpec
from rater_desktop.i18n import N_

SECTION_KEYS: tuple[str, ...] = (
    "glance", "summary", "card", "charts", "customers", "statements", "comments", "trends", "contexts",
    "criteria", "actions", "method")
"""Sections a user may include or leave out, in report order: the story first, the detail after."""

SECTION_TITLES: dict[str, str] = {
    "glance": N_("At a glance"),
    "summary": N_("Executive summary"),
    "card": N_("Report card"),
    "charts": N_("Charts"),
    "customers": N_("How customers see the service"),
    "statements": N_("Strongest and weakest statements"),
    "comments": N_("What customers say"),
    "trends": N_("Trends across rounds"),
    "contexts": N_("Consistency across situations"),
    "criteria": N_("Statement detail"),
    "actions": N_("Action plan"),
    "method": N_("Method and grading scale"),
}
"""Each section's heading (untranslated: call ``_()`` on it), also the export dialog's choice labels."""


@dataclass(frozen=True)
class ReportOptions:
    """Choices made in the export dialog (or on the command line)."""

    sections: frozenset[str] = frozenset(SECTION_KEYS)
    anonymise: bool = True
    """never attribute notes to people, even if the workbook allows showing names"""
    logo_path: str | None = None
    accent: str = "#1f5f8b"
    """hex colour for headings and table headers"""


@dataclass(frozen=True)
class Text:
    """A paragraph; ``style`` is one of body, lead, small, note, quote, subheading, or intro (a line that
    introduces what follows and stays on its page)."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False
    """1. 2. 3. instead of bullets (for an order that matters, such as priorities)"""


@dataclass(frozen=True)
class Table:
    """Rows of cells; ``widths`` are relative; ``align`` is L/C/R per column."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    align: tuple[str, ...] = ()
    shading: tuple[tuple[str | None, ...], ...] = ()
    """background colour (hex) per body cell, row by row like ``rows``; None or absent = plain (heatmaps)"""


@dataclass(frozen=True)
class Chart:
    spec: ChartSpec
    aspect: float = 0.45
    """height / width"""
    caption: str = ""
    """one line under the chart saying how to read it"""


@dataclass(frozen=True)
class Tile:
    """A figure in a box: a label, the value large, a line of detail under it."""

    label: str
    value: str
    detail: str = ""
    tone: str = "neutral"
    """neutral | good | warning | bad: the box's background, never the only carrier of meaning"""


@dataclass(frozen=True)
class Tiles:
    """A row of tiles across the page (the cover's grades, the at-a-glance figures)."""

    tiles: tuple[Tile, ...]


@dataclass(frozen=True)
class Share:
    label: str
    percent: float
    colour: str


@dataclass(frozen=True)
class ShareBar:
    """One bar split into shares that add up to 100 % (the NPS split), drawn as vector shapes with its caption."""

    title: str
    shares: tuple[Share, ...]
    caption: str = ""


Block = Text | Bullets | Table | Chart | Tiles | ShareBar


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]
    new_page: bool = True


@dataclass(frozen=True)
class Cover:
    title: str
    organisation: str
    assessment: str
    date: str
    grade: str | None
    grade_caption: str
    lines: tuple[str, ...] = ()
    """short facts under the grade (customer grade, participants, responses)"""
    headline: str = ""
    """one sentence under the title that says the verdict"""
    tiles: tuple[Tile, ...] = ()
    """grades shown side by side instead of the single ``grade`` (customers and team)"""


@dataclass(frozen=True)
class ReportContent:
    cover: Cover
    sections: tuple[Section, ...]
    page_label: str
    """footer template with ``{page}`` and ``{pages}``"""
    contents_title: str
    footer: str
    options: ReportOptions = field(default_factory=ReportOptions)
    language: str = "en"
    """the report's language: Vietnamese table cells keep their words whole (see ``wrapping``)"""
    contents_after: str | None = None
    """key of the section the contents page follows (None: right after the cover)"""
