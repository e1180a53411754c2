"""The customers' own words: themes, search and a fair order for reading them.

Comments arrive in the customers' language, whatever the app shows, so a
comment is tied to a RATER dimension by the words of every shipped language
(``resources/comments/themes.toml``); one comment may touch several
dimensions, or none ("other").  Reports list comments in a shuffled order,
as verbatim reports do: file order follows the time people answered, which
could help someone guess who wrote what, and a shuffled list reads without
the first page setting the tone.  The shuffle is seeded, so a report made twice
reads the same.
"""

from __future__ import annotations

import random
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rater_desktop.i18n import resources_dir
from rater_desktop.model import DIMENSION_KEYS, SurveyComment

OTHER = "other"
"""The theme of a comment that names no dimension's words."""


def fold(text: str) -> str:
    """Text as matching sees it: NFC, case folded."""
    return unicodedata.normalize("NFC", text).casefold()


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """One pattern per dimension: any of its words, in any language.

    English words match the start of a word ("clean" finds "cleaner");
    Vietnamese ones match whole syllables only, because a short syllable is
    often the start of an unrelated English word ("sai" in "said").
    """
    table = tomllib.loads((resources_dir() / "comments" / "themes.toml").read_text(encoding="utf-8"))
    patterns = {}
    for key in DIMENSION_KEYS:
        alternatives = sorted(
            {re.escape(fold(word)) + ("" if language == "en" else r"(?!\w)")
             for language, words in table.get(key, {}).items() for word in words},
            key=len, reverse=True)
        patterns[key] = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")")
    return patterns


def themes(text: str) -> tuple[str, ...]:
    """The dimensions a comment speaks about (DIMENSION_KEYS order), or ``("other",)``."""
    folded = fold(text)
    found = tuple(key for key, pattern in _patterns().items() if pattern.search(folded))
    return found or (OTHER,)


def matches(comment: SurveyComment, *, theme: str | None = None, search: str = "") -> bool:
    """True when ``comment`` is about ``theme`` (None: any) and contains ``search`` (any case)."""
    if theme is not None and theme not in themes(comment.text):
        return False
    return not search.strip() or fold(search.strip()) in fold(comment.text)


def theme_counts(comments: Iterable[SurveyComment]) -> dict[str, int]:
    """How many comments touch each dimension, and how many none (``other``), in DIMENSION_KEYS order."""
    counts = Counter(theme for comment in comments for theme in themes(comment.text))
    return {key: counts.get(key, 0) for key in (*DIMENSION_KEYS, OTHER)}


def shuffled(comments: Sequence[SurveyComment], seed: int) -> list[SurveyComment]:
    """``comments`` in a seeded random order (the same seed, the same order)."""
    order = list(comments)
    random.Random(seed).shuffle(order)
    return order
