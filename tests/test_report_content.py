"""Report content is decided by pure functions: numbers, words and chart specs."""

from dataclasses import replace

import pytest
from report_data import make_data
from round_data import card_of

from rater_desktop import charts, i18n
from rater_desktop.analysis import report_card
from rater_desktop.framework import dimension_name
from rater_desktop.model import DIMENSION_KEYS, Action, Assessment
from rater_desktop.report.content import TREND_ROUNDS, RoundPoint, build_content, clip, trends_section
from rater_desktop.report.model import SECTION_KEYS, Chart, ReportOptions, Table, Text


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def _content(data=None, **kw):
    data = data or make_data()
    return build_content(report_card(data), data, **kw)


def _section(content, key):
    return next(s for s in content.sections if s.key == key)


def _blocks(section, kind):
    return [b for b in section.blocks if isinstance(b, kind)]


def test_cover_shows_overall_team_grade_and_customers():
    content = _content()
    # team: (3.333 + 3.667 + 1.667 + 2.333 + 2.667) / 5 = 2.733 -> B; customers 2.6 -> B
    assert content.cover.grade == "B"
    assert content.cover.grade_caption == "Team's overall grade (2.73 of 4)"
    assert content.cover.lines == ("Customers' grade: B (2.60 of 4)",)
    assert content.cover.organisation == "Riverside Bakery & Café"
    assert content.cover.date == "1 Apr 2026"


def test_report_card_rows_hold_grades_consensus_gap_and_flag():
    table = _blocks(_section(_content(), "card"), Table)[0]
    assert table.header == ("Dimension", "Team grade", "Consensus", "Customer grade", "Gap", "Flag")
    rows = {row[0]: row for row in table.rows}
    assert rows["Reliability"] == ("Reliability", "B (3.33)", "B", "C (2.00, n=10)", "+1.33", "Blind spot")
    assert rows["Tangibles"] == ("Tangibles", "C (1.67)", "–", "B (3.00, n=10)", "-1.33", "Hidden strength")
    assert rows["Assurance"][4:] == ("+0.17", "Aligned")
    assert rows["Overall"] == ("Overall", "B (2.73)", "", "B (2.60)", "+0.13", "")


def test_summary_names_strongest_weakest_gaps_and_open_actions_only():
    summary = _section(_content(), "summary")
    text = " ".join(t.text for t in _blocks(summary, Text)) + " ".join(
        i for b in summary.blocks if hasattr(b, "items") for i in b.items)
    assert "Strongest dimension in the team's eyes: Assurance (3.67)." in text
    assert "Weakest dimension in the team's eyes: Tangibles (1.67)." in text
    assert "Reliability: team B, customers C (+1.33 points, blind spot)" in text
    assert "Call back within a day — owner: Support lead, due 30 Jun 2026" in text
    assert "Fix the broken sign" not in text  # done actions are not "top actions"


def test_charts_section_specs_carry_the_card_numbers():
    rounds = [RoundPoint("Autumn", "2025-10-01", 2.0, None), RoundPoint("Spring", "2026-04-01", 2.73, 2.6)]
    specs = [b.spec for b in _blocks(_section(_content(rounds=rounds), "charts"), Chart)]
    bars, gaps, continuum, trend = specs
    assert bars.team == pytest.approx((10 / 3, 11 / 3, 5 / 3, 7 / 3, 8 / 3))
    assert bars.customer == (2.0, 3.5, 3.0, 2.0, 2.5)
    assert gaps.flags == ("Blind spot", "", "Hidden strength", "", "")
    assert gaps.threshold == 0.5
    # continuum answers 3 -> (3-1)/6*100 = 33.3; 5 -> 66.7
    assert [v for r in continuum.rows for v in (r.mean, r.low, r.high)] == pytest.approx([100 / 3] * 3 + [200 / 3] * 3)
    assert trend.team == (2.0, 2.73) and trend.customer == (None, 2.6)


def test_single_round_has_no_trend_and_no_customers_means_no_gap_chart():
    content = _content(make_data(customers=False), rounds=[RoundPoint("Spring", "2026-04-01", 2.7, None)])
    specs = [b.spec for b in _blocks(_section(content, "charts"), Chart)]
    assert [type(s) for s in specs] == [charts.DimensionBarsSpec, charts.ContinuumSpec]
    assert specs[0].customer is None
    assert "customers" not in [s.key for s in content.sections]
    assert content.cover.lines == ()


def test_context_section_flags_the_dimension_spanning_a_full_letter():
    section = _section(_content(), "contexts")
    spec = _blocks(section, Chart)[0].spec
    assert spec.contexts == ("Weekday peak", "After hours")
    assert spec.flagged == (False, False, True, False, False)
    rows = {r[0]: r for r in _blocks(section, Table)[0].rows}
    assert rows["Tangibles"] == ("Tangibles", "A (4.00)", "C (2.00)", "2.00", "Inconsistent")


def test_criterion_detail_has_vote_distribution_and_literal_notes():
    hostile = '<img src="/etc/passwd"> & <b>x</b>'
    section = _section(_content(make_data(notes={1: hostile})), "criteria")
    table = _blocks(section, Table)[0]
    assert table.header[2:] == ("A", "B", "C", "D", "F", "N/A")
    # Reliability: Ana A, Binh B, Chi B
    assert table.rows[0] == ("Reliability statement 1", "B (3.33)", "1", "2", "0", "0", "0", "0")
    assert Text(hostile, "note") in section.blocks


def test_long_text_is_clipped_in_table_cells_but_notes_stay_whole():
    long_note = "x" * 5000
    data = make_data(notes={1: long_note})
    data = replace(data, criteria=(replace(data.criteria[0], text="y" * 5000),) + data.criteria[1:])
    section = _section(_content(data), "criteria")
    assert len(_blocks(section, Table)[0].rows[0][0]) == 400
    assert Text(long_note, "note") in section.blocks
    assert clip("abc", 2) == "a…"


def test_sections_follow_options_and_names_only_when_allowed():
    data = replace(make_data(), show_names=True)
    content = _content(data, options=ReportOptions(sections=frozenset({"card", "method"})))
    assert [s.key for s in content.sections] == ["card", "method"]
    method = " ".join(t.text for t in _blocks(_section(content, "method"), Text))
    assert "3 team members took part. Roles: Barista, Cashier, Manager." in method
    named = _content(data, options=ReportOptions(anonymise=False))
    assert ("Ana (Manager)",) == _section(named, "method").blocks[-1].items[:1]
    hidden = _content(make_data(), options=ReportOptions(anonymise=False))  # workbook does not allow names
    assert "Binh" not in repr(hidden)


def test_empty_round_still_has_a_card():
    data = replace(make_data(customers=False, with_actions=False), grades=(), context_grades=(), continuum=())
    content = _content(data)
    assert content.cover.grade is None
    assert content.cover.grade_caption == "No grades have been given in this round yet."
    keys = [s.key for s in content.sections]
    assert keys == ["summary", "card", "criteria", "method"]


def test_vietnamese_content_uses_translated_titles_and_dimension_names():
    i18n.set_language("vi")
    content = _content()
    titles = [s.title for s in content.sections]
    assert i18n._("Report card") in titles and "Report card" not in titles
    assert dimension_name("reliability", "vi") in [r[0] for r in _blocks(_section(content, "card"), Table)[0].rows]
    assert content.cover.date == "01/04/2026"
    assert "2,73" in content.cover.grade_caption


# --- trends across rounds ---------------------------------------------------------------

AUTUMN = Assessment(1, "Autumn review", "2025-10-01")
SPRING = Assessment(2, "Spring review", "2026-04-01")
AUTUMN_CARD = card_of({"reliability": ("C", "C"), "empathy": ("A", "A")}, assessment=AUTUMN)
# reliability 3.0 B (+1.00, C → B); empathy 3.5 A (−0.50); tangibles new; customers only now
SPRING_CARD = card_of({"reliability": ("B", "B"), "empathy": ("A", "B"), "tangibles": ("C", "C")},
                      {"reliability": [2.0] * 6}, consensus={"empathy": "B"}, assessment=SPRING)
CARRIED = (Action(7, "reliability", None, "Call back the same day", target_grade="B"),
           Action(8, "empathy", None, "Greet every guest by name", target_grade="A"))


def _names() -> dict[str, str]:
    return {key: dimension_name(key) for key in DIMENSION_KEYS}


def test_trends_section_tables_grades_per_round_and_the_change_in_words():
    section = trends_section([AUTUMN_CARD, SPRING_CARD], CARRIED, _names())
    assert (section.key, section.title) == ("trends", "Trends across rounds")
    grades, checks = _blocks(section, Table)
    assert grades.header == ("Dimension", "", "Autumn review", "Spring review", "Change since the last round")
    by_row = {}
    name = ""
    for row in grades.rows:
        name = row[0] or name
        by_row[(name, row[1])] = row[2:]
    assert by_row[("Reliability", "Team")] == ("C (2.00)", "B (3.00)", "Team: up 1.00 points since Autumn review (C → B).")
    assert by_row[("Reliability", "Customers")] == ("–", "C (2.00)", "–")  # no earlier survey: no change
    assert by_row[("Empathy", "Team")] == ("A (4.00)", "A (3.50)", "Team: down 0.50 points since Autumn review.")
    assert by_row[("Tangibles", "Team")] == ("–", "C (2.00)", "–")
    assert by_row[("Assurance", "Team")] == ("–", "–", "–")
    # overall: (2 + 4) / 2 = 3.00 B, then (3 + 2 + 3.5) / 3 = 2.83 B
    assert by_row[("Overall", "Team")] == ("B (3.00)", "B (2.83)", "Team: down 0.17 points since Autumn review.")
    assert len(grades.rows) == 12 and len(grades.widths) == len(grades.header)
    texts = [t.text for t in _blocks(section, Text)]
    assert "Actions from “Autumn review”, checked against “Spring review”:" in texts
    # reliability: team B meets target B; empathy: the agreed B (not the 3.5 A mean) misses target A
    assert checks.rows == (
        ("Call back the same day", "Reliability", "Target B reached (team grade B)."),
        ("Greet every guest by name", "Empathy", "Target A not reached yet (agreed grade B)."))


def test_trends_section_needs_two_rounds_and_says_when_there_were_no_actions():
    assert trends_section([SPRING_CARD], CARRIED, _names()) is None
    assert trends_section([], (), _names()) is None
    section = trends_section([AUTUMN_CARD, SPRING_CARD], (), _names())
    assert len(_blocks(section, Table)) == 1
    assert section.blocks[-1] == Text("That round had no actions.")


def test_trend_table_shows_only_the_latest_rounds():
    rounds = [Assessment(i, f"Round {i}", f"202{i}-01-01") for i in range(1, TREND_ROUNDS + 2)]
    cards = [card_of({"assurance": ("B",)}, assessment=r) for r in rounds]
    header = _blocks(trends_section(cards, (), _names()), Table)[0].header
    assert header[2:-1] == tuple(f"Round {i}" for i in range(2, TREND_ROUNDS + 2))  # Round 1 left out


def test_build_content_places_trends_after_charts_only_with_history():
    data = make_data()
    card = report_card(data)
    keys = [s.key for s in build_content(card, data, history=[AUTUMN_CARD, card]).sections]
    assert keys[keys.index("charts") + 1] == "trends"
    assert "trends" not in [s.key for s in build_content(card, data, history=[card]).sections]
    assert "trends" not in [s.key for s in build_content(card, data).sections]
    without = build_content(card, data, history=[AUTUMN_CARD, card],
                            options=ReportOptions(sections=frozenset(SECTION_KEYS) - {"trends"}))
    assert "trends" not in [s.key for s in without.sections]


def test_trends_section_in_vietnamese():
    i18n.set_language("vi")
    section = trends_section([AUTUMN_CARD, SPRING_CARD], CARRIED, _names())
    assert section.title == "Xu hướng qua các đợt"
    grades = _blocks(section, Table)[0]
    assert grades.header[-1] == "Thay đổi so với đợt trước"
    assert grades.rows[0] == (dimension_name("reliability", "vi"), "Nhóm", "C (2,00)", "B (3,00)",
                              "Nhóm: tăng 1,00 điểm so với Autumn review (C → B).")
