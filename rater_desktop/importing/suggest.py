"""Helpers the import's suggestions share: the words to match columns against, a
saved mapping's fit to a new file, and the answers found in columns.

The guessing itself lives in ``column_guess`` (what each column holds),
``scale_guess`` (which scale the answers are on) and ``proposal`` (a whole
mapping); ``survey_words`` holds the vocabulary of every language.
Pure functions; no Qt, no file access.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from rater_desktop.importing.column_guess import answer_counts
from rater_desktop.importing.mapping import Mapping as SurveyMapping
from rater_desktop.importing.values import merge_variants
from rater_desktop.model import DIMENSION_KEYS


def answers_in(rows: Iterable[Sequence[str]], columns: Iterable[int]) -> Counter[str]:
    """How often each non-blank answer occurs in the given columns together."""
    rows = list(rows)
    counts: Counter[str] = Counter()
    for column in columns:
        counts.update(answer_counts(rows, column))
    return merge_variants(counts)


def distinct_values(rows: Iterable[Sequence[str]], columns: Iterable[int]) -> list[str]:
    """Distinct non-blank answers in the given columns, most frequent first (ties: first seen)."""
    return [value for value, _n in answers_in(rows, columns).most_common()]


def mapping_fits(mapping: SurveyMapping, headers: Sequence[str]) -> bool:
    """Whether every column the mapping names exists (exactly once) in ``headers``.

    Used to offer the last survey's mapping for a new file in one click.
    """
    from rater_desktop.importing.engine import resolve_column
    from rater_desktop.importing.errors import SurveyImportError

    refs = [*(r for refs in mapping.dimensions.values() for r in refs),
            *(r for refs in mapping.expectations.values() for r in refs),
            *(r for refs in mapping.minimum.values() for r in refs),
            *mapping.comments, *mapping.kpis.values()]
    try:
        for ref in refs:
            resolve_column(ref, list(headers), "")
    except SurveyImportError:
        return False
    return True


def builtin_vocabulary(extra_criteria: Iterable[tuple[str, str]] = ()) -> tuple[
        dict[str, list[str]], dict[str, list[str]]]:
    """(dimension names, criterion texts) per dimension key, in every shipped language.

    ``extra_criteria`` adds the workbook's own (dimension, text) pairs, so a
    survey written from the team's edited statements matches too.
    """
    from rater_desktop import framework
    from rater_desktop.i18n import LANGUAGES

    names: dict[str, list[str]] = {key: [] for key in DIMENSION_KEYS}
    criteria: dict[str, list[str]] = {key: [] for key in DIMENSION_KEYS}
    for lang in LANGUAGES:
        for info in framework.dimensions(lang):
            names[info.key].append(info.name)
        for item in framework.builtin_criteria(lang):
            criteria[item["dimension"]].append(item["text"])
    for dimension, text in extra_criteria:
        if dimension in criteria:
            criteria[dimension].append(text)
    return names, criteria
