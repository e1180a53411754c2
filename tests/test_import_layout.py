"""A file's layout (how many header rows, which survey tool) is recognised one way, by
``presets.detect_layout``, for ``suggest`` and the import wizard alike (issue 11 point 9)."""

import csv
from pathlib import Path

import pytest
from storage_support import data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.cli import run_cli
from rater_desktop.importing import SourceSpec, load_mapping
from rater_desktop.importing.presets import detect_layout
from rater_desktop.importing.proposal import propose
from rater_desktop.importing.suggest import builtin_vocabulary
from rater_desktop.operations import Operations
from rater_desktop.sessions.importing import ImportSession
from rater_desktop.storage import create_workbook

EXPORTS = Path(__file__).parent / "fixtures" / "customer-exports"
SATISFACTION = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def surveymonkey_without_collector(folder: Path) -> Path:
    """SurveyMonkey's layout cut down by hand: "Respondent ID" kept, CollectorID gone, a grid in row 2."""
    rows = [["Respondent ID", "Start Date", "How satisfied are you with our staff?", "", "",
             "How likely is it that you would recommend us to a friend or colleague?"],
            ["", "", "Reliability of staff", "Speed of response", "Friendliness", "Response"]]
    rows += [[str(100 + i), "03/01/2026", SATISFACTION[i % 5], SATISFACTION[(i + 2) % 5], SATISFACTION[(i + 4) % 5],
              str(i % 11)] for i in range(40)]
    return write_csv(folder / "sm-en-nocollector.csv", rows)


def qualtrics_cut_down(folder: Path) -> Path:
    """Qualtrics' three header rows with the ImportId row, but no ResponseId column."""
    rows = [["StartDate", "EndDate", "Q1_1", "Q1_2"],
            ["Anfangsdatum", "Enddatum", "Bewertung - Zuverlässigkeit", "Bewertung - Reaktionsfähigkeit"],
            ['{"ImportId":"startDate"}', '{"ImportId":"endDate"}', '{"ImportId":"QID1_1"}', '{"ImportId":"QID1_2"}']]
    quality = ["Sehr schlecht", "Schlecht", "Mittelmäßig", "Gut", "Sehr gut"]
    rows += [["2026-03-01", "2026-03-01", quality[i % 5], quality[(i + 1) % 5]] for i in range(10)]
    return write_csv(folder / "qualtrics-de.csv", rows)


def test_surveymonkey_star_wars_is_read_with_its_two_header_rows(tmp_path, capsys):
    survey = EXPORTS / "surveymonkey-starwars-538.csv"
    assert detect_layout(survey, SourceSpec()) == (SourceSpec(header_rows=2, header_row=1), "surveymonkey")
    target = tmp_path / "map.toml"
    assert run_cli(["suggest", str(survey), "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "(SurveyMonkey export)" in " ".join(text.replace("#", " ").split()) and "header_rows = 2" in text
    assert "No answers were found" not in text and "Han Solo" in text  # the grid's items are the ratings


def test_a_grid_item_in_the_second_header_row_is_not_taken_for_an_answer(tmp_path):
    survey = surveymonkey_without_collector(tmp_path)
    assert detect_layout(survey, SourceSpec())[1] == "surveymonkey"
    names, criteria = builtin_vocabulary()
    proposal = propose(survey, names, criteria)
    assert proposal.mapping.source.header_rows == 2
    assert proposal.mapping.scale.labels == tuple(SATISFACTION)  # "Reliability of staff" is no 6th label
    assert proposal.mapping.dimensions["reliability"] == ("How satisfied are you with our staff?",)


def test_qualtrics_three_header_rows_are_known_by_the_import_id_row(tmp_path, capsys):
    survey = qualtrics_cut_down(tmp_path)
    source, preset = detect_layout(survey, SourceSpec(delimiter=","))
    assert preset == "qualtrics" and source == SourceSpec(delimiter=",", header_rows=3, header_row=1)
    target = tmp_path / "map.toml"
    assert run_cli(["suggest", str(survey), "-o", str(target)]) == 0
    mapping = load_mapping(target)
    assert mapping.source.header_rows == 3
    assert mapping.dimensions == {"reliability": ("Q1_1",), "responsiveness": ("Q1_2",)}


@pytest.mark.parametrize("make", [surveymonkey_without_collector, qualtrics_cut_down])
def test_the_wizard_reads_a_file_as_suggest_does(tmp_path, make):
    survey = make(tmp_path)
    names, criteria = builtin_vocabulary()
    suggested = propose(survey, names, criteria)
    with create_workbook(tmp_path / "shop.rater", "Corner Shop") as workbook:
        ops = Operations(workbook)
        session = ImportSession(ops, workbook.latest_assessment_id())
        job = session.open_file(survey)
        assert session.preview_ready(job.generation, job.work())
    assert session.preset_key == suggested.preset
    assert (session.source.header_rows, session.source.header_row) == (
        suggested.mapping.source.header_rows, suggested.mapping.source.header_row)
    assert session.table.header_rows == suggested.table.header_rows


def test_every_grid_column_is_named_by_its_item_in_suggest(tmp_path):
    # Cut at 60 characters, "Please state whether you view the following characters favo…" named
    # thirteen columns alike; the item under the question is what tells them apart.
    text = proposal_toml_of(EXPORTS / "surveymonkey-starwars-538.csv")
    for item in ("Luke Skywalker", "Princess Leia Organa", "Yoda"):
        line = next(line for line in text.splitlines() if line.endswith(f"/ {item}"))
        assert line.startswith('  # "#') and "Please state whether you view" in line and len(line) < 100


def test_columns_with_neither_name_nor_answers_are_one_line_and_the_mapping_imports(tmp_path, capsys):
    # A second header row ending in 20,000 commas made a mapping of 860 KB, which import then refused.
    lines = (EXPORTS / "surveymonkey-starwars-538.csv").read_text(encoding="latin-1").splitlines()
    lines[1] += "," * 3000
    survey = tmp_path / "wide.csv"
    survey.write_text("\n".join(lines) + "\n", encoding="latin-1")
    text = proposal_toml_of(survey)
    assert "  # 3000 columns hold no answers and have no name of their own (#39–#3038)." in text
    assert len(text) < 10_000


def proposal_toml_of(survey: Path) -> str:
    from rater_desktop.importing.proposal_toml import proposal_toml

    names, criteria = builtin_vocabulary()
    return proposal_toml(propose(survey, names, criteria))
