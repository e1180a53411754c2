"""The three priorities and their reasons, from hand-made rounds."""

from __future__ import annotations

from report_data import make_data

from rater_desktop.analysis import report_card
from rater_desktop.model import AssessmentData, SurveyResults


def card_with(surveys, weights=None):
    base = make_data()
    return report_card(AssessmentData(**{**base.__dict__, "surveys": surveys, "servqual_weights": weights}))


def codes(priority):
    return [reason.code for reason in priority.reasons]


def test_without_expectations_customers_lowest_and_blind_spots_lead():
    # report_data: reliability blind spot (+1.33, customers 2.0), empathy customers 2.0, responsiveness 2.5
    card = report_card(make_data())
    assert [p.dimension for p in card.priorities] == ["reliability", "empathy"]
    assert codes(card.priorities[0]) == ["blind_spot", "customers_lowest"]
    assert codes(card.priorities[1]) == ["customers_low"]


def test_servqual_shortfall_weighted_by_importance_decides_the_order():
    scores = make_data().surveys[0].dimension_scores
    survey = SurveyResults(
        id=1, source_name="s.csv", row_count=10, scale_min=1, scale_max=5, dimension_scores=scores,
        perception={k: [3.0] * 10 for k in scores},
        expectation={"reliability": [3.5] * 10, "assurance": [4.0] * 10, "tangibles": [3.0] * 10,
                     "empathy": [4.0] * 10, "responsiveness": [4.5] * 10})
    # unweighted: reliability misses by 0.5 points but is also a blind spot (+1.33), so it leads
    # responsiveness (-1.5); weighted, assurance (50 of 100 points x -1.0) leads
    plain = card_with((survey,))
    assert [p.dimension for p in plain.priorities] == ["reliability", "responsiveness", "assurance"]
    weights = {"reliability": 10, "assurance": 50, "tangibles": 10, "empathy": 20, "responsiveness": 10}
    weighted = card_with((survey,), weights)
    assert weighted.priorities[0].dimension == "assurance"
    assert weighted.priorities[0].reasons[0].code == "shortfall"
    assert weighted.priorities[0].reasons[0].weight == 50


def test_below_the_minimum_outranks_everything():
    scores = make_data().surveys[0].dimension_scores
    survey = SurveyResults(
        id=1, source_name="s.csv", row_count=10, scale_min=1, scale_max=5, dimension_scores=scores,
        perception={"tangibles": [3.9] * 10, "responsiveness": [2.0] * 10},
        expectation={"tangibles": [4.0] * 10, "responsiveness": [4.5] * 10},
        minimum={"tangibles": [4.0] * 10})
    card = card_with((survey,))
    assert card.priorities[0].dimension == "tangibles"
    assert codes(card.priorities[0])[0] == "below_minimum"


def test_without_customers_the_team_weakest_is_the_reason():
    card = report_card(make_data(customers=False))
    assert [(p.dimension, codes(p)) for p in card.priorities] == [("tangibles", ["team_lowest"])]
