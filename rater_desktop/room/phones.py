"""A round's room: who may join, what a phone may see, what it may change.

:class:`Room` is the rules of DESIGN §10 without any networking, so they are
tested directly and the aiohttp layer (``server.py``) stays a thin shell:

- before joining, a phone gets the page's words and the round's names (to
  pick its own), nothing else;
- a joined phone gets the statements and *its own* answers, never another
  person's answers, results, notes or anything else in the workbook;
- an answer is checked (item of this round and mode, grade or 1–7 value,
  note length), refused when its part is closed, and written through the
  operations layer: one transaction per answer, announced to listeners.

A room uses its workbook connection alone, from one thread at a time (the
server's database thread); the window keeps its own connection.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any

from rater_desktop.i18n import LANGUAGES, normalise_language
from rater_desktop.model import GRADES, Criterion, TimeContext
from rater_desktop.operations import Change, Operations
from rater_desktop.room import tokens
from rater_desktop.room.items import Item, build_items
from rater_desktop.room.phone_text import phone_text
from rater_desktop.storage import Workbook
from rater_desktop.storage.rooms import CLOSABLE, PhoneTaken, RoomRecord

NOTE_LIMIT = 1000
"""Longest note a phone may send (characters)."""
NAME_LIMIT = 60
"""Longest name a phone may add."""
_KEY = re.compile(r"(dim:[a-z]+|crit:\d{1,9}|ctx:\d{1,9}:[a-z]+|cont:[123]:(current|desired))")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class Refused(Exception):
    """A phone's request that the room turns down; ``code`` names the phone text to show."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class Room:
    """The room of round ``assessment_id`` over ``workbook`` (a connection only this room uses).

    ``mode`` and ``new_names`` change the stored room when given (see
    :func:`tokens.open_room`); ``on_change`` hears every answer written, on
    the thread that wrote it.
    """

    def __init__(self, workbook: Workbook, assessment_id: int, *, mode: str | None = None,
                 new_names: bool | None = None, on_change: Callable[[Change], None] | None = None) -> None:
        self.workbook = workbook
        self.assessment_id = assessment_id
        self.record: RoomRecord = tokens.open_room(workbook, assessment_id, mode=mode, new_names=new_names)
        self.operations = Operations(workbook, history=False)
        if on_change is not None:
            self.operations.subscribe(on_change)
        self._version: int | None = None
        self._structure: tuple[list[Criterion], list[TimeContext]] = ([], [])
        self._items: dict[str, list[Item]] = {}

    @property
    def code(self) -> str:
        return self.record.code

    # -- settings the facilitator changes -------------------------------------------

    def set_closed(self, parts: Collection[str]) -> None:
        """Close (only) ``parts`` for voting: dimension keys and ``continuum``."""
        unknown = set(parts) - set(CLOSABLE)
        if unknown:
            raise ValueError(f"cannot close {sorted(unknown)}")
        self._save(closed=frozenset(parts))

    def set_port(self, port: int) -> None:
        """Remember the port in use, so a restarted app offers the same address."""
        if self.record.port != port:
            self._save(port=port)

    def release(self, participant_id: int) -> None:
        """Sign a person's phone out; they may join again (on any phone)."""
        self.workbook.release_phone(participant_id)
        self.operations.announce(Change("phones", self.assessment_id, (participant_id,)))

    def _save(self, **fields: Any) -> None:
        record = replace(self.record, **fields)
        self.workbook.save_room(record)
        self.record = record

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
        self.operations.announce(Change("phones", self.assessment_id, (chosen,)))
        return token, chosen

    def _add_name(self, name: object) -> int:
        if not self.record.new_names:
            raise Refused("invalid")
        text = _CONTROL.sub("", name).strip() if isinstance(name, str) else ""
        taken = {person.name.casefold() for person in self.workbook.participants(self.assessment_id)}
        if not 0 < len(text) <= NAME_LIMIT or text.casefold() in taken:
            raise Refused("name")
        return self.operations.add_participant(self.assessment_id, text)

    def participant(self, token: object) -> int | None:
        """Whose phone holds ``token`` in this round (None: refuse it)."""
        return tokens.participant_of(self.workbook, self.assessment_id, token)

    # -- a joined phone --------------------------------------------------------------

    def state(self, participant_id: int, lang: str) -> dict[str, Any]:
        """Everything a joined phone shows: its person's name, the items, their own answers."""
        lang = normalise_language(lang)
        name = next((p.name for p in self.workbook.participants(self.assessment_id) if p.id == participant_id), "")
        return {
            "name": name,
            "mode": self.record.mode,
            "lang": lang,
            "text": phone_text(lang),
            "items": [item.as_json() for item in self.items(lang)],
            "answers": self.answers(participant_id, lang),
            "closed": sorted(self.record.closed),
        }

    def items(self, lang: str) -> list[Item]:
        """The round's items in ``lang``, read again only after the window changed the workbook."""
        version = self.workbook.data_version()
        if version != self._version:
            self._structure = (self.workbook.criteria(), self.workbook.time_contexts(self.assessment_id))
            self._items.clear()
            self._version = version
        key = f"{self.record.mode}:{lang}"
        if key not in self._items:
            self._items[key] = build_items(self.record.mode, lang, *self._structure)
        return self._items[key]

    def answers(self, participant_id: int, lang: str = "en") -> dict[str, dict[str, Any]]:
        """This one person's answers to the round's items, keyed like them (nobody else's is ever read)."""
        data = self.workbook.own_answers(self.assessment_id, participant_id)
        mine: dict[str, dict[str, Any]] = {}
        for grade in data.grades:
            mine[f"crit:{grade.criterion_id}"] = {"grade": grade.grade, "note": grade.note}
        for grade in data.context_grades:
            mine[f"ctx:{grade.context_id}:{grade.dimension}"] = {"grade": grade.grade, "note": grade.note}
        for grade in data.dimension_grades:
            mine[f"dim:{grade.dimension}"] = {"grade": grade.grade, "note": grade.note}
        for answer in data.continuum:
            mine[f"cont:{answer.item}:{answer.kind}"] = {"value": answer.value}
        keys = {item.key for item in self.items(lang)}
        return {key: value for key, value in mine.items() if key in keys}

    def answer(self, participant_id: int, message: dict[str, Any]) -> str:
        """Write one answer of ``participant_id`` (``key`` plus ``grade``/``note`` or ``value``); returns its key."""
        key = message.get("key")
        item = self._item(key)
        if item.part in self.record.closed:
            raise Refused("closed")
        if item.kind == "scale":
            value = message.get("value")
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 7:
                raise Refused("invalid")
            _, number, kind = key.split(":")
            self.operations.set_continuum(participant_id, int(number), kind, value)
            return key
        grade, note = message.get("grade"), message.get("note", "")
        if grade not in GRADES or not isinstance(note, str) or len(note) > NOTE_LIMIT:
            raise Refused("invalid")
        note = _CONTROL.sub("", note).strip()
        head, _, rest = key.partition(":")
        if head == "dim":
            self.operations.set_dimension_grade(participant_id, rest, grade, note)
        elif head == "crit":
            self.operations.set_grade(participant_id, int(rest), grade, note)
        else:
            context, dimension = rest.split(":")
            self.operations.set_context_grade(participant_id, int(context), dimension, grade, note)
        return key

    def _item(self, key: object) -> Item:
        """The item ``key`` names in this round and mode, or a refusal."""
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            raise Refused("invalid")
        found = next((item for item in self.items("en") if item.key == key), None)
        if found is None:
            raise Refused("invalid")
        return found
