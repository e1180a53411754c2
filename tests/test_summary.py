"""The JSON summary has exactly the shape of DESIGN §5, with hand-computed values."""

import math

import pytest

from rater_desktop.analysis import report_card
from rater_desktop.framework import dimension_name
from rater_desktop.model import (
    DIMENSION_KEYS,
    Action,
    Assessment,
    AssessmentData,
    Consensus,
    ContinuumAnswer,
    Criterion,
    Grade,
    Participant,
    SurveyResults,
)
from rater_desktop.summary import summary_dict, workbook_summary

NAMES = {key: key.title() for key in DIMENSION_KEYS}
AUTUMN = Assessment(1, "Autumn review", "2025-10-01")
SPRING = Assessment(2, "Spring review", "2026-04-01")
CRITERIA = (
    Criterion(1, "reliability", 1, "We keep our promises"),
    Criterion(2, "empathy", 1, "We listen"),
)
TEAM = (Participant(1, "Ana"), Participant(2, "Binh"))
SERVQUAL_WEIGHTS = {"reliability": 40.0, "assurance": 15.0, "tangibles": 15.0, "empathy": 20.0,
                    "responsiveness": 10.0}


def spring_data() -> AssessmentData:
    return AssessmentData(
        organisation="Corner Bakery",
        assessment=SPRING,
        criteria=CRITERIA,
        participants=TEAM,
        grades=(Grade(1, 1, "A"), Grade(2, 1, "B"), Grade(1, 2, "NA")),
        continuum=tuple(ContinuumAnswer(1, item, "current", 4) for item in (1, 2, 3)),
        consensus=(Consensus("empathy", "C", "We rush people"),),
        actions=(
            Action(1, "reliability", 1, "Confirm every order by text", "Shop manager", "2026-06-30", "A", "open"),
            Action(2, "empathy", None, "Gọi lại trong ngày", "", None, None, "in_progress"),
        ),
        surveys=(
            SurveyResults(
                id=1,
                source_name="forms.csv",
                row_count=5,
                scale_min=1,
                scale_max=5,
                dimension_scores={"reliability": [2.0, 2.0, 3.0, 3.0, 2.0]},
                perception={"reliability": [4.0, 3.0], "empathy": [3.0]},
                expectation={"reliability": [4.5, 4.5], "empathy": [3.5]},
                nps=[10, 0],
                fcr=[True],
                imported="2026-04-02T10:00:00",
            ),
        ),
        servqual_weights=SERVQUAL_WEIGHTS,
    )


def autumn_data() -> AssessmentData:
    return AssessmentData(
        organisation="Corner Bakery",
        assessment=AUTUMN,
        criteria=CRITERIA,
        participants=TEAM,
        grades=(Grade(1, 1, "C"),),
    )


@pytest.fixture(scope="module")
def cards():
    return report_card(autumn_data()), report_card(spring_data())


def empty_dimension(key):
    return {
        "key": key,
        "name": NAMES[key],
        "internal": None,
        "customer": None,
        "gap": None,
        "flag": None,
        "servqual": None,
        "tolerance": None,
    }


def expected_summary():
    # customer reliability 2, 2, 3, 3, 2: mean 2.4, sample sd sqrt(0.3), t(0.975, 4) = 2.776445
    half = 2.776445 * math.sqrt(0.3) / math.sqrt(5)
    return {
        "assessment": {"id": 2, "name": "Spring review", "date": "2026-04-01"},
        "dimensions": [
            {
                "key": "reliability",
                "name": "Reliability",
                "internal": {"mean": 3.5, "grade": "A", "n": 2, "consensus": None},
                "customer": {"mean": 2.4, "grade": "C", "n": 5, "ci95": [2.4 - half, 2.4 + half]},
                "gap": 3.5 - 2.4,
                "flag": "blind_spot",
                "servqual": {"perception": 3.5, "expectation": 4.5, "gap": -1.0},
                "tolerance": None,
            },
            empty_dimension("assurance"),
            empty_dimension("tangibles"),
            {
                **empty_dimension("empathy"),
                # only N/A grades, but the team agreed a consensus
                "internal": {"mean": None, "grade": None, "n": 0, "consensus": "C"},
                "servqual": {"perception": 3.0, "expectation": 3.5, "gap": -0.5},
            },
            empty_dimension("responsiveness"),
        ],
        "overall": {"internal": {"mean": 3.5, "grade": "A"}, "customer": {"mean": 2.4, "grade": "C"}},
        "compression_ratio": None,  # only one dimension has both sides
        "continuum": {"current": {"mean": 50.0, "n": 1}, "desired": None},
        "kpis": {"nps": 0.0, "csat": None, "fcr": 100.0},
        "actions": [
            {
                "dimension": "reliability",
                "criterion": "We keep our promises",
                "title": "Confirm every order by text",
                "owner": "Shop manager",
                "due": "2026-06-30",
                "target_grade": "A",
                "status": "open",
            },
            {
                "dimension": "empathy",
                "criterion": None,
                "title": "Gọi lại trong ngày",
                "owner": None,
                "due": None,
                "target_grade": None,
                "status": "in_progress",
            },
        ],
        "rounds": [
            {
                "id": 1,
                "name": "Autumn review",
                "date": "2025-10-01",
                "internal": {"mean": 2.0, "grade": "C"},
                "customer": None,
            },
            {
                "id": 2,
                "name": "Spring review",
                "date": "2026-04-01",
                "internal": {"mean": 3.5, "grade": "A"},
                "customer": {"mean": 2.4, "grade": "C"},
            },
        ],
        "surveys": [
            {"id": 1, "source_name": "forms.csv", "imported": "2026-04-02T10:00:00", "rows": 5,
             "scale": {"type": "numeric", "min": 1, "max": 5}, "included": True},
        ],
        # gaps: reliability 3.5 - 4.5 = -1.0, empathy 3.0 - 3.5 = -0.5; the other three have none,
        # so their weights drop out: (40 * -1.0 + 20 * -0.5) / 60
        "servqual": {"unweighted": -0.75, "weighted": -50 / 60, "weights": SERVQUAL_WEIGHTS},
        "comments": {"count": 0},
    }


def key_paths(value, prefix=""):
    """Every key path in order, so the comparison also checks key order."""
    if isinstance(value, dict):
        paths = []
        for key, item in value.items():
            paths.append(prefix + "/" + key)
            paths.extend(key_paths(item, prefix + "/" + key))
        return paths
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in key_paths(item, f"{prefix}[{i}]")]
    return []


def test_summary_matches_design_exactly(cards):
    autumn, spring = cards
    # rounds given newest first: the summary lists them oldest first
    result = summary_dict(spring, [(SPRING, spring), (AUTUMN, autumn)], NAMES)
    expected = expected_summary()
    assert key_paths(result) == key_paths(expected)

    ci95 = result["dimensions"][0]["customer"].pop("ci95")
    expected_ci95 = expected["dimensions"][0]["customer"].pop("ci95")
    assert ci95 == pytest.approx(expected_ci95, abs=1e-5)
    assert result == expected


def test_top_level_keys_are_the_design_ones(cards):
    _, spring = cards
    result = summary_dict(spring, [], NAMES)
    assert list(result) == [
        "assessment", "dimensions", "overall", "compression_ratio",
        "continuum", "kpis", "actions", "rounds", "surveys", "servqual", "comments",
    ]
    assert [d["key"] for d in result["dimensions"]] == list(DIMENSION_KEYS)
    # the card's own round is always in the trend, even if the caller left it out
    assert [r["id"] for r in result["rounds"]] == [2]


def test_single_customer_response_has_null_interval_and_few_responses():
    data = spring_data()
    lone = SurveyResults(1, "one.csv", 1, 1, 5, dimension_scores={"reliability": [3.0]})
    card = report_card(AssessmentData(**{**data.__dict__, "surveys": (lone,)}))
    reliability = summary_dict(card, [], NAMES)["dimensions"][0]
    assert reliability["customer"] == {"mean": 3.0, "grade": "B", "n": 1, "ci95": None}
    assert reliability["flag"] == "few_responses"
    assert reliability["servqual"] is None


def test_default_names_are_the_built_in_ones(cards):
    _, spring = cards
    result = summary_dict(spring, [])
    assert [d["name"] for d in result["dimensions"]] == [dimension_name(k) for k in DIMENSION_KEYS]


class FakeWorkbook:
    """The two reader methods workbook_summary uses, over hand-built rounds."""

    def __init__(self, *rounds):
        self.rounds = {data.assessment.id: data for data in rounds}

    def assessments(self):
        return [data.assessment for data in self.rounds.values()]

    def read_assessment(self, assessment_id):
        return self.rounds[assessment_id]


def test_workbook_summary_reads_the_rounds_up_to_the_chosen_one():
    workbook = FakeWorkbook(autumn_data(), spring_data())
    newer = workbook_summary(workbook, 2)
    assert [r["id"] for r in newer["rounds"]] == [1, 2]
    assert newer["rounds"][1]["customer"] == {"mean": 2.4, "grade": "C"}
    older = workbook_summary(workbook, 1)
    assert older["assessment"] == {"id": 1, "name": "Autumn review", "date": "2025-10-01"}
    assert older["dimensions"][0]["internal"] == {"mean": 2.0, "grade": "C", "n": 1, "consensus": None}
    # the autumn summary stays in its time: nothing from spring, even when handed spring's card
    assert [r["id"] for r in older["rounds"]] == [1]
    autumn_card = report_card(autumn_data())
    handed = summary_dict(autumn_card, [(SPRING, report_card(spring_data())), (AUTUMN, autumn_card)], NAMES)
    assert [r["id"] for r in handed["rounds"]] == [1]


def test_surveys_kept_aside_are_listed_but_not_counted():
    data = spring_data()
    aside = SurveyResults(7, "seven-point.csv", 3, 1, 7, dimension_scores={"reliability": [0.0, 0.0, 0.0]},
                          included=False)
    card = report_card(AssessmentData(**{**data.__dict__, "surveys": (*data.surveys, aside)}))
    result = summary_dict(card, [], NAMES)
    assert [(s["id"], s["included"], s["scale"]) for s in result["surveys"]] == [
        (1, True, {"type": "numeric", "min": 1, "max": 5}), (7, False, {"type": "numeric", "min": 1, "max": 7})]
    assert result["dimensions"][0]["customer"]["n"] == 5
    assert result["dimensions"][0]["customer"]["mean"] == pytest.approx(2.4)


def test_no_servqual_result_is_null_and_unset_weights_give_no_weighted_score():
    data = spring_data()
    plain = report_card(AssessmentData(**{**data.__dict__, "servqual_weights": None}))
    assert summary_dict(plain, [], NAMES)["servqual"] == {"unweighted": -0.75, "weighted": None, "weights": None}
    bare = report_card(autumn_data())
    assert summary_dict(bare, [], NAMES)["servqual"] is None
