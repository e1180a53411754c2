"""Plain data passed between storage, analysis, report and UI.

Storage reads a round of a workbook into these frozen records; analysis and the
report compute from them without touching the database, so each layer can be
tested alone with hand-built data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DIMENSION_KEYS: tuple[str, ...] = (
    "reliability",
    "assurance",
    "tangibles",
    "empathy",
    "responsiveness",
)
"""The five RATER dimensions, always in this order (DESIGN §5)."""

GRADES: tuple[str, ...] = ("A", "B", "C", "D", "F", "NA")
"""Stored grade codes; "NA" is "not applicable" and never counts as zero."""

CONTINUUM_ITEMS: tuple[int, ...] = (1, 2, 3)
CONTINUUM_KINDS: tuple[str, ...] = ("current", "desired")

ACTION_STATUSES: tuple[str, ...] = ("open", "in_progress", "done", "dropped")


@dataclass(frozen=True)
class Criterion:
    id: int
    dimension: str
    position: int
    text: str
    hint_a: str = ""
    hint_f: str = ""
    builtin_key: str | None = None
    hidden: bool = False


@dataclass(frozen=True)
class Participant:
    id: int
    name: str
    role: str = ""
    position: int = 0


@dataclass(frozen=True)
class Grade:
    participant_id: int
    criterion_id: int
    grade: str
    note: str = ""


@dataclass(frozen=True)
class TimeContext:
    id: int
    name: str
    position: int = 0


@dataclass(frozen=True)
class ContextGrade:
    participant_id: int
    context_id: int
    dimension: str
    grade: str
    note: str = ""


@dataclass(frozen=True)
class ContinuumAnswer:
    participant_id: int
    item: int
    kind: str
    value: int


@dataclass(frozen=True)
class Consensus:
    dimension: str
    grade: str
    rationale: str = ""
    criterion_id: int | None = None


@dataclass(frozen=True)
class Action:
    id: int
    dimension: str | None
    criterion_id: int | None
    title: str
    owner: str = ""
    due: str | None = None
    target_grade: str | None = None
    status: str = "open"
    notes: str = ""


@dataclass(frozen=True)
class SurveyResults:
    """What an imported customer survey contributes to analysis.

    Per-respondent scores are kept (not only means) because the 95 % interval
    and n come from respondent scores (DESIGN §3).  ``None`` marks a respondent
    who answered nothing in that dimension.
    """

    id: int
    source_name: str
    row_count: int
    scale_min: float
    scale_max: float
    dimension_scores: dict[str, list[float | None]] = field(default_factory=dict)
    """points 0–4 per respondent, keyed by dimension"""
    expectation: dict[str, list[float | None]] = field(default_factory=dict)
    """SERVQUAL expectation means per respondent, on the survey's own scale"""
    perception: dict[str, list[float | None]] = field(default_factory=dict)
    """SERVQUAL perception means per respondent, on the survey's own scale"""
    nps: list[float | None] = field(default_factory=list)
    csat: list[float | None] = field(default_factory=list)
    fcr: list[bool | None] = field(default_factory=list)
    imported: str = ""


@dataclass(frozen=True)
class Assessment:
    id: int
    name: str
    date: str
    notes: str = ""


@dataclass(frozen=True)
class AssessmentData:
    """Everything analysis needs about one round, read in one go."""

    organisation: str
    assessment: Assessment
    criteria: tuple[Criterion, ...]
    participants: tuple[Participant, ...]
    grades: tuple[Grade, ...] = ()
    contexts: tuple[TimeContext, ...] = ()
    context_grades: tuple[ContextGrade, ...] = ()
    continuum: tuple[ContinuumAnswer, ...] = ()
    consensus: tuple[Consensus, ...] = ()
    actions: tuple[Action, ...] = ()
    surveys: tuple[SurveyResults, ...] = ()
    weights: dict[str, float] | None = None
    """dimension weights summing to 100, or None for equal weights"""
    servqual_weights: dict[str, float] | None = None
    gap_threshold: float = 0.5
    show_names: bool = False
