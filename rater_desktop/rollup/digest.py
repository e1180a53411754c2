"""One round of one team boiled down to what a roll-up pools: respondent scores.

A roll-up must pool *people*, not means (the whole of three teams of 2, 8 and
40 people is not the mean of their three means), so each round is reduced to
the score of every respondent, computed by the rules of DESIGN §3 exactly as
the team's own report card computes them (``analysis.respondent_scores``:
the mean of a participant's answered statements, or their quick-round grade;
customers from the surveys ``analysis.counted_surveys`` counts).  Keeping only these numbers (no notes, no names) keeps 500 workbooks
in a few tens of megabytes.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rater_desktop import analysis, scoring
from rater_desktop.analysis import ServqualResult
from rater_desktop.model import DIMENSION_KEYS, Assessment, AssessmentData, SurveyResults, SurveyScale


@dataclass(frozen=True)
class RoundDigest:
    """The respondent-level numbers of one round of one workbook."""

    assessment: Assessment
    participants: int
    """participants who graded something in the round (a statement or, in a quick round, a dimension)"""
    internal: dict[str, tuple[float, ...]]
    """dimension → score of each participant who graded it (0–4 points)"""
    consensus: dict[str, str]
    """dimension → the grade the team agreed, when it agreed one"""
    customer: dict[str, array]
    """dimension → score of each customer who answered it, over the surveys that count in the comparison"""
    servqual: dict[str, ServqualResult | None]
    """dimension → the team's own SERVQUAL result, as its report card has it"""
    perception: dict[str, array]
    expectation: dict[str, array]
    """SERVQUAL items per respondent behind ``servqual`` (empty where it is None)"""
    servqual_scale: dict[str, SurveyScale | None]
    """the one scale those items answer on, to pool them only with surveys on the same scale"""
    statements: dict[str, tuple[float, ...]]
    """built-in statement key → the points each participant gave it"""
    statement_dimensions: dict[str, str]
    """built-in statement key → its dimension"""
    own_statements: tuple[tuple[str, str], ...]
    """(dimension, wording) of statements the team wrote itself (no built-in key)"""
    continuum_current: tuple[float, ...]
    continuum_desired: tuple[float, ...]
    """each participant's position, 0 (efficiency) … 100 (intimacy)"""
    actions: dict[str, int]
    """action status → how many"""
    weights: dict[str, float] | None
    gap_threshold: float


def digest_round(data: AssessmentData) -> RoundDigest:
    """Reduce one round (as storage read it) to its respondent-level numbers.

    Scores come from the report card's own functions (``analysis``), so a
    team's figures in a roll-up are those of its report card.
    """
    internal: dict[str, tuple[float, ...]] = {}
    graders: set[int] = set()
    for key in DIMENSION_KEYS:
        scored = [(person, score) for person, score in analysis.respondent_scores(data, key) if score is not None]
        internal[key] = tuple(score for _person, score in scored)
        graders.update(person.id for person, _score in scored)
    counted = analysis.counted_surveys(data)
    servqual = {key: analysis.servqual(data, key) for key in DIMENSION_KEYS}
    current, desired = _positions(data)
    return RoundDigest(
        assessment=data.assessment,
        participants=len(graders),
        internal=internal,
        consensus={c.dimension: c.grade for c in data.consensus
                   if c.criterion_id is None and scoring.letter_points(c.grade) is not None},
        customer={key: _answered(s.dimension_scores.get(key, ()) for s in counted) for key in DIMENSION_KEYS},
        servqual=servqual,
        perception={key: _answered(s.perception.get(key, ()) for s in counted if servqual[key])
                    for key in DIMENSION_KEYS},
        expectation={key: _answered(s.expectation.get(key, ()) for s in counted if servqual[key])
                     for key in DIMENSION_KEYS},
        servqual_scale={key: _servqual_scale(counted, key) if servqual[key] else None for key in DIMENSION_KEYS},
        statements=_statement_points(data),
        statement_dimensions={c.builtin_key: c.dimension for c in data.criteria if c.builtin_key and not c.hidden},
        own_statements=tuple((c.dimension, c.text) for c in data.criteria if not c.builtin_key and not c.hidden),
        continuum_current=current,
        continuum_desired=desired,
        actions=dict(Counter(a.status for a in data.actions)),
        weights=data.weights,
        gap_threshold=data.gap_threshold,
    )


def _servqual_scale(counted: list[SurveyResults], key: str) -> SurveyScale | None:
    return next((s.source().scale for s in counted if s.perception.get(key) or s.expectation.get(key)), None)


def _statement_points(data: AssessmentData) -> dict[str, tuple[float, ...]]:
    """Built-in statement key → the points each participant gave it (N/A left out)."""
    key_of = {c.id: c.builtin_key for c in data.criteria if c.builtin_key and not c.hidden}
    members = {p.id for p in data.participants}
    found: dict[str, list[float]] = {key: [] for key in key_of.values()}
    for grade in data.grades:
        key, value = key_of.get(grade.criterion_id), scoring.letter_points(grade.grade)
        if key is not None and value is not None and grade.participant_id in members:
            found[key].append(float(value))
    return {key: tuple(values) for key, values in found.items()}


def _positions(data: AssessmentData) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Each participant's continuum position, "where we are" and "where we should be"."""
    answers: dict[tuple[str, int], list[int]] = defaultdict(list)
    members = {p.id for p in data.participants}
    for answer in data.continuum:
        if answer.participant_id in members:
            answers[(answer.kind, answer.participant_id)].append(answer.value)

    def positions(kind: str) -> tuple[float, ...]:
        found = (scoring.continuum_position(answers[(kind, p.id)]) for p in data.participants)
        return tuple(p for p in found if p is not None)

    return positions("current"), positions("desired")


def _answered(series: Iterable[Iterable[float | None]]) -> array:
    return array("d", (v for values in series for v in values if v is not None))
