"""The grading session alone, without Qt: the walk, one person's answers, privacy, resume."""

from __future__ import annotations

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.changes import ChangeKind
from rater_desktop.operations import Operations
from rater_desktop.sessions.grading import (
    CONTEXT,
    CONTINUUM,
    CRITERION,
    SUMMARY,
    ClosedItem,
    GradingSession,
    PrivateAnswers,
)
from rater_desktop.storage import create_workbook


@pytest.fixture
def ops(tmp_path):
    with create_workbook(tmp_path / "walk.rater", "Acme", framework=FRAMEWORK) as wb:
        first = wb.latest_assessment_id()
        for name in ("Lan", "Minh"):
            wb.add_participant(first, name)
        wb.add_time_context(first, "Weekend")
        yield Operations(wb)


def people(ops) -> dict[str, int]:
    return {p.name: p.id for p in ops.workbook.participants(ops.workbook.latest_assessment_id())}


def test_steps_go_dimension_by_dimension_then_continuum_then_summary(ops):
    session = GradingSession(ops, ops.workbook.latest_assessment_id())
    kinds = [(step.kind, step.topic) for step in session.steps]
    # reliability: two statements + the weekend; assurance: only the weekend (no statements); ...
    assert kinds[:4] == [(CRITERION, "reliability"), (CRITERION, "reliability"), (CONTEXT, "reliability"),
                         (CONTEXT, "assurance")]
    assert [k for k, _topic in kinds].count(CONTINUUM) == 6 and kinds[-1] == (SUMMARY, None)
    assert session.step is None  # nobody is grading yet


def test_answers_are_saved_with_the_session_as_origin_and_progress_counts_them(ops):
    session = GradingSession(ops, ops.workbook.latest_assessment_id())
    heard = []
    ops.subscribe(heard.append)
    lan = people(ops)["Lan"]
    session.start(lan)
    session.give("B", " too slow ")
    session.go_next()
    session.give("NA")
    assert ops.workbook.grades_for(lan)[session.steps[0].criterion.id].note == "too slow"
    assert [c.kind for c in heard] == [ChangeKind.GRADES, ChangeKind.GRADES]
    assert all(c.origin is session for c in heard)
    assert session.progress()[0].done == 2 and session.progress()[0].total == 3
    assert session.open_items()["reliability"] == 1
    session.go_to(len(session.steps) - 7)
    assert session.step.kind == CONTINUUM
    session.place(6)
    assert session.answers.value_of(session.step) == 6


def test_saved_answers_open_only_when_someone_vouches_for_their_owner(ops):
    session = GradingSession(ops, ops.workbook.latest_assessment_id())
    ids = people(ops)
    session.start(ids["Lan"])
    session.give("A")
    assert session.finish() == ids["Lan"] and session.thanked == "Lan" and session.answers is None
    assert session.needs_vouching(ids["Lan"]) and not session.needs_vouching(ids["Minh"])
    with pytest.raises(PrivateAnswers):
        session.start(ids["Lan"])
    assert session.answers is None
    session.start(ids["Minh"])  # nothing saved: opens freely, and holds Minh's answers only
    assert session.answers.grades == {}
    session.start(ids["Lan"], vouched=True)
    assert session.answers.grades == {session.steps[0].criterion.id: ("A", "")}


def test_a_returning_participant_resumes_where_they_stood(ops):
    round_id = ops.workbook.latest_assessment_id()
    lan = people(ops)["Lan"]
    first = GradingSession(ops, round_id)
    first.start(lan)
    first.give("C")
    first.go_next()
    first.go_next()
    first.stop()
    again = GradingSession(ops, round_id)
    again.start(lan, vouched=True)
    assert again.index == 2


def test_an_undo_elsewhere_is_followed_and_the_step_shown(ops):
    session = GradingSession(ops, ops.workbook.latest_assessment_id())
    session.start(people(ops)["Lan"])
    session.give("A")
    session.go_next()
    undone = ops.undo()  # the Edit menu, not the session
    assert session.follow(undone) and session.index == 0 and session.answers.grades == {}
    assert not session.follow(session.give("B"))  # its own change: nothing new to show


def test_a_closed_item_refuses_answers(ops):
    session = GradingSession(ops, ops.workbook.latest_assessment_id(), may_answer=lambda step: step.topic != "reliability")
    lan = people(ops)["Lan"]
    session.start(lan)
    with pytest.raises(ClosedItem):
        session.give("A")
    assert ops.workbook.grades_for(lan) == {}


def test_a_participant_removed_meanwhile_stops_the_session(ops):
    session = GradingSession(ops, ops.workbook.latest_assessment_id())
    lan = people(ops)["Lan"]
    session.start(lan)
    ops.delete_participant(lan)
    assert not session.reload() and session.answers is None
