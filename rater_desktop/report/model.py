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
    "summary", "card", "charts", "trends", "contexts", "criteria", "actions", "customers", "method")
"""Sections a user may include or leave out, in report order."""

SECTION_TITLES: dict[str, str] = {
    "summary": N_("Executive summary"),
    "card": N_("Report card"),
    "charts": N_("Charts"),
    "trends": N_("Trends across rounds"),
    "contexts": N_("Consistency across situations"),
    "criteria": N_("Statement detail"),
    "actions": N_("Action plan"),
    "customers": N_("What customers say"),
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
    """A paragraph; ``style`` is one of body, lead, small, note, subheading."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


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


Block = Text | Bullets | Table | Chart


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


@dataclass(frozen=True)
class ReportContent:
    cover: Cover
    sections: tuple[Section, ...]
    page_label: str
    """footer template with ``{page}`` and ``{pages}``"""
    contents_title: str
    footer: str
    options: ReportOptions = field(default_factory=ReportOptions)
