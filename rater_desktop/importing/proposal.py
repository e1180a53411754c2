"""A whole mapping suggested for a survey file: ``suggest``'s work, and the wizard's first guess.

The file is read the way its survey tool exports it (a preset guessed from
the headers), every column is guessed (``column_guess``), and the rating
columns are grouped by the scale of their answers: a mapping has one scale,
so the group holding the most columns with a dimension gives it, and rating
columns on another scale are named as left out. Only sure column guesses go
into the mapping; the others are kept beside it for the person to check.
The scale is always in, with ``confirmed`` False when it is a guess.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rater_desktop.importing.column_guess import ColumnGuess, answer_counts, column_questions, guess_columns
from rater_desktop.importing.mapping import Mapping, ScaleSpec, SourceSpec
from rater_desktop.importing.presets import PRESETS, detect_layout
from rater_desktop.importing.scale_guess import Note, ScaleGuess, guess_scale
from rater_desktop.importing.sources import XLSX_SUFFIXES, Table, read_table
from rater_desktop.model import DIMENSION_KEYS

ROWS_READ = 5000
"""rows read to suggest from: enough to see every answer of a scale, quick on any file"""
SCORED = ("rating", "expectation", "minimum")


@dataclass(frozen=True)
class Proposal:
    """What ``suggest`` found in a file."""

    file_name: str
    preset: str
    table: Table
    questions: list[list[str]]
    """each column's header cells, from every header row"""
    columns: list[ColumnGuess]
    scale: ScaleGuess
    scale_columns: tuple[int, ...]
    """the rating columns whose answers the scale was read from"""
    left_out: tuple[int, ...]
    """rating columns whose answers are on another scale"""
    mapping: Mapping


def column_reference(headers: Sequence[str], index: int) -> str:
    """How a mapping names a column: its header when that is unique, else ``#N``."""
    header = headers[index] if index < len(headers) else ""
    folded = header.casefold()
    unique = header and sum(h.casefold() == folded for h in headers) == 1
    return header if unique else f"#{index + 1}"


def read_for_suggestion(path: Path, sheet: str | None = None) -> tuple[Table, str]:
    """(first rows of the file as its survey tool lays it out, preset key)."""
    fmt = "xlsx" if path.suffix.lower() in XLSX_SUFFIXES else "csv"
    source, key = detect_layout(path, SourceSpec(format=fmt, sheet=sheet))
    return read_table(path, source, limit=ROWS_READ), key


def scale_signature(guess: ScaleGuess) -> tuple:
    """What makes two columns' answers one scale (same range, same family or same labels)."""
    scale = guess.scale
    if scale.type == "numeric":
        return ("numeric", scale.min, scale.max)
    if scale.type == "labels":
        return ("labels", guess.family or tuple(sorted(scale.labels)))
    return (scale.type,)


def scale_groups(table: Table, questions: Sequence[Sequence[str]], indexes: Sequence[int]) -> list[list[int]]:
    """The columns grouped by the scale their own answers are on, in first-seen order."""
    groups: dict[tuple, list[int]] = {}
    for i in indexes:
        signature = scale_signature(guess_scale(answer_counts(table.rows, i), questions[i]))
        groups.setdefault(signature, []).append(i)
    return list(groups.values())


def choose_scale_columns(columns: Sequence[ColumnGuess], table: Table,
                         questions: Sequence[Sequence[str]]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(columns the scale is read from, rating columns on another scale)."""
    scored = [g.index for g in columns if g.kind in SCORED]
    groups = scale_groups(table, questions, scored)
    if not groups:
        return (), ()
    chosen = max(groups, key=lambda g: (sum(1 for i in g if columns[i].role and columns[i].sure),
                                        sum(1 for i in g if columns[i].role), len(g)))
    return tuple(chosen), tuple(i for i in scored if i not in chosen)


def group_scale(table: Table, questions: Sequence[Sequence[str]], indexes: Sequence[int],
                preset: str) -> ScaleGuess:
    """The scale guessed from the answers of all the given columns together.

    Columns whose own answers are on different scales cannot share one: the
    guess is then flagged, naming the columns that differ from the most.
    """
    counts: Counter[str] = Counter()
    for i in indexes:
        counts.update(answer_counts(table.rows, i))
    guess = guess_scale(counts, [cell for i in indexes for cell in questions[i]])
    extra = tuple(code for code in PRESETS[preset].not_applicable
                  if code in counts and code not in guess.scale.not_applicable)
    if extra:
        guess = replace(guess, scale=replace(guess.scale, not_applicable=(*guess.scale.not_applicable, *extra)))
    groups = scale_groups(table, questions, indexes)
    if len(groups) > 1:
        largest = max(groups, key=len)
        others = tuple(i + 1 for i in indexes if i not in largest)
        guess = replace(guess, sure=False, scale=replace(guess.scale, confirmed=False),
                        notes=(Note.of("several_scales", columns=others), *guess.notes))
    return guess


def propose(path: Path, names: dict[str, list[str]], criteria: dict[str, list[str]],
            sheet: str | None = None) -> Proposal:
    """Suggest a mapping for the survey at ``path`` (see the module docstring)."""
    table, preset = read_for_suggestion(path, sheet)
    width = max([len(r) for r in table.header_rows] + [len(r) for r in table.rows], default=0)
    questions = column_questions(table.header_rows, width)
    columns = guess_columns(table.header_rows, table.rows, names, criteria)
    indexes, left_out = choose_scale_columns(columns, table, questions)
    if indexes:
        scale = group_scale(table, questions, indexes, preset)
    else:
        scale = ScaleGuess(ScaleSpec("numeric", 1, 5, confirmed=False), False, (Note.of("no_ratings"),))
    mapping = _mapping(table, columns, indexes, scale, preset)
    return Proposal(path.name, preset, table, questions, columns, scale, indexes, left_out, mapping)


def _mapping(table: Table, columns: Sequence[ColumnGuess], indexes: Sequence[int], scale: ScaleGuess,
             preset: str) -> Mapping:
    """The mapping of the sure guesses: roles in the scale's columns, comments and KPIs."""
    source = replace(PRESETS[preset].source, format=table.format, sheet=table.sheet)
    parts: dict[str, dict[str, list[str]]] = {"dim": {}, "exp": {}, "min": {}}
    comments, kpis = [], {}
    for guess in columns:
        if not guess.sure:
            continue
        ref = column_reference(table.headers, guess.index)
        if guess.kpi:
            kpis[guess.kpi] = ref
        elif guess.role == "comment":
            comments.append(ref)
        elif guess.role and guess.index in indexes:
            prefix, key = guess.role.split(":", 1)
            parts[prefix].setdefault(key, []).append(ref)
    ordered = lambda table_: {k: tuple(table_[k]) for k in DIMENSION_KEYS if k in table_}  # noqa: E731
    return Mapping(source, scale.scale, ordered(parts["dim"]), ordered(parts["exp"]), ordered(parts["min"]),
                   tuple(comments), kpis)
