"""The suggestion library: concrete improvement ideas per dimension, each with
a measurable target, and the choice of which ideas fit a report card.

The ideas live in ``resources/suggestions/<lang>.toml`` (English and
Vietnamese, same keys), tied to question-bank criteria by their
``builtin_key``.  :func:`suggestions_for` offers the ideas for the weak spots
of a round; the action plan turns a chosen idea into an action.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from rater_desktop import i18n
from rater_desktop.analysis import DimensionResult, ReportCard
from rater_desktop.model import DIMENSION_KEYS

WEAK_BELOW = 3.5
"""A dimension below an A (on its weaker side, team or customers) is worth ideas."""


@dataclass(frozen=True)
class Idea:
    key: str
    dimension: str
    criteria: tuple[str, ...]
    """builtin_keys of the criteria this idea helps most"""
    title: str
    detail: str
    target: str
    """a measurable goal, ready to copy into an action"""


@dataclass(frozen=True)
class Suggestion:
    """An idea offered for a card, with why.

    ``reason``: ``blind_spot`` (customers grade the dimension clearly lower
    than the team), ``weak_criterion`` (the idea addresses the dimension's
    lowest-graded criterion, ``criterion_id``), ``weak_dimension``.
    """

    idea: Idea
    reason: str
    criterion_id: int | None = None


@lru_cache(maxsize=None)
def _library(code: str) -> tuple[Idea, ...]:
    path = i18n.resources_dir() / "suggestions" / f"{code}.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(
        Idea(entry["key"], entry["dimension"], tuple(entry.get("criteria", ())), entry["title"],
             entry["detail"], entry["target"])
        for entry in data["idea"]
    )


def library(lang: str | None = None) -> list[Idea]:
    """Every idea in ``lang`` (default: the current language), in dimension order."""
    code = i18n.language() if lang is None else i18n.normalise_language(lang)
    order = {key: index for index, key in enumerate(DIMENSION_KEYS)}
    return sorted(_library(code), key=lambda idea: order[idea.dimension])


def suggestions_for(card: ReportCard, lang: str | None = None, *, dimensions: int = 2,
                    per_dimension: int = 3) -> list[Suggestion]:
    """Ideas for the weak spots of ``card``, most urgent first.

    Which dimensions: every blind spot (largest gap first), then the weakest
    of the rest, up to ``dimensions`` in all, counting only those below an A.
    A dimension's strength is the lower of the team and customer means
    (customers only when they are enough to flag), so a dimension the team
    rates well but customers do not still counts as weak.

    Within a dimension, ideas tied to its lowest-graded criteria come first
    (``weak_criterion``), then its other ideas, at most ``per_dimension``.
    """
    ideas = library(lang)
    chosen = _weak_dimensions(card, dimensions)
    found: list[Suggestion] = []
    for result, reason in chosen:
        weakest = sorted(
            (c for c in result.criteria if c.stat and c.criterion.builtin_key),
            key=lambda c: (c.stat.mean, c.criterion.position),
        )
        mine = [idea for idea in ideas if idea.dimension == result.key]
        picked: list[Suggestion] = []
        for criterion in weakest:
            for idea in mine:
                if criterion.criterion.builtin_key in idea.criteria and all(s.idea != idea for s in picked):
                    picked.append(Suggestion(idea, "weak_criterion", criterion.criterion.id))
        picked += [Suggestion(idea, reason) for idea in mine if all(s.idea != idea for s in picked)]
        found += picked[:per_dimension]
    return found


def _weak_dimensions(card: ReportCard, limit: int) -> list[tuple[DimensionResult, str]]:
    def strength(result: DimensionResult) -> float | None:
        sides = [result.internal.mean] if result.internal else []
        if result.customer and result.flag != "few_responses":
            sides.append(result.customer.mean)
        return min(sides) if sides else None

    blind = sorted((d for d in card.dimensions if d.flag == "blind_spot"), key=lambda d: -(d.gap or 0.0))
    rest = sorted(
        (d for d in card.dimensions if d not in blind and (s := strength(d)) is not None and round(s, 6) < WEAK_BELOW),
        key=strength,
    )
    return ([(d, "blind_spot") for d in blind] + [(d, "weak_dimension") for d in rest])[:limit]
