"""What each column of a survey export probably holds, and how sure that is.

A column is judged by what its question says, read from every header row
(Qualtrics puts the question text in the second row, SurveyMonkey the grid
item), and by its answers: ratings on a scale, yes/no, free text, or
something else. Question words come from ``resources/survey_words`` in every
shipped language, so "¿Qué tan probable es que recomiendes…?" is an NPS
question and "Độ tin cậy" names Reliability.

Every guess says whether it is sure. Sure means the wording says so outright
(the question names the dimension, asks to recommend with 0–10 answers…);
a guess from a typical word or a similar built-in statement is shown as one
to check. A rating whose question names no dimension is left unmapped with
that said, never put under a dimension at random. Pure functions; no Qt.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rater_desktop.importing.presets import IMPORT_ID
from rater_desktop.importing.scale_guess import Note, ScaleGuess, guess_scale
from rater_desktop.importing.survey_words import WordList, answer_key, find_in, fold, question_words
from rater_desktop.importing.values import merge_variants
from rater_desktop.model import DIMENSION_KEYS

PLACEHOLDERS = frozenset({"response", "openendedresponse", "otherpleasespecify"})
"""header cells survey tools put under a question that say nothing (SurveyMonkey's row 2)"""
METADATA = frozenset({
    "startdate", "enddate", "status", "ipaddress", "progress", "durationinseconds", "finished",
    "recordeddate", "responseid", "responseset", "externalreference", "externaldatareference",
    "distributionchannel", "userlanguage", "locationaccuracy", "timestamp", "respondentid",
    "collectorid", "timestarted", "datesubmitted", "submitdate", "lastpage", "startlanguage", "seed",
    "id", "uuid", "submissiontime", "networkid", "submittedat", "startedat", "v1", "v2", "v3", "v4",
    "v5", "v6", "v7", "v8", "v9", "v10"})
"""column names survey tools give their own bookkeeping (folded, without spaces)"""
MAX_SCALE_POINTS = 11
_FREE_TEXT_LENGTH = 25
_FREE_TEXT_SHARE = 0.5
_FREE_TEXT_MIN_ANSWERS = 10
_COMMENT_SHARE = 0.8
_PERSONAL_HEADER_WORDS = 6
_PHONE = re.compile(r"\+?[\d\s().-]{7,}")
_OPTION_SEPARATOR = re.compile(r"[;,]\s*")
_PAIR_SHARE = 0.6
_MIN_SHARED_WORDS = 2
_MIN_SHARE = 0.5
_STOP_WORDS = frozenset({
    "about", "been", "does", "from", "have", "please", "rate", "service", "staff", "that", "their",
    "they", "this", "what", "when", "were", "with", "your", "customer", "customers", "chung",
    "khach", "hang", "nhan", "vien", "duoc", "khong", "nhung", "trong", "nhieu", "cung"})
"""words too common in survey questions and statements to say which dimension is meant"""


@dataclass(frozen=True)
class ColumnGuess:
    """The suggestion for one column (0-based ``index``)."""

    index: int
    role: str = ""
    """"", "dim:<key>", "exp:<key>", "min:<key>" or "comment": what the mapping does with it"""
    kpi: str = ""
    """"", "nps", "csat" or "fcr\""""
    item: str = ""
    """for a scale question no dimension could be given: "rating", "expectation" or "minimum\""""
    sure: bool = True
    reason: Note = Note("other")
    """why, as a code with details (see :func:`guess_columns`)"""

    @property
    def kind(self) -> str:
        """What the column is, in one word: a KPI, "rating", "expectation", "minimum", "comment" or ""."""
        if self.kpi:
            return self.kpi
        if self.role.startswith("dim:"):
            return "rating"
        if self.role.startswith("exp:"):
            return "expectation"
        if self.role.startswith("min:"):
            return "minimum"
        return self.role or self.item


def column_questions(header_rows: Sequence[Sequence[str]], width: int) -> list[list[str]]:
    """Each column's header cells from every header row.

    With two or more header rows a blank cell of the first row belongs to the
    question on its left (how SurveyMonkey heads a grid); cells that only say
    "Response", and Qualtrics' ImportId cells, are dropped.
    """
    columns: list[list[str]] = [[] for _i in range(width)]
    for number, row in enumerate(header_rows):
        above = ""
        for i in range(width):
            cell = row[i].strip() if i < len(row) else ""
            if number == 0 and len(header_rows) > 1:
                cell = above = cell or above
            if cell and answer_key(cell) not in PLACEHOLDERS and not IMPORT_ID.match(cell):
                columns[i].append(cell)
    return columns


def column_title(cells: Sequence[str], limit: int = 60) -> str:
    """A column's header cells as one short name a person tells it by.

    A grid's columns share the question and differ only by the item under it
    ("Please state whether you view the following characters…" / "Han
    Solo"): the question is shortened so the item always shows, where cutting
    the joined text at ``limit`` left thirteen columns looking the same.
    """
    cells = [cell for cell in cells if cell]
    if len(cells) < 2:
        return _shorten(cells[0] if cells else "", limit)
    item = _shorten(cells[-1], limit // 2)
    return f"{_shorten(' / '.join(cells[:-1]), limit - len(item) - 3)} / {item}"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:max(limit - 1, 1)].rstrip() + "…"


def answer_counts(rows: Sequence[Sequence[str]], column: int) -> Counter[str]:
    """How often each non-blank answer occurs in a column, the case and space variants of one
    answer counted as one (as the import reads them), under its most frequent spelling."""
    return merge_variants(Counter(row[column] for row in rows if column < len(row)))


def _content_words(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) > 3 and w not in _STOP_WORDS}


class _Vocabulary:
    """The question words plus the workbook's dimension names and statements."""

    def __init__(self, names: Mapping[str, Sequence[str]], criteria: Mapping[str, Sequence[str]]) -> None:
        words = question_words()
        self.lists = words.lists
        self.cues = words.cues
        self.names = {key: WordList.of([*(words.names[key].words if key in words.names else ()),
                                        *names.get(key, ())]) for key in DIMENSION_KEYS}
        self.criteria = {key: [_content_words(text) for text in texts] for key, texts in criteria.items()}

    def has(self, name: str, text: str) -> str | None:
        return self.lists[name].find(text)

    def named_dimension(self, text: str) -> tuple[str | None, str | None, int]:
        """(dimension, word, how many dimensions are named) for a question naming one outright."""
        found = find_in(self.names, text)
        if len(found) == 1:
            key, word = next(iter(found.items()))
            return key, word, 1
        return None, None, len(found)

    def hinted_dimension(self, text: str) -> Note | None:
        """A dimension suggested by a typical word or a similar built-in statement (to check)."""
        cues = find_in(self.cues, text)
        if len(cues) == 1:
            key, word = next(iter(cues.items()))
            return Note.of("cue", dimension=key, word=word)
        words = _content_words(text)
        if len(words) < _MIN_SHARED_WORDS:
            return None
        best: dict[str, float] = {}
        for key, texts in self.criteria.items():
            for text_words in texts:
                shared = len(words & text_words)
                if shared >= _MIN_SHARED_WORDS and shared / len(words) >= _MIN_SHARE:
                    best[key] = max(best.get(key, 0.0), shared / len(words))
        ranked = sorted(best.items(), key=lambda item: -item[1])
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return Note.of("criterion", dimension=ranked[0][0])


def _is_scale(guess: ScaleGuess, counts: Counter[str]) -> bool:
    """Whether answers look like points on a rating scale (not yes/no, counts, years or free text)."""
    scale = guess.scale
    codes = {c for c in scale.not_applicable}
    answers = [v for v in counts if v not in codes]
    if len(answers) < 2:
        return False
    if scale.type == "numeric":
        return scale.max - scale.min + 1 <= MAX_SCALE_POINTS and scale.min >= 0
    if scale.type == "letters":
        return True
    return guess.family not in (None, "yes_no") and not any(n.code == "labels_unknown" for n in guess.notes)


def _is_free_text(counts: Counter[str]) -> bool:
    """Long answers that rarely repeat, and are not lists of ticked options ("Excel, SPSS")."""
    total = sum(counts.values())
    if total < _FREE_TEXT_MIN_ANSWERS:
        return False
    mean_length = sum(len(v) * n for v, n in counts.items()) / total
    if mean_length < _FREE_TEXT_LENGTH or len(counts) / total < _FREE_TEXT_SHARE:
        return False
    parts = {answer: [p.strip() for p in _OPTION_SEPARATOR.split(answer) if p.strip()] for answer in counts}
    seen: Counter[str] = Counter(p for answer_parts in parts.values() for p in set(answer_parts))
    ticked = sum(n for answer, n in counts.items() if all(seen[p] >= 3 for p in parts[answer]))
    return ticked / total < 0.5


def _personal(text: str, counts: Counter[str], vocabulary: _Vocabulary) -> str | None:
    """The personal detail a column holds: asked for in a short header ("Your e-mail"), or seen
    in the answers (addresses with @, phone numbers); a long question that merely uses the
    word ("What needs does the notebook address?") is not one."""
    word = vocabulary.has("personal", text)
    if word and len(text.split()) <= _PERSONAL_HEADER_WORDS:
        return word
    total = sum(counts.values())
    looks = sum(n for v, n in counts.items()
                if "@" in v or (_PHONE.fullmatch(v) and sum(ch.isdigit() for ch in v) >= 7))
    return "" if total and looks / total >= 0.5 else None


def _mostly_links(counts: Counter[str]) -> bool:
    total = sum(counts.values())
    return sum(n for v, n in counts.items() if "://" in v or v.startswith("www.")) * 2 >= total


def _answer_share(counts: Counter[str]) -> float:
    """Distinct answers per answer: near 1 for free text, near 0 for a list of options."""
    total = sum(counts.values())
    return len(counts) / total if total else 0.0


def _scale_column(index: int, text: str, guess: ScaleGuess, vocabulary: _Vocabulary) -> ColumnGuess:
    scale = guess.scale
    if word := vocabulary.has("ranking", text):
        return ColumnGuess(index, reason=Note.of("ranking", word=word))
    if word := vocabulary.has("nps", text):
        if scale.type == "numeric" and scale.min >= 0 and scale.max <= 10 and guess.sure:
            return ColumnGuess(index, kpi="nps", reason=Note.of("nps", word=word))
        return ColumnGuess(index, item="rating", sure=False, reason=Note.of("nps_values", word=word))
    overall = vocabulary.has("overall", text)
    if overall and (word := vocabulary.has("satisfaction", text)):
        if scale.type == "numeric" and scale.min == 1 and scale.max == 5 and guess.sure:
            return ColumnGuess(index, kpi="csat", reason=Note.of("csat", word=f"{overall} … {word}"))
    prefix, item = "dim", "rating"
    for kind, name in (("exp", "expectation"), ("min", "minimum")):
        if vocabulary.has(name, text):
            prefix, item = kind, name
    key, word, named = vocabulary.named_dimension(text)
    if key:
        return ColumnGuess(index, role=f"{prefix}:{key}", reason=Note.of("named", dimension=key, word=word))
    hint = vocabulary.hinted_dimension(text) if named < 2 else None
    if hint:
        return ColumnGuess(index, role=f"{prefix}:{hint.get('dimension')}", sure=False, reason=hint)
    reason = Note.of("two_dimensions") if named > 1 else Note.of(item)
    return ColumnGuess(index, item=item, sure=False, reason=reason)


def _other_column(index: int, text: str, guess: ScaleGuess, counts: Counter[str],
                  vocabulary: _Vocabulary) -> ColumnGuess:
    recognised = guess.family and not any(n.code in ("labels_unknown", "labels_ambiguous") for n in guess.notes)
    if recognised and guess.family == "yes_no":
        return _yes_no_column(index, text, vocabulary)
    if (word := _personal(text, counts, vocabulary)) is not None:
        return ColumnGuess(index, reason=Note.of("personal", word=word))
    free_text = _is_free_text(counts) and not _mostly_links(counts)
    if (word := vocabulary.has("comment", text)) and (free_text or _answer_share(counts) >= _COMMENT_SHARE):
        return ColumnGuess(index, role="comment", reason=Note.of("comment", word=word))
    if free_text:
        return ColumnGuess(index, role="comment", sure=False, reason=Note.of("free_text"))
    if (word := vocabulary.has("rating", text)) and 2 <= len(counts) <= MAX_SCALE_POINTS \
            and len(counts) < sum(counts.values()):
        return ColumnGuess(index, item="rating", sure=False, reason=Note.of("rating_words", word=word))
    return ColumnGuess(index)


def _yes_no_column(index: int, text: str, vocabulary: _Vocabulary) -> ColumnGuess:
    """Solved the first time: the FCR figure. Asked about a dimension ("Were staff reliable?"):
    perhaps a two-point rating, for the person to choose. Otherwise a fact, not a rating."""
    first, solved = vocabulary.has("first_time", text), vocabulary.has("solved", text)
    if first and solved:
        return ColumnGuess(index, kpi="fcr", reason=Note.of("fcr", word=f"{solved} … {first}"))
    key, word, named = vocabulary.named_dimension(text)
    if key is None and named < 2 and (hint := vocabulary.hinted_dimension(text)) and hint.code == "cue":
        key, word = str(hint.get("dimension")), str(hint.get("word"))
    if key:
        return ColumnGuess(index, role=f"dim:{key}", sure=False,
                           reason=Note.of("yes_no_rating", dimension=key, word=word))
    return ColumnGuess(index, reason=Note.of("yes_no"))


def guess_column(index: int, cells: Sequence[str], counts: Counter[str],
                 vocabulary: _Vocabulary) -> ColumnGuess:
    """The guess for one column from its header cells and answers."""
    if any(answer_key(cell) in METADATA for cell in cells[:2]):
        return ColumnGuess(index, reason=Note.of("metadata"))
    if not counts:
        return ColumnGuess(index, reason=Note.of("empty"))
    text = f" {fold(' '.join(cells))} "
    guess = guess_scale(counts, cells)
    if _is_scale(guess, counts):
        return _scale_column(index, text, guess, vocabulary)
    return _other_column(index, text, guess, counts, vocabulary)


def guess_columns(header_rows: Sequence[Sequence[str]], rows: Sequence[Sequence[str]],
                  names: Mapping[str, Sequence[str]], criteria: Mapping[str, Sequence[str]]) -> list[ColumnGuess]:
    """A guess for every column of a parsed survey (header rows and data rows).

    ``names`` and ``criteria`` map a dimension key to its display names and
    statement texts (every language, plus the workbook's own). Each KPI goes
    to its first sure column; a later column worded the same is left for the
    person with that said. An expectation or minimum question whose wording
    names no dimension takes the dimension of the rating worded like it.
    """
    width = max([len(r) for r in header_rows] + [len(r) for r in rows], default=0)
    questions = column_questions(header_rows, width)
    vocabulary = _Vocabulary(names, criteria)
    guesses = [guess_column(i, questions[i], answer_counts(rows, i), vocabulary) for i in range(width)]
    taken: dict[str, int] = {}
    for i, guess in enumerate(guesses):
        if guess.kpi and guess.kpi in taken:
            guesses[i] = ColumnGuess(i, sure=False, reason=Note.of("second_kpi", kpi=guess.kpi,
                                                                   column=taken[guess.kpi] + 1))
        elif guess.kpi:
            taken[guess.kpi] = i
    return _pair_expectations(guesses, questions)


def _pair_expectations(guesses: list[ColumnGuess], questions: Sequence[Sequence[str]]) -> list[ColumnGuess]:
    """Expectation and minimum items take the dimension of the rating worded like them."""
    ratings = [g for g in guesses if g.kind == "rating"]
    for i, guess in enumerate(guesses):
        if guess.item not in ("expectation", "minimum"):
            continue
        words = _content_words(" ".join(questions[i]))
        best, share = None, _PAIR_SHARE
        for other in ratings:
            theirs = _content_words(" ".join(questions[other.index]))
            overlap = len(words & theirs) / len(words | theirs) if words | theirs else 0.0
            if overlap >= share:
                best, share = other, overlap
        if best is None:
            continue
        note = Note.of("pair", column=best.index + 1)
        if best.role.startswith("dim:"):
            prefix = "exp" if guess.item == "expectation" else "min"
            guesses[i] = replace(guess, role=f"{prefix}:{best.role[4:]}", item="", sure=False, reason=note)
        else:
            guesses[i] = replace(guess, reason=note)
    return guesses
