"""One round of one team boiled down to what a roll-up pools: respondent scores.

A roll-up must pool *people*, not means (the whole of three teams of 2, 8 and
40 people is not the mean of their three means), so each round is reduced to
the score of every respondent, computed by the rules of DESIGN §3 exactly as
the team's own report card computes them: a participant's dimension score is
the mean of their answered statements, a customer's the score the import
stored.  Keeping only these numbers (no notes, no names) keeps 500 workbooks
in a few tens of megabytes.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rater_desktop import scoring
from rater_desktop.model import DIMENSION_KEYS, GRADES, Assessment, Criterion
from rater_desktop.storage.rollup_reads import RoundRows, WorkbookRows


@dataclass(frozen=True)
class RoundDigest:
    """The respondent-level numbers of one round of one workbook."""

    assessment: Assessment
    participants: int
    """participants who gave at least one letter grade (A–F) in the round"""
    internal: dict[str, tuple[float, ...]]
    """dimension → score of each participant who graded it (0–4 points)"""
    consensus: dict[str, str]
    """dimension → the grade the team agreed, when it agreed one"""
    customer: dict[str, array]
    """dimension → score of each customer who answered it, over the surveys that count"""
    perception: dict[str, array]
    expectation: dict[str, array]
    """SERVQUAL items per respondent, on the survey's own scale"""
    survey_scales: frozenset[tuple[float, float]]
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
    """Reduce one round of a workbook (as storage read it) to its respondent-level numbers."""
    internal, statements, graders = _grades(book.criteria, rows)
    surveys = rows.surveys
    current, desired = _positions(rows)
    return RoundDigest(
        assessment=rows.assessment,
        participants=graders,
        internal=internal,
        consensus={key: code for key, code in rows.consensus.items() if _POINTS.get(code) is not None},
        customer={key: _answered(s.dimension_scores.get(key, ()) for s in surveys) for key in DIMENSION_KEYS},
        perception={key: _answered(s.perception.get(key, ()) for s in surveys) for key in DIMENSION_KEYS},
        expectation={key: _answered(s.expectation.get(key, ()) for s in surveys) for key in DIMENSION_KEYS},
        survey_scales=frozenset((s.scale_min, s.scale_max) for s in surveys),
        statements=statements,
        statement_dimensions={c.builtin_key: c.dimension for c in book.criteria if c.builtin_key},
        own_statements=tuple((c.dimension, c.text) for c in book.criteria if not c.builtin_key),
        continuum_current=current,
        continuum_desired=desired,
        actions=dict(Counter(rows.action_statuses)),
        weights=book.weights,
        gap_threshold=book.gap_threshold,
    )


_POINTS = {code: scoring.letter_points(code) for code in GRADES}
"""Points of every stored grade code, by the rule in ``scoring`` (looked up, not recomputed, per grade)."""


def _grades(criteria: tuple[Criterion, ...], rows: RoundRows
            ) -> tuple[dict[str, tuple[float, ...]], dict[str, tuple[float, ...]], int]:
    """One pass over the grades: respondent scores per dimension, points per built-in statement, graders.

    A participant's dimension score is the mean of the statements they graded
    there, N/A left out (``scoring.respondent_score``); one who graded none
    has no score in it.
    """
    where = {c.id: (c.dimension, c.builtin_key) for c in criteria}
    given: dict[int, defaultdict[str, list[int | None]]] = {pid: defaultdict(list) for pid in rows.participants}
    statements: dict[str, list[float]] = {c.builtin_key: [] for c in criteria if c.builtin_key}
    for pid, cid, code in rows.grades:
        row, place = given.get(pid), where.get(cid)
        if row is None or place is None:
            continue
        value = _POINTS.get(code)
        row[place[0]].append(value)
        if value is not None and place[1]:
            statements[place[1]].append(float(value))
    scores: dict[str, list[float]] = {key: [] for key in DIMENSION_KEYS}
    graders = 0
    for row in given.values():
        answered = False
        for key, values in row.items():
            score = scoring.respondent_score(values)
            if score is not None:
                scores[key].append(score)
                answered = True
        graders += answered
    return ({key: tuple(values) for key, values in scores.items()},
            {key: tuple(values) for key, values in statements.items()}, graders)


def _positions(rows: RoundRows) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Each participant's continuum position, "where we are" and "where we should be"."""
    answers: dict[tuple[str, int], list[int]] = defaultdict(list)
    for pid, kind, value in rows.continuum:
        answers[(kind, pid)].append(value)

    def positions(kind: str) -> tuple[float, ...]:
        found = (scoring.continuum_position(answers[(kind, pid)]) for pid in rows.participants)
        return tuple(p for p in found if p is not None)

    return positions("current"), positions("desired")


def _answered(series: Iterable[Iterable[float | None]]) -> array:
    return array("d", (v for values in series for v in values if v is not None))
