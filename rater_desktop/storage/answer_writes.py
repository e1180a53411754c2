"""Writing answers: grades per statement, per situation and per dimension, the
continuum, the agreed (consensus) grades, and the situations themselves.

Each answer is its own transaction, committed before the method returns, so
an answer acknowledged on screen is on disk (DESIGN §4).
"""

from __future__ import annotations

from typing import Any

from rater_desktop.i18n import N_, _
from rater_desktop.model import CONTINUUM_ITEMS, CONTINUUM_KINDS
from rater_desktop.storage.values import (
    LONG_TEXT,
    SHORT_TEXT,
    checked_dimension,
    checked_grade,
    checked_position,
    checked_text,
    now_text,
)


class AnswerWrites:
    """Answer rows of ``Workbook`` (mixed into ``Workbook``: uses its ``_write``, ``_insert``, ``_update``, ``_delete`` and ``_next_position``)."""


    def set_grade(self, participant_id: int, criterion_id: int, grade: str | None, note: str = "") -> None:
        """Record one answer (its own transaction); ``grade=None`` removes it."""
        self._set_graded("grades", {"participant_id": participant_id, "criterion_id": criterion_id}, grade, note)

    def _set_graded(self, table: str, key: dict[str, Any], grade: str | None, note: str) -> None:
        """Write (or, for ``grade=None``, remove) a grade with its note under ``key``, in one transaction."""
        if grade is not None:
            row = {**key, "grade": checked_grade(grade), "note": checked_text(note, LONG_TEXT, N_("note")), "updated": now_text()}
        with self._write() as db:
            if grade is None:
                where = " AND ".join(f"{column} = ?" for column in key)
                db.execute(f"DELETE FROM {table} WHERE {where}", tuple(key.values()))
                return
            marks = ", ".join("?" for _ in row)
            db.execute(f"INSERT OR REPLACE INTO {table} ({', '.join(row)}) VALUES ({marks})", tuple(row.values()))

    def add_time_context(self, assessment_id: int, name: str) -> int:
        return self._insert(
            "time_contexts",
            {
                "assessment_id": assessment_id,
                "name": checked_text(name, SHORT_TEXT, N_("situation name"), required=True),
                "position": self._next_position("time_contexts", "assessment_id = ?", (assessment_id,)),
            },
        )

    def update_time_context(self, context_id: int, **fields: Any) -> None:
        self._update(
            "time_contexts",
            context_id,
            fields,
            {"name": lambda v: checked_text(v, SHORT_TEXT, N_("situation name"), required=True), "position": checked_position},
        )

    def delete_time_context(self, context_id: int) -> None:
        self._delete("time_contexts", context_id)

    def set_context_grade(
        self, participant_id: int, context_id: int, dimension: str, grade: str | None, note: str = ""
    ) -> None:
        key = {"participant_id": participant_id, "context_id": context_id, "dimension": checked_dimension(dimension)}
        self._set_graded("context_grades", key, grade, note)

    def set_dimension_grade(self, participant_id: int, dimension: str, grade: str | None, note: str = "") -> None:
        """A quick round's grade for a whole dimension (its own transaction); ``grade=None`` removes it."""
        key = {"participant_id": participant_id, "dimension": checked_dimension(dimension)}
        self._set_graded("dimension_grades", key, grade, note)

    def set_continuum(self, participant_id: int, item: int, kind: str, value: int | None) -> None:
        """One continuum answer: ``item`` 1..3, ``kind`` current/desired, ``value`` 1..7 (None removes)."""
        if item not in CONTINUUM_ITEMS or kind not in CONTINUUM_KINDS:
            raise ValueError(_("A continuum answer needs item 1, 2 or 3 and kind current or desired."))
        with self._write() as db:
            if value is None:
                db.execute(
                    "DELETE FROM continuum_answers WHERE participant_id = ? AND item = ? AND kind = ?",
                    (participant_id, item, kind),
                )
                return
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 7:
                raise ValueError(_("A continuum answer is a whole number from 1 to 7."))
            db.execute(
                "INSERT OR REPLACE INTO continuum_answers (participant_id, item, kind, value) VALUES (?, ?, ?, ?)",
                (participant_id, item, kind, value),
            )

    def set_consensus(
        self, assessment_id: int, dimension: str, grade: str | None, rationale: str = "", criterion_id: int | None = None
    ) -> None:
        """The agreed grade for a dimension (or one of its criteria); None removes it."""
        dimension = checked_dimension(dimension)
        key = (assessment_id, dimension, criterion_id or 0)
        with self._write() as db:
            if grade is None:
                db.execute("DELETE FROM consensus WHERE assessment_id = ? AND dimension = ? AND criterion_id = ?", key)
                return
            db.execute(
                "INSERT OR REPLACE INTO consensus (assessment_id, dimension, criterion_id, grade, rationale, updated) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (*key, checked_grade(grade), checked_text(rationale, LONG_TEXT, N_("rationale")), now_text()),
            )
