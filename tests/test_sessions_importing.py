"""The import session alone, without Qt: reading a preview, a stale one dropped, the mapping,
the check, the import with its notices held for the driver, cancelling, and reusing a mapping."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from generated_survey import MAPPING, write_survey
from storage_support import data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.changes import ChangeKind
from rater_desktop.importing import ImportCancelled, load_mapping
from rater_desktop.operations import Operations
from rater_desktop.sessions.importing import ImportSession
from rater_desktop.storage import create_workbook

ROWS = 40


@pytest.fixture
def ops(tmp_path):
    with create_workbook(tmp_path / "shop.rater", "Corner Shop") as workbook:
        yield Operations(workbook)


@pytest.fixture
def survey(tmp_path):
    return write_survey(tmp_path / "survey.csv", ROWS)


def read(session, job):
    """Run a preview job here, as a driver would on its worker thread, and hand the outcome back."""
    outcome = job.work()
    assert session.preview_ready(job.generation, outcome)
    return outcome


def parts_of(mapping):
    return SimpleNamespace(dimensions=mapping.dimensions, expectations=mapping.expectations,
                           minimum=mapping.minimum, comments=mapping.comments, kpis=mapping.kpis, reverse=())


def import_survey(session, mapping):
    session.mapping = session.mapping_from(parts_of(mapping), mapping.scale)
    progress: list[int] = []
    session.checked(session.check_job(progress.append)())
    assert session.check.ok and session.check.row_count == ROWS and progress[-1] == 1000
    return session.import_job(progress.append)()


def test_a_file_is_read_with_its_columns_suggested(ops, survey):
    session = ImportSession(ops, ops.workbook.latest_assessment_id())
    job = session.open_file(survey)
    assert session.loading and session.table is None
    outcome = read(session, job)
    assert not session.loading and session.table.headers[:4] == ["Respondent", "Timestamp", "Email", "R1"]
    assert outcome.reuse is None and len(session.guesses) == len(session.table.headers)


def test_a_preview_for_settings_changed_since_is_dropped(ops, survey):
    session = ImportSession(ops, ops.workbook.latest_assessment_id())
    first = session.open_file(survey)
    second = session.set_source(session.source)
    assert not session.preview_ready(first.generation, first.work())
    assert session.table is None and session.loading
    read(session, second)
    assert session.table is not None


def test_the_import_stores_the_survey_and_leaves_the_telling_to_the_driver(ops, survey):
    round_id = ops.workbook.latest_assessment_id()
    session = ImportSession(ops, round_id)
    read(session, session.open_file(survey))
    heard = []
    ops.subscribe(heard.append)
    result, changes = import_survey(session, load_mapping(MAPPING))
    assert heard == [] and [c.kind for c in changes] == [ChangeKind.SURVEYS]
    assert ops.workbook.surveys(round_id)[0]["row_count"] == ROWS
    session.imported(result, changes)
    assert [c.kind for c in heard] == [ChangeKind.SURVEYS] and session.result.survey_id == result.survey_id
    assert session.is_duplicate(result)
    ops.undo()
    assert ops.workbook.surveys(round_id) == []


def test_a_cancelled_import_stores_nothing(ops, survey):
    round_id = ops.workbook.latest_assessment_id()
    session = ImportSession(ops, round_id)
    read(session, session.open_file(survey))
    session.mapping = load_mapping(MAPPING)
    job = session.import_job(lambda _permille: session.cancel.set())
    with pytest.raises(ImportCancelled):
        job()
    assert ops.workbook.surveys(round_id) == []


def test_the_last_surveys_mapping_is_offered_for_a_file_of_the_same_shape(ops, survey, tmp_path):
    round_id = ops.workbook.latest_assessment_id()
    first = ImportSession(ops, round_id)
    read(first, first.open_file(survey))
    first.imported(*import_survey(first, load_mapping(MAPPING)))
    again = ImportSession(ops, round_id)
    outcome = read(again, again.open_file(write_survey(tmp_path / "june.csv", ROWS, seed=7)))
    assert outcome.reuse is not None and outcome.reuse[0] == "survey.csv"
    assert outcome.reuse[1].dimensions == load_mapping(MAPPING).dimensions
    elsewhere = load_mapping(MAPPING.replace('"R1"', '"Q99"'))
    assert again.fits(load_mapping(MAPPING)) and not again.fits(elsewhere)
