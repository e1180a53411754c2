"""Shares, NPS split, statement ranks and the zone of tolerance (DESIGN §3), by hand."""

from __future__ import annotations

import pytest
from report_data import make_data

from rater_desktop.analysis import report_card
from rater_desktop.distributions import (
    RankedStatement,
    customer_boxes,
    nps_split,
    statements,
    team_boxes,
    tolerance,
)
from rater_desktop.model import AssessmentData, SurveyResults
from rater_desktop.scoring import point_stat
from rater_desktop.summary import summary_dict


def survey(**fields) -> SurveyResults:
    return SurveyResults(id=1, source_name="s.csv", row_count=4, scale_min=1, scale_max=5, **fields)


def test_team_boxes_count_a_b_and_d_f_among_letters_only():
    shares = team_boxes(["A", "B", "C", "D", "F", "NA", "B", "C"])
    assert shares.n == 7  # N/A is not a vote for any letter
    assert shares.top_two == pytest.approx(300 / 7)
    assert shares.bottom_two == pytest.approx(200 / 7)
    assert team_boxes(["NA"]) is None


def test_customer_boxes_use_the_top_and_bottom_two_points_of_each_scale():
    # on 1–5, top two = a mean of 4 or more (3 points), bottom two = 2 or less (1 point)
    five = survey(dimension_scores={"empathy": [4.0, 3.0, 2.9, 1.0, 0.0, None]})
    # on 1–10, top two = 9 or more: 4·8/9 = 3.56 points; bottom two = 2 or less: 4/9 = 0.44 points
    ten = SurveyResults(id=2, source_name="t.csv", row_count=2, scale_min=1, scale_max=10,
                        dimension_scores={"empathy": [32 / 9, 3.5]})
    shares = customer_boxes([five, ten], "empathy")
    assert shares.n == 7
    assert shares.top_two == pytest.approx(300 / 7)  # 4.0, 3.0, 32/9
    assert shares.bottom_two == pytest.approx(200 / 7)  # 1.0, 0.0
    yes_no = SurveyResults(id=3, source_name="y.csv", row_count=1, scale_min=0, scale_max=1,
                           dimension_scores={"empathy": [4.0]})
    assert customer_boxes([yes_no], "empathy") is None  # a two-point scale has no top two


def test_nps_split_adds_up_to_the_score():
    split = nps_split([10, 9, 8, 7, 6, 0, None, 10])
    assert (split.promoters, split.passives, split.detractors, split.n) == pytest.approx(
        (300 / 7, 200 / 7, 200 / 7, 7))
    assert split.promoters - split.detractors == pytest.approx(100 / 7)


@pytest.mark.parametrize(("perceived", "position"), [(2.9, "below"), (3.0, "within"), (4.5, "within"), (4.6, "above")])
def test_tolerance_places_perceived_between_minimum_and_desired(perceived, position):
    zone = tolerance([survey(minimum={"empathy": [2.5, 3.5]}, expectation={"empathy": [4.0, 5.0]},
                             perception={"empathy": [perceived, perceived]})], "empathy")
    assert (zone.minimum, zone.desired, zone.perceived) == pytest.approx((3.0, 4.5, perceived))
    assert zone.adequacy_gap == pytest.approx(perceived - 3.0)
    assert zone.superiority_gap == pytest.approx(perceived - 4.5)
    assert zone.position == position


def test_no_tolerance_without_minimum_items():
    assert tolerance([survey(expectation={"empathy": [4.0]}, perception={"empathy": [3.0]})], "empathy") is None


def ranked(mean: float, sd_points=(0.0,)) -> RankedStatement:
    return RankedStatement("empathy", f"S{mean}", point_stat([mean + d for d in sd_points]))


def test_top_and_bottom_five_never_repeat_a_statement():
    many = statements([ranked(m / 4) for m in range(12)], [])
    assert [r.stat.mean for r in many.team_top] == [2.75, 2.5, 2.25, 2.0, 1.75]
    assert [r.stat.mean for r in many.team_bottom] == [0.0, 0.25, 0.5, 0.75, 1.0]  # worst first
    few = statements([ranked(m) for m in (1, 2, 3)], [])
    assert [r.stat.mean for r in few.team_top] == [3.0, 2.0]
    assert [r.stat.mean for r in few.team_bottom] == [1.0]


def test_most_disagreed_statements_by_spread_of_votes():
    result = statements([ranked(2, (-2, 2)), ranked(3, (0,)), ranked(1, (-1, 1))], [])
    assert [r.text for r in result.team_disagreed] == ["S2", "S1"]  # sd 2.83 then 1.41; sd 0 left out


def test_report_card_and_summary_carry_the_new_views():
    base = make_data()
    zone_survey = SurveyResults(
        id=1, source_name="survey.csv", row_count=10, scale_min=1, scale_max=5,
        dimension_scores=base.surveys[0].dimension_scores, nps=base.surveys[0].nps,
        minimum={"reliability": [3.0] * 10}, expectation={"reliability": [4.5] * 10},
        perception={"reliability": [2.5] * 10},
        items={("reliability", f"Q{i}"): [i / 2] * 6 for i in range(8)})
    card = report_card(AssessmentData(**{**base.__dict__, "surveys": (zone_survey,)}))
    reliability = card.dimension("reliability")
    assert reliability.tolerance.position == "below"
    assert reliability.team_boxes.top_two == pytest.approx(100.0)  # A, B, B
    assert card.nps_split.promoters == pytest.approx(60.0)
    assert [r.text for r in card.statements.customer_top] == ["Q7", "Q6", "Q5", "Q4"]
    assert card.statements.team_count == 10
    data = summary_dict(card, [])
    assert data["dimensions"][0]["tolerance"] == pytest.approx({
        "minimum": 3.0, "desired": 4.5, "perceived": 2.5, "adequacy_gap": -0.5, "superiority_gap": -2.0,
        "position": "below"})
    assert data["dimensions"][1]["tolerance"] is None
