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
same tests written inline where the row count multiplies their cost, and its
survey decoding), so a hostile file gives the same figures here as in its own
report card.
"""

from __future__ import annotations

import functools
import math
from array import array
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rater_desktop import model
from rater_desktop.model import ACTION_STATUSES, CONTINUUM_ITEMS, CONTINUUM_KINDS, DIMENSION_KEYS, GRADES
from rater_desktop.storage.errors import translated_sqlite_errors
from rater_desktop.storage.values import (
    LONG_TEXT,
    MAPPING_TEXT,
    SHORT_TEXT,
    clean_dimension,
    clean_grade,
    clean_id,
    clean_text,
    float64_array,
)

if TYPE_CHECKING:
    from rater_desktop.storage.workbook import Workbook
    from rater_desktop.workbook_settings import WorkbookSettings

@dataclass(frozen=True)
class RoundRows:
    """One round's rows as plain tuples: a frozen record per grade would cost more than reading it."""

    assessment: model.Assessment
    participants: tuple[int, ...]
    """participant ids, in the round's order"""
    grades: tuple[tuple[int, int, str], ...]
    """(participant id, criterion id, grade code) on visible statements"""
    quick_grades: tuple[tuple[int, str, str], ...]
    """(participant id, dimension, grade code) given in a quick round"""
    continuum: tuple[tuple[int, str, int], ...]
    """(participant id, kind, value 1–7)"""
    consensus: dict[str, str]
    """dimension → agreed grade code (the dimension's own, not a statement's)"""
    action_statuses: tuple[str, ...]
    surveys: tuple[model.SurveyResults, ...]
    """every survey imported into the round, included or not, with its dimension and SERVQUAL answers"""


@dataclass(frozen=True)
class WorkbookRows:
    organisation: str
    criteria: tuple[model.Criterion, ...]
    """visible statements only (hidden ones take no part anywhere)"""
    rounds: tuple[RoundRows, ...]
    """oldest first"""
    settings: WorkbookSettings


def read_workbook_rows(workbook: Workbook) -> WorkbookRows:
    """Every round of ``workbook`` in a handful of queries, without notes, names, situations or comments."""
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
        quick = self.quick_grades(owner)
        continuum = self.continuum(owner)
        consensus = self.consensus()
        actions = self.actions()
        surveys = self.surveys()
        rounds = tuple(
            RoundRows(
                assessment=a,
                participants=tuple(people.get(a.id, ())),
                grades=tuple(grades.get(a.id, ())),
                quick_grades=tuple(quick.get(a.id, ())),
                continuum=tuple(continuum.get(a.id, ())),
                consensus=consensus.get(a.id, {}),
                action_statuses=tuple(actions.get(a.id, ())),
                surveys=tuple(surveys.get(a.id, ())),
            )
            for a in self.book.assessments()
        )
        return WorkbookRows(self.book.organisation(), criteria, rounds, self.book.settings())

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

    def participants(self) -> dict[int, list[int]]:
        found: defaultdict[int, list[int]] = defaultdict(list)
        for ident, round_id in self.rows("SELECT id, assessment_id FROM participants ORDER BY position, id"):
            if type(ident) is int and type(round_id) is int:
                found[round_id].append(ident)
        return found

    def grades(self, owner: dict[int, int], visible: set[int]) -> dict[int, list[tuple[int, int, str]]]:
        # ids are checked by type (as clean_id does) and codes against GRADES: a cell of another type or an
        # unknown code is no grade; hundreds of rows a file, so no per-row function call
        found: defaultdict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for pid, cid, grade in self.rows("SELECT participant_id, criterion_id, grade FROM grades"):
            if type(pid) is int and type(cid) is int and pid in owner and cid in visible and grade in GRADES:
                found[owner[pid]].append((pid, cid, grade))
        return found

    def quick_grades(self, owner: dict[int, int]) -> dict[int, list[tuple[int, str, str]]]:
        found: defaultdict[int, list[tuple[int, str, str]]] = defaultdict(list)
        for pid, dimension, grade in self.rows("SELECT participant_id, dimension, grade FROM dimension_grades"):
            if type(pid) is int and pid in owner and dimension in DIMENSION_KEYS and grade in GRADES:
                found[owner[pid]].append((pid, dimension, grade))
        return found

    def continuum(self, owner: dict[int, int]) -> dict[int, list[tuple[int, str, int]]]:
        found: defaultdict[int, list[tuple[int, str, int]]] = defaultdict(list)
        for pid, item, kind, value in self.rows("SELECT participant_id, item, kind, value FROM continuum_answers"):
            if type(pid) is int and pid in owner and type(item) is int and item in CONTINUUM_ITEMS \
                    and kind in CONTINUUM_KINDS and type(value) is int and 1 <= value <= 7:
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
        for ident, round_id, status in self.rows("SELECT id, assessment_id, status FROM actions ORDER BY id"):
            if clean_id(ident) is not None and clean_id(round_id) is not None:
                found[round_id].append(status if status in ACTION_STATUSES else "open")
        return found

    def surveys(self) -> dict[int, list[model.SurveyResults]]:
        """Every survey (included or not) with the answers a roll-up pools: dimension scores and SERVQUAL items.

        Per-item answers, KPIs and minimum items are not decoded: a roll-up
        shows none of them, and decoding them was most of the cost of a
        workbook.  What is decoded is checked as ``reads.py`` checks it, and
        kept as an array of the answers given (a roll-up pools answers, it
        never pairs them by respondent, so the gaps need no place).
        """
        metas = self.survey_metas()
        series: defaultdict[int, dict[str, dict[str, array]]] = defaultdict(
            lambda: {"dim": {}, "per": {}, "exp": {}})
        bounds = {meta["id"]: (meta["scale_min"], meta["scale_max"]) for meta in metas}
        for survey_id, name, blob in self.rows(
            "SELECT survey_id, name, data FROM survey_series "
            "WHERE name GLOB 'dim:*' OR name GLOB 'per:*' OR name GLOB 'exp:*'"
        ):
            prefix, _colon, key = name.partition(":") if isinstance(name, str) else ("", "", "")
            if survey_id not in bounds or key not in DIMENSION_KEYS:
                continue
            low, high = (0.0, 4.0) if prefix == "dim" else bounds[survey_id]
            answers = _answers(blob, low, high)
            if answers is not None:
                series[survey_id][prefix][key] = answers
        found: defaultdict[int, list[model.SurveyResults]] = defaultdict(list)
        for meta in metas:
            parts = series[meta["id"]]
            scale = self.scale(meta) if parts["per"] or parts["exp"] else None
            found[meta["assessment_id"]].append(model.SurveyResults(
                id=meta["id"], source_name=meta["source_name"], row_count=meta["row_count"],
                scale_min=meta["scale_min"], scale_max=meta["scale_max"], dimension_scores=parts["dim"],
                perception=parts["per"], expectation=parts["exp"], imported=meta["imported"],
                included=meta["included"], scale_kind=scale.kind if scale else "numeric",
                scale_labels=scale.labels if scale else (), tool=meta["tool"]))
        return found

    def scale(self, meta: dict[str, Any]) -> model.SurveyScale:
        """The survey's scale as its mapping names it (only SERVQUAL pooling needs more than its bounds)."""
        rows = self.rows(f"SELECT substr(mapping, 1, {MAPPING_TEXT}) FROM surveys WHERE id = {int(meta['id'])}")
        return _scale(clean_text(rows[0][0], MAPPING_TEXT) if rows else "", meta["scale_min"], meta["scale_max"])

    def survey_metas(self) -> list[dict[str, Any]]:
        metas = []
        for ident, round_id, source, count, imported, low, high, included, tool in self.rows(
            f"SELECT id, assessment_id, substr(source_name, 1, {SHORT_TEXT}), row_count, imported, scale_min, "
            f"scale_max, included, substr(tool, 1, {SHORT_TEXT}) FROM surveys ORDER BY id"
        ):
            numeric = all(isinstance(v, (int, float)) and math.isfinite(v) for v in (low, high))
            count = clean_id(count)
            if clean_id(ident) is None or clean_id(round_id) is None or not numeric or low >= high:
                continue
            if count is None or count < 0:
                continue
            metas.append({"id": ident, "assessment_id": round_id, "source_name": clean_text(source, SHORT_TEXT),
                          "row_count": count, "imported": clean_text(imported, 40), "scale_min": float(low),
                          "scale_max": float(high), "included": included != 0, "tool": clean_text(tool, SHORT_TEXT)})
        return metas


@functools.lru_cache(maxsize=64)
def _scale(mapping: str, low: float, high: float) -> model.SurveyScale:
    """``scale_from_mapping``, parsed once per mapping: teams of a chain import the same survey the same way."""
    from rater_desktop.survey_sources import scale_from_mapping

    return scale_from_mapping(mapping, low, high)


def _answers(blob: Any, low: float, high: float) -> array | None:
    """The answers in a stored series, by the rules of ``values.decode_series`` and the range checks after it.

    A blob that is not whole float64 numbers is no series (None); NaN (no
    answer), infinities and values outside ``low``–``high`` are left out, in
    one pass (NaN fails every comparison).
    """
    values = float64_array(blob)
    return None if values is None else array("d", [v for v in values if low <= v <= high])
