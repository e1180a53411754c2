"""The roll-up's table (teams × dimensions, with the pooled whole) as CSV or XLSX.

One row per team and dimension, plus an ``overall`` row per team, and the
same rows for the pooled whole last: a long table a spreadsheet can filter
and pivot.  Withheld figures are empty cells and ``withheld`` says which and
why.  Text is made safe to open in a spreadsheet as the workbook export makes
it (``export.neutralise``); the CSV is UTF-8 with a BOM so Excel shows
Vietnamese names.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rater_desktop.analysis import DimensionResult, ReportCard
from rater_desktop.export import neutralise
from rater_desktop.i18n import _
from rater_desktop.rollup.privacy import Hidden
from rater_desktop.rollup.results import Difference, Rollup
from rater_desktop.rollup.wording import hidden_sentence

COLUMNS = ("team", "file", "round", "date", "dimension", "participants", "team_mean", "team_grade", "consensus",
           "customers", "customer_mean", "customer_grade", "gap", "flag", "team_vs_pooled", "customers_vs_pooled",
           "gap_vs_pooled", "withheld")
SHEET = "rollup"


def table_rows(rollup: Rollup) -> list[tuple[Any, ...]]:
    """The rows of the table, teams in roll-up order and the pooled whole last."""
    rows: list[tuple[Any, ...]] = []
    for team in rollup.teams:
        front = (team.name, str(team.path), team.card.assessment.name, team.card.assessment.date)
        rows += [(*front, *cells, _withheld(team.hidden, cells[0], rollup.min_group, pooled=False))
                 for cells in _card_rows(team.card, team.differences)]
    front = (_("All teams"), "", "", "")
    rows += [(*front, *cells, _withheld(rollup.pooled.hidden, cells[0], rollup.min_group, pooled=True))
             for cells in _card_rows(rollup.pooled.card, None)]
    return rows


def _withheld(hidden: tuple[Hidden, ...], row: str, min_group: int, *, pooled: bool) -> str:
    """The reasons behind the empty cells of one row (a dimension's, or the overall row's)."""
    relevant = [h for h in hidden if h.figure in ("internal", "customer")
                and (row == "overall" or h.dimension in (row, None))]
    return " ".join(hidden_sentence(h, min_group, pooled=pooled) for h in relevant)


def _card_rows(card: ReportCard, differences: dict[str, Difference] | None) -> Iterator[tuple[Any, ...]]:
    for d in card.dimensions:
        difference = differences[d.key] if differences else Difference(None, None, None)
        yield (d.key, *_figures(d), difference.internal, difference.customer, difference.gap)
    inner, outer = card.overall_internal, card.overall_customer
    gap = inner.mean - outer.mean if inner and outer else None
    yield ("overall", None, inner.mean if inner else None, inner.grade if inner else None, None, None,
           outer.mean if outer else None, outer.grade if outer else None, gap, None, None, None, None)


def _figures(d: DimensionResult) -> tuple[Any, ...]:
    inner, outer = d.internal, d.customer
    return (inner.n if inner else None, inner.mean if inner else None, inner.grade if inner else None,
            d.consensus, outer.n if outer else None, outer.mean if outer else None,
            outer.grade if outer else None, d.gap, d.flag)


def write_table(rollup: Rollup, out_path: str | os.PathLike[str]) -> int:
    """Write the table to ``out_path`` (.csv or .xlsx, never half written, never over a member); return the rows."""
    from rater_desktop.files import write_atomically

    out = Path(out_path)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"Cannot export to {out.name}: choose a .csv or .xlsx file name.")
    rows = table_rows(rollup)
    members = tuple(team.path for team in rollup.teams)
    write_atomically(out, _csv_bytes(rows) if suffix == ".csv" else _xlsx_bytes(rows), inputs=members)
    return len(rows)


def _csv_bytes(rows: list[tuple[Any, ...]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([["" if value is None else neutralise(value) for value in row] for row in rows])
    return text.getvalue().encode("utf-8-sig")


def _xlsx_bytes(rows: list[tuple[Any, ...]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([neutralise(ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
