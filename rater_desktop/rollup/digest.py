"""One round of one team boiled down to what a roll-up pools: respondent scores.

A roll-up must pool *people*, not means (the whole of three teams of 2, 8 and
40 people is not the mean of their three means), so each round is reduced to
the score of every respondent, computed by the rules of DESIGN §3 exactly as
the team's own report card computes them (``analysis.respondent_scores``:
the mean of a participant's answered statements, or their quick-round grade;
customers from the surveys ``customer_side.counted_surveys`` counts).  Keeping only these numbers (no notes, no names) keeps 500 workbooks
in a few tens of megabytes.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rater_desktop import customer_side, scoring
from rater_desktop.model import (
    DIMENSION_KEYS,
    GRADES,
    Assessment,
    AssessmentData,
    Criterion,
    SurveyScale,
)
from rater_desktop.storage.rollup_reads import RoundRows, WorkbookRows


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
    perception: dict[str, array]
    expectation: dict[str, array]
    """SERVQUAL items answered, over the surveys that count, on their own scale"""
    servqual_scales: dict[str, tuple[SurveyScale, ...]]
    """dimension → the scale of each counted survey with SERVQUAL items there: P − E is pooled
    only over one scale, in a team as in the whole group (``compute._servqual``)"""
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


def digest_round(book: WorkbookRows, rows: RoundRows) -> RoundDigest:
    """Reduce one round of a workbook (as storage read it) to its respondent-level numbers.

    Scores follow the report card's own rules: ``scoring.dimension_score``
    per participant, and the customers of the surveys
    ``customer_side.counted_surveys`` counts; so a team's figures in a roll-up
    are those of its report card.
    """
    internal, graders = _internal(book.criteria, rows)
    surveys_only = AssessmentData(organisation=book.organisation, assessment=rows.assessment, criteria=(),
                                  participants=(), surveys=rows.surveys)
    counted = customer_side.counted_surveys(surveys_only)
    current, desired = _positions(rows)
    settings = book.settings
    return RoundDigest(
        assessment=rows.assessment,
        participants=graders,
        internal=internal,
        consensus={key: code for key, code in rows.consensus.items() if scoring.letter_points(code) is not None},
        customer={key: _answered(s.dimension_scores.get(key, ()) for s in counted) for key in DIMENSION_KEYS},
        perception={key: _answered(s.perception.get(key, ()) for s in counted) for key in DIMENSION_KEYS},
        expectation={key: _answered(s.expectation.get(key, ()) for s in counted) for key in DIMENSION_KEYS},
        servqual_scales={key: tuple(s.source().scale for s in counted if s.perception.get(key) or s.expectation.get(key))
                         for key in DIMENSION_KEYS},
        statements=_statement_points(book.criteria, rows),
        statement_dimensions={c.builtin_key: c.dimension for c in book.criteria if c.builtin_key},
        own_statements=tuple((c.dimension, c.text) for c in book.criteria if not c.builtin_key),
        continuum_current=current,
        continuum_desired=desired,
        actions=dict(Counter(rows.action_statuses)),
        weights=settings.weights,
        gap_threshold=settings.gap_threshold,
    )


_POINTS = {code: scoring.letter_points(code) for code in GRADES}
"""Points of every stored grade code, by the rule in ``scoring`` (looked up once, not per grade)."""


def _internal(criteria: tuple[Criterion, ...], rows: RoundRows) -> tuple[dict[str, tuple[float, ...]], int]:
    """Each participant's score per dimension (``scoring.dimension_score``) and how many graded anything."""
    dimension_of = {c.id: c.dimension for c in criteria}
    given: dict[int, defaultdict[str, list[int | None]]] = {pid: defaultdict(list) for pid in rows.participants}
    for pid, cid, code in rows.grades:
        given[pid][dimension_of[cid]].append(_POINTS[code])
    quick = {(pid, dimension): code for pid, dimension, code in rows.quick_grades}
    scores: dict[str, list[float]] = {key: [] for key in DIMENSION_KEYS}
    graders = 0
    for pid in rows.participants:
        answered = False
        for key in DIMENSION_KEYS:
            score = scoring.dimension_score(given[pid].get(key, ()), quick.get((pid, key)))
            if score is not None:
                scores[key].append(score)
                answered = True
        graders += answered
    return {key: tuple(values) for key, values in scores.items()}, graders


def _statement_points(criteria: tuple[Criterion, ...], rows: RoundRows) -> dict[str, tuple[float, ...]]:
    """Built-in statement key → the points each participant gave it (N/A left out)."""
    key_of = {c.id: c.builtin_key for c in criteria if c.builtin_key}
    found: dict[str, list[float]] = {key: [] for key in key_of.values()}
    for _pid, cid, code in rows.grades:
        key, value = key_of.get(cid), _POINTS[code]
        if key is not None and value is not None:
            found[key].append(float(value))
    return {key: tuple(values) for key, values in found.items()}


def _positions(rows: RoundRows) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Each participant's continuum position, "where we are" and "where we should be"."""
    answers: dict[tuple[str, int], list[int]] = defaultdict(list)
    for pid, kind, value in rows.continuum:
        answers[(kind, pid)].append(value)

    def positions(kind: str) -> tuple[float, ...]:
        found = (scoring.continuum_position(answers.get((kind, pid), ())) for pid in rows.participants)
        return tuple(p for p in found if p is not None)

    return positions("current"), positions("desired")


def _answered(series: Iterable[Sequence[float]]) -> array:
    """The answers of several surveys in one array (storage hands over only the answers given)."""
    joined = array("d")
    for values in series:
        joined.extend(values)
    return joined
