"""The command line of DESIGN §5, driven as a user or a script would."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rater_desktop.cli import run_cli
from rater_desktop.model import DIMENSION_KEYS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.rater"
    assert run_cli(["demo", str(path)]) == 0
    return path


def summary_of(path: Path, capsys, *extra: str) -> dict:
    capsys.readouterr()
    assert run_cli(["summary", str(path), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_summary_text_ends_with_the_overall_grade_of_both_sides(demo_path, capsys):
    """README's first look at a round: every dimension and the overall grade, each for the team and for
    the customers ("Overall grade: B" alone left a reader guessing whose B it was)."""
    data = summary_of(demo_path, capsys)
    assert run_cli(["summary", str(demo_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["Team", "Customers"]
    overall = data["overall"]
    assert overall["internal"]["grade"] != overall["customer"]["grade"]  # the demo tells the sides apart
    assert lines[-1].split() == ["Overall", overall["internal"]["grade"], overall["customer"]["grade"]]
    assert len(lines) == 2 + len(DIMENSION_KEYS) + 1


def test_new_creates_a_workbook_with_one_round_and_no_grades(tmp_path, capsys):
    path = tmp_path / "shop.rater"
    assert run_cli(["new", str(path), "--organisation", "Corner Shop"]) == 0
    data = summary_of(path, capsys)
    assert [d["key"] for d in data["dimensions"]] == list(DIMENSION_KEYS)
    assert all(d["internal"] is None and d["customer"] is None for d in data["dimensions"])
    assert data["overall"]["internal"] is None
    assert len(data["rounds"]) == 1


def test_new_refuses_to_overwrite_an_existing_file(tmp_path, capsys):
    path = tmp_path / "taken.rater"
    path.write_bytes(b"somebody's data")
    assert run_cli(["new", str(path)]) == 1
    assert path.read_bytes() == b"somebody's data"
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "Traceback" not in err


def test_demo_summary_matches_the_design_contract(demo_path, capsys):
    data = summary_of(demo_path, capsys)
    assert list(data) == [
        "assessment", "dimensions", "overall", "compression_ratio", "continuum", "kpis", "actions", "rounds",
        "surveys", "servqual",
        "comments",
    ]
    assert [d["key"] for d in data["dimensions"]] == list(DIMENSION_KEYS)
    for dim in data["dimensions"]:
        assert dim["internal"]["n"] == 8
        assert dim["internal"]["grade"] in "ABCDF"
        assert dim["internal"]["consensus"] in "ABCDF"
        assert dim["customer"]["n"] >= 150
        low, high = dim["customer"]["ci95"]
        assert low < dim["customer"]["mean"] < high
        assert dim["gap"] == pytest.approx(dim["internal"]["mean"] - dim["customer"]["mean"])
        assert dim["flag"] in ("blind_spot", "hidden_strength", "aligned")
    assert {d["flag"] for d in data["dimensions"]} >= {"blind_spot", "hidden_strength"}
    means = [d["internal"]["mean"] for d in data["dimensions"]]
    assert data["overall"]["internal"]["mean"] == pytest.approx(sum(means) / 5)
    assert data["continuum"]["current"]["n"] == 8
    assert data["continuum"]["desired"]["mean"] > data["continuum"]["current"]["mean"]
    assert all(data["kpis"][k] is not None for k in ("nps", "csat", "fcr"))
    titles = [action["title"] for action in data["actions"]]
    assert len(titles) >= 3
    # started from the autumn round: its unfinished actions carried over, the finished one did not
    assert "Greet every new customer within ten seconds" in titles
    assert "Insulated bags and a lid check for every delivery" not in titles
    assert [r["name"] for r in data["rounds"]] == ["Autumn review", "Spring review"]
    # a survey each round: customers saw the autumn round's service as worse
    assert data["rounds"][0]["customer"]["mean"] < data["rounds"][1]["customer"]["mean"]


def test_summary_json_is_indented_and_keeps_vietnamese(tmp_path, capsys):
    from rater_desktop.storage import create_workbook

    path = tmp_path / "tiem-banh.rater"
    with create_workbook(path, "Tiệm bánh Góc phố") as book:
        book.add_action(book.latest_assessment_id(), "Gọi lại trong ngày", dimension="empathy")
    capsys.readouterr()
    assert run_cli(["summary", str(path), "--json"]) == 0
    text = capsys.readouterr().out
    assert "Gọi lại trong ngày" in text
    assert text.startswith('{\n  "assessment": {')
    assert json.loads(text)["kpis"] == {"nps": None, "csat": None, "fcr": None}


def test_summary_of_an_older_round_by_id(demo_path, capsys):
    data = summary_of(demo_path, capsys, "--assessment", "1")
    assert data["assessment"]["name"] == "Autumn review"
    # round 1's own survey (156 customers), never the spring one (184)
    assert all(150 <= d["customer"]["n"] <= 156 for d in data["dimensions"])
    assert [s["rows"] for s in data["surveys"]] == [156]
    assert data["kpis"]["nps"] < summary_of(demo_path, capsys)["kpis"]["nps"]


def test_summary_never_changes_the_workbook(demo_path, capsys):
    before = digest(demo_path)
    summary_of(demo_path, capsys)
    assert digest(demo_path) == before


def test_unknown_round_is_one_sentence(demo_path, capsys):
    assert run_cli(["summary", str(demo_path), "--assessment", "99", "--json"]) == 1
    assert capsys.readouterr().err.strip() == "Error: The workbook has no assessment round with id 99."


@pytest.mark.parametrize(
    "content",
    [b"", b"plain text, not a workbook", b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["empty", "text", "truncated-sqlite"],
)
def test_bad_files_get_one_sentence_and_stay_untouched(tmp_path, capsys, content):
    path = tmp_path / "bad.rater"
    path.write_bytes(content)
    assert run_cli(["summary", str(path), "--json"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.rater" in err and "Traceback" not in err
    assert path.read_bytes() == content


def test_import_dry_run_reports_without_writing(demo_path, tmp_path, capsys):
    survey = tmp_path / "survey.csv"
    survey.write_text("Q1,Q2\n5,4\n3,N/A\n", encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        '[scale]\ntype = "numeric"\nmin = 1\nmax = 5\nnot_applicable = ["N/A"]\n'
        '[dimensions]\nreliability = ["Q1"]\nempathy = ["Q2"]\n',
        encoding="utf-8",
    )
    before = digest(demo_path)
    capsys.readouterr()
    assert run_cli(["import", str(demo_path), str(survey), "--map", str(mapping), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["rows"] == 2 and report["error_count"] == 0
    assert digest(demo_path) == before


def test_import_refuses_an_off_scale_value_naming_row_and_column(tmp_path, capsys):
    path = tmp_path / "w.rater"
    assert run_cli(["new", str(path)]) == 0
    survey = tmp_path / "survey.csv"
    survey.write_text("Q1\n5\n9\n", encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text('[scale]\ntype = "numeric"\nmin = 1\nmax = 5\n[dimensions]\nreliability = ["Q1"]\n', "utf-8")
    capsys.readouterr()
    assert run_cli(["import", str(path), str(survey), "--map", str(mapping)]) == 1
    err = capsys.readouterr().err
    assert "Row 3" in err and '"Q1"' in err and '"9"' in err
    assert summary_of(path, capsys)["dimensions"][0]["customer"] is None


def test_import_then_summary_shows_the_customer_side(tmp_path, capsys):
    path = tmp_path / "w.rater"
    assert run_cli(["new", str(path)]) == 0
    survey = tmp_path / "survey.csv"
    survey.write_text("Q1,NPS\n5,10\n3,9\n1,3\n", encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        '[scale]\ntype = "numeric"\nmin = 1\nmax = 5\n[dimensions]\nreliability = ["Q1"]\n[kpis]\nnps = "NPS"\n',
        "utf-8",
    )
    assert run_cli(["import", str(path), str(survey), "--map", str(mapping)]) == 0
    data = summary_of(path, capsys)
    reliability = data["dimensions"][0]["customer"]
    # 5 -> 4 points, 3 -> 2, 1 -> 0: mean 2.0, a C, from three respondents
    assert reliability["mean"] == pytest.approx(2.0)
    assert (reliability["grade"], reliability["n"]) == ("C", 3)
    # no team grades yet, so nothing to compare with
    assert data["dimensions"][0]["internal"] is None and data["dimensions"][0]["flag"] is None
    # two promoters, one detractor out of three
    assert data["kpis"]["nps"] == pytest.approx(33.3)


def test_usage_errors_exit_2_without_traceback(capsys):
    assert run_cli(["summary"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_every_command_has_help(capsys):
    from rater_desktop.cli import cli

    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        assert run_cli([name, "--help"]) == 0
    assert "summary" in capsys.readouterr().out


def test_launcher_routes_subcommands_to_the_cli_without_qt(tmp_path):
    path = tmp_path / "x.rater"
    script = (
        "import sys, main\n"
        f"code = main.main(['new', {str(path)!r}])\n"
        "assert 'PySide6' not in sys.modules, 'the CLI path imported Qt'\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert path.exists()


def test_report_names_an_unknown_round_and_a_missing_folder(demo_path, tmp_path, capsys):
    capsys.readouterr()
    assert run_cli(["report", str(demo_path), "-o", str(tmp_path / "r.pdf"), "--assessment", "99"]) == 1
    assert capsys.readouterr().err.strip() == "Error: The workbook has no assessment round with id 99."
    missing = tmp_path / "no-such-folder" / "r.pdf"
    assert run_cli(["report", str(demo_path), "-o", str(missing)]) == 1
    assert capsys.readouterr().err.strip() == f"Error: The folder {missing.parent} does not exist."
    assert not list(tmp_path.glob("**/*.pdf"))


def test_dry_run_checks_the_workbook_and_round_too(demo_path, tmp_path, capsys):
    survey = tmp_path / "survey.csv"
    survey.write_text("Q1\n5\n", encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text('[scale]\ntype = "numeric"\nmin = 1\nmax = 5\n[dimensions]\nreliability = ["Q1"]\n', "utf-8")
    capsys.readouterr()
    args = ["import", str(demo_path), str(survey), "--map", str(mapping), "--dry-run"]
    assert run_cli([*args, "--assessment", "99"]) == 1
    assert "no assessment round with id 99" in capsys.readouterr().err
    not_a_workbook = tmp_path / "notes.rater"
    not_a_workbook.write_text("hello", encoding="utf-8")
    assert run_cli(["import", str(not_a_workbook), *args[2:]]) == 1
    assert "not a RATER workbook" in capsys.readouterr().err
