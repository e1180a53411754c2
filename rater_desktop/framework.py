"""The built-in RATER question bank: dimensions, criteria, continuum, time contexts.

The wording lives in ``resources/questionbank/<lang>.toml`` rather than in
gettext catalogs because it is long, reviewed as a whole by people who know
customer service, and copied into each new workbook (storage keeps the
``builtin_key`` so the UI and report can show a built-in criterion in the
reader's language even if the workbook was made in the other one).

Each language file is read once and cached; ``lang=None`` means the current
i18n language and an unknown code falls back to English, as in ``i18n``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rater_desktop import i18n


@dataclass(frozen=True)
class DimensionInfo:
    key: str
    name: str
    description: str
    hint_a: str = ""  # what an A looks like for the whole dimension (a quick round's one grade)
    hint_f: str = ""


@dataclass(frozen=True)
class BuiltinCriterion:
    builtin_key: str  # "<dimension>.<criterion>", stable across languages and versions
    dimension: str
    text: str
    hint_a: str  # what an A looks like in practice
    hint_f: str  # what an F looks like in practice


@dataclass(frozen=True)
class ContinuumItem:
    item: int  # 1..3, the continuum_answers.item stored in workbooks
    label: str  # short name of the pair, e.g. for a chart axis
    left: str  # efficiency pole: scale value 1
    right: str  # intimacy pole: scale value 7


@dataclass(frozen=True)
class _Bank:
    dimensions: tuple[DimensionInfo, ...]
    criteria: tuple[BuiltinCriterion, ...]
    continuum: tuple[ContinuumItem, ...]
    time_contexts: tuple[str, ...]


def _code(lang: str | None) -> str:
    return i18n.language() if lang is None else i18n.normalise_language(lang)


@lru_cache(maxsize=None)
def _bank(code: str) -> _Bank:
    path = i18n.resources_dir() / "questionbank" / f"{code}.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    dimensions = []
    criteria = []
    for dim in data["dimension"]:
        dimensions.append(DimensionInfo(dim["key"], dim["name"], dim["description"], dim["hint_a"], dim["hint_f"]))
        for crit in dim["criterion"]:
            criteria.append(BuiltinCriterion(
                builtin_key=f"{dim['key']}.{crit['key']}",
                dimension=dim["key"],
                text=crit["text"],
                hint_a=crit["hint_a"],
                hint_f=crit["hint_f"],
            ))
    continuum = tuple(
        ContinuumItem(entry["item"], entry["label"], entry["efficiency"], entry["intimacy"])
        for entry in sorted(data["continuum"], key=lambda entry: entry["item"])
    )
    return _Bank(tuple(dimensions), tuple(criteria), continuum, tuple(data["time_contexts"]))


def dimensions(lang: str | None = None) -> list[DimensionInfo]:
    """The five dimensions in DESIGN order (reliability … responsiveness)."""
    return list(_bank(_code(lang)).dimensions)


def dimension_name(key: str, lang: str | None = None) -> str:
    """The built-in display name of a dimension key; KeyError for an unknown key."""
    for info in _bank(_code(lang)).dimensions:
        if info.key == key:
            return info.name
    raise KeyError(key)


def builtin_criteria(lang: str | None = None) -> list[dict]:
    """All built-in criteria, in order, as fresh dicts ready to insert into a workbook.

    Keys: dimension, text, hint_a, hint_f, builtin_key.
    """
    return [
        {"dimension": c.dimension, "text": c.text, "hint_a": c.hint_a,
         "hint_f": c.hint_f, "builtin_key": c.builtin_key}
        for c in _bank(_code(lang)).criteria
    ]


def builtin_criterion(builtin_key: str, lang: str | None = None) -> BuiltinCriterion | None:
    """One built-in criterion in the given language, or None if the key is unknown

    (a workbook from a newer version may carry keys this version does not have).
    """
    for criterion in _bank(_code(lang)).criteria:
        if criterion.builtin_key == builtin_key:
            return criterion
    return None


def criterion_wording(criterion: Any, lang: str | None = None) -> tuple[str, str, str]:
    """``(text, hint_a, hint_f)`` of a workbook's criterion as a reader in ``lang`` sees it.

    A built-in statement shows in the reader's language while its text is
    still one of the shipped wordings; once the user edited it, their words
    (and their hints) win.
    """
    key = getattr(criterion, "builtin_key", None)
    if key:
        shipped = [builtin_criterion(key, code) for code in i18n.LANGUAGES]
        if any(b is not None and b.text == criterion.text for b in shipped):
            own = builtin_criterion(key, lang)
            if own is not None:
                return own.text, own.hint_a, own.hint_f
    return criterion.text, criterion.hint_a, criterion.hint_f


def continuum_items(lang: str | None = None) -> list[ContinuumItem]:
    """The three efficiency ↔ intimacy statement pairs, item 1..3."""
    return list(_bank(_code(lang)).continuum)


def default_time_contexts(lang: str | None = None) -> list[str]:
    """Suggested situations to grade separately (the user may edit the list)."""
    return list(_bank(_code(lang)).time_contexts)
