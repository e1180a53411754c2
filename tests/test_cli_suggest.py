"""``suggest`` writes a mapping with a comment on each guess; ``import`` refuses one whose scale
is a guess until a person confirms it, and its dry run shows the points of every answer."""

import json
from pathlib import Path

import pytest

from rater_desktop.cli import run_cli
from rater_desktop.importing import ScaleSpec, SurveyImportError, load_mapping, run_import
from rater_desktop.importing.points import points_lines, scale_points
from rater_desktop.importing.proposal import propose
from rater_desktop.importing.proposal_toml import proposal_toml
from rater_desktop.importing.suggest import builtin_vocabulary

FIXTURES = Path(__file__).parent / "fixtures"
SURVEYS = sorted(p for folder in ("customer-exports", "made-here")
                 for p in (FIXTURES / folder).iterdir() if p.suffix in (".csv", ".xlsx"))


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "shop.rater"
    assert run_cli(["new", str(path)]) == 0
    return path


def small_survey(folder: Path) -> Path:
    """Two named dimensions answered 1–3 only: the columns are sure, the range a guess."""
    path = folder / "visits.csv"
    rows = ["Name,Reliability,Empathy,Comments"] + [f"P{i},{1 + i % 3},{1 + (i + 1) % 3},note {i}" for i in range(12)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_suggest_writes_a_sure_mapping_the_import_takes(workbook, tmp_path, capsys):
    survey = FIXTURES / "made-here" / "servqual-vi.csv"
    target = tmp_path / "map.toml"
    assert run_cli(["suggest", str(survey), "-o", str(target)]) == 0
    assert "check the suggestions" in capsys.readouterr().out
    mapping = load_mapping(target)
    assert mapping.scale.confirmed and mapping.scale.labels[0] == "Hoàn toàn không đồng ý"
    assert mapping.dimensions["reliability"] == ("Độ tin cậy: cửa hàng làm đúng những gì đã hứa",
                                                 "Độ tin cậy: đơn hàng được giao đúng hẹn")
    assert "assurance" in mapping.dimensions and set(mapping.kpis) == {"nps", "csat", "fcr"}
    # "Nhân viên lịch sự với bạn" is only worded like Assurance: written commented out, with why.
    text = target.read_text(encoding="utf-8")
    assert '  # "Nhân viên lịch sự với bạn",' in text and "check." in text
    assert run_cli(["import", str(workbook), str(survey), "--map", str(target), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "“Hoàn toàn không đồng ý” → 0 points" in out and "“Không có ý kiến” → no answer" in out


def test_an_unconfirmed_scale_is_refused_with_what_to_check(workbook, tmp_path, capsys):
    survey = small_survey(tmp_path)
    target = tmp_path / "map.toml"
    assert run_cli(["suggest", str(survey), "-o", str(target)]) == 0
    assert "The answer scale is a guess" in capsys.readouterr().out
    text = target.read_text(encoding="utf-8")
    words = " ".join(text.replace("#", " ").split())  # comments wrap at 100 characters
    assert "confirmed = false" in text and "check the lowest and highest points" in words
    assert load_mapping(target).dimensions == {"reliability": ("Reliability",), "empathy": ("Empathy",)}
    for extra in ([], ["--dry-run"]):
        assert run_cli(["import", str(workbook), str(survey), "--map", str(target), *extra]) == 1
        err = capsys.readouterr().err
        assert err == ("Error: The mapping's answer scale is a guess: check that the questionnaire's lowest "
                       "point is 1 and its highest 3, and that every answer meaning \"no answer\" is under "
                       "not_applicable, then set confirmed = true in [scale].\n")
    # The person checks: the questionnaire was 1-5.
    target.write_text(text.replace("max = 3", "max = 5").replace("confirmed = false", "confirmed = true"),
                      encoding="utf-8")
    assert run_cli(["import", str(workbook), str(survey), "--map", str(target), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["rows"] == 12
    assert report["scale"][:2] == [{"answer": "1", "points": 0.0}, {"answer": "2", "points": 1.0}]


def test_labels_scale_refusal_names_the_order():
    mapping = load_mapping('[scale]\ntype = "labels"\nlabels = ["Bad", "Good"]\nconfirmed = false\n'
                           '[dimensions]\nempathy = ["Q"]\n')
    with pytest.raises(SurveyImportError) as caught:
        run_import(Path("does-not-matter.csv"), mapping)
    assert caught.value.code == "unconfirmed" and "run from worst to best" in str(caught.value)


@pytest.mark.parametrize("survey", SURVEYS, ids=lambda p: p.name)
def test_every_suggested_file_reads_back_as_the_mapping_suggested(survey):
    names, criteria = builtin_vocabulary()
    proposal = propose(survey, names, criteria)
    text = proposal_toml(proposal)
    assert proposal.mapping.scale.confirmed == proposal.scale.sure
    if not proposal.mapping.dimensions and not proposal.mapping.kpis:
        with pytest.raises(SurveyImportError, match="maps no column"):
            load_mapping(text)
        return
    assert load_mapping(text) == proposal.mapping


def test_points_of_each_answer_worst_first():
    labels = ScaleSpec("labels", labels=("Poor", "Fair", "Good", "Excellent"), not_applicable=("N/A",))
    assert [(row.answer, row.points) for row in scale_points(labels)] == [
        ("Poor", 0.0), ("Fair", 4 / 3), ("Good", 8 / 3), ("Excellent", 4.0), ("N/A", None)]
    assert points_lines(labels)[1] == "“Fair” → 1.33 points"
    assert [r.answer for r in scale_points(ScaleSpec("letters"))] == ["F", "D", "C", "B", "A"]
    assert points_lines(ScaleSpec("numeric", 0, 100)) == ["“0” → 0 points", "“100” → 4 points"]
    assert points_lines(ScaleSpec("numeric", 1, 5))[2] == "“3” → 2 points"


@pytest.mark.parametrize("name", ["other-survey.csv", "shop.rater", "report.pdf"])
def test_a_mapping_is_never_written_over_a_file_that_is_not_a_mapping(tmp_path, capsys, name):
    # suggest a.csv -o b.csv replaced the survey export b.csv with a mapping.
    survey = small_survey(tmp_path)
    other = tmp_path / name
    other.write_bytes(b"Q1\n5\n")
    assert run_cli(["suggest", str(survey), "-o", str(other)]) == 1
    stem = name.split(".")[0]
    said = capsys.readouterr().err
    assert (f"“{name}” is not a mapping name: a mapping is saved as a .toml file, such as “{stem}.toml”." in said
            or f"“{name}” is a workbook name; nothing but a workbook is written to a .rater file." in said)
    assert other.read_bytes() == b"Q1\n5\n"
