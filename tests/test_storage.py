"""Creating, opening, reading and writing workbooks (DESIGN §4)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date

import pytest
from storage_support import FRAMEWORK, data_dir, digest, sidecars  # noqa: F401  (autouse fixture)

from rater_desktop import model
from rater_desktop.storage import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    WorkbookAccessError,
    create_workbook,
    open_workbook,
)
from rater_desktop.storage.backups import list_backups


@pytest.fixture
def book(tmp_path):
    with create_workbook(tmp_path / "acme.rater", "Acme Ltd", framework=FRAMEWORK) as wb:
        yield wb


def header_ints(path) -> tuple[int, int]:
    head = path.read_bytes()[:100]
    return int.from_bytes(head[68:72], "big"), int.from_bytes(head[60:64], "big")


def test_new_workbook_has_framework_in_dimension_order_and_one_round_dated_today(tmp_path):
    path = tmp_path / "new.rater"
    with create_workbook(path, "Acme Ltd", framework=FRAMEWORK) as wb:
        assert wb.organisation() == "Acme Ltd"
        assert [(a.name, a.date) for a in wb.assessments()] == [("Round 1", date.today().isoformat())]
        assert [c.builtin_key for c in wb.criteria()] == ["rel.promise", "rel.first", "tan.premises", "emp.listen"]
        assert [c.position for c in wb.criteria()] == [0, 1, 0, 0]
        assert wb.criteria()[0].hint_a == "always"
        assert wb._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert wb._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert header_ints(path) == (APPLICATION_ID, SCHEMA_VERSION)
    assert sidecars(path) == []  # closed: WAL folded back, one self-contained file


def test_every_table_round_trips_through_close_and_reopen(tmp_path):
    path = tmp_path / "full.rater"
    with create_workbook(path, "Acme", framework=FRAMEWORK) as wb:
        rel, _, tan, emp = (c.id for c in wb.criteria())
        first = wb.latest_assessment_id()
        wb.update_assessment(first, name="Spring review", date="2026-04-01", notes="kick-off")
        older = wb.add_assessment("Autumn review", "2025-10-01")
        ann = wb.add_participant(first, "Ann", "Manager")
        bob = wb.add_participant(first, "Bob")
        wb.set_grade(ann, rel, "B", "two late deliveries")
        wb.set_grade(bob, rel, "NA")
        wb.set_grade(bob, emp, "A")
        peak = wb.add_time_context(first, "Weekday peak")
        wb.set_context_grade(ann, peak, "responsiveness", "D", "queues")
        wb.set_continuum(ann, 2, "desired", 6)
        wb.set_consensus(first, "reliability", "C", "we agreed C")
        wb.set_consensus(first, "tangibles", "B", criterion_id=tan)
        action = wb.add_action(first, "Call back within a day", dimension="empathy", owner="Lead",
                               due="2026-06-30", target_grade="B")
        survey = wb.add_survey(first, source_name="forms.csv", file_hash="abc", row_count=3, mapping_toml="[scale]",
                               scale_min=1, scale_max=5,
                               series={"dim:reliability": [0.0, None, 4.0], "per:reliability": [1.0, 5.0, None],
                                       "kpi:nps": [10.0, 3.0, None], "kpi:fcr": [1.0, 0.0, None]})
        wb.set_setting("weights", {"reliability": 30, "assurance": 20, "tangibles": 10, "empathy": 20,
                                   "responsiveness": 20})
        wb.set_setting("gap_threshold", 0.75)
        wb.set_setting("show_names", True)
        wb.set_organisation("Acme Holdings")

    with open_workbook(path) as wb:
        assert [a.name for a in wb.assessments()] == ["Autumn review", "Spring review"]
        assert wb.latest_assessment_id() == first
        data = wb.read_assessment(first)
        assert data.organisation == "Acme Holdings"
        assert data.assessment == model.Assessment(first, "Spring review", "2026-04-01", "kick-off")
        assert data.participants == (model.Participant(ann, "Ann", "Manager", 0), model.Participant(bob, "Bob", "", 1))
        assert data.grades == (model.Grade(ann, rel, "B", "two late deliveries"), model.Grade(bob, rel, "NA"),
                               model.Grade(bob, emp, "A"))
        assert data.contexts == (model.TimeContext(peak, "Weekday peak", 0),)
        assert data.context_grades == (model.ContextGrade(ann, peak, "responsiveness", "D", "queues"),)
        assert data.continuum == (model.ContinuumAnswer(ann, 2, "desired", 6),)
        assert data.consensus == (model.Consensus("reliability", "C", "we agreed C"),
                                  model.Consensus("tangibles", "B", "", tan))
        assert data.actions == (model.Action(action, "empathy", None, "Call back within a day", "Lead", "2026-06-30",
                                             "B", "open", ""),)
        (results,) = data.surveys
        assert (results.id, results.source_name, results.row_count, results.scale_min) == (survey, "forms.csv", 3, 1.0)
        assert results.dimension_scores == {"reliability": [0.0, None, 4.0]}
        assert results.perception == {"reliability": [1.0, 5.0, None]}
        assert results.nps == [10.0, 3.0, None] and results.fcr == [True, False, None]
        assert data.weights == {"reliability": 30.0, "assurance": 20.0, "tangibles": 10.0, "empathy": 20.0,
                                "responsiveness": 20.0}
        assert (data.gap_threshold, data.show_names) == (0.75, True)
        assert wb.surveys(first)[0]["mapping"] == "[scale]"
        assert wb.find_survey_by_hash(first, "abc") == survey and wb.find_survey_by_hash(older, "abc") is None
        assert wb.read_assessment(older).participants == ()


def test_none_removes_an_answer_and_bad_values_are_refused(book):
    first = book.latest_assessment_id()
    ann = book.add_participant(first, "Ann")
    rel = book.criteria()[0].id
    book.set_grade(ann, rel, "C", "note")
    book.set_grade(ann, rel, None)
    assert book.grades_for(ann) == {}
    with pytest.raises(ValueError):
        book.set_grade(ann, rel, "Z")
    with pytest.raises(ValueError):
        book.set_continuum(ann, 1, "current", 8)
    with pytest.raises(ValueError):
        book.add_participant(first, "Ann")
    with pytest.raises(ValueError):
        book.add_assessment("Later", "31/12/2026")
    assert book.grades_for(ann) == {} and [p.name for p in book.participants(first)] == ["Ann"]


def test_deleting_a_participant_removes_their_answers(book):
    first = book.latest_assessment_id()
    ann = book.add_participant(first, "Ann")
    book.set_grade(ann, book.criteria()[0].id, "A")
    book.set_continuum(ann, 1, "current", 3)
    book.delete_participant(ann)
    data = book.read_assessment(first)
    assert (data.participants, data.grades, data.continuum) == ((), (), ())


def test_hidden_criteria_and_their_grades_leave_the_analysis_until_restored(book):
    first = book.latest_assessment_id()
    ann = book.add_participant(first, "Ann")
    promise = book.criteria()[0].id
    book.set_grade(ann, promise, "A")
    book.set_criterion_hidden(promise, True)
    assert promise not in {c.id for c in book.criteria()}
    assert book.read_assessment(first).grades == ()
    assert book.restore_builtin_criteria(FRAMEWORK) == [promise]
    assert book.read_assessment(first).grades == (model.Grade(ann, promise, "A"),)


def test_move_criterion_renumbers_within_its_dimension(book):
    own = book.add_criterion("reliability", "We confirm every booking.")
    book.move_criterion(own, 0)
    assert [(c.text, c.position) for c in book.criteria() if c.dimension == "reliability"] == [
        ("We confirm every booking.", 0), ("We do what we promised.", 1), ("We get it right first time.", 2)]


def test_a_large_survey_round_trips_exactly(book):
    first = book.latest_assessment_id()
    values = [None if i % 7 == 0 else (i % 5) * 1.0 for i in range(100_000)]
    series = {f"dim:{key}": values for key in model.DIMENSION_KEYS}
    book.add_survey(first, source_name="big.csv", file_hash="h", row_count=100_000, mapping_toml="",
                    scale_min=1, scale_max=5, series=series)
    (results,) = book.read_assessment(first).surveys
    assert results.dimension_scores["empathy"] == values
    assert results.dimension_scores["empathy"].count(None) == 14286


def test_read_only_workbook_refuses_writes_and_leaves_the_file_alone(tmp_path):
    path = tmp_path / "ro.rater"
    create_workbook(path, "Acme", framework=FRAMEWORK).close()
    before = digest(path)
    with open_workbook(path, read_only=True) as wb:
        assert wb.read_only and wb.organisation() == "Acme"
        with pytest.raises(WorkbookAccessError, match="read-only"):
            wb.set_organisation("Other")
    assert digest(path) == before and sidecars(path) == []


def test_save_copy_writes_a_single_file_workbook_with_the_same_content(book, tmp_path):
    first = book.latest_assessment_id()
    book.add_participant(first, "Ann")
    copy = tmp_path / "copies" / "copy.rater"
    copy.parent.mkdir()
    book.save_copy(copy)
    assert sidecars(copy) == []
    with open_workbook(copy, read_only=True) as other:
        assert [p.name for p in other.participants(first)] == ["Ann"]
        assert other.organisation() == "Acme Ltd"
    with pytest.raises(WorkbookAccessError):
        book.save_copy(book.path)


def test_backups_rotate_to_the_newest_five(tmp_path, data_dir):
    path = tmp_path / "rotate.rater"
    create_workbook(path, framework=FRAMEWORK).close()
    for round_no in range(7):
        with open_workbook(path) as wb:
            wb.set_organisation(f"Org {round_no}")
    backups = list_backups(path)
    assert len(backups) == 5
    assert all(data_dir in b.parents for b in backups)
    # the newest backup was taken when the last open began: it holds the name set just before
    newest = sqlite3.connect(backups[-1])
    assert newest.execute("SELECT name FROM organisation").fetchone() == ("Org 5",)
    newest.close()


def test_importing_storage_does_not_import_sqlite_utils():
    code = "import sys, rater_desktop.storage, rater_desktop.operations; print('sqlite_utils' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_default_framework_is_the_builtin_english_bank(tmp_path):
    from rater_desktop.framework import builtin_criteria

    bank = builtin_criteria(lang="en")
    with create_workbook(tmp_path / "default.rater") as wb:
        stored = wb.criteria()
        assert len(stored) == len(bank)
        assert {c.builtin_key for c in stored} == {item["builtin_key"] for item in bank}
        assert [c.dimension for c in stored] == sorted(
            (c.dimension for c in stored), key=model.DIMENSION_KEYS.index)
