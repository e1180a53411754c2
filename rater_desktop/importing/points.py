"""Which points each answer of a scale gets (DESIGN §3), for people to check.

Before a survey is imported the person sees every label beside its points
("Very satisfied → 4"), in the wizard's scale page, its dry run, the CLI's
dry run and the comments ``suggest`` writes: a label in the wrong place is
then visible before any grade depends on it. The arithmetic is the engine's
(``values.scale_converter``), restated here per answer rather than per cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from rater_desktop.i18n import _, format_number, ngettext
from rater_desktop.importing.mapping import LETTER_LABELS, ScaleSpec

MAX_LISTED_NUMBERS = 11
"""numeric scales with more steps than this are shown by their two ends"""


@dataclass(frozen=True)
class AnswerPoints:
    answer: str
    points: float | None
    """0–4, or None for an answer that counts as no answer"""


def label_points(position: int, count: int) -> float:
    """Points of the label at ``position`` among ``count`` labels worst first: its index stretched to 0–4."""
    return 4 * position / (count - 1) if count > 1 else 0.0


def scale_points(scale: ScaleSpec) -> list[AnswerPoints]:
    """Every answer of the scale, worst first, with its points; then the not-applicable answers."""
    low, high = scale.bounds
    if scale.type == "labels":
        answers = list(scale.labels)
    elif scale.type == "letters":
        answers = list(LETTER_LABELS)
    else:
        answers = []
    if answers:
        rows = [AnswerPoints(answer, label_points(i, len(answers))) for i, answer in enumerate(answers)]
    else:
        whole = float(low).is_integer() and float(high).is_integer()
        numbers = range(int(low), int(high) + 1) if whole and high - low < MAX_LISTED_NUMBERS else (low, high)
        rows = [AnswerPoints(_number(v), 4 * (v - low) / (high - low)) for v in numbers]
    return rows + [AnswerPoints(code, None) for code in scale.not_applicable]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else format_number(value, 1)


def points_text(points: float | None) -> str:
    """"2.67 points" / "no answer", in the current language."""
    if points is None:
        return _("no answer")
    whole = float(points).is_integer()
    text = format_number(points, 0 if whole else 2)
    return ngettext("{points} point", "{points} points", 1 if points == 1 else 2).format(points=text)


def points_lines(scale: ScaleSpec) -> list[str]:
    """One line per answer: “Satisfied” → 3 points."""
    return [_("“{answer}” → {points}").format(answer=row.answer, points=points_text(row.points))
            for row in scale_points(scale)]
