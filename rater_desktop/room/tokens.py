"""The room code and the phones' tokens.

Two secrets, two jobs:

- the **room code** (100 random bits, in the join address and its QR code)
  only lets a phone see the list of names and pick one; anyone who can read
  the screen in the room has it, and someone who cannot scan types it from
  the screen, so it is lower-case letters and digits without look-alikes
  (no ``l``/``1``, ``o``/``0``, ``I``, and no ``-`` for a line to break at);
- a **phone token** (256 random bits) is handed to one phone when its person
  picks their name, and from then on is the only thing that lets that phone
  read or change that person's answers.  The workbook keeps only its SHA-256
  hash, so a copy of the file lets nobody vote as anyone.

The room is stored with the round (``storage.rooms``): opening it again after
a restart gives the same code, and every phone's token still works.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import replace

from rater_desktop.storage import Workbook
from rater_desktop.storage.rooms import ROOM_MODES, RoomRecord

CODE_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyz"
"""32 characters a person reads off a screen and types on a phone without doubt or Shift."""
CODE_LENGTH = 20
"""Room code length: 20 × 5 = 100 bits, above the 80 bits DESIGN §10 asks for."""
TOKEN_BYTES = 32
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")


def new_code() -> str:
    """A fresh random room code, safe in a URL path and easy to type (see ``CODE_ALPHABET``)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    """A fresh random phone token (43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """What the workbook keeps of a token."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def same_code(given: object, code: str) -> bool:
    """Whether ``given`` is the room code, compared in constant time (no timing hints)."""
    return isinstance(given, str) and hmac.compare_digest(given.encode("utf-8", "replace"), code.encode("ascii"))


def open_room(workbook: Workbook, assessment_id: int, *, mode: str | None = None,
              new_names: bool | None = None) -> RoomRecord:
    """The round's room: the stored one (same code, phones still joined) or a new one.

    ``mode`` and ``new_names`` change the stored room when given; a new room
    starts as a quick round without new names unless told otherwise.
    """
    if mode is not None and mode not in ROOM_MODES:
        raise ValueError(f"unknown room mode {mode!r}")
    stored = workbook.room(assessment_id)
    record = stored or RoomRecord(assessment_id, new_code())
    changes = {key: value for key, value in (("mode", mode), ("new_names", new_names)) if value is not None}
    record = replace(record, **changes)
    if record != stored:
        workbook.save_room(record)
    return record


def join(workbook: Workbook, participant_id: int) -> str:
    """Bind a new token to ``participant_id`` and return it (``PhoneTaken`` if they have a phone)."""
    token = new_token()
    workbook.bind_phone(token_hash(token), participant_id)
    return token


def participant_of(workbook: Workbook, assessment_id: int, token: object) -> int | None:
    """The participant this token belongs to in the round, or None for anything else."""
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    return workbook.phone_participant(token_hash(token), assessment_id)
