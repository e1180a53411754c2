"""An open ``.rater`` workbook: its life cycle, transactions and writes.

Every write is its own transaction, committed before the method returns, so
the file on disk always holds every answer given so far (DESIGN §4).  Writes
check their input and raise ``ValueError`` with a plain sentence for values the
schema would refuse; failures of the file itself become ``WorkbookError``.
The UI changes workbooks through ``rater_desktop.operations`` (undo, change
notices); the CLI and the demo builder call these methods directly.

One thread at a time: the connection may be handed to a worker thread, but
callers must not use it from two threads at once.

Reads live in ``reads.py`` and ``survey_reads.py``; writes of answers,
framework and surveys in ``answer_writes.py``, ``framework_writes.py`` and
``survey_writes.py``; undo records in ``snapshots.py``: each a mixin of
``Workbook`` over the one transaction helper ``Workbook._write`` defined here.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rater_desktop.files import OutputRefused, atomic_output
from rater_desktop.i18n import N_, _
from rater_desktop.model import ACTION_STATUSES
from rater_desktop.storage.answer_writes import AnswerWrites
from rater_desktop.storage.errors import WorkbookAccessError, translated_sqlite_errors
from rater_desktop.storage.framework_writes import FrameworkWrites
from rater_desktop.storage.reads import WorkbookReads
from rater_desktop.storage.rooms import RoomRecords
from rater_desktop.storage.snapshots import Snapshots
from rater_desktop.storage.survey_writes import SurveyWrites
from rater_desktop.storage.values import (
    LONG_TEXT,
    SHORT_TEXT,
    checked_date,
    checked_dimension,
    checked_grade,
    checked_position,
    checked_text,
    now_text,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


class Workbook(AnswerWrites, FrameworkWrites, SurveyWrites, Snapshots, RoomRecords, WorkbookReads):
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
        name = checked_text(name, SHORT_TEXT, N_("organisation name"))
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
                "name": checked_text(name, SHORT_TEXT, N_("round name"), required=True),
                "date": checked_date(date, N_("round date")),
                "notes": checked_text(notes, LONG_TEXT, N_("notes")),
                "created": now_text(),
            },
        )

    def update_assessment(self, assessment_id: int, **fields: Any) -> None:
        self._update(
            "assessments",
            assessment_id,
            fields,
            {
                "name": lambda v: checked_text(v, SHORT_TEXT, N_("round name"), required=True),
                "date": lambda v: checked_date(v, N_("round date")),
                "notes": lambda v: checked_text(v, LONG_TEXT, N_("notes")),
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
        name = checked_text(name, SHORT_TEXT, N_("participant name"), required=True)
        self._refuse_duplicate_name(assessment_id, name, None)
        return self._insert(
            "participants",
            {
                "assessment_id": assessment_id,
                "name": name,
                "role": checked_text(role, SHORT_TEXT, N_("role")),
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
            name = checked_text(fields["name"], SHORT_TEXT, N_("participant name"), required=True)
            row = self.raw_row("participants", participant_id)
            if row is None:
                raise KeyError(f"no participant with id {participant_id}")
            self._refuse_duplicate_name(row["assessment_id"], name, participant_id)
        self._update(
            "participants",
            participant_id,
            fields,
            {
                "name": lambda v: checked_text(v, SHORT_TEXT, N_("participant name"), required=True),
                "role": lambda v: checked_text(v, SHORT_TEXT, N_("role")),
                "position": checked_position,
            },
        )

    def delete_participant(self, participant_id: int) -> None:
        """Delete a participant with all their grades and answers."""
        self._delete("participants", participant_id)

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
    "title": lambda v: checked_text(v, SHORT_TEXT, N_("action title"), required=True),
    "dimension": _optional(checked_dimension),
    "criterion_id": _optional(_criterion_ref),
    "owner": lambda v: checked_text(v, SHORT_TEXT, N_("owner")),
    "due": _optional(lambda v: checked_date(v, N_("due date"))),
    "target_grade": _optional(checked_grade),
    "status": _status,
    "notes": lambda v: checked_text(v, LONG_TEXT, N_("notes")),
}
