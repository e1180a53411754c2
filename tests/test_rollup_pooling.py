"""A 3-team roll-up checked against figures worked out by hand, pooled over respondents.

North (3 people), South (3) and Chi nhánh Hà Nội (10).  Empathy shows why the
whole is pooled from people: North and South give 4.0, Hà Nội 1.0; the mean
of the three means would be 3.0 (a B) while the 16 people together give
(12 + 12 + 10) / 16 = 2.125 (a C).
"""

import math

import pytest
from rollup_support import make_team

from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.rollup import Team, read_source, roll_up
from rater_desktop.rollup.summary import rollup_dict
from rater_desktop.scoring import point_stat
from rater_desktop.storage import open_workbook
from rater_desktop.summary import workbook_summary

OTHERS = {key: None for key in DIMENSION_KEYS if key not in ("reliability", "empathy")}
NORTH = {"reliability": ["A", "B", "C"], "empathy": ["A", "A", "A"], **{k: ["B"] * 3 for k in OTHERS}}
SOUTH = {"reliability": ["B", "B", "C"], "empathy": ["A", "A", "A"], **{k: ["B"] * 3 for k in OTHERS}}
HANOI = {"reliability": ["A", "A", "B", "B", "C", "C", "D", "D", "F", "B"], "empathy": ["D"] * 10,
         **{k: ["B"] * 10 for k in OTHERS}}
CUSTOMERS = {
    "North": [4.0, 2.0, 2.0, 4.0, 3.0],             # 3.0, n 5
    "South": [1.0, 1.0, 2.0, 2.0, 4.0, 2.0],        # 2.0, n 6
    "Chi nhánh Hà Nội": [3.0] * 10,                 # 3.0, n 10
}
POOLED_CUSTOMERS = 57 / 21                          # (15 + 12 + 30) / 21


@pytest.fixture(scope="module")
def teams(tmp_path_factory):
    folder = tmp_path_factory.mktemp("teams")
    made = []
    for name, letters in (("North", NORTH), ("South", SOUTH), ("Chi nhánh Hà Nội", HANOI)):
        path = make_team(folder / f"{len(made)}.rater", name, letters, {"reliability": CUSTOMERS[name]})
        made.append(Team(read_source(path)))
    return made


@pytest.fixture(scope="module")
def result(teams):
    return roll_up(teams)


def test_pooled_team_figures_come_from_every_participant_not_from_team_means(result):
    pooled = result.pooled.card
    assert pooled.dimension("reliability").internal.mean == pytest.approx(40 / 16)    # (9 + 8 + 23) / 16
    assert pooled.dimension("reliability").internal.n == 16
    assert pooled.dimension("empathy").internal.mean == pytest.approx(34 / 16)
    assert pooled.dimension("empathy").internal.grade == "C"
    assert pooled.dimension("tangibles").internal.mean == pytest.approx(3.0)
    assert pooled.overall_internal.mean == pytest.approx((2.5 + 3 + 3 + 2.125 + 3) / 5)
    assert pooled.overall_internal.grade == "B"
    scores = [4, 3, 2, 3, 3, 2, 4, 4, 3, 3, 2, 2, 1, 1, 0, 3]
    assert pooled.dimension("reliability").internal.ci95 == pytest.approx(point_stat(scores).ci95)


def test_pooled_customer_figures_come_from_every_respondent(result):
    pooled = result.pooled
    reliability = pooled.card.dimension("reliability")
    assert reliability.customer.mean == pytest.approx(POOLED_CUSTOMERS)
    assert reliability.customer.n == 21
    assert reliability.gap == pytest.approx(2.5 - POOLED_CUSTOMERS)
    assert reliability.flag == "aligned"
    assert pooled.card.dimension("empathy").customer is None
    assert pooled.card.overall_customer.mean == pytest.approx(POOLED_CUSTOMERS)
    assert (pooled.teams, pooled.participants, pooled.customers) == (3, 16, 21)


def test_each_team_is_shown_against_the_whole(result):
    north, south, hanoi = result.teams
    assert [t.name for t in result.teams] == ["North", "South", "Chi nhánh Hà Nội"]
    difference = north.differences["reliability"]
    assert difference.internal == pytest.approx(3.0 - 2.5)
    assert difference.customer == pytest.approx(3.0 - POOLED_CUSTOMERS)
    assert difference.gap == pytest.approx(0.0 - (2.5 - POOLED_CUSTOMERS))
    assert hanoi.differences["empathy"].internal == pytest.approx(1.0 - 2.125)
    assert south.card.dimension("reliability").flag == "blind_spot"     # 2.67 - 2.0
    assert south.flagged("blind_spot") == ("reliability",)
    assert all(not team.hidden for team in result.teams) and not result.pooled.hidden


def test_team_figures_are_those_of_the_teams_own_summary(teams, result):
    for team, shown in zip(teams, rollup_dict(result)["teams"]):
        with open_workbook(team.source.path, read_only=True) as book:
            own = workbook_summary(book, book.latest_assessment_id())
        for mine, theirs in zip(shown["dimensions"], own["dimensions"]):
            mine = {k: v for k, v in mine.items() if k != "difference"}
            assert mine == theirs
        assert shown["overall"] == own["overall"]
        assert shown["assessment"] == own["assessment"]


def test_json_has_the_design_shape(result):
    shown = rollup_dict(result)
    assert set(shown) >= {"teams", "pooled", "left_out"}
    team = shown["teams"][0]
    assert {"path", "name", "assessment", "dimensions", "overall", "hidden"} <= set(team)
    assert [d["key"] for d in team["dimensions"]] == list(DIMENSION_KEYS)
    assert set(team["dimensions"][0]) >= {"key", "name", "internal", "customer", "gap", "flag", "servqual"}
    assert {"dimensions", "overall"} <= set(shown["pooled"])
    assert shown["pooled"]["dimensions"][0]["internal"]["mean"] == 2.5
    assert shown["pooled"]["dimensions"][0]["internal"]["consensus"] is None
    assert shown["left_out"] == []
    assert not math.isnan(shown["pooled"]["overall"]["customer"]["mean"])


def test_statements_compare_one_by_one_across_teams(result):
    key = "reliability.promises"
    assert result.pooled.statements[key].mean == pytest.approx(40 / 16)
    assert result.pooled.statements[key].n == 16
    assert result.teams[2].statements[key].mean == pytest.approx(2.3)
    assert result.statement_gaps == ()


def test_quick_round_grades_and_surveys_kept_aside_count_as_in_the_teams_own_card(tmp_path):
    path = make_team(tmp_path / "q.rater", "Quick", {"reliability": ["B", "B", ""]}, {"reliability": [4.0] * 6})
    with open_workbook(path) as book:
        round_id = book.latest_assessment_id()
        third = book.participants(round_id)[2].id
        book.set_dimension_grade(third, "reliability", "D")          # voted the whole dimension from a phone
        aside = book.add_survey(round_id, source_name="old.csv", file_hash="old", row_count=5, mapping_toml="",
                                scale_min=1, scale_max=5, series={"dim:reliability": [0.0] * 5})
        book.set_survey_included(aside, False)
        own = workbook_summary(book, round_id)
    team = roll_up([Team(read_source(path))]).teams[0]
    reliability = team.card.dimension("reliability")
    assert (reliability.internal.n, reliability.internal.mean) == (3, pytest.approx((3 + 3 + 1) / 3))
    assert (reliability.customer.n, reliability.customer.mean) == (6, 4.0)      # the kept-aside survey is not pooled
    assert own["dimensions"][0]["internal"]["mean"] == reliability.internal.mean
    assert own["dimensions"][0]["customer"]["mean"] == reliability.customer.mean


def test_servqual_is_the_teams_own_and_pooled_only_on_one_scale(tmp_path):
    first = make_team(tmp_path / "1.rater", "One", {"reliability": ["B"] * 3}, {"reliability": [3.0] * 5},
                      servqual={"reliability": ([4.0, 3.0, 5.0], [5.0, 5.0, 4.0])})
    second = make_team(tmp_path / "2.rater", "Two", {"reliability": ["C"] * 3}, {"reliability": [2.0] * 5},
                       servqual={"reliability": ([2.0, None], [4.0, 3.0])})
    result = roll_up([Team(read_source(first)), Team(read_source(second))])
    with open_workbook(first, read_only=True) as book:
        own = workbook_summary(book, book.latest_assessment_id())["dimensions"][0]["servqual"]
    mine = result.teams[0].card.dimension("reliability").servqual
    assert (mine.perception, mine.expectation, mine.gap) == (own["perception"], own["expectation"], own["gap"])
    pooled = result.pooled.card.dimension("reliability").servqual
    assert pooled.perception == pytest.approx((4 + 3 + 5 + 2) / 4)
    assert pooled.expectation == pytest.approx((5 + 5 + 4 + 4 + 3) / 5)
