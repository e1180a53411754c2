"""Export a workbook's results as tables: CSV or XLSX.

Four tables, every round of the workbook:

- ``internal_grades``: one row per participant per criterion graded;
- ``team_results``: per round, each dimension's team result (n, mean, grade,
  agreed grade);
- ``customer_results``: per round, each dimension's customer result from the
  included surveys plus the KPIs (NPS, CSAT, FCR) as rows of the same shape;
- ``actions``: the action plans.

**XLSX** has one sheet per table.  **CSV** is a single file in long form:
the first column, ``table``, names the table a row belongs to and the header
is the union of the tables' columns (cells a table does not use are
empty), so a spreadsheet filter or ``df[df.table == "actions"]`` splits it
again.  The CSV is UTF-8 with a BOM so Excel shows Vietnamese correctly.

The privacy rule of DESIGN §3 (:mod:`rater_desktop.privacy`): a round where
fewer than three people answered has no ``internal_grades`` rows at all (its
team results still are exported), nor has a statement fewer than three people
graded; otherwise participants are exported by
name only when the workbook allows names, else as "Participant 1", "2", …
in their order within the round.

Text from users or survey files may start with ``=``, ``+``, ``-``, ``@``,
tab or CR, which a spreadsheet would run as a formula; such cells get a
leading apostrophe.  Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path
from typing import Any, Iterator

from rater_desktop.model import AssessmentData
from rater_desktop.privacy import names_shown, shown_grades

TABLES: dict[str, tuple[str, ...]] = {
    "internal_grades": ("assessment_id", "assessment", "date", "dimension", "criterion_id", "criterion",
                        "participant", "role", "grade", "note"),
    "team_results": ("assessment_id", "assessment", "date", "dimension", "n", "mean", "grade", "consensus"),
    "customer_results": ("assessment_id", "assessment", "date", "measure", "n", "mean", "grade",
                         "ci95_low", "ci95_high"),
    "actions": ("assessment_id", "assessment", "date", "dimension", "criterion_id", "title", "owner", "due",
                "target_grade", "status", "notes"),
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value: Any) -> Any:
    """Make text safe to open in a spreadsheet; numbers and None pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_workbook(workbook, out_path: str | os.PathLike) -> dict[str, int]:
    """Write the tables of an open workbook to ``out_path`` (.csv or .xlsx).

    Returns the number of rows written per table.  The file appears only when
    complete (written beside the target, then moved into place).  Raises
    ``ValueError`` for another extension.
    """
    from rater_desktop.files import write_atomically
    from rater_desktop.history import every_round

    out = Path(out_path)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"Cannot export to {out.name}: choose a .csv or .xlsx file name.")
    rounds = [(past.data, past.card) for past in every_round(workbook)]
    tables = {
        "internal_grades": [row for data, _card in rounds for row in _grade_rows(data)],
        "team_results": [row for data, card in rounds for row in _team_rows(data, card)],
        "customer_results": [row for data, card in rounds for row in _customer_rows(data, card)],
        "actions": [row for data, _card in rounds for row in _action_rows(data)],
    }
    write_atomically(out, _csv_bytes(tables) if suffix == ".csv" else _xlsx_bytes(tables))
    return {name: len(rows) for name, rows in tables.items()}


def _round_cells(data: AssessmentData) -> tuple:
    return data.assessment.id, data.assessment.name, data.assessment.date


def _grade_rows(data: AssessmentData) -> Iterator[tuple]:
    """One row per grade that may go out (:func:`privacy.shown_grades`): statements, then a quick
    round's one grade per dimension (no statement)."""
    grades, quick_grades = shown_grades(data)
    criteria = {c.id: c for c in data.criteria}
    people = {p.id: (p, i + 1) for i, p in enumerate(data.participants)}

    def who(participant_id: int) -> tuple[str, str]:
        person, number = people[participant_id]
        return (person.name if names_shown(data) else f"Participant {number}"), person.role

    for grade in grades:
        criterion = criteria.get(grade.criterion_id)
        if criterion is not None:
            yield (*_round_cells(data), criterion.dimension, criterion.id, criterion.text, *who(grade.participant_id),
                   grade.grade, grade.note)
    for quick in quick_grades:
        yield (*_round_cells(data), quick.dimension, None, "", *who(quick.participant_id), quick.grade, quick.note)


def _team_rows(data: AssessmentData, card) -> Iterator[tuple]:
    for d in card.dimensions:
        if d.internal or d.consensus:
            stat = d.internal
            yield (*_round_cells(data), d.key, stat.n if stat else 0, stat.mean if stat else None,
                   stat.grade if stat else None, d.consensus)


def _customer_rows(data: AssessmentData, card) -> Iterator[tuple]:
    for d in card.dimensions:
        if d.customer:
            low, high = d.customer.ci95 or (None, None)
            yield (*_round_cells(data), d.key, d.customer.n, d.customer.mean, d.customer.grade, low, high)
    for measure in ("nps", "csat", "fcr"):
        value = getattr(card.kpis, measure)
        if value is not None:
            yield (*_round_cells(data), measure, None, value, None, None, None)


def _action_rows(data: AssessmentData) -> Iterator[tuple]:
    for a in data.actions:
        yield (*_round_cells(data), a.dimension, a.criterion_id, a.title, a.owner, a.due, a.target_grade,
               a.status, a.notes)


def _csv_bytes(tables: dict[str, list[tuple]]) -> bytes:
    columns = ["table"]
    for names in TABLES.values():
        columns += [c for c in names if c not in columns]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(columns)
    for table, rows in tables.items():
        positions = [columns.index(c) for c in TABLES[table]]
        for row in rows:
            line: list[Any] = [""] * len(columns)
            line[0] = table
            for position, value in zip(positions, row):
                line[position] = "" if value is None else neutralise(value)
            writer.writerow(line)
    return text.getvalue().encode("utf-8-sig")


def _xlsx_bytes(tables: dict[str, list[tuple]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for table, rows in tables.items():
        sheet = book.create_sheet(table)
        sheet.append(list(TABLES[table]))
        for row in rows:
            # control characters are illegal in XLSX; strip them *before* neutralising
            sheet.append([neutralise(_ILLEGAL_XML.sub("", v) if isinstance(v, str) else v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
