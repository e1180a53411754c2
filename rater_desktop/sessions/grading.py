"""The steps of the grading walk-through and one participant's own answers.

Plain Python (no Qt) so the order of steps and the "what is still open" logic
can be read and tested apart from the widgets.  ``Answers`` holds only the
grades of the participant who is grading: the page never has another
participant's answers in hand, which is the simplest way to guarantee it can
never show them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rater_desktop.model import CONTINUUM_ITEMS, CONTINUUM_KINDS, DIMENSION_KEYS, Criterion, TimeContext
from rater_desktop.storage import Workbook

CRITERION, CONTEXT, CONTINUUM, SUMMARY = "criterion", "context", "continuum", "summary"


@dataclass(frozen=True)
class Step:
    """One screen of the walk-through.

    ``kind`` is criterion (grade a statement), context (grade a dimension in
    one time context), continuum (one item, one of current/desired) or summary.
    """

    kind: str
    dimension: str | None = None
    criterion: Criterion | None = None
    context: TimeContext | None = None
    item: int = 0
    scale: str = ""
    """"current" or "desired" on continuum steps"""


def build_steps(criteria: Sequence[Criterion], contexts: Sequence[TimeContext]) -> list[Step]:
    """Dimension by dimension: its statements, then its time contexts; then the continuum; then the summary."""
    steps: list[Step] = []
    for key in DIMENSION_KEYS:
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
    continuum: dict[tuple[int, str], int] = field(default_factory=dict)

    @classmethod
    def load(cls, workbook: Workbook, assessment_id: int, participant_id: int) -> Answers:
        """Read this participant's answers only (the round's other answers are dropped at once)."""
        answers = cls(participant_id)
        answers.grades = {cid: (g.grade, g.note) for cid, g in workbook.grades_for(participant_id).items()}
        data = workbook.read_assessment(assessment_id)
        answers.context_grades = {
            (g.context_id, g.dimension): (g.grade, g.note)
            for g in data.context_grades
            if g.participant_id == participant_id
        }
        answers.continuum = {
            (a.item, a.kind): a.value for a in data.continuum if a.participant_id == participant_id
        }
        return answers

    def grade_of(self, step: Step) -> tuple[str, str] | None:
        """(grade, note) given on a criterion or context step, else None."""
        if step.kind == CRITERION and step.criterion:
            return self.grades.get(step.criterion.id)
        if step.kind == CONTEXT and step.context and step.dimension:
            return self.context_grades.get((step.context.id, step.dimension))
        return None

    def value_of(self, step: Step) -> int | None:
        return self.continuum.get((step.item, step.scale)) if step.kind == CONTINUUM else None

    def answered(self, step: Step) -> bool:
        if step.kind == CONTINUUM:
            return self.value_of(step) is not None
        return step.kind == SUMMARY or self.grade_of(step) is not None


def step_key(step: Step) -> str:
    """A name for ``step`` that outlives its index: framework edits shift indexes, not ids."""
    if step.kind == CRITERION and step.criterion:
        return f"{CRITERION}:{step.criterion.id}"
    if step.kind == CONTEXT and step.context:
        return f"{CONTEXT}:{step.context.id}:{step.dimension}"
    if step.kind == CONTINUUM:
        return f"{CONTINUUM}:{step.item}:{step.scale}"
    return step.kind


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
