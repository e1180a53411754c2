"""The privacy rule holds per item, not only per round: a statement or a situation fewer than
three people answered shows no per-item figures or notes, in the report and the export, even when
the round as a whole has three people (a newcomer's round: the third person graded one statement)."""

import csv
import io
import json
from dataclasses import replace

from report_data import make_data

from rater_desktop.analysis import report_card
from rater_desktop.export import export_workbook
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.privacy import shown_card, shown_grades
from rater_desktop.report.content import build_content
from rater_desktop.report.model import Table, Text
from rater_desktop.storage import create_workbook, open_workbook
from rater_desktop.summary import workbook_summary

SECRET = "Lan's secret note"


def third_graded_one_statement():
    """Ana, Binh and Chi, but Chi graded only the first statement; Ana noted on the second."""
    data = make_data(participants=3, with_actions=False)
    grades = tuple(replace(g, note=SECRET) if (g.participant_id, g.criterion_id) == (1, 2) else g
                   for g in data.grades if g.participant_id != 3 or g.criterion_id == 1)
    return replace(data, grades=grades)


def criteria_rows(content) -> dict[str, tuple[str, ...]]:
    section = next(s for s in content.sections if s.key == "criteria")
    return {row[0]: row for block in section.blocks if isinstance(block, Table) for row in block.rows}


def words(content) -> str:
    return "\n".join(block.text for section in content.sections for block in section.blocks
                     if isinstance(block, Text))


def test_report_withholds_statements_two_people_graded():
    data = third_graded_one_statement()
    content = build_content(report_card(data), data)
    rows = criteria_rows(content)
    assert rows["Reliability statement 1"][2:] == ("1", "2", "0", "0", "0", "0")  # three votes: shown
    assert rows["Reliability statement 2"][1:] == ("–",) * 7  # two votes: no grade, no counts
    assert SECRET not in words(content)
    assert "A statement fewer than three people graded shows no grade, votes or notes" in words(content)
    ranked = next(s for s in content.sections if s.key == "statements")
    shown = [row[0] for block in ranked.blocks if isinstance(block, Table) for row in block.rows]
    assert "Reliability statement 2" not in shown and "Team: weakest statements" not in words(content)


def test_a_situation_fewer_than_three_graded_is_left_out_with_its_flag():
    data = make_data(participants=3, with_actions=False)
    data = replace(data, context_grades=tuple(g for g in data.context_grades
                                              if g.context_id == 1 or g.participant_id != 3))
    card = report_card(data)
    assert card.dimension("tangibles").context_flag  # A at the peak, C after hours: a full letter apart
    shown = shown_card(card, data).dimension("tangibles")
    assert [stat is None for _context, stat in shown.contexts] == [False, True]
    assert shown.context_range is None and not shown.context_flag
    section = next(s for s in build_content(card, data).sections if s.key == "contexts")
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert table.rows[DIMENSION_KEYS.index("tangibles")][2] == "–"


def test_a_dimension_of_two_voters_keeps_its_mean_but_not_their_spread():
    data = third_graded_one_statement()
    card = report_card(data)
    assert card.dimension("assurance").internal.sd is not None  # Ana A, Binh A: n = 2
    shown = shown_card(card, data).dimension("assurance")
    assert shown.internal.mean == card.dimension("assurance").internal.mean and shown.internal.sd is None
    assert shown.team_boxes is None


def test_export_and_json_leave_out_statements_two_people_graded(tmp_path):
    path = tmp_path / "three.rater"
    with create_workbook(path, "Acme") as book:
        round_id = book.latest_assessment_id()
        people = [book.add_participant(round_id, name, role) for name, role in
                  (("Lan", "Cashier"), ("Minh", "Owner"), ("Hoa", "Barista"))]
        criteria = book.criteria()
        for i, criterion in enumerate(criteria):
            book.set_grade(people[0], criterion.id, "A", SECRET if i == 1 else "")
            book.set_grade(people[1], criterion.id, "F" if i % 2 else "C")
        book.set_grade(people[2], criteria[0].id, "B")
        data = book.read_assessment(round_id)
        assert [g.criterion_id for g in shown_grades(data)[0]] == [criteria[0].id] * 3
        out = tmp_path / "out.csv"
        export_workbook(book, out)
        summary = workbook_summary(book, round_id)
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    grades = [r for r in rows if r["table"] == "internal_grades"]
    assert {r["criterion_id"] for r in grades} == {str(criteria[0].id)} and len(grades) == 3
    assert SECRET not in json.dumps(rows) and SECRET not in json.dumps(summary)
    assert criteria[1].text not in json.dumps(summary, ensure_ascii=False)  # JSON holds nothing per statement


def test_quick_grades_of_a_dimension_two_people_gave_are_not_exported(tmp_path):
    path = tmp_path / "quick.rater"
    with create_workbook(path, "Acme") as book:
        round_id = book.latest_assessment_id()
        people = [book.add_participant(round_id, name) for name in ("Lan", "Minh", "Hoa")]
        for person in people:
            book.set_dimension_grade(person, "empathy", "B")
        for person in people[:2]:
            book.set_dimension_grade(person, "tangibles", "A" if person == people[0] else "F")
    with open_workbook(path, read_only=True) as book:
        quick = shown_grades(book.read_assessment(round_id))[1]
    assert {g.dimension for g in quick} == {"empathy"} and len(quick) == 3
