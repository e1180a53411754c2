"""An open ``.rater`` workbook: reads (see ``reads.py``) and writes.

Every write is its own transaction, committed before the method returns, so
the file on disk always holds every answer given so far (DESIGN §4).  Writes
check their input and raise ``ValueError`` with a plain sentence for values the
schema would refuse; failures of the file itself become ``WorkbookError``.
The UI changes workbooks through ``rater_desktop.operations`` (undo, change
notices); the CLI and the demo builder call these methods directly.

One thread at a time: the connection may be handed to a worker thread, but
callers must not use it from two threads at once.
"""

from __future__ import annotations

import math
import os
import sqlite3
import sys
from array import array
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rater_desktop.files import OutputRefused, atomic_output
from rater_desktop.i18n import N_, _
from rater_desktop.model import ACTION_STATUSES, CONTINUUM_ITEMS, CONTINUUM_KINDS, DIMENSION_KEYS, GRADES
from rater_desktop.storage.errors import WorkbookAccessError, translated_sqlite_errors
from rater_desktop.storage.migrations import TABLES
from rater_desktop.storage.reads import LONG_TEXT, MAPPING_TEXT, SHORT_TEXT, WorkbookReads
from rater_desktop.storage.rooms import RoomRecords

if TYPE_CHECKING:
    from sqlite_utils import Database

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


def now_text() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _text(value: Any, limit: int, what: str, *, required: bool = False) -> str:
    """``value`` stripped, or a ValueError naming the field ``what`` (an ``N_``-marked name)."""
    if not isinstance(value, str):
        raise ValueError(_("The {field} must be text.").format(field=_(what)))
    value = value.strip()
    if required and not value:
        raise ValueError(_("The {field} cannot be empty.").format(field=_(what)))
    if len(value) > limit:
        raise ValueError(_("The {field} is longer than {limit} characters.").format(field=_(what), limit=limit))
    return value


def _iso_date(value: Any, what: str) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise ValueError(_("The {field} must be a date written as YYYY-MM-DD.").format(field=_(what)))


def _grade(value: Any) -> str:
    if value not in GRADES:
        raise ValueError(_("A grade must be one of {grades}.").format(grades=", ".join(GRADES)))
    return value


def _dimension(value: Any) -> str:
    if value not in DIMENSION_KEYS:
        raise ValueError(_("Unknown dimension {value}.").format(value=repr(value)))
    return value


def encode_series(values: Sequence[float | None]) -> bytes:
    """float64 little-endian bytes; None (no answer) is stored as NaN."""
    if isinstance(values, array) and values.typecode == "d":
        packed = array("d", values)
    else:
        nan = math.nan
        packed = array("d", [nan if v is None else float(v) for v in values])
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


class Workbook(RoomRecords, WorkbookReads):
    """An open workbook file; use ``open_workbook``/``create_workbook`` to get one."""

    def __init__(self, db: Database, path: Path, *, read_only: bool) -> None:
        self._db = db
        self.path = path
        self.read_only = read_only

    # -- life cycle -------------------------------------------------------

    def close(self) -> None:
        """Fold the WAL back into the file so it is one self-contained file again.

        (Every statement's rows are fetched to the end throughout this package:
        an unfinished statement would make the checkpoint fail as "locked".)
        """
        if self._db is None:
            return
        try:
            if not self.read_only:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                with self._db.ensure_autocommit_on():
                    self._db.execute("PRAGMA journal_mode=DELETE").fetchall()
        except sqlite3.Error:
            pass  # another connection still has the file open; WAL stays, nothing is lost
        finally:
            self._db.close()
            self._db = None

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Database]:
        """One transaction, committed on success, with file errors translated."""
        if self.read_only:
            raise WorkbookAccessError(
                _("“{name}” is open read-only; changes cannot be saved.").format(name=self.path.name), self.path
            )
        with translated_sqlite_errors(self.path, writing=True):
            if self._db.conn.in_transaction:  # nested: sqlite-utils makes it a savepoint
                with self._db.atomic():
                    yield self._db
                return
            # IMMEDIATE takes the write lock first, so another program's write
            # is waited for (busy timeout); a deferred BEGIN would read first
            # and then fail at once when upgrading to write in WAL mode.
            self._db.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.conn.in_transaction:
                    self._db.conn.execute("ROLLBACK")
                raise
            self._db.conn.execute("COMMIT")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make every write inside the block one transaction: all of it lands, with one sync, or none.

        For writers of many rows at once (the demo builder): each method still
        validates and writes as usual, nested as a savepoint, but the file is
        synced once at the end instead of once per answer.  Interactive edits
        stay one transaction each (DESIGN §4), so do not hold a batch open
        while waiting for a person.
        """
        with self._write():
            yield

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        with self._write() as db:
            return db[table].insert(row).last_pk

    def _update(self, table: str, ident: int, fields: dict[str, Any], allowed: dict[str, Any]) -> None:
        unknown = set(fields) - set(allowed)
        if unknown:
            raise ValueError(f"Cannot change {', '.join(sorted(unknown))} of {table}.")
        clean = {key: allowed[key](value) for key, value in fields.items()}
        if not clean:
            return
        with self._write() as db:
            sets = ", ".join(f"{key} = ?" for key in clean)
            cursor = db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*clean.values(), ident))
            if cursor.rowcount == 0:
                raise KeyError(f"no {table} row with id {ident}")

    def _delete(self, table: str, ident: int) -> None:
        with self._write() as db:
            db.execute(f"DELETE FROM {table} WHERE id = ?", (ident,))

    def _next_position(self, table: str, where: str, params: tuple) -> int:
        (row,) = self._db.execute(f"SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE {where}", params).fetchall()
        return row[0] if isinstance(row[0], int) else 0

    # -- organisation, settings ---------------------------------------------

    def set_organisation(self, name: str) -> None:
        name = _text(name, SHORT_TEXT, N_("organisation name"))
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO organisation (id, name) VALUES (1, ?)", (name,))

    def set_setting(self, key: str, value: Any) -> None:
        """Store ``value`` as JSON under ``key``; None removes the setting."""
        import json

        with self._write() as db:
            if value is None:
                db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, json.dumps(value)))

    def set_settings(self, values: Mapping[str, Any]) -> None:
        """Several settings in one transaction (as ``set_setting``: None removes one).

        Values are stored as given; callers check them first with
        ``rater_desktop.workbook_settings.checked_changes`` (undo writes back
        whatever was there before, even a value those rules refuse).
        """
        with self._write():
            for key, value in values.items():
                self.set_setting(key, value)

    # -- assessments --------------------------------------------------------

    def add_assessment(self, name: str, date: str | date, notes: str = "") -> int:
        return self._insert(
            "assessments",
            {
                "name": _text(name, SHORT_TEXT, N_("round name"), required=True),
                "date": _iso_date(date, N_("round date")),
                "notes": _text(notes, LONG_TEXT, N_("notes")),
                "created": now_text(),
            },
        )

    def update_assessment(self, assessment_id: int, **fields: Any) -> None:
        self._update(
            "assessments",
            assessment_id,
            fields,
            {
                "name": lambda v: _text(v, SHORT_TEXT, N_("round name"), required=True),
                "date": lambda v: _iso_date(v, N_("round date")),
                "notes": lambda v: _text(v, LONG_TEXT, N_("notes")),
            },
        )

    def delete_assessment(self, assessment_id: int) -> None:
        """Delete a round with everything graded, imported and planned in it."""
        self._delete("assessments", assessment_id)

    def copy_round(self, source_id: int, name: str, date: str | date, carry_note: str = "") -> int:
        """A new round that starts where ``source_id`` left off, in one transaction.

        The framework is workbook-wide, so it needs no copying; participants
        (name, role, order), time contexts and the actions still ``open`` or
        ``in_progress`` are copied.  No grades, answers, consensus or surveys:
        those belong to the round in which they were given.  A copied action
        keeps its criterion, owner, due date and target (so the next round can
        check the target) and gets ``carry_note`` appended to its notes, which
        is how the user sees where it came from.  Returns the new round's id.
        """
        self._assessment(source_id)  # KeyError for an unknown round, before anything is written
        people = self.participants(source_id)
        contexts = self.time_contexts(source_id)
        carried = [a for a in self.actions(source_id) if a.status in ("open", "in_progress")]
        with self._write():
            new_id = self.add_assessment(name, date)
            for person in people:
                self.add_participant(new_id, person.name, person.role)
            for context in contexts:
                self.add_time_context(new_id, context.name)
            for action in carried:
                notes = "\n".join(part for part in (action.notes, carry_note.strip()) if part)
                self.add_action(
                    new_id, action.title, dimension=action.dimension, criterion_id=action.criterion_id,
                    owner=action.owner, due=action.due, target_grade=action.target_grade,
                    status=action.status, notes=notes[:LONG_TEXT],
                )
        return new_id

    # -- participants ---------------------------------------------------------

    def add_participant(self, assessment_id: int, name: str, role: str = "") -> int:
        name = _text(name, SHORT_TEXT, N_("participant name"), required=True)
        self._refuse_duplicate_name(assessment_id, name, None)
        return self._insert(
            "participants",
            {
                "assessment_id": assessment_id,
                "name": name,
                "role": _text(role, SHORT_TEXT, N_("role")),
                "position": self._next_position("participants", "assessment_id = ?", (assessment_id,)),
            },
        )

    def _refuse_duplicate_name(self, assessment_id: int, name: str, own_id: int | None) -> None:
        rows = self._db.execute(
            "SELECT id FROM participants WHERE assessment_id = ? AND name = ?", (assessment_id, name)
        ).fetchall()
        if any(row[0] != own_id for row in rows):
            raise ValueError(_("This round already has a participant called “{name}”.").format(name=name))

    def update_participant(self, participant_id: int, **fields: Any) -> None:
        if "name" in fields:
            name = _text(fields["name"], SHORT_TEXT, N_("participant name"), required=True)
            row = self.raw_row("participants", participant_id)
            if row is None:
                raise KeyError(f"no participant with id {participant_id}")
            self._refuse_duplicate_name(row["assessment_id"], name, participant_id)
        self._update(
            "participants",
            participant_id,
            fields,
            {
                "name": lambda v: _text(v, SHORT_TEXT, N_("participant name"), required=True),
                "role": lambda v: _text(v, SHORT_TEXT, N_("role")),
                "position": _position,
            },
        )

    def delete_participant(self, participant_id: int) -> None:
        """Delete a participant with all their grades and answers."""
        self._delete("participants", participant_id)

    # -- answers --------------------------------------------------------------

    def set_grade(self, participant_id: int, criterion_id: int, grade: str | None, note: str = "") -> None:
        """Record one answer (its own transaction); ``grade=None`` removes it."""
        self._set_graded("grades", {"participant_id": participant_id, "criterion_id": criterion_id}, grade, note)

    def _set_graded(self, table: str, key: dict[str, Any], grade: str | None, note: str) -> None:
        """Write (or, for ``grade=None``, remove) a grade with its note under ``key``, in one transaction."""
        if grade is not None:
            row = {**key, "grade": _grade(grade), "note": _text(note, LONG_TEXT, N_("note")), "updated": now_text()}
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
                "name": _text(name, SHORT_TEXT, N_("situation name"), required=True),
                "position": self._next_position("time_contexts", "assessment_id = ?", (assessment_id,)),
            },
        )

    def update_time_context(self, context_id: int, **fields: Any) -> None:
        self._update(
            "time_contexts",
            context_id,
            fields,
            {"name": lambda v: _text(v, SHORT_TEXT, N_("situation name"), required=True), "position": _position},
        )

    def delete_time_context(self, context_id: int) -> None:
        self._delete("time_contexts", context_id)

    def set_context_grade(
        self, participant_id: int, context_id: int, dimension: str, grade: str | None, note: str = ""
    ) -> None:
        key = {"participant_id": participant_id, "context_id": context_id, "dimension": _dimension(dimension)}
        self._set_graded("context_grades", key, grade, note)

    def set_dimension_grade(self, participant_id: int, dimension: str, grade: str | None, note: str = "") -> None:
        """A quick round's grade for a whole dimension (its own transaction); ``grade=None`` removes it."""
        key = {"participant_id": participant_id, "dimension": _dimension(dimension)}
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
        dimension = _dimension(dimension)
        key = (assessment_id, dimension, criterion_id or 0)
        with self._write() as db:
            if grade is None:
                db.execute("DELETE FROM consensus WHERE assessment_id = ? AND dimension = ? AND criterion_id = ?", key)
                return
            db.execute(
                "INSERT OR REPLACE INTO consensus (assessment_id, dimension, criterion_id, grade, rationale, updated) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (*key, _grade(grade), _text(rationale, LONG_TEXT, N_("rationale")), now_text()),
            )

    # -- framework ------------------------------------------------------------

    def add_criterion(self, dimension: str, text: str, hint_a: str = "", hint_f: str = "") -> int:
        dimension = _dimension(dimension)
        return self._insert(
            "criteria",
            {
                "dimension": dimension,
                "position": self._next_position("criteria", "dimension = ?", (dimension,)),
                "text": _text(text, LONG_TEXT, N_("criterion"), required=True),
                "hint_a": _text(hint_a, LONG_TEXT, N_("hint")),
                "hint_f": _text(hint_f, LONG_TEXT, N_("hint")),
                "builtin_key": None,
                "hidden": 0,
            },
        )

    def update_criterion(self, criterion_id: int, **fields: Any) -> None:
        self._update(
            "criteria",
            criterion_id,
            fields,
            {
                "text": lambda v: _text(v, LONG_TEXT, N_("criterion"), required=True),
                "hint_a": lambda v: _text(v, LONG_TEXT, N_("hint")),
                "hint_f": lambda v: _text(v, LONG_TEXT, N_("hint")),
            },
        )

    def move_criterion(self, criterion_id: int, new_position: int) -> None:
        """Move a criterion within its dimension; positions are renumbered 0..n-1."""
        with self._write() as db:
            found = db.execute("SELECT dimension FROM criteria WHERE id = ?", (criterion_id,)).fetchall()
            if not found:
                raise KeyError(f"no criterion with id {criterion_id}")
            row = found[0]
            order = [
                r[0]
                for r in db.execute(
                    "SELECT id FROM criteria WHERE dimension = ? ORDER BY position, id", (row[0],)
                ).fetchall()
            ]
            order.remove(criterion_id)
            order.insert(max(0, min(_position(new_position), len(order))), criterion_id)
            db.conn.executemany("UPDATE criteria SET position = ? WHERE id = ?", list(enumerate(order)))

    def set_criterion_hidden(self, criterion_id: int, hidden: bool) -> None:
        with self._write() as db:
            db.execute("UPDATE criteria SET hidden = ? WHERE id = ?", (1 if hidden else 0, criterion_id))

    def delete_criterion(self, criterion_id: int) -> None:
        """Remove a criterion and every grade given on it (undo of adding one; the UI hides instead)."""
        self._delete("criteria", criterion_id)

    def add_framework(self, framework: Sequence[Mapping[str, Any] | Any]) -> list[int]:
        """Append criteria from a question bank (mappings or objects with the same fields); returns new ids."""
        rows = [_framework_row(item) for item in framework]
        with self._write() as db:
            ids = []
            for row in rows:
                row["position"] = self._next_position("criteria", "dimension = ?", (row["dimension"],))
                ids.append(db["criteria"].insert(row).last_pk)
            return ids

    def restore_builtin_criteria(self, framework: Sequence[Mapping[str, Any] | Any] | None = None) -> list[int]:
        """Show every hidden built-in criterion again and add built-ins missing from this workbook.

        Wording the user edited is kept.  Returns the ids of criteria made
        visible or added.  ``framework`` defaults to the built-in English bank.
        """
        rows = [_framework_row(item) for item in (framework if framework is not None else builtin_framework())]
        with self._write() as db:
            changed = [
                r[0] for r in db.execute("SELECT id FROM criteria WHERE builtin_key IS NOT NULL AND hidden = 1").fetchall()
            ]
            db.execute("UPDATE criteria SET hidden = 0 WHERE builtin_key IS NOT NULL AND hidden = 1")
            present = {r[0] for r in db.execute("SELECT builtin_key FROM criteria WHERE builtin_key IS NOT NULL")}
            for row in rows:
                if row["builtin_key"] and row["builtin_key"] not in present:
                    row["position"] = self._next_position("criteria", "dimension = ?", (row["dimension"],))
                    changed.append(db["criteria"].insert(row).last_pk)
            return changed

    # -- actions ----------------------------------------------------------------

    def add_action(
        self,
        assessment_id: int,
        title: str,
        dimension: str | None = None,
        criterion_id: int | None = None,
        owner: str = "",
        due: str | date | None = None,
        target_grade: str | None = None,
        status: str = "open",
        notes: str = "",
    ) -> int:
        given = {
            "title": title,
            "dimension": dimension,
            "criterion_id": criterion_id,
            "owner": owner,
            "due": due,
            "target_grade": target_grade,
            "status": status,
            "notes": notes,
        }
        row = {key: _ACTION_FIELDS[key](value) for key, value in given.items()}
        return self._insert("actions", {"assessment_id": assessment_id, **row, "created": now_text()})

    def update_action(self, action_id: int, **fields: Any) -> None:
        self._update("actions", action_id, fields, _ACTION_FIELDS)

    def delete_action(self, action_id: int) -> None:
        self._delete("actions", action_id)

    # -- surveys ----------------------------------------------------------------

    def add_survey(
        self,
        assessment_id: int,
        *,
        source_name: str,
        file_hash: str,
        row_count: int,
        mapping_toml: str,
        scale_min: float,
        scale_max: float,
        series: Mapping[str, Sequence[float | None]],
        included: bool = True,
        tool: str = "",
        comments: Sequence[tuple[str, int, str]] = (),
    ) -> int:
        """Store an imported survey and its per-respondent series in one transaction.

        Series names follow docs/architecture.md (``dim:<key>``, ``exp:<key>``,
        ``per:<key>``, ``kpi:nps|csat|fcr``); each is packed into one float64
        blob, so 100k respondents cost one row per series, not 100k rows.
        ``included`` says whether it counts in the round's comparison (see
        ``rater_desktop.survey_sources.place_new_survey``); ``tool`` names the
        survey tool the export came from.
        ``comments`` are the customers' own words, (column name, spreadsheet
        row, text), from the columns the mapping names in ``[comments]`` only.
        """
        if not (math.isfinite(scale_min) and math.isfinite(scale_max) and scale_min < scale_max):
            raise ValueError(_("The survey scale needs a minimum below its maximum."))
        if not isinstance(row_count, int) or row_count < 0:
            raise ValueError(_("The survey row count must be a whole number."))
        blobs = [(name, encode_series(values)) for name, values in series.items()]
        said = [(_text(column, SHORT_TEXT, N_("comment column")), _row_number(row), _text(text, LONG_TEXT, N_("comment")))
                for column, row, text in comments]
        meta = {
            "assessment_id": assessment_id,
            "source_name": _text(source_name, SHORT_TEXT, N_("source file name"), required=True),
            "file_hash": _text(file_hash, SHORT_TEXT, N_("file hash"), required=True),
            "row_count": row_count,
            "mapping": _text(mapping_toml, MAPPING_TEXT, N_("mapping")),
            "imported": now_text(),
            "scale_min": float(scale_min),
            "scale_max": float(scale_max),
            "included": 1 if included else 0,
            "tool": _text(tool, SHORT_TEXT, N_("survey tool")),
        }
        with self._write() as db:
            survey_id = db["surveys"].insert(meta).last_pk
            db.conn.executemany(
                "INSERT INTO survey_series (survey_id, name, data) VALUES (?, ?, ?)",
                [(survey_id, name, blob) for name, blob in blobs],
            )
            db.conn.executemany(
                "INSERT INTO survey_comments (survey_id, column_name, row_number, text) VALUES (?, ?, ?, ?)",
                [(survey_id, *comment) for comment in said],
            )
            return survey_id

    def set_comment_hidden(self, comment_id: int, hidden: bool) -> None:
        """Leave a customer's comment out of the app and the report (``hidden``), or put it back."""
        with self._write() as db:
            cursor = db.execute("UPDATE survey_comments SET hidden = ? WHERE id = ?", (1 if hidden else 0, comment_id))
            if cursor.rowcount == 0:
                raise KeyError(f"no survey_comments row with id {comment_id}")

    def find_survey_by_hash(self, assessment_id: int, file_hash: str) -> int | None:
        """The survey of this round imported from a file with this hash (re-import guard)."""
        with translated_sqlite_errors(self.path, writing=False):
            rows = self._db.execute(
                "SELECT id FROM surveys WHERE assessment_id = ? AND file_hash = ? ORDER BY id LIMIT 1",
                (assessment_id, file_hash),
            ).fetchall()
        return rows[0][0] if rows else None

    def delete_survey(self, survey_id: int) -> None:
        self._delete("surveys", survey_id)

    def set_survey_included(self, survey_id: int, included: bool) -> None:
        """Count a survey in its round's comparison, or keep it aside (its answers stay stored)."""
        with self._write() as db:
            cursor = db.execute("UPDATE surveys SET included = ? WHERE id = ?", (1 if included else 0, survey_id))
            if cursor.rowcount == 0:
                raise KeyError(f"no survey with id {survey_id}")

    # -- snapshots for undo -------------------------------------------------------

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

    # -- copies -------------------------------------------------------------------

    def save_copy(self, dest: str | os.PathLike[str]) -> None:
        """Write a consistent copy of the workbook to ``dest`` (SQLite's backup API).

        Refused with ``WorkbookAccessError``: the open workbook itself or any other
        existing workbook; another existing file is replaced.
        """
        try:
            with atomic_output(dest, workbook=True, inputs=(self.path,)) as partial:
                with translated_sqlite_errors(Path(dest), writing=True):
                    target = sqlite3.connect(partial)
                    try:
                        self._db.conn.backup(target)
                        target.execute("PRAGMA journal_mode=DELETE").fetchall()
                    finally:
                        target.close()
        except OutputRefused as refused:
            raise WorkbookAccessError(str(refused), Path(dest)) from refused


def _row_number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(_("A comment's row is a whole number from 1."))
    return value


def _position(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(_("A position is a whole number from 0."))
    return value


def _optional(check):
    return lambda v: None if v is None else check(v)


def _status(value: Any) -> str:
    if value not in ACTION_STATUSES:
        raise ValueError(_("An action status is one of {statuses}.").format(statuses=", ".join(ACTION_STATUSES)))
    return value


def _criterion_ref(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(_("A criterion reference is a criterion id."))
    return value


_ACTION_FIELDS = {
    "title": lambda v: _text(v, SHORT_TEXT, N_("action title"), required=True),
    "dimension": _optional(_dimension),
    "criterion_id": _optional(_criterion_ref),
    "owner": lambda v: _text(v, SHORT_TEXT, N_("owner")),
    "due": _optional(lambda v: _iso_date(v, N_("due date"))),
    "target_grade": _optional(_grade),
    "status": _status,
    "notes": lambda v: _text(v, LONG_TEXT, N_("notes")),
}


def _framework_row(item: Mapping[str, Any] | Any) -> dict[str, Any]:
    """A criteria row from a question-bank entry given as a mapping or an object."""

    def field(name: str, default: Any = "") -> Any:
        if isinstance(item, Mapping):
            return item.get(name, default)
        return getattr(item, name, default)

    key = field("builtin_key", None)
    return {
        "dimension": _dimension(field("dimension")),
        "text": _text(field("text"), LONG_TEXT, N_("criterion"), required=True),
        "hint_a": _text(field("hint_a") or "", LONG_TEXT, N_("hint")),
        "hint_f": _text(field("hint_f") or "", LONG_TEXT, N_("hint")),
        "builtin_key": key if isinstance(key, str) and key else None,
        "hidden": 0,
    }


def builtin_framework() -> list[Any]:
    """The built-in English question bank (imported late: another module owns it)."""
    from rater_desktop.framework import builtin_criteria

    return list(builtin_criteria(lang="en"))
