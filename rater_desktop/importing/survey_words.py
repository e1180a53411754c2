"""The words of survey exports, in the languages survey tools export in.

Answer scales ("Very dissatisfied … Very satisfied", "Nunca … Siempre") and
question wording ("How likely are you to recommend us?") differ by language,
so they live as data in ``resources/survey_words/<lang>.toml`` rather than in
code; en.toml explains the layout. This module turns those files into lookup
tables once (cached) and answers two questions: what does an answer label
mean (scale family and value, or "no answer"), and which words of a list does
a question contain. Words of every language are used together, because a file
says nothing about its language and people mix them.

Pure functions and frozen tables; no Qt.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rater_desktop.collation import without_marks

LANGUAGES = ("en", "vi", "es", "fr", "de", "pt", "ko")
"""English and Vietnamese (the app's own languages), then the languages common survey tools export in"""

_WORD = re.compile(r"\w+")
_PARENTHESES = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_NUMBER_PREFIX = re.compile(r"^\s*\(?\d+\)?\s*[-–—=:.)]?\s*(?=\D)")


def fold(text: str) -> str:
    """Lower case without accents or punctuation ("Độ tin cậy?" -> "do tin cay"), for matching only."""
    return " ".join(_WORD.findall(without_marks(text).casefold()))


def answer_key(text: str) -> str:
    """The form an answer is looked up by: folded, without spaces ("매우 만족" = "매우만족")."""
    return fold(text).replace(" ", "")


def label_keys(label: str) -> list[str]:
    """Keys to try for an answer label, most literal first.

    "5 - Very satisfied" and "Neither favorably nor unfavorably (neutral)" are
    known scale answers once their number or remark is set aside; a label that
    is only a remark in brackets is tried as that remark.
    """
    keys = [answer_key(label)]
    bare = _PARENTHESES.sub(" ", label).strip()
    if bare and bare != label:
        keys.append(answer_key(bare))
    head = bare.split(":", 1)[0] if ":" in bare else ""
    if head:
        keys.append(answer_key(head))
    unnumbered = _NUMBER_PREFIX.sub("", bare)
    if unnumbered and unnumbered != bare:
        keys.append(answer_key(unnumbered))
    return [k for k in dict.fromkeys(keys) if k]


@dataclass(frozen=True)
class AnswerWords:
    """Every language's answer words, merged into lookup tables."""

    meanings: Mapping[str, Mapping[str, frozenset[float]]]
    """answer key -> scale family -> the values it has there (one, unless languages disagree)"""
    neutral: frozenset[str]
    """keys of middle answers ("neutral", "trung lập") that fit any two-sided family at 0"""
    two_sided: frozenset[str]
    """families with positive and negative words, whose mirror-image answer sets are whole scales"""
    complete: Mapping[str, tuple[frozenset[float], ...]]
    """family -> the value sets of its known whole scales"""
    not_applicable: frozenset[str]
    """keys of "no answer" answers"""
    not_applicable_phrases: tuple[str, ...]
    """folded "no answer" phrases of two or more words, also recognised inside a longer answer"""

    def is_not_applicable(self, label: str) -> bool:
        """Whether an answer means "no answer" ("Don't know", "Unfamiliar (N/A)", "No sé qué es…")."""
        if any(key in self.not_applicable for key in label_keys(label)):
            return True
        if any(answer_key(inner) in self.not_applicable
               for inner in re.findall(r"[(\[]([^)\]]*)[)\]]", label)):
            return True
        folded = f" {fold(label)} "
        return any(f" {phrase} " in folded for phrase in self.not_applicable_phrases)

    def meaning(self, label: str) -> Mapping[str, frozenset[float]]:
        """family -> values for a label, under the first of its keys that is known."""
        for key in label_keys(label):
            found = dict(self.meanings.get(key, {}))
            if key in self.neutral:
                for family in self.two_sided:
                    found.setdefault(family, frozenset({0.0}))
            if found:
                return found
        return {}


def _resources() -> Path:
    from rater_desktop.i18n import resources_dir

    return resources_dir() / "survey_words"


def _read(lang: str) -> dict:
    with (_resources() / f"{lang}.toml").open("rb") as f:
        return tomllib.load(f)


def _expand(template: str, positive: Iterable[str], negative: Iterable[str]) -> list[str]:
    """Every phrase a form makes with a family's words ("very {p}" -> "very satisfied")."""
    positive, negative = list(positive), list(negative)
    if "{p}" in template and "{n}" in template:
        return [template.format(p=p, n=n) for p in positive for n in negative]
    if "{p}" in template:
        return [template.format(p=p, n="") for p in positive]
    if "{n}" in template:
        return [template.format(p="", n=n) for n in negative]
    return [template]


class _Builder:
    """Collects the tables of :class:`AnswerWords` from the language files."""

    def __init__(self) -> None:
        self.meanings: dict[str, dict[str, set[float]]] = {}
        self.neutral: set[str] = set()
        self.two_sided: set[str] = set()
        self.not_applicable: set[str] = set()
        self.phrases: set[str] = set()
        self.scales: list[tuple[str, list[str]]] = []
        """(family, labels) of whole scales, resolved once every language is in"""

    def add(self, key: str, family: str, value: float) -> None:
        self.meanings.setdefault(key, {}).setdefault(family, set()).add(float(value))

    def language(self, answers: dict) -> None:
        forms = [(template, value) for template, value in answers.get("forms", [])]
        self.neutral.update(answer_key(word) for word in answers.get("neutral", []))
        for phrase in answers.get("not_applicable", []):
            self.not_applicable.add(answer_key(phrase))
            if len(fold(phrase).split()) > 1:
                self.phrases.add(fold(phrase))
        templates = answers.get("complete", [])
        for family, table in answers.get("families", {}).items():
            positive, negative = table.get("p", []), table.get("n", [])
            if positive and negative:
                self.two_sided.add(family)
            if positive or negative:
                for template, value in forms:
                    for phrase in _expand(template, positive, negative):
                        self.add(answer_key(phrase), family, value)
            for word, value in table.get("steps", {}).items():
                self.add(answer_key(word), family, value)
            self.scales += [(family, labels) for labels in table.get("complete", [])]
            for template in templates if positive else ():
                self.scales += [(family, [t.format(p=p, n="") for t in template]) for p in positive]

    def build(self) -> AnswerWords:
        meanings = {key: {f: frozenset(v) for f, v in families.items()}
                    for key, families in self.meanings.items()}
        complete: dict[str, list[frozenset[float]]] = {}
        for family, labels in self.scales:
            values = [meanings.get(answer_key(label), {}).get(family) for label in labels]
            if all(v is not None and len(v) == 1 for v in values):
                complete.setdefault(family, []).append(frozenset(next(iter(v)) for v in values))
        return AnswerWords(meanings, frozenset(self.neutral), frozenset(self.two_sided),
                           {f: tuple(sets) for f, sets in complete.items()},
                           frozenset(self.not_applicable), tuple(sorted(self.phrases)))


@lru_cache(maxsize=1)
def answer_words() -> AnswerWords:
    """The answer words of every shipped language (read once)."""
    builder = _Builder()
    for lang in LANGUAGES:
        builder.language(_read(lang).get("answers", {}))
    return builder.build()


# -- question words -----------------------------------------------------------------------


@dataclass(frozen=True)
class WordList:
    """Words to look for in a question; ``find`` says which one is there."""

    words: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def of(cls, words: Iterable[str]) -> WordList:
        words = tuple(dict.fromkeys(words))
        patterns = []
        for word in words:
            stem = word.endswith("*")
            folded = fold(word.rstrip("*"))
            patterns.append(re.compile(r"(?<!\w)" + re.escape(folded) + ("" if stem else r"(?!\w)")))
        return cls(words, tuple(patterns))

    def find(self, folded_text: str) -> str | None:
        """The first word of the list found in an already folded text, else None."""
        for word, pattern in zip(self.words, self.patterns):
            if pattern.search(folded_text):
                return word.rstrip("*")
        return None


QUESTION_LISTS = ("expectation", "minimum", "nps", "satisfaction", "overall", "first_time", "solved",
                  "comment", "personal", "ranking", "rating")
"""The plain word lists of a [questions] table, besides dimension names and cues"""


@dataclass(frozen=True)
class QuestionWords:
    """Every language's question words, merged per purpose."""

    names: Mapping[str, WordList]
    """dimension key -> words that name it outright"""
    cues: Mapping[str, WordList]
    """dimension key -> words typical of its questions (a hint, not proof)"""
    lists: Mapping[str, WordList]
    """one of :data:`QUESTION_LISTS` -> its words"""


@lru_cache(maxsize=1)
def question_words() -> QuestionWords:
    """The question words of every shipped language (read once)."""
    names: dict[str, list[str]] = {}
    cues: dict[str, list[str]] = {}
    lists: dict[str, list[str]] = {name: [] for name in QUESTION_LISTS}
    for lang in LANGUAGES:
        table = _read(lang).get("questions", {})
        for key, words in table.get("dimensions", {}).items():
            names.setdefault(key, []).extend(words)
        for key, words in table.get("cues", {}).items():
            cues.setdefault(key, []).extend(words)
        for name in QUESTION_LISTS:
            lists[name].extend(table.get(name, []))
    return QuestionWords({k: WordList.of(v) for k, v in names.items()},
                         {k: WordList.of(v) for k, v in cues.items()},
                         {k: WordList.of(v) for k, v in lists.items()})


def find_in(words: Mapping[str, WordList], folded_text: str) -> dict[str, str]:
    """key -> the word of that key's list found in the text, for every key with one."""
    found = {}
    for key, word_list in words.items():
        word = word_list.find(folded_text)
        if word is not None:
            found[key] = word
    return found


def question_text(cells: Sequence[str]) -> str:
    """One column's question from its header cells (every header row), folded, with spaces around."""
    return f" {fold(' '.join(dict.fromkeys(c for c in cells if c)))} "
