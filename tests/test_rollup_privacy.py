"""Anonymity in a roll-up: minimum groups, and no hidden figure can be worked out from the whole."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rollup_support import make_team, same_letters

from rater_desktop.rollup import Team, read_source, roll_up
from rater_desktop.rollup.privacy import (
    BACK_CALCULATION,
    FEW_CUSTOMERS,
    FEW_PARTICIPANTS,
    Hidden,
    protect,
    too_small,
)
from rater_desktop.rollup.summary import rollup_dict

# --- the rule on its own ----------------------------------------------------------------


def _protect(sizes, threshold, reason=FEW_PARTICIPANTS):
    return protect(sizes, too_small(sizes, threshold, reason), threshold, reason)


def test_one_small_team_takes_the_smallest_shown_team_with_it():
    outcome = _protect([2, 9, 8], 3)
    assert outcome.hidden == {0: FEW_PARTICIPANTS, 2: BACK_CALCULATION}
    assert outcome.pooled_hidden is None


def test_two_small_teams_that_together_make_a_group_need_nothing_more():
    outcome = _protect([2, 2, 9], 3)
    assert outcome.hidden == {0: FEW_PARTICIPANTS, 1: FEW_PARTICIPANTS}
    assert outcome.pooled_hidden is None


def test_two_small_teams_still_below_a_group_together_take_a_third_with_them():
    outcome = _protect([1, 1, 9, 12], 3)
    assert outcome.hidden == {0: FEW_PARTICIPANTS, 1: FEW_PARTICIPANTS, 2: BACK_CALCULATION}


def test_a_withheld_team_alone_with_its_figure_hides_the_pooled_figure():
    outcome = protect([0, 6, 0], {1: BACK_CALCULATION}, 3, FEW_PARTICIPANTS)
    assert outcome.pooled_hidden == BACK_CALCULATION


def test_a_pooled_figure_below_the_minimum_group_is_withheld_for_its_size():
    assert _protect([2, 0], 3).pooled_hidden == FEW_PARTICIPANTS
    assert _protect([4], 5, FEW_CUSTOMERS).pooled_hidden == FEW_CUSTOMERS


def test_teams_without_the_figure_are_neither_hidden_nor_counted():
    assert _protect([0, 7, 0, 8], 3).hidden == {}


@given(st.lists(st.integers(0, 15), min_size=1, max_size=8), st.integers(1, 6))
def test_no_withheld_figure_can_be_worked_out_from_the_whole(sizes, threshold):
    """Shown teams and the pooled figure leave the withheld teams as one block of at least a full group."""
    outcome = _protect(sizes, threshold)
    withheld = [i for i in outcome.hidden if sizes[i] > 0]
    assert all(i in outcome.hidden for i, size in enumerate(sizes) if 0 < size < threshold)
    if outcome.pooled_hidden is None and withheld:
        assert len(withheld) >= 2
        assert sum(sizes[i] for i in withheld) >= threshold
    if outcome.pooled_hidden is None:
        assert sum(sizes) == 0 or sum(sizes) >= threshold


# --- in real workbooks ---------------------------------------------------------------------


def _roll(tmp_path, specs, **kw):
    teams = []
    for number, (name, letters, customers) in enumerate(specs):
        path = make_team(tmp_path / f"t{number}.rater", name, letters, customers, continuum=(3, 4, 5),
                         consensus={"reliability": "B"})
        teams.append(Team(read_source(path)))
    return roll_up(teams, **kw)


def test_a_team_of_two_shows_no_internal_figure_and_the_smallest_other_team_is_withheld_too(tmp_path):
    result = _roll(tmp_path, [
        ("Tiny", same_letters(["A", "A"]), None),
        ("Mid", same_letters(["C", "C", "C", "C"]), None),
        ("Big", same_letters(["B"] * 6), None),
    ])
    tiny, mid, big = result.teams
    assert all(d.internal is None and d.consensus is None for d in tiny.card.dimensions)
    assert tiny.card.overall_internal is None and tiny.card.continuum.current is None
    assert all(figure is None for figure in tiny.statements.values())
    assert Hidden("internal", FEW_PARTICIPANTS) in tiny.hidden
    assert all(d.internal is None for d in mid.card.dimensions)
    assert Hidden("internal", BACK_CALCULATION) in mid.hidden
    assert Hidden("continuum", BACK_CALCULATION) in mid.hidden
    assert big.card.dimension("reliability").internal.mean == 3.0
    pooled = result.pooled.card.dimension("reliability").internal
    assert (pooled.n, pooled.mean) == (12, pytest.approx((8 + 8 + 18) / 12))
    # what a reader could subtract is Tiny and Mid together, never Tiny alone
    rest = (pooled.mean * pooled.n - 3.0 * 6) / (pooled.n - 6)
    assert rest == pytest.approx((8 + 8) / 6) and rest != pytest.approx(4.0)


def test_hidden_says_which_and_why_in_the_json(tmp_path):
    result = _roll(tmp_path, [("Tiny", same_letters(["A", "A"]), None), ("Big", same_letters(["B"] * 5), None)])
    tiny, big = rollup_dict(result)["teams"]
    assert tiny["dimensions"][0]["internal"] is None
    assert {"figure": "internal", "dimension": None, "statement": None, "reason": FEW_PARTICIPANTS} == {
        k: v for k, v in tiny["hidden"][0].items() if k != "explanation"}
    assert "fewer than 3 participants" in tiny["hidden"][0]["explanation"]
    assert big["hidden"][0]["reason"] == BACK_CALCULATION
    assert "worked out" in big["hidden"][0]["explanation"]
    assert rollup_dict(result)["pooled"]["dimensions"][0]["internal"]["n"] == 7


def test_customer_figures_need_the_minimum_group(tmp_path):
    specs = [
        ("Four", same_letters(["B"] * 3), {"reliability": [4.0] * 4}),
        ("Six", same_letters(["B"] * 3), {"reliability": [2.0] * 6}),
        ("Twelve", same_letters(["B"] * 3), {"reliability": [3.0] * 12}),
    ]
    result = _roll(tmp_path, specs)
    four, six, twelve = result.teams
    assert four.card.dimension("reliability").customer is None
    assert Hidden("customer", FEW_CUSTOMERS) in four.hidden
    assert six.card.dimension("reliability").customer is None and six.card.dimension("reliability").gap is None
    assert Hidden("customer", BACK_CALCULATION) in six.hidden
    assert twelve.card.dimension("reliability").customer.mean == 3.0
    assert result.pooled.card.dimension("reliability").customer.n == 22
    relaxed = roll_up([Team(read_source(tmp_path / f"t{i}.rater")) for i in range(3)], min_group=3)
    assert all(t.card.dimension("reliability").customer is not None for t in relaxed.teams)
    assert all(not t.hidden for t in relaxed.teams)


def test_one_hidden_dimension_hides_the_teams_overall_too(tmp_path):
    partly = same_letters(["B", "B", "B", "B"])
    partly["empathy"] = ["A", "A", "", ""]          # only two people graded empathy
    result = _roll(tmp_path, [("Partly", partly, None), ("Other", same_letters(["C"] * 4), None),
                              ("Third", same_letters(["D"] * 5), None)])
    partly_result, other, third = result.teams
    assert partly_result.card.dimension("empathy").internal is None
    assert partly_result.card.dimension("reliability").internal.mean == 3.0
    assert partly_result.card.overall_internal is None          # else it would give empathy away
    assert Hidden("internal", FEW_PARTICIPANTS, dimension="empathy") in partly_result.hidden
    assert other.card.dimension("empathy").internal is None     # the smallest other team, for empathy only
    assert other.card.dimension("reliability").internal is not None
    assert third.card.overall_internal.grade == "D"


def test_a_single_small_team_keeps_its_figures_out_of_the_whole_as_well(tmp_path):
    result = _roll(tmp_path, [("Tiny", same_letters(["A", "B"]), {"reliability": [3.0] * 4})])
    assert result.pooled.card.dimension("reliability").internal is None
    assert result.pooled.card.dimension("reliability").customer is None
    assert result.pooled.card.overall_internal is None
    assert Hidden("internal", FEW_PARTICIPANTS, dimension="reliability") in result.pooled.hidden


def test_an_earlier_round_of_two_people_shows_no_team_grade_in_the_trend(tmp_path):
    path = make_team(tmp_path / "t.rater", "Grew", same_letters(["B"] * 4), earlier=same_letters(["C", "C"]))
    other = make_team(tmp_path / "o.rater", "Other", same_letters(["C"] * 4))
    result = roll_up([Team(read_source(path)), Team(read_source(other))])
    (autumn, autumn_card), (spring, spring_card) = result.teams[0].rounds
    assert (autumn.name, spring.name) == ("Autumn review", "Spring review")
    assert autumn_card.overall_internal is None
    assert spring_card.overall_internal.grade == "B"
