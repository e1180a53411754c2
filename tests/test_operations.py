"""The operations layer: each change saved, announced, and undoable."""

from __future__ import annotations

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop import model
from rater_desktop.operations import Change, Operations
from rater_desktop.storage import create_workbook, open_workbook


@pytest.fixture
def ops(tmp_path):
    with create_workbook(tmp_path / "ops.rater", "Acme", framework=FRAMEWORK) as wb:
        yield Operations(wb)


@pytest.fixture
def seen(ops):
    changes: list[Change] = []
    ops.subscribe(changes.append)
    return changes


def test_grade_and_note_changes_undo_one_at_a_time(ops, seen):
    wb = ops.workbook
    first = wb.latest_assessment_id()
    ann = ops.add_participant(first, "Ann")
    rel = wb.criteria()[0].id
    ops.set_grade(ann, rel, "B")
    ops.set_grade(ann, rel, "B", "late twice")
    ops.set_grade(ann, rel, "D", "late twice")
    assert ops.undo_step.label == "set_grade"

    assert ops.undo() == Change("grades", first, (ann, rel))
    assert wb.grades_for(ann) == {rel: model.Grade(ann, rel, "B", "late twice")}
    ops.undo()
    assert wb.grades_for(ann) == {rel: model.Grade(ann, rel, "B", "")}
    ops.undo()
    assert wb.grades_for(ann) == {}
    ops.redo()
    assert wb.grades_for(ann)[rel].grade == "B"
    kinds = [c.kind for c in seen]
    assert kinds == ["participants"] + ["grades"] * 7  # three sets, three undos, one redo


def test_undoing_a_participant_delete_brings_back_their_answers(ops):
    wb = ops.workbook
    first = wb.latest_assessment_id()
    ann = ops.add_participant(first, "Ann", "Manager")
    rel, _, _, emp = (c.id for c in wb.criteria())
    ops.set_grade(ann, rel, "A", "proof")
    ops.set_grade(ann, emp, "NA")
    ops.set_continuum(ann, 3, "current", 2)
    peak = ops.add_time_context(first, "Peak")
    ops.set_context_grade(ann, peak, "empathy", "C")
    before = wb.read_assessment(first)

    ops.delete_participant(ann)
    assert wb.read_assessment(first).participants == ()
    ops.undo()
    assert wb.read_assessment(first) == before
    ops.redo()
    assert wb.read_assessment(first).grades == ()


def test_participant_rename_and_add_undo(ops):
    wb = ops.workbook
    first = wb.latest_assessment_id()
    ann = ops.add_participant(first, "Ann")
    ops.update_participant(ann, name="Anne", role="Lead")
    assert [(p.name, p.role) for p in wb.participants(first)] == [("Anne", "Lead")]
    ops.undo()
    assert [(p.name, p.role) for p in wb.participants(first)] == [("Ann", "")]
    ops.undo()
    assert wb.participants(first) == []
    ops.redo()
    assert [p.id for p in wb.participants(first)] == [ann]  # same id: later undo records stay valid


def test_consensus_undo_restores_grade_and_rationale(ops, seen):
    wb = ops.workbook
    first = wb.latest_assessment_id()
    ops.set_consensus(first, "reliability", "C", "we agreed")
    ops.set_consensus(first, "reliability", "B", "after discussion")
    ops.set_consensus(first, "reliability", None)
    assert wb.read_assessment(first).consensus == ()
    ops.undo()
    assert wb.read_assessment(first).consensus == (model.Consensus("reliability", "B", "after discussion"),)
    ops.undo()
    assert wb.read_assessment(first).consensus == (model.Consensus("reliability", "C", "we agreed"),)
    assert seen[-1] == Change("consensus", first, ("reliability", None))


def test_criterion_hide_move_and_restore_undo(ops):
    wb = ops.workbook
    promise, first_time = (c.id for c in wb.criteria()[:2])
    ops.move_criterion(first_time, 0)
    assert [c.id for c in wb.criteria()[:2]] == [first_time, promise]
    ops.set_criterion_hidden(promise, True)
    ops.restore_builtin_criteria(FRAMEWORK)
    assert promise in {c.id for c in wb.criteria()}
    ops.undo()
    assert promise not in {c.id for c in wb.criteria()}
    ops.undo()
    ops.undo()
    assert [c.id for c in wb.criteria()[:2]] == [promise, first_time]


def test_failed_change_records_nothing_and_tells_nobody(ops, seen):
    first = ops.workbook.latest_assessment_id()
    ann = ops.add_participant(first, "Ann")
    with pytest.raises(ValueError):
        ops.set_grade(ann, ops.workbook.criteria()[0].id, "Z")
    assert ops.undo_step.label == "add_participant" and len(seen) == 1


def test_undo_of_round_delete_restores_everything_in_it(ops, tmp_path):
    wb = ops.workbook
    first = wb.latest_assessment_id()
    ann = ops.add_participant(first, "Ann")
    ops.set_grade(ann, wb.criteria()[0].id, "F")
    ops.add_action(first, "Train the team", dimension="assurance")
    ops.add_survey(first, source_name="s.csv", file_hash="h", row_count=2, mapping_toml="", scale_min=1,
                   scale_max=5, series={"dim:assurance": [1.0, None]})
    before = wb.read_assessment(first)
    ops.delete_assessment(first)
    assert wb.assessments() == []
    ops.undo()
    assert wb.read_assessment(first) == before
    wb.close()
    with open_workbook(tmp_path / "ops.rater") as again:  # undo was saved to the file
        assert again.read_assessment(first) == before


def test_nothing_to_undo(ops):
    assert (ops.can_undo, ops.undo_step, ops.undo(), ops.redo()) == (False, None, None, None)


def test_unsubscribed_listener_is_not_called(ops):
    calls: list[Change] = []
    stop = ops.subscribe(calls.append)
    ops.set_organisation("Beta")
    stop()
    ops.set_organisation("Gamma")
    assert calls == [Change("organisation", None)]
    ops.undo()
    assert ops.workbook.organisation() == "Beta"


def test_held_announcements_are_collected_then_announced_once(tmp_path):
    from rater_desktop.operations import Operations
    from rater_desktop.storage import create_workbook

    with create_workbook(tmp_path / "held.rater", framework=[]) as workbook:
        operations = Operations(workbook)
        heard = []
        operations.subscribe(heard.append)
        with operations.held_announcements() as held:
            operations.set_organisation("Later Ltd")
        assert heard == [] and [c.kind for c in held] == ["organisation"]
        for change in held:
            operations.announce(change)
        assert heard == held
        operations.undo()
        assert [c.kind for c in heard] == ["organisation", "organisation"]
