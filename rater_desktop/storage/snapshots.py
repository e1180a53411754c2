"""Raw rows captured before a delete and put back by undo, cascades included.

Undo must restore exactly what was there, ids and all, even values today's
checks would refuse; so these rows are read and written unvalidated.
"""

from __future__ import annotations

from typing import Any

from rater_desktop.storage.errors import translated_sqlite_errors
from rater_desktop.storage.migrations import TABLES

_CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "assessments": (
        ("participants", "assessment_id"),
        ("time_contexts", "assessment_id"),
        ("consensus", "assessment_id"),
        ("surveys", "assessment_id"),
        ("actions", "assessment_id"),
        ("rooms", "assessment_id"),
    ),
    "participants": (
        ("grades", "participant_id"),
        ("context_grades", "participant_id"),
        ("continuum_answers", "participant_id"),
        ("dimension_grades", "participant_id"),
        ("room_phones", "participant_id"),
    ),
    "time_contexts": (("context_grades", "context_id"),),
    "surveys": (("survey_series", "survey_id"), ("survey_comments", "survey_id")),
    "actions": (),
    "criteria": (),
}
"""Rows that disappear with a row of each table (ON DELETE CASCADE), for undo."""

Snapshot = dict[str, list[dict[str, Any]]]
"""Raw rows per table, as captured before a delete and put back by ``restore``."""



class Snapshots:
    """Undo records of ``Workbook`` (mixed into it: uses its ``_db``, ``path`` and ``_write``)."""

    def raw_row(self, table: str, ident: int) -> dict[str, Any] | None:
        """The stored row of ``table`` with this id, unvalidated (for undo records)."""
        rows = self.raw_where(table, id=ident)
        return rows[0] if rows else None

    def raw_where(self, table: str, **equals: Any) -> list[dict[str, Any]]:
        """Stored rows of ``table`` whose columns equal ``equals``, unvalidated (for undo records)."""
        if table not in TABLES or not all(name.isidentifier() for name in equals):
            raise ValueError(f"unknown table {table!r} or column")
        where = " AND ".join(f"{name} = ?" for name in equals) or "1"
        with translated_sqlite_errors(self.path, writing=False):
            cursor = self._db.execute(f"SELECT * FROM {table} WHERE {where}", tuple(equals.values()))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def capture(self, table: str, ident: int) -> Snapshot:
        """Every row a delete of ``table`` row ``ident`` would remove, cascades included."""
        snapshot: Snapshot = {}
        with translated_sqlite_errors(self.path, writing=False):
            self._capture(table, "id", ident, snapshot)
        return snapshot

    def _capture(self, table: str, column: str, value: int, snapshot: Snapshot) -> None:
        cursor = self._db.execute(f"SELECT * FROM {table} WHERE {column} = ?", (value,))
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        known = snapshot.setdefault(table, [])
        known.extend(row for row in rows if row not in known)
        if table in _CHILDREN:
            for row in rows:
                for child, foreign_key in _CHILDREN[table]:
                    self._capture(child, foreign_key, row["id"], snapshot)

    def restore(self, snapshot: Snapshot) -> None:
        """Put captured rows back, with their original ids, in one transaction."""
        with self._write() as db:
            for table in TABLES:
                for row in snapshot.get(table, ()):
                    columns = ", ".join(row)
                    marks = ", ".join("?" for _ in row)
                    db.execute(f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
