"""One participant's walk through a round: the steps, their own answers, where they stand.

Plain Python (no Qt), driven by the grading page on the laptop, by the
workshop's pass-the-laptop turns and, for room voting, by the phone server on
its own thread.  Every answer goes through the operations layer (saved at
once, announced with this session as its origin, undoable unless the driver
acts with ``undoable=False``).

Privacy: a session holds the answers of the one participant who is grading
(:class:`Answers`), never the round's others, so no screen built on it can
show them.  Someone's saved answers open only for that person: :meth:`start`
refuses a participant who already has answers unless the driver vouches that
it is them (the facilitator confirmed it on the laptop; a phone's token is
bound to them).

Threads: the methods that change state take the session's lock, then the
operations layer's; nothing here waits for a listener, so a driver on another
thread can never deadlock the GUI.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from rater_desktop.changes import ANSWER_KINDS, Change, ChangeKind
from rater_desktop.model import CONTINUUM_ITEMS, CONTINUUM_KINDS, DIMENSION_KEYS, Criterion, Participant, TimeContext

if TYPE_CHECKING:
    from rater_desktop.operations import Operations
    from rater_desktop.storage import Workbook


class StepKind(StrEnum):
    CRITERION = "criterion"
    """grade one statement"""
    CONTEXT = "context"
    """grade a dimension in one time context"""
    CONTINUUM = "continuum"
    """place one continuum item, current or desired, on 1–7"""
    SUMMARY = "summary"
    """what is still open, and Finish"""
    DIMENSION = "dimension"
    """grade a whole dimension at once (a quick round)"""


CRITERION, CONTEXT, CONTINUUM, SUMMARY, DIMENSION = StepKind


@dataclass(frozen=True)
class Step:
    """One screen of the walk-through."""

    kind: StepKind
    dimension: str | None = None
    criterion: Criterion | None = None
    context: TimeContext | None = None
    item: int = 0
    scale: str = ""
    """"current" or "desired" on continuum steps"""

    @property
    def topic(self) -> str | None:
        """The workshop item this step belongs to: its dimension, ``"continuum"``, or None (summary)."""
        return CONTINUUM if self.kind == CONTINUUM else self.dimension


def build_steps(criteria: Sequence[Criterion], contexts: Sequence[TimeContext], *, quick: bool = False) -> list[Step]:
    """Dimension by dimension: its statements, then its time contexts; then the continuum; then the summary.

    A ``quick`` round asks one grade per dimension instead of its statements and situations.
    """
    steps: list[Step] = []
    for key in DIMENSION_KEYS:
        if quick:
            steps.append(Step(DIMENSION, key))
            continue
        steps += [Step(CRITERION, key, criterion=c) for c in criteria if c.dimension == key and not c.hidden]
        steps += [Step(CONTEXT, key, context=ctx) for ctx in contexts]
    steps += [Step(CONTINUUM, item=item, scale=kind) for kind in CONTINUUM_KINDS for item in CONTINUUM_ITEMS]
    steps.append(Step(SUMMARY))
    return steps


@dataclass
class Answers:
    """What one participant has answered so far (grade code + note, or scale value)."""

    participant_id: int
    grades: dict[int, tuple[str, str]] = field(default_factory=dict)
    context_grades: dict[tuple[int, str], tuple[str, str]] = field(default_factory=dict)
    dimension_grades: dict[str, tuple[str, str]] = field(default_factory=dict)
    continuum: dict[tuple[int, str], int] = field(default_factory=dict)

    @classmethod
    def load(cls, workbook: Workbook, assessment_id: int, participant_id: int) -> Answers:
        """Read this participant's answers only."""
        own = workbook.own_answers(assessment_id, participant_id)
        return cls(
            participant_id,
            grades={g.criterion_id: (g.grade, g.note) for g in own.grades},
            context_grades={(g.context_id, g.dimension): (g.grade, g.note) for g in own.context_grades},
            dimension_grades={g.dimension: (g.grade, g.note) for g in own.dimension_grades},
            continuum={(a.item, a.kind): a.value for a in own.continuum},
        )

    def grade_of(self, step: Step) -> tuple[str, str] | None:
        """(grade, note) given on a criterion, context or dimension step, else None."""
        if step.kind == CRITERION and step.criterion:
            return self.grades.get(step.criterion.id)
        if step.kind == DIMENSION and step.dimension:
            return self.dimension_grades.get(step.dimension)
        if step.kind == CONTEXT and step.context and step.dimension:
            return self.context_grades.get((step.context.id, step.dimension))
        return None

    def value_of(self, step: Step) -> int | None:
        return self.continuum.get((step.item, step.scale)) if step.kind == CONTINUUM else None

    def answered(self, step: Step) -> bool:
        if step.kind == CONTINUUM:
            return self.value_of(step) is not None
        return step.kind == SUMMARY or self.grade_of(step) is not None

    def any(self) -> bool:
        return bool(self.grades or self.context_grades or self.dimension_grades or self.continuum)


def step_key(step: Step) -> str:
    """A name for ``step`` that outlives its index: framework edits shift indexes, not ids."""
    if step.kind == CRITERION and step.criterion:
        return f"{CRITERION}:{step.criterion.id}"
    if step.kind == CONTEXT and step.context:
        return f"{CONTEXT}:{step.context.id}:{step.dimension}"
    if step.kind == CONTINUUM:
        return f"{CONTINUUM}:{step.item}:{step.scale}"
    if step.kind == DIMENSION:
        return f"{DIMENSION}:{step.dimension}"
    return str(step.kind)


def position_setting(participant_id: int) -> str:
    """Workbook setting under which the step a participant last stood on is kept."""
    return f"grading_step:{participant_id}"


def resume_index(steps: Sequence[Step], answers: Answers, saved: object) -> int:
    """Where a returning participant lands: the step they stood on (``saved``, a ``step_key``)
    if it still exists, otherwise their first unanswered step."""
    keys = [step_key(step) for step in steps]
    return keys.index(saved) if saved in keys else first_open(steps, answers)


def first_open(steps: Sequence[Step], answers: Answers) -> int:
    """Index of the first unanswered step: where a participant who comes back resumes."""
    return next((i for i, step in enumerate(steps) if not answers.answered(step)), len(steps) - 1)


def open_steps(steps: Sequence[Step], answers: Answers) -> list[int]:
    """Indexes of every unanswered step (the summary itself excluded)."""
    return [i for i, step in enumerate(steps) if step.kind != SUMMARY and not answers.answered(step)]


@dataclass(frozen=True)
class Progress:
    """How far a participant is through one part of the walk (a dimension or the continuum)."""

    key: str
    done: int
    total: int


class PrivateAnswers(PermissionError):
    """Someone's saved answers were asked for without anyone vouching that it is them."""


class ClosedItem(PermissionError):
    """An answer on an item the facilitator has closed."""


class GradingSession:
    """One round's grading walk, for whoever is answering now (one person at a time).

    ``may_answer(step)`` lets a workshop close items: an answer on a step it
    refuses raises :class:`ClosedItem` and changes nothing.  ``quick``: one
    grade per dimension instead of its statements (see :func:`build_steps`).
    """

    def __init__(
        self, operations: Operations, assessment_id: int, *, may_answer: Callable[[Step], bool] | None = None,
        quick: bool = False,
    ) -> None:
        self.operations = operations
        self.assessment_id = assessment_id
        self.may_answer = may_answer or (lambda _step: True)
        self.quick = quick
        self._lock = threading.RLock()
        self.steps: list[Step] = []
        self.index = 0
        self.participant: Participant | None = None
        self.answers: Answers | None = None
        self.thanked = ""
        """name of the last participant who finished (the start screen thanks them)"""
        self.reload()

    # -- who ---------------------------------------------------------------------------

    @property
    def step(self) -> Step | None:
        return self.steps[self.index] if self.answers is not None and self.steps else None

    def participants(self) -> list[Participant]:
        return self.operations.workbook.participants(self.assessment_id)

    def has_criteria(self) -> bool:
        return any(step.kind == CRITERION for step in self.steps)

    def needs_vouching(self, participant_id: int) -> bool:
        """True when ``participant_id`` already has saved answers: they open only for that person."""
        if self.answers is not None and self.answers.participant_id == participant_id:
            return False
        return Answers.load(self.operations.workbook, self.assessment_id, participant_id).any()

    def start(self, participant_id: int, *, vouched: bool = False) -> None:
        """Load ``participant_id``'s own answers and resume on the step they last stood on.

        Raises :class:`PrivateAnswers` when they have saved answers and the
        driver does not vouch that the person answering is them.
        """
        with self._lock:
            person = next((p for p in self.participants() if p.id == participant_id), None)
            if person is None:
                raise KeyError(f"no participant {participant_id} in round {self.assessment_id}")
            workbook = self.operations.workbook
            answers = Answers.load(workbook, self.assessment_id, participant_id)
            if answers.any() and not vouched and not self._is_current(person):
                raise PrivateAnswers(person.name)
            self.participant, self.answers = person, answers
            self.index = resume_index(self.steps, answers, workbook.get_setting(position_setting(participant_id)))
            self.thanked = ""

    def _is_current(self, person: Participant) -> bool:
        return self.answers is not None and self.answers.participant_id == person.id

    def stop(self) -> None:
        """Nothing of the last participant stays in the session."""
        with self._lock:
            self.participant = None
            self.answers = None

    def finish(self) -> int | None:
        """The participant is done: thank them, forget where they stood, close their answers."""
        with self._lock:
            if self.answers is None:
                return None
            participant_id = self.answers.participant_id
            self.thanked = self.participant.name if self.participant else ""
            self._remember_position(None)
            self.stop()
            return participant_id

    def reload(self) -> bool:
        """Read the steps again after a set-up change; False when the participant left the round
        (the session is then stopped)."""
        with self._lock:
            workbook = self.operations.workbook
            current = self.step
            self.steps = build_steps(workbook.criteria(), workbook.time_contexts(self.assessment_id), quick=self.quick)
            if self.answers is None:
                return True
            person = next((p for p in self.participants() if p.id == self.answers.participant_id), None)
            if person is None:
                self.stop()
                return False
            self.participant = person
            self.answers = Answers.load(workbook, self.assessment_id, person.id)
            self.index = resume_index(self.steps, self.answers, step_key(current) if current else None)
            return True

    # -- answering -------------------------------------------------------------------------

    def give(self, code: str, note: str = "") -> Change | None:
        """Record grade ``code`` (and ``note``) on the current statement, context or dimension step."""
        with self._lock:
            step = self.step
            if step is None or step.kind not in (CRITERION, CONTEXT, DIMENSION):
                return None
            return self._write(step, code, note.strip())

    def keep_note(self, note: str) -> Change | None:
        """Keep ``note`` with the grade of the current step if it changed (a note needs a grade)."""
        with self._lock:
            step = self.step
            given = self.answers.grade_of(step) if step is not None else None
            if given is None or given[1] == note.strip():
                return None
            return self._write(step, given[0], note.strip())

    def _write(self, step: Step, code: str, note: str) -> Change:
        self._check_open(step)
        answers = self.answers
        with self.operations.acting_as(self):
            if step.kind == CRITERION:
                change = self.operations.set_grade(answers.participant_id, step.criterion.id, code, note)
                answers.grades[step.criterion.id] = (code, note)
            elif step.kind == DIMENSION:
                change = self.operations.set_dimension_grade(answers.participant_id, step.dimension, code, note)
                answers.dimension_grades[step.dimension] = (code, note)
            else:
                change = self.operations.set_context_grade(
                    answers.participant_id, step.context.id, step.dimension, code, note)
                answers.context_grades[(step.context.id, step.dimension)] = (code, note)
        return change

    def place(self, value: int) -> Change | None:
        """Record a 1–7 continuum answer on the current step."""
        with self._lock:
            step = self.step
            if step is None or step.kind != CONTINUUM:
                return None
            return self._place(step, value)

    def _place(self, step: Step, value: int) -> Change:
        self._check_open(step)
        with self.operations.acting_as(self):
            change = self.operations.set_continuum(self.answers.participant_id, step.item, step.scale, value)
        self.answers.continuum[(step.item, step.scale)] = value
        return change

    def answer_at(self, key: str, *, grade: str | None = None, note: str = "", value: int | None = None) -> Change:
        """Answer the step named ``key`` (its :func:`step_key`) without standing on it.

        For a driver whose screen keeps its own place, such as a phone: a
        grade (and note) on a statement, context or dimension step, a 1–7
        ``value`` on a continuum step.  ``KeyError`` for a step this walk does
        not have; :class:`ClosedItem` as for the other answers.
        """
        with self._lock:
            step = next((s for s in self.steps if s.kind != SUMMARY and step_key(s) == key), None)
            if step is None or self.answers is None:
                raise KeyError(key)
            if step.kind == CONTINUUM:
                return self._place(step, value)
            return self._write(step, grade, note.strip())

    def _check_open(self, step: Step) -> None:
        if not self.may_answer(step):
            raise ClosedItem(step.topic)

    def follow(self, change: Change) -> bool:
        """Another driver (undo, the Edit menu) changed this participant's answers: read them again
        and stand on the step it touched.  True when there is something new to show."""
        with self._lock:
            if (change.kind not in ANSWER_KINDS or change.origin is self or self.answers is None
                    or change.assessment_id != self.assessment_id or not change.ids
                    or change.ids[0] != self.answers.participant_id):
                return False
            self.answers = Answers.load(self.operations.workbook, self.assessment_id, self.answers.participant_id)
            touched = next((i for i, step in enumerate(self.steps) if _touches(step, change)), None)
            if touched is not None:
                self.index = touched
            self._remember_position(step_key(self.steps[self.index]))
            return True

    # -- moving ------------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        with self._lock:
            if self.answers is None or not self.steps:
                return
            self.index = max(0, min(index, len(self.steps) - 1))
            self._remember_position(step_key(self.steps[self.index]))

    def go_next(self) -> None:
        self.go_to(self.index + 1)

    def go_back(self) -> None:
        self.go_to(self.index - 1)

    def go_to_first_open(self) -> None:
        if self.answers is not None:
            self.go_to(first_open(self.steps, self.answers))

    def go_to_topic(self, topic: str) -> None:
        """Stand on the first step of ``topic`` (a dimension, or the continuum), e.g. for a re-vote."""
        first = next((i for i, step in enumerate(self.steps) if step.topic == topic), None)
        if first is not None:
            self.go_to(first)

    def _remember_position(self, key: str | None) -> None:
        """Keep the participant's current step (None: forget it) in the workbook, so they come back
        to it after a restart.

        Written to the workbook directly, not through ``Operations``: a bookmark is not an edit, so
        Ctrl+Z must not take it back and no view has anything to redraw.  The setting is keyed by
        participant and only ever read for that participant.
        """
        workbook = self.operations.workbook
        if self.answers is None or workbook.read_only:
            return
        setting = position_setting(self.answers.participant_id)
        with self.operations.locked():
            if workbook.get_setting(setting) != key:
                workbook.set_setting(setting, key)

    # -- what to show ------------------------------------------------------------------------

    def progress(self) -> list[Progress]:
        """Answered and total steps per dimension, then for the continuum."""
        if self.answers is None:
            return []
        parts = []
        for key in (*DIMENSION_KEYS, CONTINUUM):
            mine = [s for s in self.steps if s.topic == key and s.kind != SUMMARY]
            parts.append(Progress(str(key), sum(1 for s in mine if self.answers.answered(s)), len(mine)))
        return parts

    def open_items(self) -> dict[str, int]:
        """Unanswered steps per dimension and for the continuum (only those with any)."""
        missing: dict[str, int] = {}
        if self.answers is None:
            return missing
        for i in open_steps(self.steps, self.answers):
            topic = str(self.steps[i].topic)
            missing[topic] = missing.get(topic, 0) + 1
        return missing

    def answered_any(self) -> bool:
        return self.answers is not None and any(self.answers.answered(s) for s in self.steps if s.kind != SUMMARY)


def _touches(step: Step, change: Change) -> bool:
    """True when ``change`` (of a participant's answers) is about ``step``."""
    if change.kind == ChangeKind.GRADES:
        return step.kind == CRITERION and step.criterion.id == change.ids[1]
    if change.kind == ChangeKind.DIMENSION_GRADES:
        return step.kind == DIMENSION and step.dimension == change.ids[1]
    if change.kind == ChangeKind.CONTEXT_GRADES:
        return step.kind == CONTEXT and (step.context.id, step.dimension) == change.ids[1:]
    return step.kind == CONTINUUM and (step.item, step.scale) == change.ids[1:]
