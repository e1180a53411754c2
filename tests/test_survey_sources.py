"""Surveys as named sources: their scale, which ones count, and where a new one goes.

Customer figures come from the included surveys only; a new import joins the
comparison by itself only when it answers on the scale of every counted one.
"""

from __future__ import annotations

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.analysis import report_card
from rater_desktop.model import SurveyScale, SurveySource
from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook, open_workbook
from rater_desktop.survey_sources import (
    Placement,
    mixed_scales,
    place_new_survey,
    same_scale,
    scale_from_mapping,
    scale_json,
    scale_text,
)

FIVE = SurveyScale("numeric", 1, 5)
SEVEN = SurveyScale("numeric", 1, 7)
LABELS = '[scale]\ntype = "labels"\nlabels = ["Poor", "Fair", "Good", "Very good", "Excellent"]\n'


def source(ident: int, scale: SurveyScale, included: bool = True) -> SurveySource:
    return SurveySource(ident, f"s{ident}.csv", "2026-04-02T10:00:00", 10, scale, included)


@pytest.mark.parametrize("text, low, high, expected", [
    ('[scale]\ntype = "numeric"\nmin = 1\nmax = 5\n', 1, 5, SurveyScale("numeric", 1, 5)),
    (LABELS, 0, 4, SurveyScale("labels", 0, 4, ("Poor", "Fair", "Good", "Very good", "Excellent"))),
    ('[scale]\ntype = "letters"\n', 0, 4, SurveyScale("letters", 0, 4)),
    ("", 1, 5, FIVE),
    ("not toml [[[", 1, 7, SEVEN),  # a file edited elsewhere: the stored bounds still hold
    ("scale = 3", 1, 5, FIVE),
    ('[scale]\ntype = "labels"\nlabels = [1, 2]\n', 0, 1, SurveyScale("labels", 0, 1)),
])
def test_scale_from_a_stored_mapping(text, low, high, expected):
    assert scale_from_mapping(text, low, high) == expected


def test_same_scale_needs_kind_range_and_labels_alike():
    poor = scale_from_mapping(LABELS, 0, 4)
    assert same_scale(poor, SurveyScale("labels", 0, 4, tuple(label.upper() + " " for label in poor.labels)))
    assert same_scale(FIVE, SurveyScale("numeric", 1.0, 5.0))
    assert not same_scale(FIVE, SEVEN)
    assert not same_scale(poor, SurveyScale("numeric", 0, 4))
    agree = SurveyScale("labels", 0, 4, ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"))
    assert not same_scale(poor, agree)


def test_a_new_survey_joins_only_on_the_scale_already_counted():
    assert place_new_survey([], SEVEN).reason == "first"
    assert place_new_survey([source(1, FIVE, included=False)], SEVEN) == Placement(True, "none_counted")
    assert place_new_survey([source(1, FIVE)], FIVE) == place_new_survey([source(1, FIVE)], FIVE)
    assert place_new_survey([source(1, FIVE)], FIVE).reason == "same_scale"
    kept = place_new_survey([source(1, FIVE), source(2, SEVEN, included=False)], SEVEN)
    assert (kept.included, kept.reason) == (False, "scale_differs")
    assert place_new_survey([source(1, FIVE)], SEVEN, wanted=True).included
    assert not place_new_survey([source(1, FIVE)], FIVE, wanted=False).included


def test_mixed_scales_looks_at_counted_sources_only():
    assert not mixed_scales([source(1, FIVE), source(2, SEVEN, included=False)])
    assert mixed_scales([source(1, FIVE), source(2, SEVEN)])
    assert not mixed_scales([])


def test_scale_words_and_json():
    assert scale_text(FIVE) == "1–5"
    assert scale_text(SurveyScale("numeric", 0, 10)) == "0–10"
    assert scale_text(scale_from_mapping(LABELS, 0, 4)) == "Poor … Excellent (5 labels)"
    assert scale_text(SurveyScale("letters", 0, 4)) == "letters A–F"
    assert scale_json(FIVE) == {"type": "numeric", "min": 1, "max": 5}
    assert scale_json(SurveyScale("numeric", 0.5, 4.5)) == {"type": "numeric", "min": 0.5, "max": 4.5}
    assert scale_json(scale_from_mapping(LABELS, 0, 4))["labels"][-1] == "Excellent"


# --- stored, counted, undone --------------------------------------------------------------


def add(workbook, round_id, name, points, *, high=5, included=True, **series):
    return workbook.add_survey(round_id, source_name=name, file_hash=name, row_count=len(points),
                               mapping_toml=f'[scale]\ntype = "numeric"\nmin = 1\nmax = {high}\n',
                               scale_min=1, scale_max=high, series={"dim:empathy": points, **series},
                               included=included, tool="Google Forms")


@pytest.fixture
def book(tmp_path):
    with create_workbook(tmp_path / "sources.rater", "Cafe", framework=FRAMEWORK) as workbook:
        yield workbook


def test_only_included_surveys_count_in_every_customer_figure(book):
    first = book.latest_assessment_id()
    add(book, first, "fives.csv", [4.0] * 6, **{"kpi:nps": [10.0] * 6, "kpi:fcr": [1.0] * 6})
    add(book, first, "sevens.csv", [0.0] * 6, high=7, included=False,
        **{"kpi:nps": [0.0] * 6, "kpi:fcr": [0.0] * 6})
    card = report_card(book.read_assessment(first))
    empathy = card.dimension("empathy").customer
    assert (empathy.n, empathy.mean) == (6, 4.0)
    assert (card.kpis.nps, card.kpis.fcr) == (100.0, 100.0)
    assert card.overall_customer.mean == 4.0
    assert [(s.source_name, s.included, s.scale.max, s.tool) for s in card.sources] == [
        ("fives.csv", True, 5.0, "Google Forms"), ("sevens.csv", False, 7.0, "Google Forms")]


def test_servqual_is_not_blended_across_scales(book):
    first = book.latest_assessment_id()
    sq = {"per:empathy": [4.0, 4.0], "exp:empathy": [5.0, 5.0]}
    add(book, first, "fives.csv", [2.0, 2.0], **sq)
    add(book, first, "more-fives.csv", [2.0, 2.0], **sq)
    assert report_card(book.read_assessment(first)).dimension("empathy").servqual.gap == -1.0
    add(book, first, "sevens.csv", [2.0, 2.0], high=7, **{"per:empathy": [6.0, 6.0], "exp:empathy": [7.0, 7.0]})
    card = report_card(book.read_assessment(first))
    assert card.dimension("empathy").servqual is None and card.servqual_unweighted is None
    assert card.dimension("empathy").customer.n == 6  # points 0–4 still pool: the person included all three


def test_including_a_survey_is_saved_announced_and_undoable(tmp_path):
    path = tmp_path / "undo.rater"
    with create_workbook(path, "Cafe", framework=FRAMEWORK) as workbook:
        first = workbook.latest_assessment_id()
        kept = add(workbook, first, "sevens.csv", [0.0], high=7, included=False)
        ops = Operations(workbook)
        seen = []
        ops.subscribe(seen.append)
        change = ops.set_survey_included(kept, True)
        assert (change.kind, change.assessment_id, change.ids) == ("surveys", first, (kept,))
        assert workbook.survey_sources(first)[0].included
        ops.undo()
        assert not workbook.survey_sources(first)[0].included
        ops.redo()
        assert len(seen) == 3
        with pytest.raises(KeyError):
            workbook.set_survey_included(999, True)
    with open_workbook(path) as workbook:
        assert workbook.survey_sources(first)[0].included
