"""Small real workbooks for the roll-up tests, with figures that can be worked out by hand.

Each participant gives one letter per dimension, on both of the dimension's
statements, so their dimension score is that letter's points; customers are
stored as points per respondent, as the import stores them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from rater_desktop.framework import builtin_criteria
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.storage import create_workbook

FRAMEWORK = [c for key in DIMENSION_KEYS for c in [c for c in builtin_criteria("en") if c["dimension"] == key][:2]]
"""Two built-in statements per dimension (keys as shipped, so wording resolves)."""


def make_team(
    path: Path,
    organisation: str,
    letters: Mapping[str, Sequence[str]],
    customers: Mapping[str, Sequence[float | None]] | None = None,
    *,
    round_name: str = "Spring review",
    round_date: str = "2026-04-01",
    earlier: Mapping[str, Sequence[str]] | None = None,
    continuum: Sequence[int] | None = None,
    actions: Sequence[str] = (),
    consensus: Mapping[str, str] | None = None,
    servqual: Mapping[str, tuple[Sequence[float], Sequence[float]]] | None = None,
) -> Path:
    """A workbook whose latest round has ``letters[dim][i]`` from participant i ("" = not graded).

    ``earlier`` adds an older round graded the same way (for trends);
    ``continuum`` gives every participant these three "where we are"
    answers (and 7s for "where we should be"); ``actions`` their statuses;
    ``servqual`` dimension → (perception, expectation) answers on the 1–5 scale.
    """
    with create_workbook(path, organisation, framework=FRAMEWORK) as book:
        first = book.latest_assessment_id()
        if earlier is not None:
            book.update_assessment(first, name="Autumn review", date="2025-10-01")
            _grade_round(book, first, earlier)
            latest = book.add_assessment(round_name, round_date)
        else:
            book.update_assessment(first, name=round_name, date=round_date)
            latest = first
        people = _grade_round(book, latest, letters)
        for person in people if continuum else ():
            for item, value in enumerate(continuum, start=1):
                book.set_continuum(person, item, "current", value)
                book.set_continuum(person, item, "desired", 7)
        for key, grade in (consensus or {}).items():
            book.set_consensus(latest, key, grade)
        for number, status in enumerate(actions, start=1):
            book.add_action(latest, f"Action {number}", dimension="empathy", status=status)
        if customers:
            rows = max(len(v) for v in customers.values())
            book.add_survey(latest, source_name="survey.csv", file_hash=f"h-{organisation}", row_count=rows,
                            mapping_toml="", scale_min=1, scale_max=5,
                            series={**{f"dim:{key}": list(values) for key, values in customers.items()},
                                    **{f"{side}:{key}": list(pair[i]) for key, pair in (servqual or {}).items()
                                       for i, side in enumerate(("per", "exp"))}})
    return path


def _grade_round(book, assessment_id: int, letters: Mapping[str, Sequence[str]]) -> list[int]:
    count = max((len(v) for v in letters.values()), default=0)
    people = [book.add_participant(assessment_id, f"Person {i + 1}") for i in range(count)]
    criteria = book.criteria()
    for key, given in letters.items():
        for person, letter in zip(people, given):
            if letter:
                for criterion in (c for c in criteria if c.dimension == key):
                    book.set_grade(person, criterion.id, letter)
    return people


def same_letters(letters: Sequence[str]) -> dict[str, list[str]]:
    """Every dimension graded with the same letters (participant i gives ``letters[i]``)."""
    return {key: list(letters) for key in DIMENSION_KEYS}
