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


NB = "\u00a0"


def test_cover_shows_both_grades_side_by_side_customers_first():
    content = _content()
    # team: (3.333 + 3.667 + 1.667 + 2.333 + 2.667) / 5 = 2.733 -> B; customers 2.6 -> B
    assert [(t.label, t.value, t.detail) for t in content.cover.tiles] == [
        ("Customers' grade", "B", "2.60 of 4 · 10 answers"), ("Team's own grade", "B", "2.73 of 4 · 3 people")]
    assert content.cover.headline == "Customers grade the service B; the team grades itself B."
    assert content.cover.organisation == "Riverside Bakery & Café"
    assert content.cover.date == f"1{NB}Apr{NB}2026"  # a date never breaks across lines


def test_report_card_rows_hold_grades_consensus_gap_and_flag():
    table = _blocks(_section(_content(), "card"), Table)[0]
    assert table.header == ("Dimension", "Team grade", "Consensus", "Customer grade", "Answers", "Gap", "Flag")
    rows = {row[0]: row for row in table.rows}
    assert rows["Reliability"] == ("Reliability", f"B{NB}(3.33)", "B", f"C{NB}(2.00)", "10", "+1.33", "Blind spot")
    # a real minus sign, not a hyphen
    assert rows["Tangibles"] == ("Tangibles", f"C{NB}(1.67)", "–", f"B{NB}(3.00)", "10", "\u22121.33",
                                 "Hidden strength")
    assert rows["Assurance"][5:] == ("+0.17", "Aligned")
    assert rows["Overall"] == ("Overall", f"B{NB}(2.73)", "", f"B{NB}(2.60)", "", "+0.13", "")


def _text(section) -> str:
    return " ".join(t.text for t in _blocks(section, Text)) + " " + " ".join(
        i for b in section.blocks if hasattr(b, "items") for i in b.items)


def test_summary_is_written_from_the_figures_with_three_priorities_and_their_reasons():
    from datetime import date

    text = _text(_section(_content(today=date(2026, 5, 1)), "summary")).replace(NB, " ")
    assert text.startswith("Customers grade Riverside Bakery & Café's service B (2.60 of 4 points, from 10 answers); "
                           "the team grades itself B (2.73).")
    # customers: assurance 3.5 best; reliability and empathy 2.0 worst (the first of equals named)
    assert "Customers rate Assurance best (A, 3.50) and Reliability worst (C, 2.00)." in text
    assert "higher than its customers do on Reliability (+1.33)" in text
    assert "Customers rate Tangibles (\u22121.33) higher than the team does" in text
    # continuum: 33 now (efficiency side), 67 wanted
    assert "at 33, closer to operational efficiency. It wants to be at 67: a move towards customer intimacy." in text
    assert "Net Promoter Score +40.0: 60 % promoters, 20 % passives and 20 % detractors." in text
    assert ("Reliability: the team grades it 1.33 points above its customers; customers' lowest grade (C, 2.00). "
            "Under way: Call back within a day.") in text
    assert "Empathy: customers grade it below a B (C, 2.00). No action is planned for it yet." in text
    assert "1 action is open or under way. 1 action has reached its target grade." in text
    late = _text(_section(_content(today=date(2026, 7, 1)), "summary")).replace(NB, " ")
    assert "1 is overdue: “Call back within a day” (30 Jun 2026)." in late


def test_charts_section_specs_carry_the_card_numbers():
    rounds = [RoundPoint("Autumn", "2025-10-01", 2.0, None), RoundPoint("Spring", "2026-04-01", 2.73, 2.6)]
    content = _content(rounds=rounds)
    specs = [b.spec for b in _blocks(_section(content, "charts"), Chart)]
    gaps, continuum, trend = specs
    (bars,) = [b.spec for b in _blocks(_section(content, "glance"), Chart)]  # the team/customer bars lead
    assert bars.team == pytest.approx((10 / 3, 11 / 3, 5 / 3, 7 / 3, 8 / 3))
    assert bars.customer == (2.0, 3.5, 3.0, 2.0, 2.5)
    assert bars.customer_ci == tuple((m, m) for m in bars.customer)  # every customer answered alike: no spread
    assert bars.team_ci[0] == pytest.approx((10 / 3 - 4.302653 * (1 / 3) ** 0.5 / 3 ** 0.5,
                                             10 / 3 + 4.302653 * (1 / 3) ** 0.5 / 3 ** 0.5), abs=1e-4)
    assert gaps.flags == ("Blind spot", "", "Hidden strength", "", "")
    assert gaps.threshold == 0.5
    # continuum answers 3 -> (3-1)/6*100 = 33.3; 5 -> 66.7
    assert [v for r in continuum.rows for v in (r.mean, r.low, r.high)] == pytest.approx([100 / 3] * 3 + [200 / 3] * 3)
    assert trend.team == (2.0, 2.73) and trend.customer == (None, 2.6)


def test_single_round_has_no_trend_and_no_customers_means_no_gap_chart():
    content = _content(make_data(customers=False), rounds=[RoundPoint("Spring", "2026-04-01", 2.7, None)])
    specs = [b.spec for b in _blocks(_section(content, "charts"), Chart)]
    assert [type(s) for s in specs] == [charts.ContinuumSpec]
    (bars,) = [b.spec for b in _blocks(_section(content, "glance"), Chart)]
    assert bars.customer is None
    assert not {"customers", "comments"} & {s.key for s in content.sections}
    assert [t.label for t in content.cover.tiles] == ["Team's own grade"]


def test_context_section_flags_the_dimension_spanning_a_full_letter():
    section = _section(_content(), "contexts")
    spec = _blocks(section, Chart)[0].spec
    assert spec.contexts == ("Weekday peak", "After hours")
    assert spec.flagged == (False, False, True, False, False)
    rows = {r[0]: r for r in _blocks(section, Table)[0].rows}
    assert rows["Tangibles"] == ("Tangibles", f"A{NB}(4.00)", f"C{NB}(2.00)", "2.00", "Inconsistent")


def test_criterion_detail_has_vote_distribution_and_literal_notes():
    hostile = '<img src="/etc/passwd"> & <b>x</b>'
    section = _section(_content(make_data(notes={1: hostile})), "criteria")
    table = _blocks(section, Table)[0]
    assert table.header[2:] == ("A", "B", "C", "D", "F", "N/A")
    # Reliability: Ana A, Binh B, Chi B
    assert table.rows[0] == ("Reliability statement 1", f"B{NB}(3.33)", "1", "2", "0", "0", "0", "0")
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
    assert ("Ana (Manager)",) == next(b for b in _section(named, "method").blocks if hasattr(b, "items")).items[:1]
    hidden = _content(make_data(), options=ReportOptions(anonymise=False))  # workbook does not allow names
    assert "Binh" not in repr(hidden)


def test_empty_round_still_has_a_card():
    data = replace(make_data(customers=False, with_actions=False), grades=(), context_grades=(), continuum=())
    content = _content(data)
    assert content.cover.tiles == ()
    assert content.cover.headline == "No grades have been given in this round yet."
    keys = [s.key for s in content.sections]
    assert keys == ["summary", "card", "criteria", "method"]


def test_vietnamese_content_uses_translated_titles_and_dimension_names():
    i18n.set_language("vi")
    content = _content()
    titles = [s.title for s in content.sections]
    assert i18n._("Report card") in titles and "Report card" not in titles
    assert dimension_name("reliability", "vi") in [r[0] for r in _blocks(_section(content, "card"), Table)[0].rows]
    assert content.cover.date == "01/04/2026"
    assert "2,73" in content.cover.tiles[1].detail


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
    by_row = {key: tuple(cell.replace(NB, " ") for cell in row) for key, row in by_row.items()}
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
    assert keys.index("charts") < keys.index("trends") < keys.index("actions")
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
    assert grades.rows[0] == (dimension_name("reliability", "vi"), "Nhóm", f"C{NB}(2,00)", f"B{NB}(3,00)",
                              "Nhóm: tăng 1,00 điểm so với Autumn review (C → B).")
