"""First guesses for the import wizard: which column is which, and what scale.

People export surveys whose headers say "How reliable was our service?" or
"Nhân viên có đồng cảm với bạn không?"; matching those against the dimension
names and the built-in criterion texts (English and Vietnamese) saves the user
most of the mapping. Everything here is a suggestion the user confirms, so the
rules favour leaving a column unmapped over guessing wrongly.

Pure functions over header texts and cell values; no Qt, no file access.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rater_desktop.importing.mapping import LETTER_LABELS, ScaleSpec
from rater_desktop.importing.mapping import Mapping as SurveyMapping
from rater_desktop.importing.values import parse_number
from rater_desktop.model import DIMENSION_KEYS

_WORD = re.compile(r"\w+")
_MIN_SHARED_WORDS = 2
_MIN_SHARE = 0.5
"""a header matches a criterion when at least half its content words (and at
least two) occur in that criterion's text"""

DIMENSION_STEMS: dict[str, tuple[str, ...]] = {
    "reliability": ("reliab", "dependab", "tin cay"),
    "assurance": ("assur", "confiden", "trust", "dam bao"),
    "tangibles": ("tangib", "appearance", "facilit", "huu hinh", "co so vat chat"),
    "empathy": ("empath", "dong cam", "cam thong"),
    "responsiveness": ("responsiv", "prompt", "dap ung"),
}
"""Word beginnings (accent-free, lower case) that name a dimension outright;
``dimension_names`` adds the shipped display names."""

KPI_STEMS: dict[str, tuple[str, ...]] = {
    "nps": ("recommend", "gioi thieu"),
    "csat": ("satisf", "hai long"),
    "fcr": ("first contact", "first call", "resolved", "solved", "lan dau", "giai quyet"),
}
EXPECTATION_STEMS = ("expect", "ky vong", "mong doi", "mong muon")

NA_CODES = frozenset({"n/a", "na", "n.a.", "-", "-99", "don't know", "dont know", "not applicable",
                      "no answer", "không biết", "khong biet", "không áp dụng", "khong ap dung"})
"""Answers that usually mean "no answer" rather than a point on the scale."""

LABEL_LADDERS: tuple[tuple[str, ...], ...] = (
    ("very poor", "poor", "fair", "good", "very good", "excellent"),
    ("strongly disagree", "disagree", "somewhat disagree", "neither agree nor disagree", "neutral",
     "somewhat agree", "agree", "strongly agree"),
    ("very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"),
    ("never", "rarely", "sometimes", "often", "always"),
    ("rất kém", "kém", "trung bình", "tốt", "rất tốt"),
    ("hoàn toàn không đồng ý", "không đồng ý", "trung lập", "đồng ý", "hoàn toàn đồng ý"),
    ("rất không hài lòng", "không hài lòng", "bình thường", "hài lòng", "rất hài lòng"),
)
"""Answer words of common rating scales, worst first, for ordering labels."""


def fold(text: str) -> str:
    """Lower case without accents ("Độ tin cậy" -> "do tin cay"), for matching only."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(bare.casefold()))


STOP_WORDS = frozenset({
    "about", "been", "does", "from", "have", "please", "rate", "service", "staff", "that", "their",
    "they", "this", "what", "when", "were", "with", "your", "customer", "customers", "chung",
    "khach", "hang", "nhan", "vien", "duoc", "khong", "nhung", "trong", "nhieu", "cung"})
"""Words too common in survey questions and criteria to say which dimension is meant."""


def _content_words(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) > 3 and w not in STOP_WORDS}


@dataclass(frozen=True)
class ColumnSuggestion:
    """What the wizard pre-fills; every key is a 0-based column index."""

    dimensions: dict[int, str] = field(default_factory=dict)
    expectations: dict[int, str] = field(default_factory=dict)
    kpis: dict[str, int] = field(default_factory=dict)


def _names_dimension(header: str, stems: Mapping[str, Sequence[str]]) -> str | None:
    """The one dimension whose name or stem the header contains, else None."""
    padded = f" {fold(header)}"
    found = {key for key, words in stems.items() for word in words if f" {word}" in padded}
    return found.pop() if len(found) == 1 else None


def _matches_criterion(header: str, criteria: Mapping[str, Sequence[set[str]]]) -> str | None:
    """The dimension of the criterion (as content words) sharing most words with the header, if clear."""
    words = _content_words(header)
    if len(words) < _MIN_SHARED_WORDS:
        return None
    best: dict[str, float] = {}
    for key, texts in criteria.items():
        for text_words in texts:
            shared = len(words & text_words)
            if shared >= _MIN_SHARED_WORDS and shared / len(words) >= _MIN_SHARE:
                best[key] = max(best.get(key, 0.0), shared / len(words))
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # two dimensions fit equally well: let the user decide
    return ranked[0][0]


def suggest_columns(headers: Sequence[str], dimension_names: Mapping[str, Sequence[str]],
                    criteria: Mapping[str, Sequence[str]]) -> ColumnSuggestion:
    """Guess each column's role from its header text.

    ``dimension_names`` and ``criteria`` map a dimension key to its display
    names and criterion texts (pass both languages). KPI words win over
    dimension words ("How satisfied were you overall?" is CSAT), each KPI goes
    to its first column only, and a header that speaks of expectations maps to
    that dimension's expectation item.
    """
    stems = {key: (*DIMENSION_STEMS.get(key, ()), *(fold(n) for n in dimension_names.get(key, ())))
             for key in DIMENSION_KEYS}
    criteria_words = {key: [_content_words(text) for text in texts] for key, texts in criteria.items()}
    result = ColumnSuggestion()
    for index, header in enumerate(headers):
        if not header.strip():
            continue
        folded = f" {fold(header)}"
        kpi = next((kind for kind, words in KPI_STEMS.items()
                    if any(f" {w}" in folded for w in words)), None)
        dimension = _names_dimension(header, stems) or _matches_criterion(header, criteria_words)
        if kpi and kpi not in result.kpis and not dimension:
            result.kpis[kpi] = index
        elif dimension and any(f" {w}" in folded for w in EXPECTATION_STEMS):
            result.expectations[index] = dimension
        elif dimension:
            result.dimensions[index] = dimension
    return result


def distinct_values(rows: Iterable[Sequence[str]], columns: Iterable[int]) -> list[str]:
    """Distinct non-blank answers in the given columns, most frequent first (ties: first seen)."""
    columns = list(columns)
    counts: Counter[str] = Counter()
    for row in rows:
        for i in columns:
            if i < len(row) and row[i].strip():
                counts[row[i].strip()] += 1
    return [value for value, _n in counts.most_common()]


def order_labels(values: Iterable[str]) -> list[str]:
    """Answer labels worst first where a known rating ladder ranks them.

    Labels no ladder knows keep their given order, after the ranked ones;
    the user sees and edits the order in the wizard.
    """
    values = list(values)
    rank: dict[str, float] = {}
    for ladder in LABEL_LADDERS:
        for position, word in enumerate(ladder):
            rank.setdefault(word, position / (len(ladder) - 1))
    known = [v for v in values if v.casefold() in rank]
    unknown = [v for v in values if v.casefold() not in rank]
    return sorted(known, key=lambda v: rank[v.casefold()]) + unknown


def suggest_scale(values: Sequence[str]) -> ScaleSpec:
    """A scale that fits the distinct answers found, with likely N/A codes.

    All numbers: numeric from 1 (or 0 when a 0 occurs) to the usual top point
    (5, 7 or 10) at or above the highest answer; all A–F: letters; otherwise
    ordered labels.
    """
    not_applicable = tuple(v for v in values if v.casefold() in NA_CODES)
    answers = [v for v in values if v not in not_applicable]
    numbers = [parse_number(v) for v in answers]
    if answers and all(n is not None for n in numbers):
        low = 0 if min(numbers) < 1 else 1
        top = max(numbers)
        high = next((s for s in (5, 7, 10) if top <= s), int(top) if top.is_integer() else top)
        return ScaleSpec("numeric", low, high, not_applicable=not_applicable)
    if answers and {a.strip().upper() for a in answers} <= set(LETTER_LABELS):
        return ScaleSpec("letters", not_applicable=not_applicable)
    return ScaleSpec("labels", labels=tuple(order_labels(answers)), not_applicable=not_applicable)


def mapping_fits(mapping: SurveyMapping, headers: Sequence[str]) -> bool:
    """Whether every column the mapping names exists (exactly once) in ``headers``.

    Used to offer the last survey's mapping for a new file in one click.
    """
    from rater_desktop.importing.engine import resolve_column
    from rater_desktop.importing.errors import SurveyImportError

    refs = [*(r for refs in mapping.dimensions.values() for r in refs),
            *(r for refs in mapping.expectations.values() for r in refs), *mapping.kpis.values()]
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
