"""Reading a workbook into the frozen records of ``rater_desktop.model``.

Workbooks come from other people, so every value is checked as it is read
rather than trusted because our own code wrote it:

- text is cut in SQL to a fixed length (``SHORT_TEXT`` for names, titles,
  roles; ``LONG_TEXT`` for notes, rationales and criterion wording), so a
  hostile 10 MB name never reaches Python whole; non-text values read as ""
  (``values.py`` holds these rules for every read);
- rows with an unknown grade, dimension, continuum item/kind/value or a
  non-integer id are skipped (they cannot be shown or scored honestly);
- unknown action statuses read as "open", bad target grades and due dates as
  None, bad assessment dates as "";
- survey series that are not whole float64 arrays are skipped; non-finite
  numbers and dimension points outside 0–4 read as "no answer"
  (``survey_reads.py``);
- settings that are not valid JSON, or break the rules of
  ``rater_desktop.workbook_settings`` (weights that do not sum to 100), fall
  back to the defaults, and ``settings().problems`` says so.

SQLite errors met while reading become ``DamagedWorkbookError`` /
``WorkbookAccessError`` (see ``errors.translated_sqlite_errors``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from rater_desktop import model
from rater_desktop.model import ACTION_STATUSES, CONTINUUM_ITEMS, CONTINUUM_KINDS
from rater_desktop.storage.survey_reads import SurveyReads
from rater_desktop.storage.values import (
    LONG_TEXT,
    SETTING_TEXT,
    SHORT_TEXT,
    clean_date,
    clean_dimension,
    clean_grade,
    clean_id,
    clean_text,
    cut,
    guarded,
)
from rater_desktop.workbook_settings import WorkbookSettings, settings_from_stored

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database

_ONE_PERSON = "AND p.id = ?"


class WorkbookReads(SurveyReads):
    """Read side of ``Workbook``; expects ``self._db`` and ``self.path``."""

    _db: Database
    path: Path

    def _rows(self, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
        cursor = self._db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    @guarded
    def organisation(self) -> str:
        rows = self._rows(f"SELECT {cut('name', SHORT_TEXT)} FROM organisation WHERE id = 1")
        return clean_text(rows[0]["name"], SHORT_TEXT) if rows else ""

    @guarded
    def assessments(self) -> list[model.Assessment]:
        """Every round, oldest first (by date, then id)."""
        return self._assessments("1")

    def _assessments(self, where: str, params: tuple = ()) -> list[model.Assessment]:
        rows = self._rows(
            f"SELECT id, {cut('name', SHORT_TEXT)}, date, {cut('notes', LONG_TEXT)} "
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

    @guarded
    def criteria(self, *, include_hidden: bool = False) -> list[model.Criterion]:
        """Criteria in dimension order, then by position within the dimension."""
        rows = self._rows(
            f"SELECT c.id, c.dimension, c.position, {cut('c.text', LONG_TEXT)}, "
            f"{cut('c.hint_a', LONG_TEXT)}, {cut('c.hint_f', LONG_TEXT)}, "
            f"{cut('c.builtin_key', SHORT_TEXT)}, c.hidden "
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

    @guarded
    def participants(self, assessment_id: int) -> list[model.Participant]:
        rows = self._rows(
            f"SELECT id, {cut('name', SHORT_TEXT)}, {cut('role', SHORT_TEXT)}, position "
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

    @guarded
    def time_contexts(self, assessment_id: int) -> list[model.TimeContext]:
        rows = self._rows(
            f"SELECT id, {cut('name', SHORT_TEXT)}, position FROM time_contexts "
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
            f"SELECT g.participant_id, g.criterion_id, g.grade, {cut('g.note', LONG_TEXT)} "
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

    @guarded
    def grades_for(self, participant_id: int) -> dict[int, model.Grade]:
        """This participant's grades keyed by criterion id."""
        return {g.criterion_id: g for g in self._grades("g.participant_id = ?", (participant_id,))}

    def _context_grades(self, assessment_id: int, person: int | None = None) -> list[model.ContextGrade]:
        rows = self._rows(
            f"SELECT g.participant_id, g.context_id, g.dimension, g.grade, {cut('g.note', LONG_TEXT)} "
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
            f"SELECT g.participant_id, g.dimension, g.grade, {cut('g.note', LONG_TEXT)} "
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
            f"SELECT dimension, criterion_id, grade, {cut('rationale', LONG_TEXT)} FROM consensus "
            "WHERE assessment_id = ? ORDER BY dimension, criterion_id",
            (assessment_id,),
        )
        found = []
        for row in rows:
            dimension, grade, cid = clean_dimension(row["dimension"]), clean_grade(row["grade"]), clean_id(row["criterion_id"])
            if dimension is not None and grade is not None and cid is not None:
                found.append(model.Consensus(dimension, grade, clean_text(row["rationale"], LONG_TEXT), cid or None))
        return found

    @guarded
    def actions(self, assessment_id: int) -> list[model.Action]:
        rows = self._rows(
            f"SELECT id, dimension, criterion_id, {cut('title', SHORT_TEXT)}, {cut('owner', SHORT_TEXT)}, "
            f"due, target_grade, status, {cut('notes', LONG_TEXT)} FROM actions "
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

    @guarded
    def get_setting(self, key: str, default: Any = None) -> Any:
        """The JSON value stored under ``key``, or ``default`` if absent or unreadable."""
        rows = self._rows(f"SELECT {cut('value', SETTING_TEXT)} FROM settings WHERE key = ?", (key,))
        if not rows or not isinstance(rows[0]["value"], str):
            return default
        try:
            return json.loads(rows[0]["value"])
        except (ValueError, RecursionError):  # "[[[[…" nested 100,000 deep, from another program
            return default

    @guarded
    def settings(self) -> WorkbookSettings:
        """The workbook's settings as they apply; unusable stored values read as defaults (with a problem)."""
        keys = ("weights", "servqual_weights", "gap_threshold", "show_names")
        stored = {key: value for key in keys if (value := self.get_setting(key)) is not None}
        return settings_from_stored(stored)

    @guarded
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

    @guarded
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

