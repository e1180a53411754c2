"""Every round of a workbook in one lean read, for the roll-up of many workbooks.

A roll-up opens hundreds of workbooks, so reading each round through
``read_assessment`` (notes, situations, wording, one query per part and per
round) would cost several times what the figures need.  Here a workbook is
read in a handful of queries for all rounds at once, and only what the
roll-up computes from: statements (dimension, built-in key, wording),
who graded what, continuum answers, the agreed dimension grades, action
statuses, the customer surveys that count in each round's comparison, and the
weights and gap threshold.  Notes, names, roles and situations are not read
at all: a roll-up never shows them.

Values are checked by the rules ``reads.py`` applies (its cleaners, or the
same tests written in SQL where a row count multiplies their cost, and its
survey decoding), so a hostile file gives the same figures here as in its own
report card.  Rows are plain tuples: a frozen record per grade would cost
more than reading it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rater_desktop import model
from rater_desktop.model import ACTION_STATUSES, CONTINUUM_ITEMS, CONTINUUM_KINDS, GRADES
from rater_desktop.storage.errors import translated_sqlite_errors
from rater_desktop.storage.reads import (
    LONG_TEXT,
    SHORT_TEXT,
    clean_dimension,
    clean_grade,
    clean_id,
    clean_text,
)

if TYPE_CHECKING:
    from rater_desktop.storage.workbook import Workbook


@dataclass(frozen=True)
class RoundRows:
    """One round's rows, as plain tuples (a roll-up holds hundreds of workbooks' worth)."""

    assessment: model.Assessment
    participants: tuple[int, ...]
    """participant ids, in the round's order"""
    grades: tuple[tuple[int, int, str], ...]
    """(participant id, criterion id, grade code) on visible statements"""
    continuum: tuple[tuple[int, str, int], ...]
    """(participant id, kind, value 1–7)"""
    consensus: dict[str, str]
    """dimension → agreed grade code (dimension level only)"""
    action_statuses: tuple[str, ...]
    surveys: tuple[model.SurveyResults, ...]
    """the surveys included in the round's comparison"""


@dataclass(frozen=True)
class WorkbookRows:
    organisation: str
    criteria: tuple[model.Criterion, ...]
    """visible statements only (hidden ones take no part anywhere)"""
    rounds: tuple[RoundRows, ...]
    """oldest first"""
    weights: dict[str, float] | None
    gap_threshold: float


def read_workbook_rows(workbook: Workbook) -> WorkbookRows:
    """Every round of ``workbook`` in a handful of queries, without notes, names or situations."""
    with translated_sqlite_errors(workbook.path, writing=False):
        return _LeanRead(workbook).workbook()


class _LeanRead:
    def __init__(self, workbook: Workbook) -> None:
        self.book = workbook
        self.db = workbook._db

    def rows(self, sql: str) -> list[tuple]:
        return self.db.execute(sql).fetchall()

    def workbook(self) -> WorkbookRows:
        criteria = self.criteria()
        visible = {c.id for c in criteria}
        people = self.participants()
        owner = {pid: round_id for round_id, members in people.items() for pid in members}
        grades = self.grades(owner, visible)
        continuum = self.continuum(owner)
        consensus = self.consensus()
        actions = self.actions()
        surveys = self.surveys()
        rounds = tuple(
            RoundRows(
                assessment=a,
                participants=tuple(people.get(a.id, ())),
                grades=tuple(grades.get(a.id, ())),
                continuum=tuple(continuum.get(a.id, ())),
                consensus=consensus.get(a.id, {}),
                action_statuses=tuple(actions.get(a.id, ())),
                surveys=tuple(surveys.get(a.id, ())),
            )
            for a in self.book.assessments()
        )
        return WorkbookRows(self.book.organisation(), criteria, rounds, self.book._weights("weights"),
                            self.book._gap_threshold())

    def criteria(self) -> tuple[model.Criterion, ...]:
        found = []
        for ident, dimension, position, text, key, hidden in self.rows(
            f"SELECT id, dimension, position, substr(text, 1, {LONG_TEXT}), substr(builtin_key, 1, {SHORT_TEXT}), "
            "hidden FROM criteria ORDER BY position, id"
        ):
            if clean_id(ident) is None or clean_dimension(dimension) is None or (isinstance(hidden, int) and hidden):
                continue
            found.append(model.Criterion(ident, dimension, clean_id(position) or 0, clean_text(text, LONG_TEXT),
                                         builtin_key=key if isinstance(key, str) and key else None))
        return tuple(found)

    def participants(self) -> dict[int, list[int]]:
        found: defaultdict[int, list[int]] = defaultdict(list)
        for ident, round_id in self.rows(
            "SELECT id, assessment_id FROM participants WHERE typeof(id) = 'integer' "
            "AND typeof(assessment_id) = 'integer' ORDER BY position, id"
        ):
            found[round_id].append(ident)
        return found

    def grades(self, owner: dict[int, int], visible: set[int]) -> dict[int, list[tuple[int, int, str]]]:
        # the checks of clean_id/clean_grade, made in SQL: hundreds of rows per workbook add up over hundreds of files
        found: defaultdict[int, list[tuple[int, int, str]]] = defaultdict(list)
        codes = ", ".join(f"'{code}'" for code in GRADES)
        for pid, cid, grade in self.rows(
            "SELECT participant_id, criterion_id, grade FROM grades WHERE typeof(participant_id) = 'integer' "
            f"AND typeof(criterion_id) = 'integer' AND typeof(grade) = 'text' AND grade IN ({codes})"
        ):
            if pid in owner and cid in visible and grade in GRADES:  # a NOCASE column could let 'a' through
                found[owner[pid]].append((pid, cid, grade))
        return found

    def continuum(self, owner: dict[int, int]) -> dict[int, list[tuple[int, str, int]]]:
        found: defaultdict[int, list[tuple[int, str, int]]] = defaultdict(list)
        items = ", ".join(str(item) for item in CONTINUUM_ITEMS)
        kinds = ", ".join(f"'{kind}'" for kind in CONTINUUM_KINDS)
        for pid, kind, value in self.rows(
            "SELECT participant_id, kind, value FROM continuum_answers WHERE typeof(participant_id) = 'integer' "
            f"AND typeof(item) = 'integer' AND item IN ({items}) AND typeof(kind) = 'text' AND kind IN ({kinds}) "
            "AND typeof(value) = 'integer' AND value BETWEEN 1 AND 7"
        ):
            if pid in owner:
                found[owner[pid]].append((pid, kind, value))
        return found

    def consensus(self) -> dict[int, dict[str, str]]:
        found: defaultdict[int, dict[str, str]] = defaultdict(dict)
        for round_id, dimension, grade in self.rows(
            "SELECT assessment_id, dimension, grade FROM consensus WHERE criterion_id = 0"
        ):
            if clean_id(round_id) is not None and clean_dimension(dimension) and clean_grade(grade):
                found[round_id][dimension] = grade
        return found

    def actions(self) -> dict[int, list[str]]:
        found: defaultdict[int, list[str]] = defaultdict(list)
        for round_id, status in self.rows(
            "SELECT assessment_id, status FROM actions WHERE typeof(id) = 'integer' ORDER BY id"
        ):
            if clean_id(round_id) is not None:
                found[round_id].append(status if status in ACTION_STATUSES else "open")
        return found

    def surveys(self) -> dict[int, list[model.SurveyResults]]:
        """The surveys included in their round's comparison, decoded as ``reads.py`` decodes them."""
        found: defaultdict[int, list[model.SurveyResults]] = defaultdict(list)
        for meta in self.survey_metas():
            found[meta["assessment_id"]].append(self.book._survey_results(meta))
        return found

    def survey_metas(self) -> list[dict[str, Any]]:
        metas = []
        for ident, round_id, source, count, imported, low, high in self.rows(
            f"SELECT id, assessment_id, substr(source_name, 1, {SHORT_TEXT}), row_count, imported, scale_min, "
            "scale_max FROM surveys WHERE included = 1 ORDER BY id"
        ):
            numeric = all(isinstance(v, (int, float)) and math.isfinite(v) for v in (low, high))
            count = clean_id(count)
            if clean_id(ident) is None or clean_id(round_id) is None or not numeric or low >= high:
                continue
            if count is None or count < 0:
                continue
            metas.append({"id": ident, "assessment_id": round_id, "source_name": clean_text(source, SHORT_TEXT),
                          "row_count": count, "imported": clean_text(imported, 40),
                          "scale_min": float(low), "scale_max": float(high)})
        return metas
