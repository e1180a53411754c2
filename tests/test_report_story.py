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
    assert f"{report.says('Answers read as N/A')} “{survey['not_applicable']}”" in report.text
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


def _names(report) -> dict[str, str]:
    return {d.key: row[0] for d, row in zip(report.card.dimensions, _side_by_side(report))}


def _section_text(report, title: str) -> str:
    """The text of the pages from the section's bookmark up to (and with) the next section's page."""
    top = [e for e in report.reader.outline if not isinstance(e, list)]
    starts = sorted(report.reader.get_destination_page_number(e) for e in top)
    start = report.reader.get_destination_page_number(next(e for e in top if e.title == title))
    end = next((page for page in starts if page > start), len(report.pages) - 1)
    text = " ".join(report.pages[start:end + 1])
    return text[text.index(title):]


def _in_order(text: str, parts) -> bool:
    """Every part found in ``text``, each after the one before."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def _grade(report, stat) -> str:
    return f"{stat.grade} ({report.number(stat.mean)})"


def test_statement_level_ranks_team_and_customer_statements_with_their_figures(report):
    ranked, names = report.card.statements, _names(report)
    text = _section_text(report, report.says("Strongest and weakest statements"))
    assert [len(part) for part in (ranked.team_top, ranked.team_bottom, ranked.customer_top,
                                   ranked.customer_bottom)] == [5, 5, 5, 5]
    with i18n.language_context(report.lang):
        from rater_desktop.report.words import criterion_text

        wording = {r.criterion.id: _clean(criterion_text(r.criterion))
                   for r in (*ranked.team_top, *ranked.team_bottom, *ranked.team_disagreed)}
    team_rows = [(report.says("Team: strongest statements"), ranked.team_top),
                 (report.says("Team: weakest statements"), ranked.team_bottom)]
    for heading, rows in team_rows:
        parts = [heading]
        for r in rows:
            parts += [wording[r.criterion.id], names[r.dimension], _grade(report, r.stat), str(r.stat.n)]
        assert _in_order(text, parts), heading
    # strongest first, weakest first
    assert [r.stat.mean for r in ranked.team_top] == sorted((r.stat.mean for r in ranked.team_top), reverse=True)
    assert [r.stat.mean for r in ranked.team_bottom] == sorted(r.stat.mean for r in ranked.team_bottom)
    parts = [report.says("Where the team disagreed most")]
    for r in ranked.team_disagreed:
        parts += [wording[r.criterion.id], names[r.dimension], report.number(r.stat.sd)]
    assert _in_order(text, parts)
    assert [r.stat.sd for r in ranked.team_disagreed] == sorted((r.stat.sd for r in ranked.team_disagreed),
                                                                 reverse=True)
    for heading, rows in ((report.says("Customers: highest-rated questions"), ranked.customer_top),
                          (report.says("Customers: lowest-rated questions"), ranked.customer_bottom)):
        parts = [heading]
        for r in rows:
            parts += [_clean(r.text), names[r.dimension], _grade(report, r.stat), str(r.stat.n)]
        assert _in_order(text, parts), heading
    # the demo's team weighted the dimensions, so the importance × performance view is there, explained
    assert report.card.servqual_weights
    section = next(s for s in report.content.sections if s.key == "statements")
    view = next(b for b in section.blocks if isinstance(b, Chart))
    assert view.spec.importance == tuple(report.card.servqual_weights[d.key] for d in report.card.dimensions)
    assert view.spec.performance == tuple(d.customer.mean for d in report.card.dimensions)
    assert _in_order(text, [report.says("What matters most, and how it is rated"), _clean(view.caption)[:80]])


def test_distributions_show_the_nps_split_box_shares_and_intervals(report):
    card, names = report.card, _names(report)
    text = _section_text(report, report.says("How customers see the service"))
    split = card.nps_split
    assert split.promoters - split.detractors == pytest.approx(card.kpis.nps, abs=0.05)
    share = [f"{report.number(v, 0)} %" for v in (split.detractors, split.passives, split.promoters)]
    labels = [report.says(label) for label in ("Detractors (0–6)", "Passives (7–8)", "Promoters (9–10)")]
    assert _in_order(text, [f"{label} {value}" for label, value in zip(labels, share)])
    assert (f"({report.number(split.promoters, 1)} % {MINUS} {report.number(split.detractors, 1)} %)"
            in text)
    rows = []
    for d in card.dimensions:
        shares = (d.team_boxes.top_two, d.team_boxes.bottom_two, d.customer_boxes.top_two, d.customer_boxes.bottom_two)
        rows.append(" ".join((names[d.key], *(f"{report.number(v, 0)} %" for v in shares))))
    assert _in_order(text, [report.says("Customers: top two"), *rows])
    intervals = [f"{names[d.key]} {d.customer.grade} {report.number(d.customer.mean)} {d.customer.n} "
                 f"{report.number(d.customer.ci95[0])}–{report.number(d.customer.ci95[1])}" for d in card.dimensions]
    assert _in_order(text, [report.says("Customer grades in detail"), *intervals])
    # the bar chart on the at-a-glance page carries the same intervals as whiskers, and says so
    bars = next(b for s in report.content.sections if s.key == "glance" for b in s.blocks if isinstance(b, Chart))
    assert bars.spec.customer_ci == tuple(d.customer.ci95 for d in card.dimensions)
    assert bars.spec.team_ci == tuple(d.internal.ci95 for d in card.dimensions)
    assert "95 %" in report.pages[1] and report.says("95 % interval") == bars.spec.interval_label


def test_each_section_lists_its_sub_headings_as_bookmarks(report):
    outline = report.reader.outline
    children = {entry.title: [c.title for c in outline[i + 1] if not isinstance(c, list)]
                for i, entry in enumerate(outline[:-1])
                if not isinstance(entry, list) and isinstance(outline[i + 1], list)}
    statements = children[report.says("Strongest and weakest statements")]
    assert statements == [report.says(t) for t in (
        "Team: strongest statements", "Team: weakest statements", "Where the team disagreed most",
        "Customers: highest-rated questions", "Customers: lowest-rated questions",
        "What matters most, and how it is rated")]
    customers = children[report.says("How customers see the service")]
    assert customers[:2] == [report.says("Zone of tolerance"), report.says("How the answers are spread")]
    assert report.says("Customer grades in detail") in customers
    assert children[report.says("Statement detail")] == list(_names(report).values())
    for entry in (c for group in outline if isinstance(group, list) for c in group if not isinstance(c, list)):
        page = report.reader.get_destination_page_number(entry)
        assert _clean(entry.title) in report.pages[page], entry.title
