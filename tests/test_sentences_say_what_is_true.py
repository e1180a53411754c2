"""Refusals and reports say what is true, in good grammar (messages found wrong by a newcomer)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.cli import run_cli
from rater_desktop.importing import SurveyImportError, load_mapping
from rater_desktop.storage import create_workbook, open_workbook
from rater_desktop.storage.backups import backup_folder
from rater_desktop.storage.errors import DamagedWorkbookError, ForeignContentError

MAPPING = "[dimensions]\nempathy = ['Q1']\n"


def tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.fixture
def book(tmp_path) -> Path:
    path = tmp_path / "client.rater"
    create_workbook(path, "Acme", framework=FRAMEWORK).close()
    return path


def refusal(path: Path, error_type: type) -> str:
    with pytest.raises(error_type) as caught:
        open_workbook(path, read_only=True)
    return str(caught.value)


def test_a_reset_version_number_is_named_not_its_normal_index(book):
    tamper(book, "PRAGMA user_version = 0", "DROP TABLE _sqlite_migrations")
    message = refusal(book, ForeignContentError)
    assert "its version number (0) does not match what it holds" in message
    assert "never have" not in message and "a index" not in message


def test_an_index_of_someone_else_is_named_in_good_grammar(book):
    tamper(book, "CREATE INDEX their_index ON actions (title)")
    assert ("it holds the index “their_index”, which RATER workbooks never have"
            in refusal(book, ForeignContentError))


def test_a_damaged_workbook_names_where_its_backups_are(book):
    open_workbook(book).close()  # opening to write takes a backup copy
    book.write_bytes(book.read_bytes()[: 4096 + 100])
    message = refusal(book, DamagedWorkbookError)
    assert f"its backup copies are in {backup_folder(book)}" in message


def test_a_damaged_workbook_without_backups_says_there_are_none(tmp_path):
    path = tmp_path / "mailed.rater"
    create_workbook(path, "Acme", framework=FRAMEWORK).close()
    for copy in backup_folder(path).glob("*.rater"):
        copy.unlink()
    path.write_bytes(path.read_bytes()[: 4096 + 100])
    message = refusal(path, DamagedWorkbookError)
    assert "this computer holds no backup copy of it" in message and "try one of" not in message


def test_a_survey_is_not_called_a_workbook_when_it_is_the_output(tmp_path, capsys):
    survey = tmp_path / "visits.csv"
    survey.write_text("Q1\n" + "\n".join(str(1 + i % 5) for i in range(12)) + "\n", encoding="utf-8")
    assert run_cli(["suggest", str(survey), "-o", str(survey)]) == 1
    assert "“visits.csv” is the file being read; choose another file name" in capsys.readouterr().err


@pytest.mark.parametrize("labels, sentence", [
    ("['Bad', 'Good', 'Bad']", "The scale's labels give “Bad” twice; give each label once"),
    ("['Good', 'GOOD']", "give one answer twice, as “Good” and “GOOD” (the import reads them as the same)"),
])
def test_a_repeated_label_is_named(labels, sentence):
    with pytest.raises(SurveyImportError, match="twice") as caught:
        load_mapping(f"[scale]\ntype = 'labels'\nlabels = {labels}\n{MAPPING}")
    assert sentence in str(caught.value)


@pytest.mark.parametrize("bounds", ["min = -1e308\nmax = 1e308", "min = -1e308\nmax = 5", "min = 1\nmax = 2e6"])
def test_a_range_too_wide_to_count_with_is_not_called_infinite(bounds):
    # -1e308..5 was taken: the dry run then listed "5 → inf points" beside a 300-digit number
    with pytest.raises(SurveyImportError) as caught:
        load_mapping(f"[scale]\n{bounds}\n{MAPPING}")
    assert "too far apart to count with" in str(caught.value) and "inf" not in str(caught.value)


@pytest.mark.parametrize("scale, answer", [
    ("type = 'labels'\nlabels = ['Bad', 'Good', 'Very good']\nnot_applicable = ['No opinion', ' very GOOD']",
     "very GOOD"),
    ("min = 1\nmax = 5\nnot_applicable = ['0', '5']", "5"),
    ("type = 'letters'\nnot_applicable = ['N/A', 'a']", "a"),
])
def test_a_not_applicable_code_that_is_an_answer_is_refused_not_silently_emptied(scale, answer):
    # Accepted before: every "Very good" (or 5) then counted as no answer, without a word.
    with pytest.raises(SurveyImportError) as caught:
        load_mapping(f"[scale]\n{scale}\n{MAPPING}")
    assert f"“{answer}” is under not_applicable but is also an answer on the scale" in str(caught.value)
    load_mapping(f"[scale]\nmin = 1\nmax = 5\nnot_applicable = ['0', '-99', 'N/A']\n{MAPPING}")  # outside: fine


def test_a_dry_run_that_skips_cells_says_so(tmp_path, capsys):
    survey = tmp_path / "s.csv"
    answers = ["5", "4", "x", "3", "seven", "2"]
    survey.write_text("Q1\n" + "\n".join(answers) + "\n", encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    book = tmp_path / "shop.rater"
    assert run_cli(["new", str(book)]) == 0
    capsys.readouterr()
    assert run_cli(["import", str(book), str(survey), "--map", str(mapping), "--skip-invalid", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "6 responses would be imported, leaving out 2 cells that are not valid." in out
    assert "The file is valid" not in out


def test_a_dry_run_that_would_be_refused_says_so_and_how_to_go_on(tmp_path, capsys):
    survey = tmp_path / "s.csv"
    survey.write_text("Q1\n5\nx\n3\n", encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    book = tmp_path / "shop.rater"
    assert run_cli(["new", str(book)]) == 0
    capsys.readouterr()
    assert run_cli(["import", str(book), str(survey), "--map", str(mapping), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert ("The import would be refused: 1 cell is not valid (--skip-invalid would leave it out and import "
            "the rest).") in err
    assert "Nothing was imported" not in err  # a dry run never imports: it was said as if it had tried
    assert run_cli(["import", str(book), str(survey), "--map", str(mapping)]) == 1
    assert "Nothing was imported: 1 cell is not valid (--skip-invalid leaves it out" in capsys.readouterr().err
