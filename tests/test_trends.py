"""Trends over rounds, their wording, and the check of carried-over action targets."""

from __future__ import annotations

import pytest
from round_data import CRITERION_ID, card_of

from rater_desktop.i18n import set_language
from rater_desktop.model import Action, Assessment
from rater_desktop.trends import action_checks, change_sentence, check_sentence, trend

R1 = Assessment(1, "Autumn review", "2025-10-01")
R2 = Assessment(2, "Spring review", "2026-04-01")
R3 = Assessment(3, "Autumn 2026", "2026-10-01")

FIRST = card_of({
    "reliability": ("C", "C"),      # 2.0 C
    "assurance": ("B", "B"),        # 3.0 B
    "empathy": ("A", "A"),          # 4.0 A
    "responsiveness": ("D", "D"),   # 1.0 D
}, assessment=R1)
SECOND = card_of({
    "reliability": ("B", "B"),      # 3.0 B: +1.0, C -> B
    "assurance": ("B", "B"),        # unchanged
    "tangibles": ("C", "C"),        # new: no earlier value, no change
    "empathy": ("A", "B"),          # 3.5 A: -0.5, still A
}, {"reliability": [2.0] * 6}, assessment=R2)


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_team_change_codes_and_deltas():
    result = trend([FIRST, SECOND])
    assert result.rounds == (R1, R2)
    rel = result.dimension("reliability")
    assert [p.grade for p in rel.team] == ["C", "B"]
    change = rel.team_change
    assert (change.direction, change.delta, change.grade_before, change.grade_after) == ("improved", 1.0, "C", "B")
    assert change.since == R1 and change.letter_changed
    assert result.dimension("assurance").team_change.direction == "unchanged"
    emp = result.dimension("empathy").team_change
    assert (emp.direction, emp.delta, emp.letter_changed) == ("declined", -0.5, False)
    assert result.dimension("tangibles").team_change is None
    assert result.dimension("responsiveness").team_change is None  # not graded in the latest round
    assert rel.customer_change is None  # customers only in the latest round
    assert rel.customer[1].mean == 2.0 and rel.customer[0].mean is None


def test_overall_is_compared_too():
    overall = trend([FIRST, SECOND]).overall
    # round 1: (2 + 3 + 4 + 1) / 4 = 2.5; round 2: (3 + 3 + 2 + 3.5) / 4 = 2.875
    assert [p.mean for p in overall.team] == pytest.approx([2.5, 2.875])
    assert overall.team_change.delta == pytest.approx(0.375)
    assert overall.team_change.grade_before == "B" and overall.team_change.direction == "improved"


def test_tiny_moves_read_as_unchanged():
    before = card_of({"assurance": ("B",) * 25}, assessment=R1)
    after = card_of({"assurance": ("B",) * 24 + ("A",)}, assessment=R2)  # 3.04: +0.04
    change = trend([before, after]).dimension("assurance").team_change
    assert change.direction == "unchanged" and change.delta == pytest.approx(0.04)


def test_change_is_measured_from_the_last_round_with_a_value():
    first = card_of({"empathy": ("B",)}, {"empathy": [1.0] * 5}, assessment=R1)
    second = card_of({"empathy": ("B",)}, assessment=R2)
    third = card_of({"empathy": ("B",)}, {"empathy": [2.0] * 5}, assessment=R3)
    change = trend([first, second, third]).dimension("empathy").customer_change
    assert change.since == R1 and change.delta == 1.0 and (change.grade_before, change.grade_after) == ("D", "C")


def test_change_sentences_in_both_languages():
    result = trend([FIRST, SECOND])
    rel = result.dimension("reliability").team_change
    assert change_sentence(rel, "team") == "Team: up 1.00 points since Autumn review (C → B)."
    emp = result.dimension("empathy").team_change
    assert change_sentence(emp, "team") == "Team: down 0.50 points since Autumn review."
    assert change_sentence(result.dimension("assurance").team_change, "team") == "Team: unchanged since Autumn review."
    assert change_sentence(None, "customers") == ""
    set_language("vi")
    text = change_sentence(rel, "team")
    assert "1,00" in text and "Autumn review" in text and "(C → B)" in text and "up" not in text


ACTIONS = (
    Action(1, "reliability", None, "Promise log", target_grade="B"),                 # team 3.0 B -> reached
    Action(2, "assurance", None, "Answer library", target_grade="A"),                # consensus C -> not reached
    Action(3, "empathy", CRITERION_ID["empathy"], "Listen first", target_grade="A"),  # criterion 3.5 A -> reached
    Action(4, "tangibles", None, "Walk-round"),                                      # no target
    Action(5, "responsiveness", None, "Reply promise", target_grade="C"),            # nothing graded
    Action(6, None, None, "General", target_grade="B"),                              # no dimension
)


def test_carried_over_targets_checked_against_the_new_round():
    new = card_of({"reliability": ("B", "B"), "assurance": ("A", "A"), "empathy": ("A", "B")},
                  consensus={"assurance": "C"}, assessment=R2)
    checks = action_checks(ACTIONS, new)
    assert [(c.result, c.actual, c.basis) for c in checks] == [
        ("reached", "B", "team"),
        ("not_reached", "C", "consensus"),
        ("reached", "A", "team"),
        ("no_target", None, None),
        ("no_result", None, None),
        ("no_target", None, None),
    ]
    assert [c.action.id for c in checks] == [1, 2, 3, 4, 5, 6]
    assert check_sentence(checks[0]) == "Target B reached (team grade B)."
    assert check_sentence(checks[1]) == "Target A not reached yet (agreed grade C)."
    assert check_sentence(checks[4]) == "Not graded in this round yet."
