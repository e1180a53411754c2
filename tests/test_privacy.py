"""The privacy rule of DESIGN §3 outside the room: report content, export and summary JSON.

A round where fewer than three people answered shows only the group's
dimension results; names go with answers only when allowed and the group has
three or more.
"""

import csv
import io
import json
from dataclasses import replace

from report_data import make_data, write_workbook

from rater_desktop.analysis import report_card
from rater_desktop.export import export_workbook
from rater_desktop.privacy import group_size, names_shown, small_group
from rater_desktop.report.content import build_content
from rater_desktop.report.model import Bullets, ReportOptions, Table, Text
from rater_desktop.storage import open_workbook
from rater_desktop.summary import workbook_summary

NOTE = "Lan forgot the Monday call-backs"


def _words(content) -> str:
    """Every word and table cell the report would print."""
    parts = []
    for section in content.sections:
        for block in section.blocks:
            if isinstance(block, Text):
                parts.append(block.text)
            elif isinstance(block, Bullets):
                parts.extend(block.items)
            elif isinstance(block, Table):
                parts.extend(block.header)
                parts.extend(cell for row in block.rows for cell in row)
    return "\n".join(parts)


def _statement_tables(content) -> list[Table]:
    criteria = next(s for s in content.sections if s.key == "criteria")
    return [b for b in criteria.blocks if isinstance(b, Table)]


def test_group_is_who_answered_not_who_is_listed():
    data = make_data(participants=3)
    assert group_size(data) == 3 and not small_group(data)
    silent = replace(data, grades=tuple(g for g in data.grades if g.participant_id != 3),
                     context_grades=tuple(g for g in data.context_grades if g.participant_id != 3),
                     continuum=tuple(a for a in data.continuum if a.participant_id != 3))
    assert group_size(silent) == 2 and small_group(silent)
    assert not names_shown(replace(silent, show_names=True))
    assert names_shown(replace(data, show_names=True))


def test_report_of_two_people_has_no_votes_notes_roles_or_names():
    # (no actions: an action's owner is named on purpose, it is not an answer)
    data = replace(make_data(participants=2, notes={1: NOTE}, with_actions=False), show_names=True)
    content = build_content(report_card(data), data, options=ReportOptions(anonymise=False))
    words = _words(content)
    assert _statement_tables(content) == []
    assert NOTE not in words
    for person in ("Ana", "Binh", "Manager", "Barista"):
        assert person not in words, person
    assert "Fewer than three people answered" in words
    assert "The team disagrees most" not in words  # two votes' spread beside their mean gives both away
    assert "Team: strongest statements" not in words and "Where the team disagreed most" not in words
    assert "Reliability" in words and "A\u00a0(3.50)" in words  # the group's dimension results stay


def test_report_of_three_people_keeps_votes_and_notes_and_names_only_when_allowed():
    data = make_data(participants=3, notes={1: NOTE}, with_actions=False)
    content = build_content(report_card(data), data)
    assert len(_statement_tables(content)) == 5
    assert NOTE in _words(content) and "Roles: Barista, Cashier, Manager." in _words(content)
    assert "Ana" not in _words(content)
    named = replace(data, show_names=True)
    assert "Ana (Manager)" in _words(build_content(report_card(named), named, options=ReportOptions(anonymise=False)))


def _export_rows(path, tmp_path):
    out = tmp_path / "out.csv"
    with open_workbook(path, read_only=True) as workbook:
        export_workbook(workbook, out)
    return list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))


def test_export_of_two_people_has_team_results_but_no_row_per_person(tmp_path):
    path = tmp_path / "pair.rater"
    write_workbook(path, names=("Ana", "Binh"), note=NOTE)
    with open_workbook(path) as workbook:
        workbook.set_setting("show_names", True)
    rows = _export_rows(path, tmp_path)
    assert [r for r in rows if r["table"] == "internal_grades"] == []
    team = [r for r in rows if r["table"] == "team_results" and r["assessment"] == "Spring review"]
    assert [r["dimension"] for r in team][:1] == ["reliability"]
    assert float(team[0]["mean"]) == 3.5 and team[0]["n"] == "2" and team[0]["consensus"] == "B"
    text = json.dumps(rows, ensure_ascii=False)
    for private in ("Ana", "Binh", "Manager", "Barista", NOTE):
        assert private not in text, private


def test_export_names_people_only_when_allowed_and_three_or_more(tmp_path):
    path = tmp_path / "three.rater"
    write_workbook(path)
    assert {r["participant"] for r in _export_rows(path, tmp_path) if r["table"] == "internal_grades"} == {
        "Participant 1", "Participant 2", "Participant 3"}
    with open_workbook(path) as workbook:
        workbook.set_setting("show_names", True)
    assert {r["participant"] for r in _export_rows(path, tmp_path) if r["table"] == "internal_grades"} == {
        "Ana", "Binh", "Chi"}


def test_summary_json_of_two_people_names_nobody_and_holds_no_statement(tmp_path):
    path = tmp_path / "pair.rater"
    write_workbook(path, names=("Ana", "Binh"), note=NOTE)
    with open_workbook(path) as workbook:
        workbook.set_setting("show_names", True)
        spring = workbook.assessments()[-1].id
        statement = workbook.criteria()[0].text
        summary = workbook_summary(workbook, spring)
    text = json.dumps(summary, ensure_ascii=False)
    for private in ("Ana", "Binh", "Manager", "Barista", NOTE, statement):
        assert private not in text, private
    assert summary["dimensions"][0]["internal"]["n"] == 2

