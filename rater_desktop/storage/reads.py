"""Reading a workbook into the frozen records of ``rater_desktop.model``.

Workbooks come from other people, so every value is checked as it is read
rather than trusted because our own code wrote it:

- text is cut in SQL to a fixed length (``SHORT_TEXT`` for names, titles,
  roles; ``LONG_TEXT`` for notes, rationales and criterion wording), so a
  hostile 10 MB name never reaches Python whole; non-text values read as "";
- rows with an unknown grade, dimension, continuum item/kind/value or a
  non-integer id are skipped (they cannot be shown or scored honestly);
- unknown action statuses read as "open", bad target grades and due dates as
  None, bad assessment dates as "";
- survey series that are not whole float64 arrays are skipped; non-finite
  numbers and dimension points outside 0–4 read as "no answer";
- settings that are not valid JSON, or break the rules of
  ``rater_desktop.workbook_settings`` (weights that do not sum to 100), fall
  back to the defaults, and ``settings().problems`` says so.

SQLite errors met while reading become ``DamagedWorkbookError`` /
``WorkbookAccessError`` (see ``errors.translated_sqlite_errors``).
"""

from __future__ import annotations

import functools
import json
import math
import sys
from array import array
from datetime import date
from typing import TYPE_CHECKING, Any

from rater_desktop import model
from rater_desktop.model import (
    ACTION_STATUSES,
    CONTINUUM_ITEMS,
    CONTINUUM_KINDS,
    DIMENSION_KEYS,
    GRADES,
)
from rater_desktop.storage.errors import translated_sqlite_errors
from rater_desktop.survey_sources import scale_from_mapping
from rater_desktop.workbook_settings import WorkbookSettings, settings_from_stored

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database

SHORT_TEXT = 500
LONG_TEXT = 20_000
MAPPING_TEXT = 200_000
SETTING_TEXT = 100_000
"""Characters of one setting's JSON read; a longer value is not one of ours and reads as the default."""
_ONE_PERSON = "AND p.id = ?"


def clean_text(value: Any, limit: int) -> str:
    """``value`` as text of at most ``limit`` characters ("" for blobs and NULL)."""
    if isinstance(value, str):
        return value[:limit]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)[:limit]
    return ""


def clean_id(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def clean_grade(value: Any) -> str | None:
    return value if isinstance(value, str) and value in GRADES else None


def clean_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` date, or None."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value


def clean_dimension(value: Any) -> str | None:
    return value if isinstance(value, str) and value in DIMENSION_KEYS else None


def float64_array(blob: Any) -> array | None:
    """A stored float64 little-endian blob as an array, as stored (NaN and all); None if malformed."""
    if not isinstance(blob, bytes) or len(blob) % 8:
        return None
    values = array("d")
    values.frombytes(blob)
    if sys.byteorder != "little":
        values.byteswap()
    return values


def decode_series(blob: Any) -> list[float | None] | None:
    """A stored float64 little-endian blob as a list (NaN/inf -> None); None if malformed."""
    values = float64_array(blob)
    return None if values is None else [v if math.isfinite(v) else None for v in values]


def _t(column: str, limit: int) -> str:
    """SQL that reads ``column`` cut to ``limit`` characters, under its own name."""
    name = column.split(".")[-1]
    return f"substr({column}, 1, {limit}) AS {name}"


def _guarded(method):
    """Translate SQLite errors raised while reading into WorkbookErrors."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with translated_sqlite_errors(self.path, writing=False):
            return method(self, *args, **kwargs)

    return wrapper


class WorkbookReads:
    """Read side of ``Workbook``; expects ``self._db`` and ``self.path``."""

    _db: Database
    path: Path

    def _rows(self, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
        cursor = self._db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    @_guarded
    def organisation(self) -> str:
        rows = self._rows(f"SELECT {_t('name', SHORT_TEXT)} FROM organisation WHERE id = 1")
        return clean_text(rows[0]["name"], SHORT_TEXT) if rows else ""

    @_guarded
    def assessments(self) -> list[model.Assessment]:
        """Every round, oldest first (by date, then id)."""
        return self._assessments("1")

    def _assessments(self, where: str, params: tuple = ()) -> list[model.Assessment]:
        rows = self._rows(
            f"SELECT id, {_t('name', SHORT_TEXT)}, date, {_t('notes', LONG_TEXT)} "
            f"FROM assessments WHERE {where} ORDER BY date, id", params
        )
        found = []
        for row in rows:
            ident = clean_id(row["id"])
            if ident is not None:
                found.append(
                    model.Assessment(
                        id=ident,
                        name=clean_text(row["name"], SHORT_TEXT),
                        date=clean_date(row["date"]) or "",
                        notes=clean_text(row["notes"], LONG_TEXT),
                    )
                )
        return found

    def latest_assessment_id(self) -> int | None:
        rounds = self.assessments()
        return rounds[-1].id if rounds else None

    def _assessment(self, assessment_id: int) -> model.Assessment:
        """One round by id, read alone: reading every round for each would make a
        2,000-round workbook's summary quadratic (minutes instead of seconds)."""
        found = self._assessments("id = ?", (assessment_id,))
        if not found:
            raise KeyError(f"no assessment with id {assessment_id}")
        return found[0]

    @_guarded
    def criteria(self, *, include_hidden: bool = False) -> list[model.Criterion]:
        """Criteria in dimension order, then by position within the dimension."""
        rows = self._rows(
            f"SELECT c.id, c.dimension, c.position, {_t('c.text', LONG_TEXT)}, "
            f"{_t('c.hint_a', LONG_TEXT)}, {_t('c.hint_f', LONG_TEXT)}, "
            f"{_t('c.builtin_key', SHORT_TEXT)}, c.hidden "
            "FROM criteria c LEFT JOIN dimensions d ON d.key = c.dimension "
            "ORDER BY d.position, c.position, c.id"
        )
        found = []
        for row in rows:
            ident, dimension = clean_id(row["id"]), clean_dimension(row["dimension"])
            hidden = bool(row["hidden"]) if isinstance(row["hidden"], int) else False
            if ident is None or dimension is None or (hidden and not include_hidden):
                continue
            found.append(
                model.Criterion(
                    id=ident,
                    dimension=dimension,
                    position=clean_id(row["position"]) or 0,
                    text=clean_text(row["text"], LONG_TEXT),
                    hint_a=clean_text(row["hint_a"], LONG_TEXT),
                    hint_f=clean_text(row["hint_f"], LONG_TEXT),
                    builtin_key=row["builtin_key"] if isinstance(row["builtin_key"], str) else None,
                    hidden=hidden,
                )
            )
        return found

    @_guarded
    def participants(self, assessment_id: int) -> list[model.Participant]:
        rows = self._rows(
            f"SELECT id, {_t('name', SHORT_TEXT)}, {_t('role', SHORT_TEXT)}, position "
            "FROM participants WHERE assessment_id = ? ORDER BY position, id",
            (assessment_id,),
        )
        return [
            model.Participant(
                id=row["id"],
                name=clean_text(row["name"], SHORT_TEXT),
                role=clean_text(row["role"], SHORT_TEXT),
                position=clean_id(row["position"]) or 0,
            )
            for row in rows
            if clean_id(row["id"]) is not None
        ]

    @_guarded
    def time_contexts(self, assessment_id: int) -> list[model.TimeContext]:
        rows = self._rows(
            f"SELECT id, {_t('name', SHORT_TEXT)}, position FROM time_contexts "
            "WHERE assessment_id = ? ORDER BY position, id",
            (assessment_id,),
        )
        return [
            model.TimeContext(
                id=row["id"],
                name=clean_text(row["name"], SHORT_TEXT),
                position=clean_id(row["position"]) or 0,
            )
            for row in rows
            if clean_id(row["id"]) is not None
        ]

    def _grades(self, where: str, params: tuple) -> list[model.Grade]:
        rows = self._rows(
            f"SELECT g.participant_id, g.criterion_id, g.grade, {_t('g.note', LONG_TEXT)} "
            f"FROM grades g JOIN participants p ON p.id = g.participant_id "
            "LEFT JOIN criteria c ON c.id = g.criterion_id LEFT JOIN dimensions d ON d.key = c.dimension "
            f"WHERE {where} ORDER BY p.position, p.id, d.position, c.position, c.id",
            params,
        )
        found = []
        for row in rows:
            pid, cid, grade = clean_id(row["participant_id"]), clean_id(row["criterion_id"]), clean_grade(row["grade"])
            if pid is not None and cid is not None and grade is not None:
                found.append(model.Grade(pid, cid, grade, clean_text(row["note"], LONG_TEXT)))
        return found

    @_guarded
    def grades_for(self, participant_id: int) -> dict[int, model.Grade]:
        """This participant's grades keyed by criterion id."""
        return {g.criterion_id: g for g in self._grades("g.participant_id = ?", (participant_id,))}

    def _context_grades(self, assessment_id: int, person: int | None = None) -> list[model.ContextGrade]:
        rows = self._rows(
            f"SELECT g.participant_id, g.context_id, g.dimension, g.grade, {_t('g.note', LONG_TEXT)} "
            "FROM context_grades g JOIN participants p ON p.id = g.participant_id "
            f"WHERE p.assessment_id = ? {_ONE_PERSON if person else ''} "
            "ORDER BY p.position, p.id, g.context_id, g.dimension",
            (assessment_id, person) if person else (assessment_id,),
        )
        found = []
        for row in rows:
            pid, cid = clean_id(row["participant_id"]), clean_id(row["context_id"])
            dimension, grade = clean_dimension(row["dimension"]), clean_grade(row["grade"])
            if None not in (pid, cid, dimension, grade):
                found.append(model.ContextGrade(pid, cid, dimension, grade, clean_text(row["note"], LONG_TEXT)))
        return found

    def _dimension_grades(self, assessment_id: int, person: int | None = None) -> list[model.DimensionGrade]:
        rows = self._rows(
            f"SELECT g.participant_id, g.dimension, g.grade, {_t('g.note', LONG_TEXT)} "
            "FROM dimension_grades g JOIN participants p ON p.id = g.participant_id "
            f"WHERE p.assessment_id = ? {_ONE_PERSON if person else ''} ORDER BY p.position, p.id, g.dimension",
            (assessment_id, person) if person else (assessment_id,),
        )
        found = []
        for row in rows:
            pid, dimension, grade = clean_id(row["participant_id"]), clean_dimension(row["dimension"]), clean_grade(row["grade"])
            if None not in (pid, dimension, grade):
                found.append(model.DimensionGrade(pid, dimension, grade, clean_text(row["note"], LONG_TEXT)))
        return found

    def _continuum(self, assessment_id: int, person: int | None = None) -> list[model.ContinuumAnswer]:
        rows = self._rows(
            "SELECT c.participant_id, c.item, c.kind, c.value FROM continuum_answers c "
            f"JOIN participants p ON p.id = c.participant_id WHERE p.assessment_id = ? {_ONE_PERSON if person else ''} "
            "ORDER BY p.position, p.id, c.item, c.kind",
            (assessment_id, person) if person else (assessment_id,),
        )
        found = []
        for row in rows:
            pid, item, value = clean_id(row["participant_id"]), clean_id(row["item"]), clean_id(row["value"])
            if pid is None or item not in CONTINUUM_ITEMS or row["kind"] not in CONTINUUM_KINDS:
                continue
            if value is not None and 1 <= value <= 7:
                found.append(model.ContinuumAnswer(pid, item, row["kind"], value))
        return found

    def _consensus(self, assessment_id: int) -> list[model.Consensus]:
        rows = self._rows(
            f"SELECT dimension, criterion_id, grade, {_t('rationale', LONG_TEXT)} FROM consensus "
            "WHERE assessment_id = ? ORDER BY dimension, criterion_id",
            (assessment_id,),
        )
        found = []
        for row in rows:
            dimension, grade, cid = clean_dimension(row["dimension"]), clean_grade(row["grade"]), clean_id(row["criterion_id"])
            if dimension is not None and grade is not None and cid is not None:
                found.append(model.Consensus(dimension, grade, clean_text(row["rationale"], LONG_TEXT), cid or None))
        return found

    @_guarded
    def actions(self, assessment_id: int) -> list[model.Action]:
        rows = self._rows(
            f"SELECT id, dimension, criterion_id, {_t('title', SHORT_TEXT)}, {_t('owner', SHORT_TEXT)}, "
            f"due, target_grade, status, {_t('notes', LONG_TEXT)} FROM actions "
            "WHERE assessment_id = ? ORDER BY id",
            (assessment_id,),
        )
        return [
            model.Action(
                id=row["id"],
                dimension=clean_dimension(row["dimension"]),
                criterion_id=clean_id(row["criterion_id"]),
                title=clean_text(row["title"], SHORT_TEXT),
                owner=clean_text(row["owner"], SHORT_TEXT),
                due=clean_date(row["due"]),
                target_grade=clean_grade(row["target_grade"]),
                status=row["status"] if row["status"] in ACTION_STATUSES else "open",
                notes=clean_text(row["notes"], LONG_TEXT),
            )
            for row in rows
            if clean_id(row["id"]) is not None
        ]

    @_guarded
    def surveys(self, assessment_id: int) -> list[dict[str, Any]]:
        """Metadata of the round's imported surveys (no respondent data), oldest first."""
        rows = self._rows(
            f"SELECT id, {_t('source_name', SHORT_TEXT)}, {_t('file_hash', SHORT_TEXT)}, row_count, "
            f"{_t('mapping', MAPPING_TEXT)}, imported, scale_min, scale_max, included, {_t('tool', SHORT_TEXT)} "
            "FROM surveys "
            "WHERE assessment_id = ? ORDER BY id",
            (assessment_id,),
        )
        found = []
        for row in rows:
            scale_min, scale_max = row["scale_min"], row["scale_max"]
            numeric = all(isinstance(v, (int, float)) and math.isfinite(v) for v in (scale_min, scale_max))
            count = clean_id(row["row_count"])
            if clean_id(row["id"]) is None or not numeric or scale_min >= scale_max or count is None or count < 0:
                continue
            found.append(
                {
                    "id": row["id"],
                    "source_name": clean_text(row["source_name"], SHORT_TEXT),
                    "file_hash": clean_text(row["file_hash"], SHORT_TEXT),
                    "row_count": count,
                    "mapping": clean_text(row["mapping"], MAPPING_TEXT),
                    "imported": clean_text(row["imported"], 40),
                    "scale_min": float(scale_min),
                    "scale_max": float(scale_max),
                    "included": row["included"] != 0,
                    "tool": clean_text(row["tool"], SHORT_TEXT),
                }
            )
        return found

    def survey_sources(self, assessment_id: int) -> list[model.SurveySource]:
        """The round's imported surveys as named sources (scale, included or not), oldest first."""
        return [_source(meta) for meta in self.surveys(assessment_id)]

    def _survey_results(self, meta: dict[str, Any]) -> model.SurveyResults:
        dims: dict[str, list[float | None]] = {}
        expectation: dict[str, list[float | None]] = {}
        perception: dict[str, list[float | None]] = {}
        minimum: dict[str, list[float | None]] = {}
        items: dict[tuple[str, str], list[float | None]] = {}
        kpis: dict[str, list[float | None]] = {}
        low, high = meta["scale_min"], meta["scale_max"]
        source = _source(meta)
        cursor = self._db.execute(
            "SELECT name, data FROM survey_series WHERE survey_id = ? ORDER BY name", (meta["id"],)
        )
        for name, blob in cursor:
            values = decode_series(blob)
            if values is None or not isinstance(name, str) or ":" not in name:
                continue
            prefix, key = name.split(":", 1)
            if prefix == "dim" and key in DIMENSION_KEYS:
                dims[key] = [v if v is not None and 0.0 <= v <= 4.0 else None for v in values]
            elif prefix in ("exp", "per", "min") and key in DIMENSION_KEYS:
                target = {"exp": expectation, "per": perception, "min": minimum}[prefix]
                target[key] = [v if v is not None and low <= v <= high else None for v in values]
            elif prefix == "item" and key.split(":", 1)[0] in DIMENSION_KEYS and ":" in key:
                dimension, column = key.split(":", 1)
                items[(dimension, column[:SHORT_TEXT])] = [v if v is not None and 0.0 <= v <= 4.0 else None
                                                           for v in values]
            elif prefix == "kpi" and key in ("nps", "csat", "fcr"):
                kpis[key] = values
        return model.SurveyResults(
            id=meta["id"],
            source_name=meta["source_name"],
            row_count=meta["row_count"],
            scale_min=low,
            scale_max=high,
            dimension_scores=dims,
            expectation=expectation,
            perception=perception,
            minimum=minimum,
            items=items,
            nps=[v if v is not None and 0 <= v <= 10 else None for v in kpis.get("nps", [])],
            csat=kpis.get("csat", []),
            fcr=[None if v is None or v not in (0.0, 1.0) else v == 1.0 for v in kpis.get("fcr", [])],
            imported=meta["imported"],
            included=meta["included"],
            scale_kind=source.scale.kind,
            scale_labels=source.scale.labels,
            tool=meta["tool"],
        )

    @_guarded
    def survey_comments(self, assessment_id: int) -> list[model.SurveyComment]:
        """The customers' own words kept from the round's surveys, hidden ones flagged, in file order."""
        rows = self._rows(
            f"SELECT k.id, k.survey_id, {_t('k.column_name', SHORT_TEXT)}, k.row_number, "
            f"{_t('k.text', LONG_TEXT)}, k.hidden FROM survey_comments k JOIN surveys s ON s.id = k.survey_id "
            "WHERE s.assessment_id = ? ORDER BY k.survey_id, k.row_number, k.id",
            (assessment_id,),
        )
        return [
            model.SurveyComment(
                id=row["id"],
                survey_id=row["survey_id"],
                column=clean_text(row["column_name"], SHORT_TEXT),
                row=clean_id(row["row_number"]) or 0,
                text=clean_text(row["text"], LONG_TEXT),
                hidden=row["hidden"] != 0,
            )
            for row in rows
            if clean_id(row["id"]) is not None and clean_id(row["survey_id"]) is not None
            and clean_text(row["text"], LONG_TEXT).strip()
        ]

    @_guarded
    def get_setting(self, key: str, default: Any = None) -> Any:
        """The JSON value stored under ``key``, or ``default`` if absent or unreadable."""
        rows = self._rows(f"SELECT {_t('value', SETTING_TEXT)} FROM settings WHERE key = ?", (key,))
        if not rows or not isinstance(rows[0]["value"], str):
            return default
        try:
            return json.loads(rows[0]["value"])
        except (ValueError, RecursionError):  # "[[[[…" nested 100,000 deep, from another program
            return default

    @_guarded
    def settings(self) -> WorkbookSettings:
        """The workbook's settings as they apply; unusable stored values read as defaults (with a problem)."""
        keys = ("weights", "servqual_weights", "gap_threshold", "show_names")
        stored = {key: value for key in keys if (value := self.get_setting(key)) is not None}
        return settings_from_stored(stored)

    @_guarded
    def own_answers(self, assessment_id: int, participant_id: int) -> model.AssessmentData:
        """One participant's answers in round ``assessment_id`` and nothing of anyone else's.

        In the shape of :meth:`read_assessment`, but only ``grades``,
        ``context_grades``, ``dimension_grades`` and ``continuum`` are filled
        (and ``participants`` holds that one person): what a voter's own screen
        may hold.
        """
        assessment = self._assessment(assessment_id)
        person = next((p for p in self.participants(assessment_id) if p.id == participant_id), None)
        if person is None:
            return model.AssessmentData(organisation="", assessment=assessment, criteria=(), participants=())
        visible = {c.id for c in self.criteria()}
        return model.AssessmentData(
            organisation="",
            assessment=assessment,
            criteria=(),
            participants=(person,),
            grades=tuple(g for g in self._grades("g.participant_id = ?", (participant_id,)) if g.criterion_id in visible),
            context_grades=tuple(self._context_grades(assessment_id, participant_id)),
            dimension_grades=tuple(self._dimension_grades(assessment_id, participant_id)),
            continuum=tuple(self._continuum(assessment_id, participant_id)),
        )

    @_guarded
    def survey_results(self, assessment_id: int) -> tuple[model.SurveyResults, ...]:
        """Every survey of the round with its answers: the slow part of :meth:`read_assessment` when
        the round holds many responses, so a cache may keep it until a survey changes."""
        return tuple(self._survey_results(meta) for meta in self.surveys(assessment_id))

    @_guarded
    def read_assessment(
        self, assessment_id: int, *, surveys: tuple[model.SurveyResults, ...] | None = None
    ) -> model.AssessmentData:
        """Everything analysis needs about one round; hidden criteria and their grades are left out.

        ``surveys``: the round's :meth:`survey_results`, already read, instead of reading them again.
        """
        assessment = self._assessment(assessment_id)
        settings = self.settings()
        criteria = tuple(self.criteria())
        visible = {c.id for c in criteria}
        return model.AssessmentData(
            organisation=self.organisation(),
            assessment=assessment,
            criteria=criteria,
            participants=tuple(self.participants(assessment_id)),
            grades=tuple(
                g for g in self._grades("p.assessment_id = ?", (assessment_id,)) if g.criterion_id in visible
            ),
            contexts=tuple(self.time_contexts(assessment_id)),
            context_grades=tuple(self._context_grades(assessment_id)),
            dimension_grades=tuple(self._dimension_grades(assessment_id)),
            continuum=tuple(self._continuum(assessment_id)),
            consensus=tuple(
                c for c in self._consensus(assessment_id) if c.criterion_id is None or c.criterion_id in visible
            ),
            actions=tuple(self.actions(assessment_id)),
            surveys=self.survey_results(assessment_id) if surveys is None else surveys,
            weights=settings.weights,
            servqual_weights=settings.servqual_weights,
            gap_threshold=settings.gap_threshold,
            show_names=settings.show_names,
            comments=tuple(self.survey_comments(assessment_id)),
        )


def _source(meta: dict[str, Any]) -> model.SurveySource:
    """A survey's metadata row (as ``WorkbookReads.surveys`` gives it) as a named source."""
    return model.SurveySource(
        id=meta["id"],
        source_name=meta["source_name"],
        imported=meta["imported"],
        rows=meta["row_count"],
        scale=scale_from_mapping(meta["mapping"], meta["scale_min"], meta["scale_max"]),
        included=meta["included"],
        tool=meta["tool"],
    )
