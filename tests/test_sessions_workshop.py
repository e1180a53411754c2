"""The workshop session alone, without Qt: voting turns, sealed results, closed items, reveal, timer.

The last test drives it from a second thread, as the phone server of room
voting will, while the laptop's thread reads it.
"""

from __future__ import annotations

import threading

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.changes import ChangeKind
from rater_desktop.operations import Operations
from rater_desktop.sessions.grading import ClosedItem
from rater_desktop.sessions.workshop import DiscussionTimer, Event, Phase
from rater_desktop.storage import create_workbook

NAMES = ("Lan", "Minh", "Quang")


@pytest.fixture
def ops(tmp_path):
    with create_workbook(tmp_path / "workshop.rater", "Acme", framework=FRAMEWORK) as wb:
        first = wb.latest_assessment_id()
        for name in NAMES:
            wb.add_participant(first, name)
        yield Operations(wb)


def vote_everything(session, grade: str) -> None:
    for index, step in enumerate(session.steps):
        if step.kind in ("criterion", "context"):
            session.go_to(index)
            session.give(grade)


def test_pass_the_laptop_seals_the_results_until_the_reveal(ops):
    round_id = ops.workbook.latest_assessment_id()
    workshop = ops.workshops.of(round_id)
    assert ops.workshops.of(round_id) is workshop and not ops.workshops.sealed(round_id)
    events = []
    ops.subscribe(lambda c: events.append(c.ids[0]) if c.kind == ChangeKind.WORKSHOP else None)
    lan = workshop.suggested()
    assert lan.name == "Lan"
    workshop.hand_over(lan)
    assert ops.workshops.sealed(round_id) and events == [Event.PHASE, Event.ROSTER]
    turn = workshop.start_turn()
    assert turn.participant.name == "Lan"
    vote_everything(turn, "A")
    following = workshop.voter_finished(turn.finish())
    assert following.name == "Minh" and workshop.turn is None
    assert [(row.participant.name, row.status) for row in workshop.roster()] == [
        ("Lan", "done"), ("Minh", "waiting"), ("Quang", "waiting")]
    assert workshop.current_reveal() is None  # sealed: no reveal yet

    queue = workshop.open_reveal()
    assert not ops.workshops.sealed(round_id) and workshop.phase == Phase.DISCUSSION
    assert [item.dimension for item in queue] == ["reliability", "tangibles", "empathy"]
    shown, _reasons = workshop.current_reveal()
    assert shown.dimension == "reliability" and shown.withheld  # one voter: only the team mean
    workshop.revote("tangibles")
    assert ops.workshops.sealed(round_id) and workshop.voted_now == set() and workshop.phase == Phase.VOTING
    again = workshop.grading_for(lan.id)  # vouched by the facilitator; starts on the re-voted dimension
    assert again.step.topic == "tangibles" and again.answers.grade_of(again.step) == ("A", "")


def test_the_discussion_queue_does_not_give_away_two_voters_disagreement(ops):
    """Lan A and Minh F on everything, Quang nothing: a spread of two scores is the two scores."""
    round_id = ops.workbook.latest_assessment_id()
    workshop = ops.workshops.of(round_id)
    for grade in ("A", "F"):
        workshop.hand_over(workshop.suggested())
        turn = workshop.start_turn()
        vote_everything(turn, grade)
        workshop.voter_finished(turn.finish())
    queue = workshop.open_reveal()
    assert queue and all(item.spread is None and "disagreement" not in item.reasons for item in queue)


def test_a_closed_item_takes_no_more_answers_from_anyone(ops):
    workshop = ops.workshops.of(ops.workbook.latest_assessment_id())
    minh = next(p for p in workshop.data().participants if p.name == "Minh")
    workshop.set_item_closed("reliability", True)
    turn = workshop.grading_for(minh.id)
    with pytest.raises(ClosedItem):
        turn.give("B")
    workshop.set_item_closed("reliability", False)
    assert turn.give("B") is not None


def test_the_timer_counts_down_on_its_clock_and_says_when_time_is_up():
    now = [100.0]
    timer = DiscussionTimer(minutes=2, clock=lambda: now[0])
    timer.start()
    assert timer.text() == "2:00" and timer.running
    now[0] += 30.2
    timer.pause()
    assert timer.text() == "1:30" and not timer.running
    now[0] += 500
    assert timer.text() == "1:30"  # paused: no time passes
    timer.start()
    now[0] += 90
    assert timer.poll() and timer.time_up and timer.text() == "" and not timer.poll()


def test_phones_join_and_vote_from_another_thread_while_the_laptop_reads(ops):
    round_id = ops.workbook.latest_assessment_id()
    workshop = ops.workshops.of(round_id)
    people = workshop.data().participants
    errors = []

    def phone(person) -> None:
        try:
            workshop.join(person.id)
            with ops.acting_as(f"phone {person.name}", undoable=False):
                turn = workshop.grading_for(person.id)
                vote_everything(turn, "B")
                workshop.voter_finished(turn.finish())
        except Exception as error:  # reported below, on the test's thread
            errors.append(error)

    phones = [threading.Thread(target=phone, args=(person,)) for person in people]
    for thread in phones:
        thread.start()
    while any(thread.is_alive() for thread in phones):
        workshop.roster()  # the laptop keeps drawing the roster meanwhile
    assert errors == []
    assert workshop.joined == {p.id for p in people} and ops.workshops.sealed(round_id)
    assert workshop.votes_per_dimension()["reliability"] == 3 and not ops.can_undo
