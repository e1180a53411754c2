"""Comments, minimum items and per-item answers kept at import (DESIGN §3 zone of tolerance, §6)."""

from __future__ import annotations

import pytest
from storage_support import data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.importing import import_into, load_mapping, run_import
from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook, open_workbook

MAPPING = """
[scale]
min = 1
max = 5
not_applicable = ["N/A"]
[dimensions]
reliability = ["Kept our promise", "Right first time"]
[expectations]
reliability = ["Desired: promise"]
[minimum]
reliability = ["Minimum: promise"]
[comments]
columns = ["What could we do better?", "Anything else?"]
"""

SURVEY = (
    "Name,Email,Kept our promise,Right first time,Desired: promise,Minimum: promise,What could we do better?,"
    "Anything else?,Private notes\n"
    "Ann,ann@example.org,5,3,5,4,  Faster coffee please  ,,Ann is my neighbour\n"
    "Bob,bob@example.org,2,N/A,4,3,,Bob here: call me on 0123,secret\n"
    ",,,,,,,,\n"
    "Cy,cy@example.org,4,4,5,2,Cafe\u0301 was cold,Lovely staff,\n"
)


@pytest.fixture
def survey(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_text(SURVEY, encoding="utf-8", newline="")
    return path


def test_only_the_named_comment_columns_are_kept_trimmed_and_nfc(survey):
    result = run_import(survey, load_mapping(MAPPING))
    assert result.ok
    assert result.comments == [
        ("What could we do better?", 2, "Faster coffee please"),
        ("Anything else?", 3, "Bob here: call me on 0123"),
        ("What could we do better?", 5, "Café was cold"),
        ("Anything else?", 5, "Lovely staff"),
    ]
    kept = " ".join(text for _c, _r, text in result.comments)
    assert "neighbour" not in kept and "secret" not in kept and "example.org" not in kept


def test_minimum_desired_and_perceived_means_stay_on_the_survey_scale(survey):
    series = run_import(survey, load_mapping(MAPPING)).series
    assert series["per:reliability"] == [4.0, 2.0, 4.0]
    assert series["exp:reliability"] == [5.0, 4.0, 5.0]
    assert series["min:reliability"] == [4.0, 3.0, 2.0]
    # each rating column's answers in points 0–4, one per respondent (None = no answer)
    assert series["item:reliability:Kept our promise"] == [4.0, 1.0, 3.0]
    assert series["item:reliability:Right first time"] == [2.0, None, 3.0]


def test_comments_are_stored_with_the_survey_and_a_hidden_one_is_left_out_undoably(survey, tmp_path):
    path = tmp_path / "c.rater"
    with create_workbook(path, "Acme") as wb:
        round_id = wb.latest_assessment_id()
        import_into(wb, round_id, survey, load_mapping(MAPPING))
        ops = Operations(wb)
        comments = wb.survey_comments(round_id)
        assert [(c.column, c.row, c.text) for c in comments][:2] == [
            ("What could we do better?", 2, "Faster coffee please"), ("Anything else?", 3, "Bob here: call me on 0123")]
        naming = comments[1]
        seen = []
        ops.subscribe(seen.append)
        ops.set_comment_hidden(naming.id, True)
        assert seen[-1].kind == "comments" and seen[-1].assessment_id == round_id
    with open_workbook(path) as wb:
        data = wb.read_assessment(round_id)
        assert [c.hidden for c in data.comments] == [False, True, False, False]
        ops = Operations(wb)
        ops.set_comment_hidden(naming.id, False)
        ops.undo()
        assert [c.hidden for c in wb.survey_comments(round_id)] == [False, True, False, False]


def test_deleting_a_survey_takes_its_comments_and_undo_brings_them_back(survey, tmp_path):
    with create_workbook(tmp_path / "c.rater", "Acme") as wb:
        round_id = wb.latest_assessment_id()
        ops = Operations(wb)
        survey_id = import_into(wb, round_id, survey, load_mapping(MAPPING)).survey_id
        ops.delete_survey(survey_id)
        assert wb.survey_comments(round_id) == []
        ops.undo()
        assert len(wb.survey_comments(round_id)) == 4


def test_the_round_reads_back_minimum_and_items(survey, tmp_path):
    with create_workbook(tmp_path / "c.rater", "Acme") as wb:
        round_id = wb.latest_assessment_id()
        import_into(wb, round_id, survey, load_mapping(MAPPING))
        (results,) = wb.read_assessment(round_id).surveys
    assert results.minimum == {"reliability": [4.0, 3.0, 2.0]}
    assert results.items[("reliability", "Right first time")] == [2.0, None, 3.0]
