"""A workbook from someone else is data, never code, and is never changed by a refusal (issue 12, points 2, 3, 6)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from storage_support import FRAMEWORK, data_dir, digest, sidecars  # noqa: F401  (autouse fixture)

from rater_desktop.cli import run_cli
from rater_desktop.storage import (
    SCHEMA_VERSION,
    DamagedWorkbookError,
    NewerVersionError,
    NotAWorkbookError,
    create_workbook,
    open_workbook,
)
from rater_desktop.storage.errors import ForeignContentError


@pytest.fixture
def graded(tmp_path) -> Path:
    """A closed workbook with 4 grades and a survey-ready round."""
    path = tmp_path / "client.rater"
    with create_workbook(path, "Acme", framework=FRAMEWORK) as book:
        first = book.latest_assessment_id()
        person = book.add_participant(first, "Lan")
        for criterion in book.criteria():
            book.set_grade(person, criterion.id, "B")
    return path


def tamper(path: Path, *statements: str) -> None:
    """Change the file as another program would (no checks, no triggers of ours)."""
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def refused(path: Path, error_type: type, *, read_only: bool) -> str:
    before = digest(path)
    with pytest.raises(error_type) as caught:
        open_workbook(path, read_only=read_only)
    message = str(caught.value)
    assert "\n" not in message and path.name in message
    assert digest(path) == before and sidecars(path) == []
    return message


def grade_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM grades").fetchone()[0]
    finally:
        conn.close()


def survey_files(tmp_path: Path) -> tuple[Path, Path]:
    survey = tmp_path / "survey.csv"
    survey.write_text("Q1\n5\n4\n3\n", encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text('[dimensions]\nreliability = ["Q1"]\n', encoding="utf-8")
    return survey, mapping


@pytest.mark.parametrize("trigger", [
    "CREATE TRIGGER wipe AFTER INSERT ON surveys BEGIN DELETE FROM grades; DELETE FROM participants; END",
    "CREATE TRIGGER again AFTER INSERT ON surveys BEGIN INSERT INTO surveys SELECT * FROM surveys; END",
    "CREATE TRIGGER nag BEFORE INSERT ON surveys BEGIN SELECT RAISE(ABORT, 'Your licence expired: call 555'); END",
])
def test_a_workbook_with_its_own_trigger_is_refused_before_anything_runs(graded, tmp_path, capsys, trigger):
    tamper(graded, trigger)
    for read_only in (False, True):
        assert "trigger" in refused(graded, ForeignContentError, read_only=read_only)
    survey, mapping = survey_files(tmp_path)
    capsys.readouterr()
    assert run_cli(["import", str(graded), str(survey), "--map", str(mapping)]) == 1
    err = capsys.readouterr().err
    assert "was not opened" in err and "licence" not in err and err.count("\n") == 1
    assert grade_count(graded) == 4


@pytest.mark.parametrize("change", [
    "CREATE VIEW everyone AS SELECT * FROM participants",
    "ALTER TABLE participants ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL",
    "CREATE INDEX by_note ON grades(lower(note))",
    "CREATE TABLE extras (x)",
])
def test_views_generated_columns_and_strange_objects_are_refused(graded, change):
    tamper(graded, change)
    assert "was not opened" in refused(graded, ForeignContentError, read_only=True)


def test_a_column_whose_name_changed_case_is_refused_with_a_sentence(graded, capsys):
    tamper(graded, "PRAGMA writable_schema = ON",
           "UPDATE sqlite_master SET sql = replace(sql, 'name TEXT NOT NULL DEFAULT', 'Name TEXT NOT NULL DEFAULT') "
           "WHERE name = 'organisation'")
    assert "organisation" in refused(graded, ForeignContentError, read_only=True)
    capsys.readouterr()
    assert run_cli(["summary", str(graded)]) == 1
    assert "unexpected" not in capsys.readouterr().err


def test_version_0_with_the_tables_already_there_is_refused_and_left_as_it_was(graded):
    tamper(graded, "PRAGMA user_version = 0", "DROP TABLE _sqlite_migrations")
    assert "was not opened" in refused(graded, ForeignContentError, read_only=False)
    conn = sqlite3.connect(graded)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchall() == []
    conn.close()


def test_a_missing_table_is_damage(graded):
    tamper(graded, "DROP TABLE actions")
    assert "actions" in refused(graded, DamagedWorkbookError, read_only=True)


def test_invalid_utf8_in_the_schema_is_refused_with_a_sentence(graded):
    tamper(graded, "CREATE TABLE t (a)", "INSERT INTO t VALUES (NULL)", "PRAGMA writable_schema = ON",
           "UPDATE sqlite_master SET sql = CAST(x'435245415445205441424c4520742822ff22204e4f54204e554c4c29' AS TEXT) "
           "WHERE name = 't'")  # CREATE TABLE t("\xff" NOT NULL): quick_check names the column in bad UTF-8
    assert "table “t”" in refused(graded, ForeignContentError, read_only=True)


def test_invalid_utf8_in_a_value_reads_with_a_replacement_character(graded):
    tamper(graded, "UPDATE organisation SET name = CAST(x'41636d65ff' AS TEXT)")
    with open_workbook(graded, read_only=True) as book:
        assert book.organisation() == "Acme\ufffd"


def killed_writer_wal(path: Path, statements: list[str]) -> bytes:
    """Run ``statements`` on a copy in WAL mode and return the WAL it leaves (as if killed before its checkpoint)."""
    work = path.with_name("writer.rater")
    shutil.copyfile(path, work)
    conn = sqlite3.connect(work)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for statement in statements:
        conn.execute(statement)
        conn.commit()
    wal = Path(f"{work}-wal").read_bytes()
    conn.close()
    work.unlink()
    return wal


def plant_wal(path: Path, wal: bytes) -> None:
    """The main file switched to WAL mode (as the writer's was) with the WAL beside it."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()  # the last connection checkpoints and removes its own (empty) WAL
    Path(f"{path}-wal").write_bytes(wal)


def test_a_newer_version_still_in_the_wal_is_refused_and_the_wal_is_kept(graded):
    wal = killed_writer_wal(graded, [f"PRAGMA user_version = {SCHEMA_VERSION + 1}",
                                     "CREATE TABLE future_things (x)"])
    plant_wal(graded, wal)
    main, companion = digest(graded), digest(Path(f"{graded}-wal"))
    for read_only in (False, True):
        with pytest.raises(NewerVersionError):
            open_workbook(graded, read_only=read_only)
    assert digest(graded) == main and digest(Path(f"{graded}-wal")) == companion


def test_a_foreign_wal_is_never_checkpointed_by_the_check(graded):
    wal = killed_writer_wal(graded, ["CREATE TRIGGER wipe AFTER INSERT ON surveys BEGIN DELETE FROM grades; END"] +
                            [f"INSERT INTO settings VALUES ('pad{i}', '{'x' * 3000}')" for i in range(40)])
    plant_wal(graded, wal)
    main, companion = graded.stat().st_size, Path(f"{graded}-wal").stat().st_size
    with pytest.raises(ForeignContentError):
        open_workbook(graded)
    assert graded.stat().st_size == main and Path(f"{graded}-wal").stat().st_size == companion > 100_000


def test_a_foreign_database_in_disguise_is_refused(tmp_path):
    path = tmp_path / "notes.rater"
    tamper(path, "PRAGMA application_id = 1", "CREATE TABLE notes (body)")
    assert "another program" in refused(path, NotAWorkbookError, read_only=True)


def test_settings_nested_too_deeply_or_too_long_read_as_defaults(graded):
    tamper(graded, "INSERT OR REPLACE INTO settings VALUES ('weights', ?)".replace("?", "'" + "[" * 100_000 + "'"),
           "INSERT OR REPLACE INTO settings VALUES ('gap_threshold', '" + " " * 200_000 + "0.9')")
    with open_workbook(graded, read_only=True) as book:
        data = book.read_assessment(book.latest_assessment_id())
    assert data.weights is None and data.gap_threshold == 0.5


def test_a_pipe_given_as_a_workbook_or_a_mapping_is_refused_without_waiting(tmp_path):
    import os

    from rater_desktop.importing import SurveyImportError, load_mapping
    from rater_desktop.storage import WorkbookAccessError

    pipe = tmp_path / "client.rater"
    os.mkfifo(pipe)
    with pytest.raises(WorkbookAccessError, match="device or a pipe"):
        open_workbook(pipe)
    mapping = tmp_path / "map.toml"
    os.mkfifo(mapping)
    with pytest.raises(SurveyImportError, match="not a file"):
        load_mapping(mapping)


def test_a_schema_sqlite_cannot_parse_and_quotes_in_bad_bytes_is_damage_not_a_crash(graded):
    # SQLite's message names the object; its name is not UTF-8, so Python raises
    # UnicodeDecodeError, not a DatabaseError (found by the fuzz suite).
    tamper(graded, "CREATE TABLE t (a)", "PRAGMA writable_schema = ON",
           "UPDATE sqlite_master SET name = CAST(x'7480' AS TEXT), "
           "sql = CAST(x'435245415445205441424c45207480282c29' AS TEXT) WHERE name = 't'")
    for read_only in (True, False):
        refused(graded, DamagedWorkbookError, read_only=read_only)
