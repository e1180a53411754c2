"""A workshop on one round: who votes, which items are open, sealed results, the reveal, the timer.

The facilitator's page drives it on the laptop; for room voting the phone
server drives the same object from its own thread (phones join, their votes
arrive as :class:`~rater_desktop.sessions.grading.GradingSession` answers).
One session per round and open workbook, kept by :class:`Workshops`, so it
outlives the page: a language switch rebuilds the page, not the workshop.

- Voting: pass-the-laptop turns (``hand_over``, ``voter_finished``, ``skip``)
  and phones (``join``).  The roster says who is done, never what they gave.
- Sealed results: from the first turn (or phone) until the reveal, the
  round's results are sealed: the results and comparison pages show no
  figures, so nobody sees running counts or a lone voter's answers.
- Items: the facilitator may close an item (a dimension, or the continuum);
  no answer on it is accepted afterwards, from the laptop or a phone.
- Reveal: the discussion queue orders the dimensions; every reveal comes from
  :func:`rater_desktop.sessions.reveal.reveal`, which applies the privacy rule.
- Timer: a countdown per discussion item, kept as a deadline on a monotonic
  clock so any screen can show it without a Qt timer in the core.

Every change of this state is announced through the operations layer as a
``ChangeKind.WORKSHOP`` change of the round (ids: one :class:`Event`), so the
GUI's views hear it on the GUI thread whichever thread made it.  State
changes take the session's lock, then (for answers and consensus) the
operations layer's; the announcement is told after both are released when
made outside another lock.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from rater_desktop.changes import Change, ChangeKind
from rater_desktop.model import (
    CONTINUUM_ITEMS,
    CONTINUUM_KINDS,
    DIMENSION_KEYS,
    AssessmentData,
    Consensus,
    Participant,
)
from rater_desktop.privacy import shown_card
from rater_desktop.sessions.grading import GradingSession, Step
from rater_desktop.sessions.reveal import QueueItem, Reveal, discussion_queue, reveal

if TYPE_CHECKING:
    from rater_desktop.operations import Operations


CONTINUUM_ANSWERS = len(CONTINUUM_ITEMS) * len(CONTINUUM_KINDS)
"""Answers that make a participant's continuum complete (where we are, where we should be)."""


class Event(StrEnum):
    """What a ``ChangeKind.WORKSHOP`` change is about."""

    ROSTER = "roster"
    """a turn began or ended, someone was skipped, joined or finished"""
    PHASE = "phase"
    """voting began or the reveal opened (results sealed or unsealed)"""
    ITEM = "item"
    """the item under discussion, or an item's open/closed state"""
    TIMER = "timer"


class Phase(StrEnum):
    VOTING = "voting"
    DISCUSSION = "discussion"


@dataclass
class DiscussionTimer:
    """A countdown of ``minutes`` per item; running means a deadline on ``clock``."""

    minutes: int = 5
    remaining: int = 0
    """seconds left while paused (0: not started, or run out)"""
    time_up: bool = False
    deadline: float | None = None
    clock: Callable[[], float] = time.monotonic

    @property
    def running(self) -> bool:
        return self.deadline is not None

    def seconds_left(self) -> int:
        if self.deadline is None:
            return self.remaining
        return max(0, math.ceil(self.deadline - self.clock()))

    def start(self) -> None:
        if self.remaining <= 0:
            self.remaining = self.minutes * 60
        self.time_up = False
        self.deadline = self.clock() + self.remaining

    def pause(self) -> None:
        self.remaining = self.seconds_left()
        self.deadline = None

    def reset(self) -> None:
        self.remaining, self.deadline, self.time_up = 0, None, False

    def poll(self) -> bool:
        """True once, when a running countdown reaches zero (it then stops, time up)."""
        if self.deadline is None or self.seconds_left() > 0:
            return False
        self.remaining, self.deadline, self.time_up = 0, None, True
        return True

    def text(self) -> str:
        """``m:ss`` while there is time on the clock, else empty (the screens add "Time is up")."""
        left = self.seconds_left()
        return f"{left // 60}:{left % 60:02d}" if left > 0 else ""


@dataclass(frozen=True)
class RosterRow:
    participant: Participant
    status: str
    """``done``, ``phone`` (voting on their own phone), ``skipped`` or ``waiting``: never what they gave"""


def finished_voters(data: AssessmentData, dimensions: Collection[str] = DIMENSION_KEYS, *,
                    quick: bool = False) -> set[int]:
    """Ids of participants who gave a grade (N/A counts) on every visible criterion of ``dimensions``;
    in a ``quick`` round, the one grade of each of ``dimensions``."""
    if quick:
        given_quick = {(g.participant_id, g.dimension) for g in data.dimension_grades}
        return {p.id for p in data.participants if dimensions and all((p.id, key) in given_quick for key in dimensions)}
    wanted = {c.id for c in data.criteria if c.dimension in dimensions and not c.hidden}
    given: dict[int, set[int]] = {}
    for grade in data.grades:
        if grade.criterion_id in wanted:
            given.setdefault(grade.participant_id, set()).add(grade.criterion_id)
    return {p.id for p in data.participants if wanted and given.get(p.id, set()) >= wanted}


def next_voter(
    participants: Sequence[Participant], grades_done: Collection[int], skipped: Collection[int] = ()
) -> Participant | None:
    """Who gets the laptop next: the first (in list order) who has not voted and
    was not skipped; once everyone else is done, the skipped ones in turn (the
    facilitator comes back to them); None when everybody has voted.

    The facilitator may still hand the laptop to anyone out of order; this is
    only the suggestion the hand-over screen starts with.
    """
    waiting = [p for p in participants if p.id not in grades_done]
    fresh = [p for p in waiting if p.id not in skipped]
    return (fresh or waiting or [None])[0]


class WorkshopSession:
    """The workshop on round ``assessment_id`` (see the module doc)."""

    def __init__(self, operations: Operations, assessment_id: int, *, clock: Callable[[], float] = time.monotonic):
        self.operations = operations
        self.assessment_id = assessment_id
        self._lock = threading.RLock()
        self.phase = Phase.VOTING
        self.sealed = False
        self.skipped: set[int] = set()
        self.voted_now: set[int] = set()
        """who finished in this workshop (counts as done even with open items)"""
        self.joined: set[int] = set()
        """participants voting on their own phone"""
        self.revoting: str | None = None
        """the dimension being voted on again: then only ``voted_now`` counts as done"""
        self.handing_to: Participant | None = None
        self.turn: GradingSession | None = None
        """the walk of whoever holds the laptop now (kept here so a rebuilt page picks it up)"""
        self.closed: set[str] = set()
        self.mode = "full"
        """``full``: every statement; ``quick``: one grade per dimension, then the continuum"""
        self.queue: list[QueueItem] = []
        self.current: str | None = None
        self.timer = DiscussionTimer(clock=clock)

    @property
    def quick(self) -> bool:
        return self.mode == "quick"

    # -- reading --------------------------------------------------------------------

    def data(self) -> AssessmentData:
        return self.operations.cards.data(self.assessment_id)

    def done_ids(self, data: AssessmentData | None = None) -> set[int]:
        """Who counts as having voted (see ``voted_now`` and ``revoting``)."""
        with self._lock:
            if self.revoting:
                return set(self.voted_now)
            return finished_voters(data or self.data(), quick=self.quick) | self.voted_now

    def roster(self, data: AssessmentData | None = None) -> list[RosterRow]:
        data = data or self.data()
        done = self.done_ids(data)
        return [RosterRow(p, "done" if p.id in done else "phone" if p.id in self.joined
                          else "skipped" if p.id in self.skipped else "waiting")
                for p in data.participants]

    def suggested(self, data: AssessmentData | None = None) -> Participant | None:
        """The next voter for the laptop: nobody who votes on their own phone."""
        data = data or self.data()
        return next_voter(data.participants, self.done_ids(data) | self.joined, self.skipped)

    def votes_per_dimension(self, data: AssessmentData | None = None) -> dict[str, int]:
        """How many have voted on each dimension, then on the whole ``continuum`` ("7 of 9"),
        never what they gave."""
        data = data or self.data()
        counts = {key: len(finished_voters(data, (key,), quick=self.quick)) for key in DIMENSION_KEYS}
        placed: dict[int, int] = {}
        for answer in data.continuum:
            placed[answer.participant_id] = placed.get(answer.participant_id, 0) + 1
        counts["continuum"] = sum(1 for p in data.participants if placed.get(p.id, 0) == CONTINUUM_ANSWERS)
        return counts

    # -- voting ---------------------------------------------------------------------

    def _announce(self, event: Event) -> None:
        self.operations.announce(Change(ChangeKind.WORKSHOP, self.assessment_id, (event,)))

    def _begin_voting(self) -> None:
        if not self.sealed or self.phase != Phase.VOTING:
            self.sealed, self.phase = True, Phase.VOTING
            self.timer.pause()
            self._announce(Event.PHASE)

    def hand_over(self, person: Participant) -> None:
        """The laptop goes to ``person`` (the hand-over screen): voting is under way, results sealed."""
        with self._lock:
            self.handing_to, self.turn = person, None
            self._begin_voting()
            self._announce(Event.ROSTER)

    def join(self, participant_id: int) -> None:
        """A phone joined for ``participant_id``: voting is under way, results sealed."""
        with self._lock:
            self.joined.add(participant_id)
            self._begin_voting()
            self._announce(Event.ROSTER)

    def leave(self, participant_id: int) -> None:
        """The facilitator signed ``participant_id``'s phone out: they may vote on the laptop again."""
        with self._lock:
            self.joined.discard(participant_id)
            self._announce(Event.ROSTER)

    def skip(self, participant_id: int) -> None:
        with self._lock:
            self.skipped.add(participant_id)
            self._announce(Event.ROSTER)

    def start_turn(self) -> GradingSession | None:
        """The person handed the laptop starts: their own grading walk, vouched by the hand-over."""
        with self._lock:
            if self.handing_to is None:
                return None
            self.turn = self.grading_for(self.handing_to.id)
            return self.turn

    def grading_for(self, participant_id: int, operations: Operations | None = None) -> GradingSession:
        """A grading session for ``participant_id``, opened on the facilitator's word (the hand-over
        or a phone's token), refusing answers on closed items; a re-vote starts on its dimension.

        ``operations``: the driver's own operations layer, when it writes through a connection of
        its own (the phone server, so the window's reads never wait for a phone's write).
        """
        session = GradingSession(operations or self.operations, self.assessment_id, may_answer=self.may_answer,
                                 quick=self.quick)
        session.start(participant_id, vouched=True)
        if self.revoting:
            session.go_to_topic(self.revoting)
        return session

    def may_answer(self, step: Step) -> bool:
        return step.topic not in self.closed

    def voter_finished(self, participant_id: int) -> Participant | None:
        """``participant_id`` is done; returns who is suggested next (None: everybody has voted)."""
        with self._lock:
            self.voted_now.add(participant_id)
            self.skipped.discard(participant_id)
            self.handing_to, self.turn = None, None
            self._announce(Event.ROSTER)
            return self.suggested()

    def end_turn(self) -> None:
        """The laptop is back with the facilitator (no one is handed it)."""
        with self._lock:
            if self.handing_to is not None or self.turn is not None:
                self.handing_to, self.turn = None, None
                self._announce(Event.ROSTER)

    def set_mode(self, mode: str) -> None:
        """Vote on every statement (``full``) or one grade per dimension (``quick``), from the next walk on."""
        if mode not in ("full", "quick"):
            raise ValueError(f"unknown voting mode {mode!r}")
        with self._lock:
            if mode != self.mode:
                self.mode = mode
                self._announce(Event.ITEM)

    def set_item_closed(self, topic: str, closed: bool) -> None:
        """Close (or reopen) an item: a dimension key or ``"continuum"``."""
        with self._lock:
            (self.closed.add if closed else self.closed.discard)(topic)
            self._announce(Event.ITEM)

    def revote(self, dimension: str) -> None:
        """Everyone votes on ``dimension`` again, each with their own earlier answers to change."""
        with self._lock:
            self.revoting = dimension
            self.voted_now.clear()
            self.skipped.clear()
            self.closed.discard(dimension)
            self._begin_voting()

    def back_to_voting(self) -> None:
        """The facilitator looks at the roster again (results stay as they are)."""
        with self._lock:
            if self.phase != Phase.VOTING:
                self.phase = Phase.VOTING
                self.timer.pause()
                self._announce(Event.PHASE)

    # -- discussion -------------------------------------------------------------------

    def open_reveal(self) -> list[QueueItem]:
        """End voting: unseal the results and order the dimensions for discussion."""
        with self._lock:
            self.handing_to, self.turn = None, None
            self.phase, self.sealed = Phase.DISCUSSION, False
            data, card = self.operations.cards.read(self.assessment_id)
            self.queue = discussion_queue(shown_card(card, data))  # no spread of fewer than three voters
            self.current = self.queue[0].dimension if self.queue else None
            self.timer.reset()
            self._announce(Event.PHASE)
            return list(self.queue)

    def show(self, dimension: str) -> None:
        """Discuss ``dimension`` now (its clock starts from zero)."""
        with self._lock:
            if dimension != self.current:
                self.current = dimension
                self.timer.reset()
                self._announce(Event.ITEM)

    def current_reveal(self) -> tuple[Reveal, tuple[str, ...]] | None:
        """The reveal of the item under discussion and why it is on the agenda (None before the reveal)."""
        if self.current is None or self.sealed:
            return None
        data, card = self.operations.cards.read(self.assessment_id)
        reasons = next((item.reasons for item in self.queue if item.dimension == self.current), ())
        return reveal(card, data, self.current), reasons

    def agreed(self) -> Consensus | None:
        """The consensus the workbook holds for the dimension under discussion (None: none yet).

        Pages compare it with what they last showed: an undo, a redo or a second window may change
        it behind the facilitator's back, and a stale grade on screen would be recorded again.
        """
        current = self.current
        if current is None:
            return None
        return next((c for c in self.data().consensus if c.dimension == current and c.criterion_id is None), None)

    def record_consensus(self, grade: str | None, rationale: str) -> Change | None:
        with self._lock:
            if self.current is None:
                return None
            return self.operations.set_consensus(self.assessment_id, self.current, grade, rationale.strip())

    # -- timer -------------------------------------------------------------------------

    def toggle_timer(self, minutes: int | None = None) -> None:
        with self._lock:
            if self.timer.running:
                self.timer.pause()
            else:
                if minutes is not None:
                    self.timer.minutes = minutes
                self.timer.start()
            self._announce(Event.TIMER)

    def reset_timer(self) -> None:
        with self._lock:
            self.timer.reset()
            self._announce(Event.TIMER)


class Workshops:
    """The workshop sessions of one open workbook, one per round, made on first use."""

    def __init__(self, operations: Operations) -> None:
        self._operations = operations
        self._lock = threading.Lock()
        self._by_round: dict[int, WorkshopSession] = {}

    def of(self, assessment_id: int) -> WorkshopSession:
        with self._lock:
            if assessment_id not in self._by_round:
                self._by_round[assessment_id] = WorkshopSession(self._operations, assessment_id)
            return self._by_round[assessment_id]

    def sealed(self, assessment_id: int | None) -> bool:
        """True while round ``assessment_id`` is being voted on and its results are not yet revealed."""
        session = self._by_round.get(assessment_id)
        return session is not None and session.sealed

    def any_sealed(self) -> bool:
        """True while some round of the workbook is being voted on (exports wait for the reveal)."""
        return any(session.sealed for session in list(self._by_round.values()))
