"""report_card() on a hand-built round whose every figure was worked out on paper."""

import math

import pytest

from rater_desktop.analysis import Reading, report_card
from rater_desktop.model import (
    DIMENSION_KEYS,
    Assessment,
    AssessmentData,
    Consensus,
    ContextGrade,
    ContinuumAnswer,
    Criterion,
    Grade,
    Participant,
    SurveyResults,
    TimeContext,
)

CRITERIA = (
    Criterion(1, "reliability", 1, "We do what we promised"),
    Criterion(2, "reliability", 2, "We get it right first time"),
    Criterion(3, "reliability", 3, "Hidden one", hidden=True),
    Criterion(4, "assurance", 1, "Staff know the product"),
    Criterion(5, "empathy", 1, "We listen"),
)

GRADES = (
    # participant 1: reliability 4, 3 → 3.5; assurance 2; empathy N/A
    Grade(1, 1, "A", "Rarely late"),
    Grade(1, 2, "B"),
    Grade(1, 3, "F"),  # hidden criterion: must not count
    Grade(1, 4, "C"),
    Grade(1, 5, "NA"),
    # participant 2: reliability 3 (criterion 2 N/A) → 3.0; assurance 3; empathy 1
    Grade(2, 1, "B"),
    Grade(2, 2, "NA"),
    Grade(2, 4, "B"),
    Grade(2, 5, "D"),
    # participant 3: reliability 2, 2 → 2.0; assurance 4; empathy 0
    Grade(3, 1, "C", "   "),
    Grade(3, 2, "C"),
    Grade(3, 4, "A"),
    Grade(3, 5, "F"),
    # someone not in this round: ignored
    Grade(99, 1, "F"),
)

SURVEY_A = SurveyResults(
    id=1,
    source_name="a.csv",
    row_count=3,
    scale_min=1,
    scale_max=5,
    dimension_scores={"reliability": [2.0, 1.0, 2.0], "assurance": [4.0, 4.0, 4.0], "empathy": [1.0]},
    perception={"reliability": [4.0, 3.0, None], "assurance": [3.0, 3.0]},
    expectation={"reliability": [5.0, 4.0, 4.5], "assurance": [4.0, 3.0]},
    nps=[10, 9, 7],
    csat=[5, 4, 2],
)
SURVEY_B = SurveyResults(
    id=2,
    source_name="b.xlsx",
    row_count=3,
    scale_min=1,
    scale_max=5,
    dimension_scores={"reliability": [3.0, 2.0, None], "assurance": [3.0, 4.0, 4.0], "empathy": [0.5]},
    nps=[3, None],
)


def build(**changes) -> AssessmentData:
    values = dict(
        organisation="Corner Bakery",
        assessment=Assessment(7, "Spring review", "2026-04-01"),
        criteria=CRITERIA,
        participants=(Participant(1, "Ana"), Participant(2, "Binh"), Participant(3, "Chris")),
        grades=GRADES,
        contexts=(TimeContext(11, "Month end", 1), TimeContext(10, "Weekday peak", 0)),
        context_grades=(
            ContextGrade(1, 10, "reliability", "A"),
            ContextGrade(2, 10, "reliability", "A"),
            ContextGrade(1, 11, "reliability", "C"),
            ContextGrade(2, 11, "reliability", "D"),
            ContextGrade(1, 10, "assurance", "B"),
            ContextGrade(1, 11, "assurance", "B"),
            ContextGrade(2, 11, "assurance", "NA"),
        ),
        continuum=(
            *(ContinuumAnswer(1, item, "current", v) for item, v in zip((1, 2, 3), (2, 3, 4))),
            *(ContinuumAnswer(1, item, "desired", 5) for item in (1, 2, 3)),
            *(ContinuumAnswer(2, item, "current", 4) for item in (1, 2, 3)),
            *(ContinuumAnswer(2, item, "desired", 6) for item in (1, 2, 3)),
        ),
        consensus=(
            Consensus("reliability", "B", "Late twice in March"),
            Consensus("reliability", "A", criterion_id=1),
            Consensus("assurance", "NA"),
        ),
        surveys=(SURVEY_A, SURVEY_B),
        servqual_weights={"reliability": 40, "assurance": 20, "tangibles": 10, "empathy": 15, "responsiveness": 15},
    )
    values.update(changes)
    return AssessmentData(**values)


@pytest.fixture(scope="module")
def card():
    return report_card(build())


def test_five_dimensions_in_order(card):
    assert [d.key for d in card.dimensions] == list(DIMENSION_KEYS)
    assert card.organisation == "Corner Bakery"
    assert card.assessment.id == 7


def test_internal_dimension_stats(card):
    reliability = card.dimension("reliability").internal
    # participant scores 3.5, 3.0, 2.0 (hidden criterion and N/A left out)
    assert reliability.n == 3
    assert reliability.mean == pytest.approx(8.5 / 3)
    assert reliability.grade == "B"
    assert reliability.sd == pytest.approx(math.sqrt(7 / 12))
    assert (reliability.min, reliability.max) == (2.0, 3.5)
    half = 4.302653 * math.sqrt(7 / 12) / math.sqrt(3)
    assert reliability.ci95 == pytest.approx((8.5 / 3 - half, 8.5 / 3 + half), abs=1e-5)

    assurance = card.dimension("assurance").internal
    assert (assurance.mean, assurance.sd, assurance.grade) == (3.0, 1.0, "B")

    empathy = card.dimension("empathy").internal
    # participant 1 answered only N/A: not a respondent
    assert (empathy.n, empathy.mean, empathy.grade) == (2, 0.5, "D")

    assert card.dimension("tangibles").internal is None
    assert card.dimension("responsiveness").internal is None


def test_criteria_results(card):
    criteria = card.dimension("reliability").criteria
    assert [c.criterion.id for c in criteria] == [1, 2]  # hidden criterion 3 left out
    first, second = criteria
    assert first.distribution == {"A": 1, "B": 1, "C": 1, "D": 0, "F": 0, "NA": 0}
    assert (first.stat.mean, first.stat.n) == (3.0, 3)
    assert first.notes == ("Rarely late",)
    assert first.consensus == "A"
    assert second.distribution == {"A": 0, "B": 1, "C": 1, "D": 0, "F": 0, "NA": 1}
    assert (second.stat.mean, second.stat.n, second.stat.grade) == (2.5, 2, "B")
    assert second.consensus is None


def test_consensus(card):
    reliability = card.dimension("reliability")
    assert reliability.consensus == "B"
    assert reliability.consensus_rationale == "Late twice in March"
    assert card.dimension("assurance").consensus is None  # agreed N/A: no grade
    assert card.dimension("empathy").consensus is None


def test_customer_side_pools_surveys(card):
    reliability = card.dimension("reliability")
    assert (reliability.customer.n, reliability.customer.mean, reliability.customer.grade) == (5, 2.0, "C")
    assert reliability.gap == pytest.approx(8.5 / 3 - 2.0)
    assert reliability.flag == "blind_spot"

    assurance = card.dimension("assurance")
    assert assurance.customer.mean == pytest.approx(23 / 6)
    assert assurance.gap == pytest.approx(3.0 - 23 / 6)
    assert assurance.flag == "hidden_strength"

    empathy = card.dimension("empathy")
    assert empathy.customer.n == 2
    assert empathy.gap == pytest.approx(-0.25)
    assert empathy.flag == "few_responses"

    tangibles = card.dimension("tangibles")
    assert (tangibles.customer, tangibles.gap, tangibles.flag) == (None, None, None)


def test_overall_and_compression(card):
    assert card.overall_internal.mean == pytest.approx((8.5 / 3 + 3.0 + 0.5) / 3)
    assert card.overall_internal.grade == "C"
    assert card.overall_customer.mean == pytest.approx((2.0 + 23 / 6 + 0.75) / 3)
    assert card.overall_customer.grade == "C"
    # internal range 3.0 − 0.5 over customer range 23/6 − 0.75
    assert card.compression_ratio == pytest.approx(2.5 / (23 / 6 - 0.75))


def test_overall_with_user_weights():
    weights = {"reliability": 50, "assurance": 25, "tangibles": 5, "empathy": 10, "responsiveness": 10}
    weighted = report_card(build(weights=weights))
    # tangibles and responsiveness have no mean: weights 50, 25, 10 renormalised over 85
    expected = (50 * 8.5 / 3 + 25 * 3.0 + 10 * 0.5) / 85
    assert weighted.overall_internal.mean == pytest.approx(expected)


def test_servqual(card):
    reliability = card.dimension("reliability").servqual
    assert (reliability.perception, reliability.expectation, reliability.gap) == (3.5, 4.5, -1.0)
    assert card.dimension("assurance").servqual.gap == pytest.approx(-0.5)
    assert card.dimension("empathy").servqual is None
    assert card.servqual_unweighted == pytest.approx(-0.75)
    assert card.servqual_weighted == pytest.approx((40 * -1.0 + 20 * -0.5) / 60)


def test_kpis(card):
    # NPS answers 10, 9, 7, 3: 2 promoters, 1 detractor of 4 → 25.0
    assert card.kpis.nps == 25.0
    assert card.kpis.csat == pytest.approx(200 / 3)
    assert card.kpis.fcr is None


def test_continuum(card):
    current, desired = card.continuum.current, card.continuum.desired
    # participant 1: (1/6 + 2/6 + 3/6)/3·100 = 33.33; participant 2: 50
    assert current.n == 2
    assert current.mean == pytest.approx((100 / 3 + 50) / 2)
    assert (current.min, current.max) == (pytest.approx(100 / 3), 50.0)
    # desired 66.67 and 83.33
    assert desired.mean == pytest.approx(75.0)
    assert card.continuum.distance == pytest.approx(75.0 - 125 / 3)


def test_time_contexts(card):
    reliability = card.dimension("reliability")
    names = [context.name for context, _ in reliability.contexts]
    assert names == ["Weekday peak", "Month end"]  # by position
    assert [stat.mean for _, stat in reliability.contexts] == [4.0, 1.5]
    assert reliability.context_range == 2.5
    assert reliability.context_flag is True

    assurance = card.dimension("assurance")
    assert [stat.n for _, stat in assurance.contexts] == [1, 1]
    assert assurance.context_range == 0.0
    assert assurance.context_flag is False

    empathy = card.dimension("empathy")
    assert [stat for _, stat in empathy.contexts] == [None, None]
    assert (empathy.context_range, empathy.context_flag) == (None, False)


def test_readings(card):
    assert card.readings == (
        Reading("strongest", "assurance", 3.0),
        Reading("weakest", "empathy", 0.5),
        Reading("widest_disagreement", "assurance", 1.0),
        Reading("blind_spot", "reliability", pytest.approx(8.5 / 3 - 2.0)),
        Reading("hidden_strength", "assurance", pytest.approx(3.0 - 23 / 6)),
        Reading("context_varies", "reliability", 2.5, ("Weekday peak", "Month end")),
        Reading("compressed", None, pytest.approx(2.5 / (23 / 6 - 0.75))),
    )


def test_empty_round_has_no_figures():
    empty = report_card(
        AssessmentData(
            organisation="",
            assessment=Assessment(1, "Round 1", "2026-01-01"),
            criteria=CRITERIA,
            participants=(Participant(1, "Ana"),),
        )
    )
    assert len(empty.dimensions) == 5
    assert all(d.internal is None and d.customer is None and d.flag is None for d in empty.dimensions)
    assert empty.overall_internal is None and empty.overall_customer is None
    assert empty.compression_ratio is None
    assert (empty.continuum.current, empty.continuum.desired, empty.continuum.distance) == (None, None, None)
    assert (empty.kpis.nps, empty.kpis.csat, empty.kpis.fcr) == (None, None, None)
    assert (empty.servqual_unweighted, empty.servqual_weighted) == (None, None)
    assert empty.readings == ()
