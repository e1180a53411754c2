"""Every round of a workbook in one lean read, for the roll-up of many workbooks.

A roll-up opens hundreds of workbooks, so reading each round through
``read_assessment`` (notes, situations, comments, one query per part and per
round) would cost several times what the figures need.  Here a workbook is
read in a handful of queries for all rounds at once, and only what the
roll-up computes from: statements, who graded what (statement and quick-round
grades), continuum answers, the agreed dimension grades, action statuses, the
customer surveys, and the settings.  Notes, names, roles, situations and
customers' comments are not read at all: a roll-up never shows them.

Values are checked by the rules ``reads.py`` applies (its cleaners, or the
same tests written in SQL where the row count multiplies their cost, and its
survey decoding), so a hostile file gives the same figures here as in its own
report card.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from rater_desktop import model
from rater_desktop.model import ACTION_STATUSES, CONTINUUM_ITEMS, CONTINUUM_KINDS, DIMENSION_KEYS, GRADES
from rater_desktop.storage.errors import translated_sqlite_errors
from rater_desktop.storage.reads import (
    LONG_TEXT,
    MAPPING_TEXT,
    SHORT_TEXT,
    clean_dimension,
    clean_grade,
    clean_id,
    clean_text,
)

if TYPE_CHECKING:
    from rater_desktop.storage.workbook import Workbook

_CODES = ", ".join(f"'{code}'" for code in GRADES)
_DIMENSIONS = ", ".join(f"'{key}'" for key in DIMENSION_KEYS)
_IS_ID = "typeof({}) = 'integer'"


def read_all_rounds(workbook: Workbook) -> tuple[model.AssessmentData, ...]:
    """Every round of ``workbook`` (oldest first) as lean :class:`AssessmentData`.

    Lean means: participants carry no name or role, grades no notes, actions
    only their status, and there are no situations or comments.  Hidden
    statements and their grades are left out, as everywhere.
    """
    with translated_sqlite_errors(workbook.path, writing=False):
        return _LeanRead(workbook).rounds()


class _LeanRead:
    def __init__(self, workbook: Workbook) -> None:
        self.book = workbook
        self.db = workbook._db

    def rows(self, sql: str) -> list[tuple]:
        return self.db.execute(sql).fetchall()

    def rounds(self) -> tuple[model.AssessmentData, ...]:
        assessments = self.book.assessments()
        if not assessments:
            return ()
        criteria = self.criteria()
        visible = {c.id for c in criteria}
        people = self.participants()
        owner = {p.id: round_id for round_id, members in people.items() for p in members}
        settings = self.book.settings()
        shared = {
            "organisation": self.book.organisation(),
            "criteria": criteria,
            "weights": settings.weights,
            "servqual_weights": settings.servqual_weights,
            "gap_threshold": settings.gap_threshold,
        }
        grades = self.grades(owner, visible)
        quick = self.quick_grades(owner)
        continuum = self.continuum(owner)
        consensus = self.consensus()
        actions = self.actions()
        surveys = self.surveys()
        return tuple(
            model.AssessmentData(
                assessment=a,
                participants=tuple(people.get(a.id, ())),
                grades=tuple(grades.get(a.id, ())),
                dimension_grades=tuple(quick.get(a.id, ())),
                continuum=tuple(continuum.get(a.id, ())),
                consensus=tuple(consensus.get(a.id, ())),
                actions=tuple(actions.get(a.id, ())),
                surveys=tuple(surveys.get(a.id, ())),
                **shared,
            )
            for a in assessments
        )

    def criteria(self) -> tuple[model.Criterion, ...]:
        found = []
        for ident, dimension, position, text, key in self.rows(
            f"SELECT c.id, c.dimension, c.position, substr(c.text, 1, {LONG_TEXT}), "
            f"substr(c.builtin_key, 1, {SHORT_TEXT}) FROM criteria c LEFT JOIN dimensions d ON d.key = c.dimension "
            "WHERE NOT (typeof(c.hidden) = 'integer' AND c.hidden != 0) ORDER BY d.position, c.position, c.id"
        ):
            if clean_id(ident) is not None and clean_dimension(dimension) is not None:
                found.append(model.Criterion(ident, dimension, clean_id(position) or 0, clean_text(text, LONG_TEXT),
                                             builtin_key=key if isinstance(key, str) and key else None))
        return tuple(found)

    def participants(self) -> dict[int, list[model.Participant]]:
        found: defaultdict[int, list[model.Participant]] = defaultdict(list)
        for ident, round_id, position in self.rows(
            f"SELECT id, assessment_id, position FROM participants WHERE {_IS_ID.format('id')} "
            f"AND {_IS_ID.format('assessment_id')} ORDER BY position, id"
        ):
            found[round_id].append(model.Participant(ident, "", position=clean_id(position) or 0))
        return found

    def grades(self, owner: dict[int, int], visible: set[int]) -> dict[int, list[model.Grade]]:
        found: defaultdict[int, list[model.Grade]] = defaultdict(list)
        for pid, cid, grade in self.rows(
            f"SELECT participant_id, criterion_id, grade FROM grades WHERE {_IS_ID.format('participant_id')} "
            f"AND {_IS_ID.format('criterion_id')} AND typeof(grade) = 'text' AND grade IN ({_CODES})"
        ):
            if pid in owner and cid in visible and grade in GRADES:  # a NOCASE column could let 'a' through
                found[owner[pid]].append(model.Grade(pid, cid, grade))
        return found

    def quick_grades(self, owner: dict[int, int]) -> dict[int, list[model.DimensionGrade]]:
        found: defaultdict[int, list[model.DimensionGrade]] = defaultdict(list)
        for pid, dimension, grade in self.rows(
            f"SELECT participant_id, dimension, grade FROM dimension_grades WHERE {_IS_ID.format('participant_id')} "
            f"AND typeof(dimension) = 'text' AND dimension IN ({_DIMENSIONS}) "
            f"AND typeof(grade) = 'text' AND grade IN ({_CODES})"
        ):
            if pid in owner and grade in GRADES and dimension in DIMENSION_KEYS:
                found[owner[pid]].append(model.DimensionGrade(pid, dimension, grade))
        return found

    def continuum(self, owner: dict[int, int]) -> dict[int, list[model.ContinuumAnswer]]:
        found: defaultdict[int, list[model.ContinuumAnswer]] = defaultdict(list)
        items = ", ".join(str(item) for item in CONTINUUM_ITEMS)
        kinds = ", ".join(f"'{kind}'" for kind in CONTINUUM_KINDS)
        for pid, item, kind, value in self.rows(
            f"SELECT participant_id, item, kind, value FROM continuum_answers WHERE {_IS_ID.format('participant_id')} "
            f"AND {_IS_ID.format('item')} AND item IN ({items}) AND typeof(kind) = 'text' AND kind IN ({kinds}) "
            f"AND {_IS_ID.format('value')} AND value BETWEEN 1 AND 7"
        ):
            if pid in owner and kind in CONTINUUM_KINDS:
                found[owner[pid]].append(model.ContinuumAnswer(pid, item, kind, value))
        return found

    def consensus(self) -> dict[int, list[model.Consensus]]:
        found: defaultdict[int, list[model.Consensus]] = defaultdict(list)
        for round_id, dimension, grade in self.rows(
            "SELECT assessment_id, dimension, grade FROM consensus WHERE criterion_id = 0"
        ):
            if clean_id(round_id) is not None and clean_dimension(dimension) and clean_grade(grade):
                found[round_id].append(model.Consensus(dimension, grade))
        return found

    def actions(self) -> dict[int, list[model.Action]]:
        found: defaultdict[int, list[model.Action]] = defaultdict(list)
        for ident, round_id, status in self.rows(
            f"SELECT id, assessment_id, status FROM actions WHERE {_IS_ID.format('id')} "
            f"AND {_IS_ID.format('assessment_id')} ORDER BY id"
        ):
            found[round_id].append(model.Action(ident, None, None, "", status=status if status in ACTION_STATUSES
                                                else "open"))
        return found

    def surveys(self) -> dict[int, list[model.SurveyResults]]:
        """Every survey with its answers, decoded as ``reads.py`` decodes them (included or not)."""
        found: defaultdict[int, list[model.SurveyResults]] = defaultdict(list)
        for meta in self.survey_metas():
            found[meta["assessment_id"]].append(self.book._survey_results(meta))
        return found

    def survey_metas(self) -> list[dict[str, Any]]:
        metas = []
        for ident, round_id, source, count, mapping, imported, low, high, included, tool in self.rows(
            f"SELECT id, assessment_id, substr(source_name, 1, {SHORT_TEXT}), row_count, "
            f"substr(mapping, 1, {MAPPING_TEXT}), imported, scale_min, scale_max, included, "
            f"substr(tool, 1, {SHORT_TEXT}) FROM surveys ORDER BY id"
        ):
            numeric = all(isinstance(v, (int, float)) and math.isfinite(v) for v in (low, high))
            count = clean_id(count)
            if clean_id(ident) is None or clean_id(round_id) is None or not numeric or low >= high:
                continue
            if count is None or count < 0:
                continue
            metas.append({"id": ident, "assessment_id": round_id, "source_name": clean_text(source, SHORT_TEXT),
                          "row_count": count, "mapping": clean_text(mapping, MAPPING_TEXT),
                          "imported": clean_text(imported, 40), "scale_min": float(low), "scale_max": float(high),
                          "included": included != 0, "tool": clean_text(tool, SHORT_TEXT)})
        return metas
