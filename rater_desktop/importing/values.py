"""Turning answer texts into numbers: scales (DESIGN §3) and KPI columns.

A survey has few distinct answers ("1".."5", "N/A", a handful of labels) but
many cells, so each converter parses a distinct text once and remembers the
result in ``memo``; the engine's hot loop is then one dict lookup per cell.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Final

from rater_desktop.importing.mapping import LETTER_LABELS, ScaleSpec, fold_answer

INVALID: Final = object()
"""Marks a text that is neither on the scale nor a not-applicable code."""

YES_WORDS = frozenset({"yes", "y", "true", "1", "có", "co", "đúng", "dung", "rồi", "roi",
                       "đã giải quyết", "sí", "si", "oui", "ja"})
NO_WORDS = frozenset({"no", "n", "false", "0", "không", "khong", "chưa", "chua", "sai",
                      "chưa giải quyết", "non", "nein"})
"""FCR answers in English and Vietnamese (with and without diacritics, as
people type them), plus the few European spellings survey tools emit."""

Parsed = float | None | object


def merge_variants(counts: Mapping[str, int]) -> Counter[str]:
    """Answer counts with the case and space variants of one answer added together, under its
    most frequent spelling (spaces trimmed; ties: the first seen). Blank answers are dropped."""
    spellings: dict[str, Counter[str]] = {}
    for text, n in counts.items():
        trimmed = " ".join(text.split())
        if trimmed:
            spellings.setdefault(fold_answer(trimmed), Counter())[trimmed] += n
    return Counter({variants.most_common(1)[0][0]: variants.total() for variants in spellings.values()})


class Converter:
    """Text -> number, ``None`` (no answer) or :data:`INVALID`, memoised.

    ``memo`` is public on purpose: the engine reads it directly in its loop
    and only calls :meth:`fill` for a text it has not seen.
    """

    def __init__(self, parse: Callable[[str], Parsed], not_applicable: tuple[str, ...],
                 message_code: str) -> None:
        self._parse = parse
        self._missing = {fold_answer(code) for code in not_applicable} | {""}
        self.message_code = message_code
        self.memo: dict[str, Parsed] = {}

    def fill(self, text: str) -> Parsed:
        key = fold_answer(text)
        value = None if key in self._missing else self._parse(key)
        self.memo[text] = value
        return value

    def __call__(self, text: str) -> Parsed:
        try:
            return self.memo[text]
        except KeyError:
            return self.fill(text)


def parse_number(key: str) -> float | None:
    """A number as survey tools write it: "7", "7.0", "7,0"; else None.

    Cells are plain text: "=7" or "<b>7</b>" are not numbers and are never
    evaluated or stripped.
    """
    try:
        value = float(key.replace(",", ".", 1) if key.count(",") == 1 else key)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _number_in(low: float, high: float, whole: bool) -> Callable[[str], Parsed]:
    def parse(key: str) -> Parsed:
        value = parse_number(key)
        if value is None:
            # Endpoint captions such as "10 - Extremely likely" keep the number first.
            head = key.split(" - ", 1)[0].split(" – ", 1)[0]
            value = parse_number(head) if head != key else None
        if value is None or not low <= value <= high or (whole and not value.is_integer()):
            return INVALID
        return value
    return parse


def _ordered(labels: tuple[str, ...]) -> Callable[[str], Parsed]:
    index = {fold_answer(label): float(i) for i, label in enumerate(labels)}
    return lambda key: index.get(key, INVALID)


def scale_converter(scale: ScaleSpec, reverse: bool = False) -> Converter:
    """The converter for rating columns: value on the scale, reversed if asked.

    Labels and letters give their index (worst = 0), so one formula turns any
    of them into points later (DESIGN §3).
    """
    low, high = scale.bounds
    if scale.type == "labels":
        parse = _ordered(scale.labels)
    elif scale.type == "letters":
        parse = _ordered(LETTER_LABELS)
    else:
        parse = _number_in(low, high, whole=False)
    if reverse:
        forward = parse

        def parse(key: str) -> Parsed:
            value = forward(key)
            return value if value is INVALID else low + high - value
    return Converter(parse, scale.not_applicable, "off_scale")


def _yes_no(key: str) -> Parsed:
    if key in YES_WORDS:
        return 1.0
    if key in NO_WORDS:
        return 0.0
    return INVALID


def kpi_converter(kind: str, not_applicable: tuple[str, ...] = ()) -> Converter:
    """nps: whole 0–10; csat: whole 1–5; fcr: yes/no -> 1.0/0.0."""
    if kind == "nps":
        return Converter(_number_in(0, 10, whole=True), not_applicable, "not_nps")
    if kind == "csat":
        return Converter(_number_in(1, 5, whole=True), not_applicable, "not_csat")
    if kind == "fcr":
        return Converter(_yes_no, not_applicable, "not_yes_no")
    raise ValueError(f"unknown KPI {kind!r}")


def codes_read_as_answers(scale: ScaleSpec) -> list[str]:
    """The scale's not-applicable codes that its own answers include (each would hide real answers)."""
    reading = scale_converter(replace(scale, not_applicable=()))
    return [code for code in scale.not_applicable if reading(code) not in (INVALID, None)]
