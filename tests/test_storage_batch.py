"""Many writes as one transaction (``Workbook.batch``), as the demo builder uses it."""

from __future__ import annotations

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.storage import create_workbook, open_workbook


def test_a_batch_lands_whole_and_is_read_back_after_reopening(tmp_path):
    path = tmp_path / "b.rater"
    with create_workbook(path, "Acme", framework=FRAMEWORK) as wb, wb.batch():
        round_id = wb.latest_assessment_id()
        person = wb.add_participant(round_id, "Ana")
        for criterion in wb.criteria():
            wb.set_grade(person, criterion.id, "B", "seen at the counter")
    with open_workbook(path) as wb:
        (person,) = wb.participants(wb.latest_assessment_id())
        assert person.name == "Ana"
        assert len(wb.grades_for(person.id)) == len(FRAMEWORK)


def test_a_failure_inside_a_batch_leaves_none_of_it(tmp_path):
    path = tmp_path / "b.rater"
    with create_workbook(path, "Acme", framework=FRAMEWORK) as wb:
        round_id = wb.latest_assessment_id()
        with pytest.raises(ValueError), wb.batch():
            person = wb.add_participant(round_id, "Ana")
            wb.set_grade(person, wb.criteria()[0].id, "B")
            wb.set_grade(person, wb.criteria()[1].id, "Z")  # refused: not a grade
        assert wb.participants(round_id) == []
        assert wb.raw_where("grades") == []
