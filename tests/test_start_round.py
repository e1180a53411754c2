"""Starting a new round from an earlier one: what is copied, what is not, undo/redo."""

from __future__ import annotations

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.operations import Change, Operations
from rater_desktop.storage import create_workbook


@pytest.fixture
def ops(tmp_path):
    with create_workbook(tmp_path / "rounds.rater", "Acme", framework=FRAMEWORK) as wb:
        yield Operations(wb)


def _first_round(ops):
    wb = ops.workbook
    first = wb.latest_assessment_id()
    wb.update_assessment(first, date="2026-01-15")
    ann = wb.add_participant(first, "Ann", "Owner")
    wb.add_participant(first, "Bao", "Barista")
    context = wb.add_time_context(first, "Weekday peak")
    criterion = wb.criteria()[0].id
    wb.set_grade(ann, criterion, "B")
    wb.set_context_grade(ann, context, "reliability", "C")
    wb.set_consensus(first, "reliability", "B", "agreed")
    wb.add_action(first, "Open one", dimension="reliability", criterion_id=criterion, owner="Ann",
                  due="2026-06-30", target_grade="A", notes="first try")
    wb.add_action(first, "Going on", dimension="empathy", status="in_progress")
    wb.add_action(first, "Finished", dimension="tangibles", status="done")
    wb.add_action(first, "Given up", status="dropped")
    return first, criterion


def test_copies_people_situations_and_unfinished_actions_only(ops):
    first, criterion = _first_round(ops)
    seen = []
    ops.subscribe(seen.append)
    new = ops.start_round_from(first, "Next quarter", "2026-07-01", "Carried over from the first round.")
    wb = ops.workbook
    assert seen == [Change("assessments", new, (new,))]
    assert [(a.name, a.date) for a in wb.assessments()][-1] == ("Next quarter", "2026-07-01")
    assert [(p.name, p.role) for p in wb.participants(new)] == [("Ann", "Owner"), ("Bao", "Barista")]
    assert [c.name for c in wb.time_contexts(new)] == ["Weekday peak"]
    carried = wb.actions(new)
    assert [(a.title, a.status) for a in carried] == [("Open one", "open"), ("Going on", "in_progress")]
    one = carried[0]
    assert (one.dimension, one.criterion_id, one.owner, one.due, one.target_grade) == (
        "reliability", criterion, "Ann", "2026-06-30", "A")
    assert one.notes == "first try\nCarried over from the first round."
    assert carried[1].notes == "Carried over from the first round."
    data = wb.read_assessment(new)
    assert data.grades == () and data.context_grades == () and data.consensus == () and data.surveys == ()
    assert len(wb.actions(first)) == 4  # the source round is untouched


def test_undo_removes_the_whole_round_and_redo_brings_it_back(ops):
    first, _ = _first_round(ops)
    new = ops.start_round_from(first, "Next quarter", "2026-07-01")
    assert ops.undo_step.label == "start_round_from"
    ops.undo()
    wb = ops.workbook
    assert [a.id for a in wb.assessments()] == [first]
    assert wb.participants(new) == [] and wb.actions(new) == []
    ops.redo()
    assert [a.id for a in wb.assessments()] == [first, new]
    assert [p.name for p in wb.participants(new)] == ["Ann", "Bao"]
    assert [a.title for a in wb.actions(new)] == ["Open one", "Going on"]


def test_refuses_an_unknown_round_and_a_blank_name_without_writing(ops):
    first, _ = _first_round(ops)
    with pytest.raises(KeyError):
        ops.start_round_from(999, "Next", "2026-07-01")
    with pytest.raises(ValueError):
        ops.start_round_from(first, "  ", "2026-07-01")
    assert [a.id for a in ops.workbook.assessments()] == [first]
    assert not ops.can_undo
