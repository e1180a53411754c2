"""Rounds in their time: the report card of every round up to a chosen one, in date order."""

from __future__ import annotations

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.history import rounds_up_to
from rater_desktop.storage import create_workbook


@pytest.fixture
def book(tmp_path):
    with create_workbook(tmp_path / "h.rater", "Cafe", framework=FRAMEWORK) as workbook:
        spring = workbook.latest_assessment_id()
        workbook.update_assessment(spring, name="Spring", date="2026-04-01")
        autumn = workbook.add_assessment("Autumn", "2026-10-01")
        winter = workbook.add_assessment("Winter before", "2025-12-01")  # entered late, dated first
        person = workbook.add_participant(autumn, "Lan")
        workbook.set_grade(person, workbook.criteria()[0].id, "A")
        yield workbook, {"spring": spring, "autumn": autumn, "winter": winter}


def test_rounds_up_to_a_round_stop_there_in_date_order(book):
    workbook, ids = book
    assert [r.assessment.name for r in rounds_up_to(workbook, ids["spring"])] == ["Winter before", "Spring"]
    assert [r.assessment.name for r in rounds_up_to(workbook, ids["winter"])] == ["Winter before"]
    latest = rounds_up_to(workbook)
    assert [r.assessment.name for r in latest] == ["Winter before", "Spring", "Autumn"]
    assert latest[-1].card.overall_internal.grade == "A" and latest[-1].data.participants[0].name == "Lan"


def test_unknown_round_or_empty_workbook_is_a_sentence(book, tmp_path):
    workbook, _ids = book
    with pytest.raises(ValueError, match="no assessment round with id 99"):
        rounds_up_to(workbook, 99)
    with create_workbook(tmp_path / "empty.rater", "Cafe", framework=FRAMEWORK) as empty:
        empty.delete_assessment(empty.latest_assessment_id())
        with pytest.raises(ValueError, match="no assessment rounds yet"):
            rounds_up_to(empty)
