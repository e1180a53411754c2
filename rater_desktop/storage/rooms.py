"""The workbook's record of a round's room (phones voting on the local network, DESIGN §10).

A room outlives the app: its code, mode, closed dimensions and port are kept
in the workbook so that a restarted app serves the same address and every
phone reconnects by itself.  Each phone's token is kept only as a hash, bound
to one participant.  Like every other read, these rows are validated as they
are read: a file from someone else may hold anything.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass

from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.storage.values import clean_id

ROOM_MODES: tuple[str, ...] = ("quick", "full")
"""``quick``: one grade per dimension plus the continuum; ``full``: every statement."""
CLOSABLE: tuple[str, ...] = (*DIMENSION_KEYS, "continuum")
"""What the facilitator closes for voting: each dimension, and the continuum questions."""

_CODE = re.compile(r"[A-Za-z0-9_-]{16,64}")
_HASH = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class RoomRecord:
    """A round's room as stored: what a restarted server needs to resume it."""

    assessment_id: int
    code: str
    mode: str = "quick"
    new_names: bool = False
    """whether a phone may add a name that is not on the round's list"""
    closed: frozenset[str] = frozenset()
    """parts (``CLOSABLE``) the facilitator closed: their answers can no longer change"""
    port: int | None = None


class PhoneTaken(Exception):
    """The participant is already bound to another phone."""


class RoomRecords:
    """Room rows of ``Workbook`` (mixed in; uses its ``_write``, ``_rows`` and ``path``)."""

    def room(self, assessment_id: int) -> RoomRecord | None:
        """The round's stored room, or None (none yet, or a row that does not make sense)."""
        rows = self._rows(
            "SELECT assessment_id, code, mode, new_names, closed, port FROM rooms WHERE assessment_id = ?",
            (assessment_id,),
        )
        if not rows:
            return None
        row = rows[0]
        code, mode = row["code"], row["mode"]
        if not (isinstance(code, str) and _CODE.fullmatch(code) and mode in ROOM_MODES):
            return None
        port = clean_id(row["port"])
        return RoomRecord(
            assessment_id=assessment_id,
            code=code,
            mode=mode,
            new_names=row["new_names"] == 1,
            closed=_closed(row["closed"]),
            port=port if port is not None and 0 < port < 65536 else None,
        )

    def save_room(self, record: RoomRecord) -> None:
        """Store (or replace) the round's room."""
        if record.mode not in ROOM_MODES or not _CODE.fullmatch(record.code):
            raise ValueError(f"not a room: {record!r}")
        from rater_desktop.storage.values import now_text

        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO rooms (assessment_id, code, mode, new_names, closed, port, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.assessment_id, record.code, record.mode, 1 if record.new_names else 0,
                    _closed_text(record.closed), record.port, now_text(),
                ),
            )

    def bind_phone(self, token_hash: str, participant_id: int) -> None:
        """Bind a phone (by its token's hash) to a participant; ``PhoneTaken`` if they have one."""
        if not _HASH.fullmatch(token_hash):
            raise ValueError("a token hash is 64 hex digits")
        from rater_desktop.storage.values import now_text

        try:
            with self._write() as db:
                db.execute(
                    "INSERT INTO room_phones (token_hash, participant_id, joined) VALUES (?, ?, ?)",
                    (token_hash, participant_id, now_text()),
                )
        except sqlite3.IntegrityError as error:
            raise PhoneTaken(participant_id) from error

    def release_phone(self, participant_id: int) -> None:
        """Unbind the participant's phone: its token stops working, they may join again."""
        with self._write() as db:
            db.execute("DELETE FROM room_phones WHERE participant_id = ?", (participant_id,))

    def phone_participant(self, token_hash: str, assessment_id: int) -> int | None:
        """The participant of round ``assessment_id`` bound to this token hash, or None."""
        rows = self._rows(
            "SELECT f.participant_id FROM room_phones f JOIN participants p ON p.id = f.participant_id "
            "WHERE f.token_hash = ? AND p.assessment_id = ?",
            (token_hash, assessment_id),
        )
        return clean_id(rows[0]["participant_id"]) if rows else None

    def phone_holders(self, assessment_id: int) -> set[int]:
        """Ids of the round's participants who joined on a phone."""
        rows = self._rows(
            "SELECT f.participant_id FROM room_phones f JOIN participants p ON p.id = f.participant_id "
            "WHERE p.assessment_id = ?",
            (assessment_id,),
        )
        return {pid for pid in (clean_id(row["participant_id"]) for row in rows) if pid is not None}


def _closed(text: object) -> frozenset[str]:
    """Closed parts from their JSON text; anything unreadable counts as none closed."""
    try:
        keys = json.loads(text) if isinstance(text, str) else []
    except ValueError:
        return frozenset()
    return frozenset(k for k in keys if k in CLOSABLE) if isinstance(keys, list) else frozenset()


def _closed_text(closed: Collection[str]) -> str:
    return json.dumps(sorted(set(closed) & set(CLOSABLE)))
