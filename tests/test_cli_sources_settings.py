"""``import`` into a round that has surveys, ``surveys`` and ``settings``, driven as a user would.

A second survey never changes the comparison unless it shares the scale or
the person says so; weights are refused with a sentence unless they add up
to 100, and a refused change writes nothing.
"""

import hashlib
import json

import pytest

from rater_desktop.cli import run_cli
from rater_desktop.storage import open_workbook

FIVE_POINT = '[scale]\ntype = "numeric"\nmin = 1\nmax = 5\n[dimensions]\nreliability = ["Q1"]\n'
SEVEN_POINT = '[scale]\ntype = "numeric"\nmin = 1\nmax = 7\n[dimensions]\nreliability = ["Q1"]\n'


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run_cli([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def summary(path, capsys) -> dict:
    code, out, _err = run(capsys, "summary", path, "--json")
    assert code == 0
    return json.loads(out)


def survey(tmp_path, name: str, answers: list[int], mapping: str):
    data = tmp_path / f"{name}.csv"
    data.write_text("Q1\n" + "\n".join(map(str, answers)) + "\n", encoding="utf-8")
    spec = tmp_path / f"{name}.toml"
    spec.write_text(mapping, encoding="utf-8")
    return data, spec


@pytest.fixture
def workbook(tmp_path, capsys):
    """A new workbook whose round holds one 1–5 survey: reliability 5, 3, 1 → 4, 2, 0 points."""
    path = tmp_path / "shop.rater"
    assert run(capsys, "new", path)[0] == 0
    data, spec = survey(tmp_path, "june", [5, 3, 1], FIVE_POINT)
    code, out, _err = run(capsys, "import", path, data, "--map", spec)
    assert code == 0 and "counts in the comparison" not in out  # the first survey: nothing to choose
    return path


def reliability(path, capsys) -> dict:
    return summary(path, capsys)["dimensions"][0]["customer"]


def test_a_survey_on_another_scale_is_kept_aside_and_changes_nothing(workbook, tmp_path, capsys):
    before = summary(workbook, capsys)
    data, spec = survey(tmp_path, "sevens", [7, 7, 7, 7], SEVEN_POINT)
    code, out, _err = run(capsys, "import", workbook, data, "--map", spec)
    assert code == 0
    assert "sevens.csv was kept aside: its scale (1–7) differs from the surveys already compared" in out
    assert f"surveys {workbook} --include 2" in out
    after = summary(workbook, capsys)
    assert after["dimensions"] == before["dimensions"] and after["kpis"] == before["kpis"]
    assert [(s["source_name"], s["included"], s["scale"]["max"]) for s in after["surveys"]] == [
        ("june.csv", True, 5), ("sevens.csv", False, 7)]

    code, out, _err = run(capsys, "surveys", workbook, "--include", "2")
    assert code == 0 and "different scales" in out
    pooled = reliability(workbook, capsys)
    assert pooled["n"] == 7 and pooled["mean"] == pytest.approx((4 + 2 + 0 + 4 * 4) / 7)
    assert run(capsys, "surveys", workbook, "--exclude", "1")[0] == 0
    assert reliability(workbook, capsys)["mean"] == pytest.approx(4.0)


def test_a_survey_on_the_same_scale_joins_and_the_person_can_choose_either_way(workbook, tmp_path, capsys):
    data, spec = survey(tmp_path, "july", [5, 5], FIVE_POINT)
    code, out, _err = run(capsys, "import", workbook, data, "--map", spec, "--json")
    report = json.loads(out)
    assert code == 0 and report["included"] is True and report["placement"] == "same_scale"
    assert "july.csv counts in the comparison." in report["message"]
    assert reliability(workbook, capsys)["n"] == 5

    aside, aside_spec = survey(tmp_path, "august", [1], FIVE_POINT)
    code, out, _err = run(capsys, "import", workbook, aside, "--map", aside_spec, "--keep-aside")
    assert code == 0 and "august.csv was kept aside and does not count" in out
    assert reliability(workbook, capsys)["n"] == 5

    sevens, sevens_spec = survey(tmp_path, "sevens", [7], SEVEN_POINT)
    code, out, _err = run(capsys, "import", workbook, sevens, "--map", sevens_spec, "--add-to-comparison")
    assert code == 0 and "sevens.csv counts in the comparison." in out
    assert reliability(workbook, capsys)["n"] == 6


def test_import_says_where_the_survey_went_even_when_nothing_else_counts(workbook, tmp_path, capsys):
    assert run(capsys, "surveys", workbook, "--exclude", "1")[0] == 0
    data, spec = survey(tmp_path, "sevens", [7], SEVEN_POINT)
    code, out, _err = run(capsys, "import", workbook, data, "--map", spec)
    assert code == 0 and "sevens.csv counts in the comparison." in out
    assert reliability(workbook, capsys)["n"] == 1


def test_dry_run_says_where_the_survey_would_go(workbook, tmp_path, capsys):
    data, spec = survey(tmp_path, "sevens", [7], SEVEN_POINT)
    code, out, _err = run(capsys, "import", workbook, data, "--map", spec, "--dry-run")
    assert code == 0 and "sevens.csv would be kept aside: its scale (1–7) differs" in out
    assert len(summary(workbook, capsys)["surveys"]) == 1


def test_surveys_lists_the_round_and_prints_json(workbook, capsys):
    code, out, _err = run(capsys, "surveys", workbook)
    assert code == 0
    assert "#1 counted: june.csv, imported " in out and ", 3 responses, scale 1–5" in out
    code, out, _err = run(capsys, "surveys", workbook, "--json")
    listed = json.loads(out)
    assert listed["surveys"][0]["scale"] == {"type": "numeric", "min": 1, "max": 5}
    assert listed["mixed_scales"] is False and listed["assessment"]["id"] == 1


@pytest.mark.parametrize("args, sentence", [
    (("--include", "9"), "Error: Round 1 has no survey with id 9."),
    (("--include", "1", "--exclude", "1"), "Error: A survey cannot be both included and excluded: 1."),
    (("--exclude", "one"), "Error: A survey id is a whole number, not “one”."),
])
def test_surveys_refuses_what_it_cannot_do_in_one_sentence(workbook, capsys, args, sentence):
    before = hashlib.sha256(workbook.read_bytes()).hexdigest()
    code, _out, err = run(capsys, "surveys", workbook, *args)
    assert code == 1 and err.strip() == sentence
    assert hashlib.sha256(workbook.read_bytes()).hexdigest() == before


WEIGHTS = "reliability=30,assurance=20,tangibles=10,empathy=20,responsiveness=20"


def test_settings_print_and_change(workbook, capsys):
    code, out, _err = run(capsys, "settings", workbook)
    assert code == 0 and "Dimension weights: equal" in out and "Gap threshold: 0.50 points" in out
    code, out, _err = run(capsys, "settings", workbook, "--weights", WEIGHTS, "--servqual-weights", WEIGHTS,
                          "--gap-threshold", "0.75", "--show-names")
    assert code == 0 and out.startswith("Saved.")
    assert "Reliability 30, Assurance 20, Tangibles 10, Empathy 20, Responsiveness 20" in out
    code, out, _err = run(capsys, "settings", workbook, "--json")
    shown = json.loads(out)
    assert shown["weights"]["reliability"] == 30 and shown["gap_threshold"] == 0.75 and shown["show_names"]
    assert run(capsys, "settings", workbook, "--weights", "equal", "--hide-names")[0] == 0
    shown = json.loads(run(capsys, "settings", workbook, "--json")[1])
    assert shown["weights"] is None and shown["servqual_weights"]["tangibles"] == 10 and not shown["show_names"]


@pytest.mark.parametrize("args, sentence", [
    (("--weights", "reliability=0.2,assurance=0.2,tangibles=0.2,empathy=0.2,responsiveness=0.2"),
     "The dimension weights add up to 1, not 100: give importance points that add up to 100"),
    (("--servqual-weights", "reliability=30,assurance=20,tangibles=10,empathy=20,responsiveness=10"),
     "The SERVQUAL importance weights add up to 90, not 100."),
    (("--weights", "reliability=50,assurance=50"), "missing: Tangibles, Empathy, Responsiveness"),
    (("--weights", "reliability:50"), "Write weights as dimension=points"),
    (("--gap-threshold", "0"), "The gap threshold must be a number of points from 0.05 to 4."),
    (("--gap-threshold", "0.0001"), "The gap threshold must be a number of points from 0.05 to 4."),
    (("--weights", "reliability=50,reliability=20,assurance=10,tangibles=10,empathy=5,responsiveness=5"),
     "Reliability is given twice: give each dimension its points once."),
])
def test_settings_refuse_wrong_values_and_write_nothing(workbook, capsys, args, sentence):
    before = hashlib.sha256(workbook.read_bytes()).hexdigest()
    code, _out, err = run(capsys, "settings", workbook, *args)
    assert code == 1 and sentence in err and err.count("\n") == 1
    assert hashlib.sha256(workbook.read_bytes()).hexdigest() == before


def test_weights_stored_as_shares_of_one_are_reported_not_silently_ignored(workbook, capsys):
    with open_workbook(workbook) as book:
        book.set_setting("weights", {key: 0.2 for key in (
            "reliability", "assurance", "tangibles", "empathy", "responsiveness")})
    code, out, _err = run(capsys, "settings", workbook)
    assert code == 0 and "Dimension weights: equal" in out
    assert "Warning: The dimension weights add up to 1, not 100" in out
    assert "Equal weights are used until they are set again." in out
