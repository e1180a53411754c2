"""``rollup``: JSON, the group PDF in two languages, the table as CSV/XLSX, sets and bad input."""

import csv
import io
import json
import unicodedata

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from rollup_support import make_team, same_letters

from rater_desktop import i18n
from rater_desktop.cli import run_cli
from rater_desktop.model import DIMENSION_KEYS


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("group")
    make_team(folder / "a.rater", "Quán Phở Đức Hạnh", same_letters(["A", "B", "B"]),
              {"reliability": [3.0] * 6}, earlier=same_letters(["C", "C", "C"]), actions=("open", "done"))
    make_team(folder / "b.rater", "=Branch <b>South</b>", same_letters(["C"] * 4), {"reliability": [2.0] * 8})
    make_team(folder / "c.rater", "Tiny", same_letters(["D", "D"]))
    (folder / "broken.rater").write_bytes(b"garbage")
    return folder


@pytest.fixture(autouse=True)
def english():
    yield
    i18n.set_language("en")


def _run(capsys, *args):
    capsys.readouterr()
    code = run_cli(["rollup", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _pdf_text(path) -> str:
    reader = PdfReader(path)
    return unicodedata.normalize("NFC", " ".join(p.extract_text() for p in reader.pages)).replace("\n", " ")


def test_json_lists_teams_the_pooled_whole_and_what_was_left_out(folder, capsys):
    code, out, err = _run(capsys, folder, "--json")
    assert code == 0
    data = json.loads(out)
    assert [t["name"] for t in data["teams"]] == ["Quán Phở Đức Hạnh", "=Branch <b>South</b>", "Tiny"]
    assert [d["key"] for d in data["pooled"]["dimensions"]] == list(DIMENSION_KEYS)
    assert data["pooled"]["participants"] == 9
    assert data["left_out"] == [{"path": str(folder / "broken.rater"), "reason": "“broken.rater” is not a RATER workbook."}]
    assert [r["name"] for r in data["teams"][0]["rounds"]] == ["Autumn review", "Spring review"]
    assert data["teams"][0]["actions"] == {"open": 1, "in_progress": 0, "done": 1, "dropped": 0}
    assert data["teams"][2]["dimensions"][0]["internal"] is None
    assert data["min_group"] == 5
    assert "broken.rater" in err


def test_min_group_changes_what_customers_show(folder, capsys):
    strict = json.loads(_run(capsys, folder, "--json", "--min-group", "7")[1])
    assert strict["teams"][0]["dimensions"][0]["customer"] is None
    assert strict["min_group"] == 7


def test_plain_output_is_one_line_per_team(folder, capsys):
    code, out, _err = _run(capsys, folder / "a.rater", folder / "b.rater")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("Quán Phở Đức Hạnh: Spring review, 3 participants, 6 customers")
    assert "team grade C in Autumn review → B now" in lines[0]
    assert lines[-1].startswith("All teams (2 teams, 7 participants, 14 customers)")


@pytest.mark.parametrize("lang, words", [
    ("en", ("Group report", "At a glance", "Ranking per dimension", "Team by team", "Method and privacy",
            "withheld", "Reliability")),
    ("vi", ("Báo cáo tổng hợp", "Tổng quan", "Xếp hạng theo khía cạnh", "Độ tin cậy", "ẩn")),
])
def test_the_group_report_is_written_in_either_language(folder, tmp_path, capsys, lang, words):
    out = tmp_path / f"group-{lang}.pdf"
    code, _out, err = _run(capsys, folder, "-o", out, "--lang", lang, "--title", "Chuỗi cửa hàng")
    assert code == 0, err
    text = _pdf_text(out)
    for expected in (*words, "Quán Phở Đức Hạnh", "=Branch <b>South</b>", "Chuỗi cửa hàng", "broken.rater"):
        assert expected in text, expected
    assert len(PdfReader(out).pages) >= 3


def test_the_table_exports_as_csv_and_xlsx(folder, tmp_path, capsys):
    code, _out, err = _run(capsys, folder, "-o", tmp_path / "t.csv", "-o", tmp_path / "t.xlsx")
    assert code == 0, err
    raw = (tmp_path / "t.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 4 * 6                                   # 3 teams and the whole, 5 dimensions + overall
    first = rows[0]
    assert (first["team"], first["dimension"], first["customer_grade"]) == ("Quán Phở Đức Hạnh", "reliability", "B")
    assert first["team_grade"] == "" and "worked out" in first["withheld"]  # the smallest team beside Tiny
    assert (rows[6]["team"], rows[6]["team_grade"]) == ("'=Branch <b>South</b>", "C")  # not run as a formula
    assert "fewer than 3 participants" in rows[12]["withheld"]
    sheet = load_workbook(tmp_path / "t.xlsx", read_only=True)["rollup"]
    cells = list(sheet.iter_rows(values_only=True))
    assert cells[0][0] == "team" and cells[1][0] == "Quán Phở Đức Hạnh" and len(cells) == 25


def test_a_saved_set_rolls_up_again(folder, tmp_path, capsys):
    saved = folder / "group.raterset"
    assert _run(capsys, folder / "a.rater", folder / "b.rater", "--save", saved)[0] == 0
    code, out, _err = _run(capsys, saved, "--json")
    assert code == 0
    assert [t["name"] for t in json.loads(out)["teams"]] == ["Quán Phở Đức Hạnh", "=Branch <b>South</b>"]


def test_nothing_readable_is_one_sentence_and_a_failure(folder, tmp_path, capsys):
    code, _out, err = _run(capsys, folder / "broken.rater", tmp_path / "none.rater")
    assert code == 1
    assert "None of the files could be rolled up." in err and "Traceback" not in err
    code, _out, err = _run(capsys, folder / "a.rater", "-o", tmp_path / "x.txt")
    assert code == 1 and ".pdf, .csv or .xlsx" in err
