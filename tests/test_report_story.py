"""The demo's report as a reader meets it: the story first, the customers' words, layout rules, bookmarks.

Each PDF is read back with pypdf; the expected numbers come from the report
card (independently of the report code) and are written the way the report's
language writes them.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from rater_desktop import i18n
from rater_desktop.analysis import report_card
from rater_desktop.demo import words, write_demo
from rater_desktop.report import report_content
from rater_desktop.report.model import Chart, ShareBar
from rater_desktop.report.render import layout_pdf
from rater_desktop.storage import open_workbook

TODAY = date(2026, 4, 15)
"""Fixed, so the demo's January and February actions are overdue and July's is not."""
MINUS = "\u2212"


class Report:
    def __init__(self, lang: str, folder):
        self.lang = lang
        path = write_demo(folder / f"demo-{lang}.rater", lang)
        with open_workbook(path, read_only=True) as wb:
            self.data = wb.read_assessment(wb.latest_assessment_id())
        self.card = report_card(self.data)
        with i18n.language_context(lang):
            self.content = report_content(path, today=TODAY)
            self.layout = layout_pdf(self.content, folder / f"{lang}.pdf")
        self.reader = PdfReader(folder / f"{lang}.pdf")
        self.pages = [_clean(page.extract_text()) for page in self.reader.pages]
        self.text = " ".join(self.pages)

    def number(self, value: float, decimals: int = 2) -> str:
        return i18n.format_figure(value, decimals, self.lang)

    def says(self, message: str) -> str:
        with i18n.language_context(self.lang):
            return i18n._(message)


def _clean(text: str) -> str:
    """Page text as one line: NFC, no-break spaces and line ends read as spaces."""
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


@pytest.fixture(scope="module", params=["en", "vi"])
def report(request, tmp_path_factory):
    return Report(request.param, tmp_path_factory.mktemp(f"story-{request.param}"))


def test_the_cover_shows_both_grades_and_the_first_two_pages_tell_the_story(report):
    card = report.card
    cover, glance, summary = report.pages[:3]
    assert report.data.organisation in cover
    assert card.overall_customer.grade in cover and card.overall_internal.grade in cover
    assert report.says("Customers' grade") in cover and report.says("Team's own grade") in cover
    assert glance.startswith(report.says("At a glance"))
    assert report.says("What to do first") in glance
    names = {d.key: n for d, n in zip(card.dimensions, [r[0] for r in _side_by_side(report)])}
    # the three priorities, in order, on the at-a-glance page
    first = glance[glance.index(report.says("What to do first")):]
    positions = [first.index(names[p.dimension] + ":") for p in card.priorities]
    assert len(positions) == 3 and positions == sorted(positions)
    assert summary.startswith(report.says("Executive summary"))
    assert report.says("Three priorities") in summary
    nps = ("+" if card.kpis.nps > 0 else MINUS) + report.number(abs(card.kpis.nps), 1)
    assert nps in glance and nps in summary


def _side_by_side(report):
    glance = next(s for s in report.content.sections if s.key == "glance")
    return next(b for b in glance.blocks if getattr(b, "header", None) and len(b.header) == 6).rows


def test_customers_weakest_dimension_blind_spots_and_zone_are_named_with_their_numbers(report):
    card = report.card
    worst = min((d for d in card.dimensions if d.customer), key=lambda d: d.customer.mean)
    summary = report.pages[2]
    name = _side_by_side(report)[card.dimensions.index(worst)][0]
    assert name in summary and f"({worst.customer.grade}, {report.number(worst.customer.mean)})" in summary
    for d in card.dimensions:
        if d.flag == "blind_spot":
            assert f"+{report.number(d.gap)}" in summary
    below = [d for d in card.dimensions if d.tolerance and d.tolerance.position == "below"]
    assert below and report.says("below the minimum") in report.text
    zone = below[0].tolerance
    assert report.number(zone.minimum) in report.text and report.number(zone.perceived) in report.text
    assert f"{MINUS}{report.number(abs(zone.adequacy_gap))}" in report.text


def test_the_customers_words_are_printed_with_their_counts(report):
    card = report.card
    kept = len(card.comments)
    with i18n.language_context(report.lang):
        count = i18n.ngettext("{n} comment from customers.", "{n} comments from customers.", kept).format(n=kept)
    assert count in report.text
    for comment in card.comments[:10]:
        assert _clean(comment.text) in report.text
    assert report.says("In their own words") in report.text


def test_the_method_names_the_survey_it_used(report):
    survey = words(report.lang)["survey"]
    for source in (s for s in report.card.sources if s.included):
        assert source.source_name in report.text
    from rater_desktop.importing.presets import PRESETS

    tool = next(s.tool for s in report.card.sources if s.included)
    assert report.says(PRESETS[tool].label) in report.text  # the tool the export looks like
    assert survey["not_applicable"] in report.text
    assert _clean(survey["better"]) in report.text  # a comment column, named as kept
    answered = report.card.dimensions[0].customer.n
    assert f"{_side_by_side(report)[0][0]} {answered}" in report.text


def test_actions_show_their_gap_and_overdue_or_target_flags(report):
    text = report.text
    assert report.says("Gap it addresses") in text
    with i18n.language_context(report.lang):
        # due 31 Jan 2026, still in progress on 15 Apr 2026: 74 days late
        late = i18n.ngettext("Overdue by {n} day", "Overdue by {n} days", 74).format(n=74)
    assert late in text
    due = i18n.format_date("2026-01-31", report.lang)
    assert due in text  # the date whole, never broken across two lines
    # nor a grade parted from its side ("customers" / "C") or a number from its unit ("74" / "days")
    page = next(p.extract_text() for p in report.reader.pages if report.says("Gap it addresses") in _clean(
        p.extract_text()))
    lines = [line.replace("\u00a0", " ").strip() for line in page.splitlines()]
    assert not any(re.fullmatch(r"[A-F]", line) and after[:1] in ("+", MINUS)
                   for line, after in zip(lines, lines[1:]))
    number_and_unit = " ".join(late.split()[-2:])  # "74 days", "74 ngày"
    assert any(line.endswith(number_and_unit) for line in lines)


def test_every_section_is_a_bookmark_pointing_at_its_page(report):
    outline = report.reader.outline
    top = [entry for entry in outline if not isinstance(entry, list)]
    titles = [entry.title for entry in top]
    sections = [s.title for s in report.content.sections]
    assert [t for t in titles if t != report.says("Contents")] == sections
    for entry in top:
        page = report.reader.get_destination_page_number(entry)
        assert _clean(entry.title) in report.pages[page], entry.title
    # the story sections and the contents each open their own page
    for title in (report.says("At a glance"), report.says("Executive summary"), report.says("Contents")):
        entry = next(e for e in top if e.title == title)
        assert report.pages[report.reader.get_destination_page_number(entry)].startswith(title)
    # sub-headings sit under their section
    assert any(isinstance(entry, list) and entry for entry in outline)


def test_no_page_but_the_cover_and_the_last_is_under_half_full(report):
    pages = report.layout.pages
    assert pages == len(report.reader.pages)
    thin = {page: round(fill, 2) for page, fill in report.layout.fills.items() if 1 < page < pages and fill < 0.5}
    assert thin == {}


def test_every_chart_has_a_caption_on_the_page(report):
    captions = [b.caption for s in report.content.sections for b in s.blocks if isinstance(b, (Chart, ShareBar))]
    assert len(captions) >= 8 and all(captions)
    for caption in captions:
        assert _clean(caption)[:60] in report.text


def test_numbers_are_in_the_report_language_with_real_minus_signs(report):
    text = report.text
    assert not re.search(r"(?<![\w/])-\d", text)  # no hyphen standing in for a minus
    assert MINUS in text
    band = f"{report.number(3.5)}–{report.number(4.0)}"  # the grading scale table
    assert band in text
    if report.lang == "vi":
        assert not re.search(r"\b\d\.\d\d\b", text)  # no decimal point anywhere in a Vietnamese report
