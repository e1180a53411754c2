"""Tiny hand-made rounds for the workshop, trends and suggestions tests.

One criterion per dimension (id 1..5 in DIMENSION_KEYS order, built-in keys of
the real question bank), so a participant's dimension score is simply the
points of the one letter they gave there and every mean can be worked out by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rater_desktop.analysis import ReportCard, report_card
from rater_desktop.model import (
    DIMENSION_KEYS,
    Assessment,
    AssessmentData,
    Consensus,
    Criterion,
    Grade,
    Participant,
    SurveyResults,
)

BUILTIN = {
    "reliability": "reliability.promises",
    "assurance": "assurance.knowledge",
    "tangibles": "tangibles.premises",
    "empathy": "empathy.listening",
    "responsiveness": "responsiveness.reply_time",
}
CRITERIA = tuple(
    Criterion(id=i + 1, dimension=key, position=0, text=f"{key} statement", builtin_key=BUILTIN[key])
    for i, key in enumerate(DIMENSION_KEYS))
CRITERION_ID = {c.dimension: c.id for c in CRITERIA}
NAMES = ("Ana", "Binh", "Chi", "Dung", "Emma")


def make_round(
    letters: Mapping[str, Sequence[str]],
    customers: Mapping[str, Sequence[float]] | None = None,
    *,
    assessment: Assessment = Assessment(1, "Round 1", "2025-10-01"),
    consensus: Mapping[str, str] | None = None,
    show_names: bool = False,
) -> AssessmentData:
    """``letters[dimension][i]`` is participant i's letter on that dimension ("" = not graded)."""
    people = max((len(v) for v in letters.values()), default=0)
    participants = tuple(
        Participant(i + 1, NAMES[i] if i < len(NAMES) else f"Person {i + 1}", position=i) for i in range(people))
    grades = tuple(
        Grade(i + 1, CRITERION_ID[key], letter)
        for key, row in letters.items() for i, letter in enumerate(row) if letter)
    surveys = ()
    if customers:
        surveys = (SurveyResults(id=1, source_name="s.csv", row_count=max(map(len, customers.values())),
                                 scale_min=1, scale_max=5, dimension_scores={k: list(v) for k, v in customers.items()}),)
    return AssessmentData(
        organisation="Test", assessment=assessment, criteria=CRITERIA, participants=participants,
        grades=grades, surveys=surveys,
        consensus=tuple(Consensus(key, grade) for key, grade in (consensus or {}).items()),
        show_names=show_names)


def card_of(*args, **kwargs) -> ReportCard:
    return report_card(make_round(*args, **kwargs))
