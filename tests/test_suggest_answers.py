"""What ``suggest`` reads from the answers themselves: spelling variants of one label, yes/no
questions about a dimension, ranges the question states, and every column accounted for."""

import csv
from pathlib import Path

from rater_desktop.cli import run_cli
from rater_desktop.importing import load_mapping
from rater_desktop.importing.proposal import propose
from rater_desktop.importing.proposal_toml import proposal_toml
from rater_desktop.importing.suggest import builtin_vocabulary


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def suggested(path: Path):
    names, criteria = builtin_vocabulary()
    proposal = propose(path, names, criteria)
    return proposal, " ".join(proposal_toml(proposal).replace("#", " ").split())


def test_case_and_space_variants_are_one_label_and_import(tmp_path, capsys):
    messy = ["disagree", " agree", "Strongly disagree", "Neutral", "AGREE", "Strongly Agree "]
    rows = [["Timestamp", "Staff are reliable", "Staff respond quickly"]]
    rows += [["x", messy[i % 6], messy[(i + 2) % 6]] for i in range(36)]
    survey = write_csv(tmp_path / "q-messy.csv", rows)
    proposal, text = suggested(survey)
    assert [label.casefold() for label in proposal.mapping.scale.labels] == [
        "strongly disagree", "disagree", "neutral", "agree", "strongly agree"]
    assert proposal.scale.sure and proposal.mapping.dimensions == {"reliability": ("Staff are reliable",)}
    assert "No answers were found" not in text
    target = tmp_path / "map.toml"
    assert run_cli(["suggest", str(survey), "-o", str(target)]) == 0
    book = tmp_path / "shop.rater"
    assert run_cli(["new", str(book)]) == 0
    capsys.readouterr()
    assert run_cli(["import", str(book), str(survey), "--map", str(target), "--dry-run"]) == 0
    assert "The file is valid: 36 responses" in capsys.readouterr().out


def test_yes_no_questions_about_a_dimension_are_offered_not_dropped(tmp_path, capsys):
    answers = ["No", "Yes", "N/A", "Yes"]
    rows = [["Timestamp", "Were staff reliable?", "Did staff respond quickly?"]]
    rows += [["x", answers[i % 4], answers[(i + 1) % 4]] for i in range(20)]
    survey = write_csv(tmp_path / "gf-yesno.csv", rows)
    assert run_cli(["suggest", str(survey), "-o", str(tmp_path / "map.toml")]) == 0
    assert "No column is mapped for sure yet: remove the # from the guesses" in capsys.readouterr().out
    proposal, text = suggested(survey)
    assert [(g.role, g.sure) for g in proposal.columns[1:]] == [("dim:reliability", False),
                                                                ("dim:responsiveness", False)]
    assert proposal.mapping.scale.labels == ("No", "Yes") and proposal.mapping.scale.not_applicable == ("N/A",)
    assert "No answers were found" not in text
    assert '"Were staff reliable?", Yes/no answers to a question about Reliability' in text
    assert '"Timestamp": Filled in by the survey tool.' in text  # every column is accounted for


def test_no_rating_column_is_said_as_such(tmp_path):
    rows = [["Timestamp", "Your name", "Which branch?"]] + [["x", f"P{i}", "North"] for i in range(12)]
    proposal, text = suggested(write_csv(tmp_path / "names.csv", rows))
    assert not proposal.scale.sure
    assert "No column was recognised as a rating on an answer scale" in text
    assert "No answers were found" not in text
    assert '"Your name": Personal details: never imported.' in text


def test_a_range_stated_as_anchors_is_the_scale(tmp_path, capsys):
    rows = [["Timestamp", "Reliability: staff keep promises (1 = strongly disagree, 7 = strongly agree)",
             "Empathy: staff care"]]
    rows += [["x", str(1 + i % 6), str(2 + i % 5)] for i in range(12)]
    target = tmp_path / "map.toml"
    assert run_cli(["suggest", str(write_csv(tmp_path / "gf-17.csv", rows)), "-o", str(target)]) == 0
    mapping = load_mapping(target)
    assert (mapping.scale.min, mapping.scale.max, mapping.scale.confirmed) == (1, 7, True)
    assert "The question gives the range 1–7." in target.read_text(encoding="utf-8")


def test_a_guessed_range_says_where_the_answers_really_run(tmp_path):
    rows = [["Timestamp", "Staff are reliable (rating)", "Staff respond quickly (rating)"]]
    rows += [["x", str(3 + i % 3), str(4 + i % 2)] for i in range(12)]
    proposal, text = suggested(write_csv(tmp_path / "q-numpartial.csv", rows))
    assert not proposal.scale.sure and (proposal.mapping.scale.min, proposal.mapping.scale.max) == (1, 5)
    assert "The answers run from 3 to 5; the scale is taken as 1–5" in text
