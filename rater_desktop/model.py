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

LETTERS: tuple[str, ...] = ("A", "B", "C", "D", "F")
"""The letter grades, best first."""
GRADES: tuple[str, ...] = (*LETTERS, "NA")
"""Stored grade codes; "NA" is "not applicable" and never counts as zero."""

CONTINUUM_ITEMS: tuple[int, ...] = (1, 2, 3)
CONTINUUM_KINDS: tuple[str, ...] = ("current", "desired")

DEFAULT_GAP_THRESHOLD = 0.5
"""Points of difference between team and customers from which a gap is flagged (a workbook may set its own)."""

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
class DimensionGrade:
    """A quick round's answer: one grade for a whole dimension (room voting, DESIGN §10)."""

    participant_id: int
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
class SurveyScale:
    """The answer scale of an imported survey, as its mapping's ``[scale]`` said.

    ``min``/``max`` are the numbers the import computed with (labels and
    letters count by their index, so their ends are 0 and k−1); ``labels``
    are the ordered labels, worst first, of a ``labels`` scale.  Two surveys
    answer on the same scale only when all four agree.
    """

    kind: str = "numeric"
    """numeric | letters | labels"""
    min: float = 1.0
    max: float = 5.0
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class SurveySource:
    """One imported survey as a named source: where it came from and whether it counts.

    ``included`` says whether the survey's answers count in its round's
    comparison; a survey kept aside stays in the workbook, listed but unused.
    """

    id: int
    source_name: str
    imported: str
    rows: int
    scale: SurveyScale
    included: bool = True
    tool: str = ""


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
    minimum: dict[str, list[float | None]] = field(default_factory=dict)
    """minimum adequate service means per respondent, on the survey's own scale (zone of tolerance)"""
    items: dict[tuple[str, str], list[float | None]] = field(default_factory=dict)
    """(dimension key, column name) -> that rating column's answers in points 0–4"""
    nps: list[float | None] = field(default_factory=list)
    csat: list[float | None] = field(default_factory=list)
    fcr: list[bool | None] = field(default_factory=list)
    imported: str = ""
    included: bool = True
    """counts in the round's comparison (a survey kept aside does not)"""
    scale_kind: str = "numeric"
    scale_labels: tuple[str, ...] = ()
    tool: str = ""

    def source(self) -> SurveySource:
        """This survey's provenance, without its answers."""
        scale = SurveyScale(self.scale_kind, self.scale_min, self.scale_max, self.scale_labels)
        return SurveySource(self.id, self.source_name, self.imported, self.row_count, scale, self.included, self.tool)


@dataclass(frozen=True)
class SurveyComment:
    """One customer's free-text answer, kept from a ``[comments]`` column of an import."""

    id: int
    survey_id: int
    column: str
    row: int
    """the spreadsheet row it came from (header rows counted)"""
    text: str
    hidden: bool = False
    """left out by the person (e.g. it names someone); kept in the file, shown nowhere"""


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
    dimension_grades: tuple[DimensionGrade, ...] = ()
    """quick-round grades; each counts only where its person graded none of the dimension's statements"""
    continuum: tuple[ContinuumAnswer, ...] = ()
    consensus: tuple[Consensus, ...] = ()
    actions: tuple[Action, ...] = ()
    surveys: tuple[SurveyResults, ...] = ()
    weights: dict[str, float] | None = None
    """dimension weights summing to 100, or None for equal weights"""
    servqual_weights: dict[str, float] | None = None
    gap_threshold: float = DEFAULT_GAP_THRESHOLD
    show_names: bool = False
    comments: tuple[SurveyComment, ...] = ()
    """the customers' own words from the round's surveys, hidden ones included (flagged)"""
