"""A quick round in the sessions (room voting): one grade per dimension, answers by step, progress.

The grading and workshop sessions without Qt, as the phone server drives them.
"""

from __future__ import annotations

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.changes import ChangeKind
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.operations import Operations
from rater_desktop.sessions.grading import CONTINUUM, DIMENSION, SUMMARY, Answers, ClosedItem, GradingSession, step_key
from rater_desktop.sessions.workshop import finished_voters
from rater_desktop.storage import create_workbook


@pytest.fixture
def ops(tmp_path):
    with create_workbook(tmp_path / "quick.rater", "Acme", framework=FRAMEWORK) as wb:
        first = wb.latest_assessment_id()
        for name in ("Lan", "Minh", "Quang"):
            wb.add_participant(first, name)
        wb.add_time_context(first, "Weekend")
        yield Operations(wb)


def person(ops, name: str) -> int:
    return next(p.id for p in ops.workbook.participants(ops.workbook.latest_assessment_id()) if p.name == name)


def test_a_quick_walk_is_one_grade_per_dimension_then_the_continuum(ops):
    walk = GradingSession(ops, ops.workbook.latest_assessment_id(), quick=True)
    assert [step.kind for step in walk.steps] == [DIMENSION] * 5 + [CONTINUUM] * 6 + [SUMMARY]
    assert [step_key(step) for step in walk.steps[:2]] == ["dimension:reliability", "dimension:assurance"]
    walk.start(person(ops, "Lan"))
    change = walk.give("C", " why ")
    assert (change.kind, change.ids) == (ChangeKind.DIMENSION_GRADES, (person(ops, "Lan"), "reliability"))
    again = Answers.load(ops.workbook, ops.workbook.latest_assessment_id(), person(ops, "Lan"))
    assert again.dimension_grades == {"reliability": ("C", "why")} and again.any()
    assert [p.done for p in walk.progress()] == [1, 0, 0, 0, 0, 0]


def test_answers_by_step_leave_the_walk_where_it_stands(ops):
    walk = GradingSession(ops, ops.workbook.latest_assessment_id(), quick=True,
                          may_answer=lambda step: step.topic != "tangibles")
    walk.start(person(ops, "Minh"))
    walk.answer_at("dimension:empathy", grade="NA", note="new here")
    walk.answer_at("continuum:2:desired", value=6)
    assert walk.index == 0
    assert walk.answers.dimension_grades == {"empathy": ("NA", "new here")}
    assert walk.answers.continuum == {(2, "desired"): 6}
    with pytest.raises(ClosedItem):
        walk.answer_at("dimension:tangibles", grade="A")
    for unknown in ("criterion:1", "summary", "dimension:nonsense"):
        with pytest.raises(KeyError):
            walk.answer_at(unknown, grade="A")


def test_a_quick_workshop_counts_votes_per_dimension_and_the_whole_continuum(ops):
    workshop = ops.workshops.of(ops.workbook.latest_assessment_id())
    workshop.set_mode("quick")
    for name, dimensions in (("Lan", DIMENSION_KEYS), ("Minh", ("empathy",))):
        with ops.acting_as(f"phone {name}", undoable=False):
            walk = workshop.grading_for(person(ops, name))
            for key in dimensions:
                walk.answer_at(f"dimension:{key}", grade="B")
    lan = workshop.grading_for(person(ops, "Lan"))
    for step in lan.steps:
        if step.kind == CONTINUUM:
            lan.answer_at(step_key(step), value=4)
    counts = workshop.votes_per_dimension()
    assert counts == {"reliability": 1, "assurance": 1, "tangibles": 1, "empathy": 2, "responsiveness": 1,
                      "continuum": 1}
    assert [row.status for row in workshop.roster()] == ["done", "waiting", "waiting"]
    assert finished_voters(workshop.data(), ("empathy",), quick=True) == {person(ops, "Lan"), person(ops, "Minh")}


def test_changing_the_mode_is_announced_and_refused_for_anything_unknown(ops):
    workshop = ops.workshops.of(ops.workbook.latest_assessment_id())
    heard = []
    ops.subscribe(lambda change: heard.append(change.kind))
    workshop.set_mode("quick")
    workshop.set_mode("quick")
    assert heard == [ChangeKind.WORKSHOP] and workshop.quick
    with pytest.raises(ValueError):
        workshop.set_mode("fast")
