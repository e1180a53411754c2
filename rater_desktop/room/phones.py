"""A round's room: who may join, what a phone may see, what it may change.

:class:`Room` puts the rules of DESIGN §10 between the phones and the
round's :class:`~rater_desktop.sessions.workshop.WorkshopSession`, without
any networking, so they are tested directly and the aiohttp layer
(``server.py``) stays a thin shell:

- before joining, a phone gets the page's words and the round's names (to
  pick its own), nothing else;
- joining binds the phone's token to one person and tells the workshop
  (``join``: voting is under way, results sealed);
- a joined phone drives that person's own grading walk (the workshop's
  ``grading_for``, quick or full as the workshop votes): it gets the walk's
  steps and *its own* answers, never another person's, nor results, notes
  or anything else in the workbook;
- each answer is checked, refused when its part is closed (the workshop
  decides), and written by the walk through the operations layer: one
  transaction per answer, kept off the laptop's undo history.

The room writes through operations of its own (``operations``), over a
workbook connection only the room uses, from one thread (the server's
database thread): the window's reads never wait for a phone's write.  The
room's code, mode, closed parts and port are kept in the workbook
(``storage.rooms``) so a restarted app resumes it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rater_desktop.changes import STRUCTURE_KINDS, Change, ChangeKind
from rater_desktop.i18n import LANGUAGES, normalise_language
from rater_desktop.model import GRADES
from rater_desktop.operations import Operations
from rater_desktop.room import tokens
from rater_desktop.room.items import Item, phone_items
from rater_desktop.room.phone_text import phone_text
from rater_desktop.sessions.grading import CONTINUUM, ClosedItem, GradingSession, step_key
from rater_desktop.sessions.workshop import WorkshopSession
from rater_desktop.storage.rooms import PhoneTaken

NOTE_LIMIT = 1000
"""Longest note a phone may send (characters)."""
NAME_LIMIT = 60
"""Longest name a phone may add."""
_KEY = re.compile(r"(dimension:[a-z]+|criterion:\d{1,9}|context:\d{1,9}:[a-z]+|continuum:[123]:(current|desired))")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class Refused(Exception):
    """A phone's request that the room turns down; ``code`` names the phone text to show."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class Room:
    """The room of ``workshop``'s round, writing through ``operations`` (see the module doc).

    ``mode`` (``quick``/``full``) and ``new_names`` change the stored room
    and the workshop when given; otherwise a stored room is resumed as it was.
    """

    def __init__(self, operations: Operations, workshop: WorkshopSession, *, mode: str | None = None,
                 new_names: bool | None = None) -> None:
        self.operations = operations
        self.workbook = operations.workbook
        self.workshop = workshop
        self.assessment_id = workshop.assessment_id
        self.record = tokens.open_room(self.workbook, self.assessment_id, mode=mode, new_names=new_names)
        self._walks: dict[int, GradingSession] = {}
        self._items: dict[str, list[Item]] = {}
        self._stale = False
        self._stop_listening = workshop.operations.subscribe(self._heard)
        self._resume()

    def close(self) -> None:
        """Stop following the window's changes (the server stops)."""
        self._stop_listening()

    def _heard(self, change: Change) -> None:
        """Statements, situations or people changed (on whatever thread told it): read the walks again."""
        if change.kind in STRUCTURE_KINDS and change.touches(self.assessment_id):
            self._stale = True

    def _resume(self) -> None:
        """The workshop takes up the stored room: its mode, what was closed, who had joined."""
        self.workshop.set_mode(self.record.mode)
        if not self.workshop.closed:
            for part in sorted(self.record.closed):
                self.workshop.set_item_closed(part, True)
        for participant_id in sorted(self.workbook.phone_holders(self.assessment_id)):
            self.workshop.join(participant_id)
        self.keep_state()

    @property
    def code(self) -> str:
        return self.record.code

    def keep_state(self) -> None:
        """Store the workshop's mode and closed parts with the room (after the facilitator changed them)."""
        record = replace(self.record, mode=self.workshop.mode, closed=frozenset(self.workshop.closed))
        if record != self.record:
            self.workbook.save_room(record)
            self.record = record
            self._items.clear()

    def set_port(self, port: int) -> None:
        """Remember the port in use, so a restarted app offers the same address."""
        if self.record.port != port:
            self.record = replace(self.record, port=port)
            self.workbook.save_room(self.record)

    def release(self, participant_id: int) -> None:
        """Sign a person's phone out; they may join again (on any phone)."""
        self.workbook.release_phone(participant_id)
        self._walks.pop(participant_id, None)
        self.workshop.leave(participant_id)
        self.operations.announce(Change(ChangeKind.PHONES, self.assessment_id, (participant_id,)))

    # -- before joining ----------------------------------------------------------------

    def welcome(self, lang: str) -> dict[str, Any]:
        """What a phone with the room code sees: the page's words, the languages and the names."""
        holders = self.workbook.phone_holders(self.assessment_id)
        return {
            "text": phone_text(normalise_language(lang)),
            "languages": dict(LANGUAGES),
            "names": [
                {"id": person.id, "name": person.name, "taken": person.id in holders}
                for person in self.workbook.participants(self.assessment_id)
            ],
            "new_names": self.record.new_names,
        }

    def join(self, participant_id: object = None, name: object = None) -> tuple[str, int]:
        """A token for the person picked from the list (or added by name, when allowed)."""
        if participant_id is not None:
            ids = {person.id for person in self.workbook.participants(self.assessment_id)}
            if not isinstance(participant_id, int) or participant_id not in ids:
                raise Refused("invalid")
            chosen = participant_id
        else:
            chosen = self._add_name(name)
        try:
            token = tokens.join(self.workbook, chosen)
        except PhoneTaken:
            raise Refused("taken") from None
        self.workshop.join(chosen)
        self.operations.announce(Change(ChangeKind.PHONES, self.assessment_id, (chosen,)))
        return token, chosen

    def _add_name(self, name: object) -> int:
        if not self.record.new_names:
            raise Refused("invalid")
        text = _CONTROL.sub("", name).strip() if isinstance(name, str) else ""
        taken = {person.name.casefold() for person in self.workbook.participants(self.assessment_id)}
        if not 0 < len(text) <= NAME_LIMIT or text.casefold() in taken:
            raise Refused("name")
        with self.operations.acting_as(self, undoable=False):
            return self.operations.add_participant(self.assessment_id, text)

    def participant(self, token: object) -> int | None:
        """Whose phone holds ``token`` in this round (None: refuse it)."""
        return tokens.participant_of(self.workbook, self.assessment_id, token)

    # -- a joined phone --------------------------------------------------------------

    def state(self, participant_id: int, lang: str) -> dict[str, Any]:
        """Everything a joined phone shows: its person's name, the items, their own answers."""
        lang = normalise_language(lang)
        walk = self.walk(participant_id)
        return {
            "name": walk.participant.name if walk.participant else "",
            "mode": self.workshop.mode,
            "lang": lang,
            "text": phone_text(lang),
            "items": [item.as_json() for item in self.items(lang, walk)],
            "answers": own_answers(walk),
            "closed": sorted(self.workshop.closed),
        }

    def walk(self, participant_id: int) -> GradingSession:
        """The person's own grading walk, read again after the round's set-up or the mode changed."""
        if self._stale:
            self._stale = False
            self._items.clear()
            for other in self._walks.values():
                other.reload()
        walk = self._walks.get(participant_id)
        if walk is None or walk.quick != self.workshop.quick:
            walk = self._walks[participant_id] = self.workshop.grading_for(participant_id, self.operations)
        return walk

    def items(self, lang: str, walk: GradingSession) -> list[Item]:
        """The walk's items in ``lang`` (every phone of a round shares them)."""
        key = f"{self.workshop.mode}:{lang}"
        if key not in self._items:
            self._items[key] = phone_items(walk.steps, lang)
        return self._items[key]

    def answer(self, participant_id: int, message: dict[str, Any]) -> str:
        """Write one answer of ``participant_id`` (``key`` plus ``grade``/``note`` or ``value``); returns its key."""
        key, grade, note, value = (message.get(name) for name in ("key", "grade", "note", "value"))
        note = "" if note is None else note
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            raise Refused("invalid")
        if key.startswith("continuum:"):
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 7:
                raise Refused("invalid")
        elif grade not in GRADES or not isinstance(note, str) or len(note) > NOTE_LIMIT:
            raise Refused("invalid")
        walk = self.walk(participant_id)
        try:
            with self.operations.acting_as(("phone", participant_id), undoable=False):
                walk.answer_at(key, grade=grade, note=_CONTROL.sub("", note), value=value)
        except KeyError:
            raise Refused("invalid") from None
        except ClosedItem:
            raise Refused("closed") from None
        return key


def own_answers(walk: GradingSession) -> dict[str, dict[str, Any]]:
    """The walk's person's answers, keyed like the phone's items (their step keys)."""
    answers = walk.answers
    if answers is None:
        return {}
    mine: dict[str, dict[str, Any]] = {}
    for step in walk.steps:
        if step.kind == CONTINUUM:
            value = answers.value_of(step)
            if value is not None:
                mine[step_key(step)] = {"value": value}
        elif (given := answers.grade_of(step)) is not None:
            mine[step_key(step)] = {"grade": given[0], "note": given[1]}
    return mine
