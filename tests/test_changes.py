"""Change notices: kinds, origin, and two drivers on two threads sharing one workbook."""

from __future__ import annotations

import threading

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.changes import Change, ChangeKind
from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook


@pytest.fixture
def ops(tmp_path):
    with create_workbook(tmp_path / "changes.rater", "Acme", framework=FRAMEWORK) as wb:
        yield Operations(wb)


def test_a_change_names_its_kind_round_and_origin(ops):
    heard: list[Change] = []
    ops.subscribe(heard.append)
    first = ops.workbook.latest_assessment_id()
    page = object()
    with ops.acting_as(page):
        ann = ops.add_participant(first, "Ann")
    ops.set_organisation("Acme Two")
    assert [(c.kind, c.assessment_id, c.origin) for c in heard] == [
        (ChangeKind.PARTICIPANTS, first, page), (ChangeKind.ORGANISATION, None, None)]
    assert heard[0] == Change(ChangeKind.PARTICIPANTS, first, (ann,))  # the origin takes no part in equality
    assert heard[0].kind == "participants"  # the string names of the first version still match
    ops.undo()
    ops.undo()
    assert heard[-1].kind == ChangeKind.PARTICIPANTS and heard[-1].origin is None  # undone by the menu, not the page


def test_changes_made_for_a_phone_are_not_undone_from_the_laptop(ops):
    first = ops.workbook.latest_assessment_id()
    ann = ops.add_participant(first, "Ann")
    criterion = ops.workbook.criteria()[0].id
    with ops.acting_as("phone", undoable=False):
        ops.set_grade(ann, criterion, "B")
    assert ops.undo_step.label == "add_participant"
    assert ops.workbook.grades_for(ann)[criterion].grade == "B"


def test_a_listener_runs_after_the_lock_is_released(ops):
    """A listener may wait for another thread's change (the phone server's) without a deadlock."""
    first = ops.workbook.latest_assessment_id()
    finished: list[bool] = []

    def listener(change: Change) -> None:
        if change.kind != ChangeKind.PARTICIPANTS:
            return
        other = threading.Thread(target=lambda: ops.set_organisation("Acme elsewhere"))
        other.start()
        other.join(timeout=5)
        finished.append(not other.is_alive())

    ops.subscribe(listener)
    ops.add_participant(first, "Ann")
    assert finished == [True] and ops.workbook.organisation() == "Acme elsewhere"


def test_changes_from_another_thread_reach_listeners_through_deliver(ops):
    """The GUI installs ``deliver`` to run listeners on its own thread; here a queue stands in for it."""
    first = ops.workbook.latest_assessment_id()
    posted: list = []
    ops.deliver = posted.append
    heard: list[tuple[Change, bool]] = []
    ops.subscribe(lambda change: heard.append((change, threading.current_thread() is threading.main_thread())))
    criterion = ops.workbook.criteria()[0].id
    people = [ops.add_participant(first, name) for name in ("Ann", "Bao")]
    posted.clear()
    heard.clear()

    def phone(person: int, grade: str) -> None:
        with ops.acting_as(f"phone {person}", undoable=False):
            for _ in range(20):
                ops.set_grade(person, criterion, grade)

    workers = [threading.Thread(target=phone, args=(person, grade)) for person, grade in zip(people, "AB")]
    for worker in workers:
        worker.start()
    for _ in range(20):
        ops.set_organisation("Acme")  # the laptop keeps changing things meanwhile
    for worker in workers:
        worker.join()
    assert heard == []  # nothing was told on the changing threads
    for tell in posted:
        tell()
    assert len(heard) == 60 and all(on_main for _change, on_main in heard)
    assert {c.origin for c, _on_main in heard if c.kind == ChangeKind.GRADES} == {f"phone {p}" for p in people}
    assert {p: ops.workbook.grades_for(p)[criterion].grade for p in people} == dict(zip(people, "AB"))


def test_held_announcements_hold_only_this_threads_changes(ops):
    first = ops.workbook.latest_assessment_id()
    heard: list[Change] = []
    ops.subscribe(heard.append)
    with ops.held_announcements() as held:
        other = threading.Thread(target=lambda: ops.add_participant(first, "Bao"))
        other.start()
        other.join()
        ops.add_participant(first, "Ann")
    assert [c.kind for c in heard] == [ChangeKind.PARTICIPANTS] and len(held) == 1


def test_every_public_operation_takes_the_lock():
    unlocked = [name for name, value in vars(Operations).items()
                if callable(value) and not name.startswith("_") and not getattr(value, "one_at_a_time", False)]
    assert unlocked == []
