"""CSV and XLSX export: four tables, formula-like text neutralised, numbers kept."""

import csv
import io

import pytest
from openpyxl import load_workbook
from report_data import write_workbook

from rater_desktop.export import TABLES, export_workbook, neutralise
from rater_desktop.storage import open_workbook

NOTE = "@SUM(A1) and more"


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "shop.rater"
    write_workbook(path, note=NOTE)
    return path


def _export(workbook_path, out):
    with open_workbook(workbook_path, read_only=True) as wb:
        return export_workbook(wb, out)


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("plain", "plain"), ("a=b", "a=b"), ("", ""), (-1.5, -1.5), (None, None),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_holds_three_tables_in_long_form(workbook_path, tmp_path):
    out = tmp_path / "out.csv"
    counts = _export(workbook_path, out)
    # 2 rounds x 3 people x 25 criteria; 2 rounds x 5 team results; 5 dimensions + NPS in round 2; one action
    assert counts == {"internal_grades": 150, "team_results": 10, "customer_results": 6, "actions": 1}
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["table"] for r in rows].count("internal_grades") == 150
    action = next(r for r in rows if r["table"] == "actions")
    assert action["title"] == "'=HYPERLINK(\"http://evil\")"
    assert action["due"] == "2026-06-30" and action["status"] == "open"
    reliability = next(r for r in rows if r["table"] == "customer_results" and r["measure"] == "reliability")
    assert float(reliability["mean"]) == 2.0 and reliability["n"] == "10" and reliability["grade"] == "C"
    nps = next(r for r in rows if r["measure"] == "nps")
    assert float(nps["mean"]) == 60.0 - 20.0  # 6 promoters, 2 detractors of 10
    noted = [r for r in rows if r["note"]]
    assert {r["note"] for r in noted} == {"'" + NOTE}
    assert {r["participant"] for r in rows if r["table"] == "internal_grades"} == {
        "Participant 1", "Participant 2", "Participant 3"}  # names are not allowed in this workbook


def test_xlsx_has_one_sheet_per_table_and_no_formulas(workbook_path, tmp_path):
    out = tmp_path / "out.xlsx"
    _export(workbook_path, out)
    book = load_workbook(out)
    assert book.sheetnames == list(TABLES)
    actions = list(book["actions"].iter_rows(values_only=True))
    assert actions[0] == TABLES["actions"]
    title_cell = book["actions"].cell(row=2, column=TABLES["actions"].index("title") + 1)
    assert title_cell.value == "'=HYPERLINK(\"http://evil\")" and title_cell.data_type == "s"
    customers = list(book["customer_results"].iter_rows(values_only=True))
    assert customers[1][3:7] == ("reliability", 10, 2.0, "C")
    assert book["internal_grades"].max_row == 151


def test_control_characters_are_dropped_before_neutralising(tmp_path):
    from rater_desktop.storage import create_workbook

    path = tmp_path / "w.rater"
    with create_workbook(path, "Shop") as wb:
        wb.add_action(wb.latest_assessment_id(), "ok", notes="\x01=cmd")
    _export(path, tmp_path / "x.xlsx")
    notes = load_workbook(tmp_path / "x.xlsx")["actions"].cell(row=2, column=len(TABLES["actions"])).value
    assert notes == "'=cmd"


def test_other_extensions_are_refused(workbook_path, tmp_path):
    with pytest.raises(ValueError, match="choose a .csv or .xlsx"):
        _export(workbook_path, tmp_path / "out.txt")
    assert list(tmp_path.iterdir()) == []
