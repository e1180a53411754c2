"""Which answer scale a set of survey answers is on, and how sure that is.

A wrong scale silently turns every customer grade into another, so a guess
is only called sure when the answers prove it: labels that are all words of
one known scale (agreement, satisfaction, frequency… in any of the shipped
languages) forming a whole scale, numbers whose range the question states
("on a scale of 0-10") or that fill a usual range among many answers, or
letters A–F. Anything else is still suggested, with notes saying what to
check, and ``sure`` False: the wizard then asks the person to put the labels
in order and confirm the points, and ``suggest`` writes ``confirmed = false``.

Pure functions; no Qt, no file access.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rater_desktop.importing.mapping import LETTER_LABELS, ScaleSpec
from rater_desktop.importing.survey_words import answer_words, fold, question_words
from rater_desktop.importing.values import merge_variants, parse_number

USUAL_TOPS = (5, 7, 10)
"""highest points of the numeric scales surveys use, when counting from 0 or 1"""
MIN_ANSWERS_FOR_FULL_RANGE = 30
"""answers needed before "every point from 1 to 5 was chosen" proves a 1–5 scale, and
before a set of labels with no gap proves nobody left out a step (a middle "Neutral"
nobody chose would shift every label's points)"""

_RANGE = re.compile(
    r"(?<!\d)(?<!\d[.,])([01])\s*(?:점\s*)?(?:-|–|—|to|a|al|à|bis|até|đến|tới|~|에서|부터)\s*(?:the\s+)?"
    r"(\d{1,2})(?!\d|[.,]\d)")
_ANCHOR = re.compile(r"(?<![\w.,])(\d{1,2})\s*=\s*(?=[^\W\d])")
"""a scale point named in the question, as in (1 = strongly disagree, 7 = strongly agree)"""
_CAPTIONED = re.compile(r"^\s*(-?\d+)\s+[-–]\s+\D")


@dataclass(frozen=True)
class Note:
    """One thing the person should know about a guess: a code and its details.

    Codes: ``range_stated``, ``range_captions``, ``range_nps``, ``range_full``,
    ``range_guess``, ``range_widened`` (the lowest answer is above the guessed start), ``not_whole``, ``negative_codes``, ``ranking``, ``letters``,
    ``labels_family``, ``labels_incomplete``, ``labels_unknown``,
    ``labels_ambiguous``, ``mixed``, ``no_answers``, ``not_applicable``,
    ``several_scales`` (from ``proposal.group_scale``) and ``no_ratings``
    (from ``proposal.propose``, when no column holds ratings).
    """

    code: str
    details: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: str, **details: object) -> Note:
        return cls(code, tuple(details.items()))

    def get(self, name: str) -> object:
        return dict(self.details).get(name)


@dataclass(frozen=True)
class ScaleGuess:
    """A suggested scale; ``scale.confirmed`` is ``sure``."""

    scale: ScaleSpec
    sure: bool
    notes: tuple[Note, ...] = ()
    family: str | None = None
    """the recognised family of label answers ("satisfaction"), if any"""
    values: dict[str, float] = field(default_factory=dict)
    """label -> its value in the family (for ordering labels the person adds)"""


def stated_range(questions: Sequence[str]) -> tuple[int, int] | None:
    """The range the question texts state ("en una escala del 1 al 5" -> (1, 5)), if all agree."""
    found = set()
    for text in questions:
        pairs = [(int(low), int(high)) for low, high in _RANGE.findall(text.casefold())]
        anchors = {int(point) for point in _ANCHOR.findall(text)}
        if len(anchors) > 1 and min(anchors) in (0, 1):
            pairs.append((min(anchors), max(anchors)))
        found.update((low, high) for low, high in pairs if 2 <= high <= 11 and high > low)
    return found.pop() if len(found) == 1 else None


def _mentions(words: str, questions: Sequence[str]) -> bool:
    word_list = question_words().lists[words]
    return any(word_list.find(f" {fold(q)} ") for q in questions)


def split_not_applicable(counts: Mapping[str, int]) -> tuple[dict[str, int], tuple[str, ...]]:
    """(answers, not-applicable answers) by the known "no answer" words."""
    words = answer_words()
    na = tuple(v for v in counts if words.is_not_applicable(v))
    return {v: n for v, n in counts.items() if v not in na}, na


def guess_scale(counts: Mapping[str, int], questions: Sequence[str] = ()) -> ScaleGuess:
    """The scale of the answers ``counts`` (text -> how often), asked by ``questions``.

    Blanks are never in ``counts``. Not-applicable answers go to
    ``scale.not_applicable``; the rest decide the type, range and order.
    """
    answers, na = split_not_applicable(merge_variants(counts))
    notes = (Note.of("not_applicable", answers=na),) if na else ()
    numbers = {v: _number(v) for v in answers}
    if not answers:
        guess = ScaleGuess(ScaleSpec("numeric", 1, 5), False, (Note.of("no_answers"),))
    elif all(n is not None for n in numbers.values()):
        guess = _numeric(answers, numbers, questions)
    elif {v.upper() for v in answers} <= set(LETTER_LABELS):
        guess = ScaleGuess(ScaleSpec("letters"), True, (Note.of("letters"),))
    elif any(n is not None for n in numbers.values()):
        ordered = sorted((v for v in answers if numbers[v] is not None), key=lambda v: numbers[v])
        ordered += [v for v in answers if numbers[v] is None]
        guess = ScaleGuess(ScaleSpec("labels", labels=tuple(ordered)), False, (Note.of("mixed"),))
    else:
        guess = _labels(list(answers), sum(answers.values()))
    scale = guess.scale
    extra_na = tuple(scale.not_applicable)
    final = ScaleSpec(scale.type, scale.min, scale.max, scale.labels, (*na, *extra_na), confirmed=guess.sure)
    return ScaleGuess(final, guess.sure, notes + guess.notes, guess.family, guess.values)


def _number(text: str) -> float | None:
    """A number answer, also when captioned the way the engine reads ("10 - Extremely likely")."""
    value = parse_number(text)
    if value is None and (match := _CAPTIONED.match(text)):
        value = float(match.group(1))
    return value


def _numeric(answers: Mapping[str, int], numbers: Mapping[str, float | None],
             questions: Sequence[str]) -> ScaleGuess:
    codes = tuple(v for v, n in numbers.items() if n is not None and n < 0)
    values = {n for v, n in numbers.items() if v not in codes}
    if not values:  # only negative numbers: a scale of its own, not codes
        codes, values = (), set(numbers.values())
    notes: list[Note] = []
    if codes:
        notes.append(Note.of("negative_codes", answers=codes))  # Qualtrics' "no basis" choices
    low, high = min(values), max(values)
    whole = all(float(v).is_integer() for v in values)
    total = sum(n for v, n in answers.items() if v not in codes)
    captioned = [numbers[v] for v in answers if _CAPTIONED.match(v)]
    stated = stated_range(questions)
    sure = False
    if captioned and min(captioned) <= low and max(captioned) >= high and len(set(captioned)) > 1:
        low, high, sure = min(captioned), max(captioned), True
        notes.append(Note.of("range_captions", low=low, high=high))
    elif stated and stated[0] <= low and high <= stated[1]:
        low, high, sure = *stated, True
        notes.append(Note.of("range_stated", low=low, high=high))
    elif whole and _mentions("nps", questions) and low >= 0 and 5 < high <= 10:
        low, high, sure = 0, 10, True
        notes.append(Note.of("range_nps"))
    elif (whole and low in (0, 1) and high in USUAL_TOPS and (high != 10 or low == 0)
          and len(values) == high - low + 1 and total >= MIN_ANSWERS_FOR_FULL_RANGE):
        sure = True
        notes.append(Note.of("range_full", low=low, high=high, n=total))
    else:
        seen, low = low, 0 if low < 1 else 1
        notes.append(Note.of("range_guess", low=low, high=high) if seen == low
                     else Note.of("range_widened", seen=seen, low=low, high=high))
        if not whole:
            notes.append(Note.of("not_whole"))
    if codes:
        sure = False
    if _mentions("ranking", questions):
        sure = False
        notes.append(Note.of("ranking"))
    if low >= high:
        high = low + 1
    as_int = lambda v: int(v) if float(v).is_integer() else v  # noqa: E731
    return ScaleGuess(ScaleSpec("numeric", as_int(low), as_int(high), not_applicable=codes), sure, tuple(notes))


def _family_values(labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """family -> label -> value, for every family in which each label has exactly one value."""
    words = answer_words()
    meanings = [words.meaning(label) for label in labels]
    families = set(meanings[0]) if meanings else set()
    for meaning in meanings[1:]:
        families &= set(meaning)
    result = {}
    for family in families:
        values = [meaning[family] for meaning in meanings]
        if all(len(v) == 1 for v in values):
            result[family] = {label: next(iter(v)) for label, v in zip(labels, values)}
    return result


def is_whole_scale(family: str, values: set[float], answers: int) -> bool:
    """Whether these values are a whole scale of the family, not one with steps nobody chose.

    A family's every step (both yes and no) always is; a known whole scale or
    a mirror-image set (each answer has its opposite) is, once enough answers
    make it unlikely that a step was simply never chosen.
    """
    words = answer_words()
    steps = {v for meaning in words.meanings.values() for v in meaning.get(family, ())}
    if family not in words.two_sided and values == steps:
        return True
    if answers < MIN_ANSWERS_FOR_FULL_RANGE:
        return False
    if frozenset(values) in words.complete.get(family, ()):
        return True
    return (family in words.two_sided and len(values) >= 2
            and values == {-v for v in values} and min(values) < 0)


def _labels(labels: list[str], answers: int) -> ScaleGuess:
    candidates = {f: v for f, v in _family_values(labels).items() if len(set(v.values())) == len(labels)}
    orders = {tuple(sorted(labels, key=v.get)) for v in candidates.values()}
    if len(orders) == 1:
        family = min(candidates)  # families that agree on the order: any one names it
        values = candidates[family]
        ordered = next(iter(orders))
        whole = any(is_whole_scale(f, set(v.values()), answers) for f, v in candidates.items())
        notes = [Note.of("labels_family", family=family)]
        if not whole:
            notes.append(Note.of("labels_incomplete", family=family, labels=ordered))
        return ScaleGuess(ScaleSpec("labels", labels=ordered), whole, tuple(notes), family, values)
    if len(orders) > 1 or _family_values(labels):
        return ScaleGuess(ScaleSpec("labels", labels=tuple(labels)), False,
                          (Note.of("labels_ambiguous", labels=tuple(labels)),))
    return _partly_known(labels)


def _partly_known(labels: list[str]) -> ScaleGuess:
    """Known words ordered by the family most of them belong to; the rest after them, as found."""
    words = answer_words()
    tally: dict[str, int] = {}
    for label in labels:
        for family in words.meaning(label):
            tally[family] = tally.get(family, 0) + 1
    family = max(sorted(tally), key=tally.get) if tally else None
    values = {}
    if family:
        for label in labels:
            value = words.meaning(label).get(family)
            if value is not None and len(value) == 1:
                values[label] = next(iter(value))
    known = sorted(values, key=values.get)
    unknown = tuple(label for label in labels if label not in values)
    return ScaleGuess(ScaleSpec("labels", labels=(*known, *unknown)), False,
                      (Note.of("labels_unknown", labels=unknown),), family, values)
