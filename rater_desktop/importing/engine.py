"""Validate and score a survey export against a mapping (DESIGN §3, §6).

The engine streams the file once: each data row becomes one respondent's mean
per dimension (and KPI values), the points given on each mapped item, and the
text of the columns the mapping names in ``[comments]``; nothing else of the
row is kept, so names, e-mails and free text not named never leave the file. Writing is all or nothing: any
cell off the scale makes the result not ``ok`` and nothing is stored, unless
the caller asked to skip bad cells, in which case each skipped cell is listed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rater_desktop.i18n import N_, _
from rater_desktop.importing.errors import CellError, ImportCancelled, SurveyImportError, import_error
from rater_desktop.importing.mapping import Mapping, dump_mapping, load_mapping
from rater_desktop.importing.presets import guess_preset
from rater_desktop.importing.sources import CANCEL_EVERY, nfc, open_source
from rater_desktop.importing.values import INVALID, Converter, kpi_converter, scale_converter
from rater_desktop.sentences import shorten

MAX_LISTED_ERRORS = 20
COMMENT_LIMIT = 4000
"""Longest comment kept, in characters: a comment is a few sentences, not a document."""
_PROGRESS_EVERY = 4096

Series = list[float | None]


@dataclass
class ImportResult:
    """What an import found; ``series`` is ready for ``Workbook.add_survey``.

    Series names: ``dim:<key>`` respondent scores in points 0–4;
    ``exp:<key>`` / ``min:<key>`` / ``per:<key>`` respondent means of the
    desired-service, minimum-service and perceived items on the survey's own
    scale (``per`` only when expectations or minimum items are mapped);
    ``item:<key>:<column>`` each rating column's answers in points 0–4 (the
    statement-level view); ``kpi:nps`` 0–10, ``kpi:csat`` 1–5, ``kpi:fcr``
    1.0/0.0. Each holds one entry per respondent (``None`` = no answer), in
    file order.
    """

    ok: bool
    source_name: str
    file_hash: str
    row_count: int
    scale_min: float
    scale_max: float
    series: dict[str, Series]
    mapping_toml: str
    errors: list[CellError] = field(default_factory=list)
    """the first :data:`MAX_LISTED_ERRORS` bad cells"""
    error_count: int = 0
    skipped: list[CellError] = field(default_factory=list)
    """every cell left out because ``skip_invalid`` was set"""
    encoding: str | None = None
    encoding_certain: bool = True
    survey_id: int | None = None
    """set by :func:`import_into` once stored"""
    comments: list[tuple[str, int, str]] = field(default_factory=list)
    """(column name, spreadsheet row, text) of every non-empty ``[comments]`` cell, in file order"""
    tool: str = ""
    """the survey tool whose export this looks like (a ``presets.PRESETS`` key), for provenance"""


def file_sha256(path: Path | str) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


_error = import_error


def resolve_column(ref: str, headers: list[str], file_name: str) -> int:
    """The 0-based index of a column named by header text or ``#N`` (1-based).

    Header text must match one column exactly (after NFC and trimming); when
    several columns share a name the user is told to pick one by number.
    """
    if ref.startswith("#") and ref[1:].isdigit():
        number = int(ref[1:])
        if number < 1 or (headers and number > len(headers)):
            raise _error("missing_column", _("{file} has no column {ref} (it has {n} columns)."),
                         file=file_name, ref=ref, n=len(headers))
        return number - 1
    name = nfc(ref).strip()
    found = [i for i, header in enumerate(headers) if header == name]
    if not found:
        folded = name.casefold()
        found = [i for i, header in enumerate(headers) if header.casefold() == folded]
    if not found:
        raise _error("missing_column", _("{file} has no column named \"{ref}\"."),
                     file=file_name, ref=ref)
    if len(found) > 1:
        numbers = ", ".join(f"#{i + 1}" for i in found)
        raise _error("ambiguous_column",
                     _("{file} has {n} columns named \"{ref}\"; name one of them as {numbers}."),
                     file=file_name, n=len(found), ref=ref, numbers=numbers)
    return found[0]


@dataclass
class _Plan:
    """Per-column converters built once, before the first row is read."""

    groups: list[tuple[Series, list[tuple[int, dict, Converter, Series | None]]]]
    """each group's respondent means, fed by columns (index, memo, converter, item answers)"""
    kpis: list[tuple[Series, int, dict, Converter]]
    width: int
    names: dict[int, str]
    raw_means: dict[str, Series]
    expectation_means: dict[str, Series]
    minimum_means: dict[str, Series]
    kpi_series: dict[str, Series]
    items: dict[str, Series]
    """``<key>:<column name>`` -> that rating column's answers on the survey's scale"""
    comment_columns: list[tuple[int, str]]
    comments: list[tuple[str, int, str]] = field(default_factory=list)


def _plan(mapping: Mapping, headers: list[str], file_name: str) -> _Plan:
    def index(ref: str) -> int:
        return resolve_column(ref, headers, file_name)

    def name(i: int) -> str:
        return headers[i] if i < len(headers) and headers[i] else f"#{i + 1}"

    reverse = {index(ref) for ref in mapping.scale.reverse}
    forward, backward = scale_converter(mapping.scale), scale_converter(mapping.scale, True)
    groups, raw_means, expectation_means, minimum_means, items = [], {}, {}, {}, {}
    for target, columns, itemised in ((raw_means, mapping.dimensions, True),
                                      (expectation_means, mapping.expectations, False),
                                      (minimum_means, mapping.minimum, False)):
        for key, refs in columns.items():
            cols = []
            for i in map(index, refs):
                conv = backward if i in reverse else forward
                answers = None
                if itemised:
                    item = f"{key}:{name(i)}"
                    answers = items[item if item not in items else f"{item} (#{i + 1})"] = []
                cols.append((i, conv.memo, conv, answers))
            target[key] = []
            groups.append((target[key], cols))
    kpis, kpi_series = [], {}
    for kind, ref in mapping.kpis.items():
        conv = kpi_converter(kind, mapping.scale.not_applicable)
        kpi_series[kind] = []
        kpis.append((kpi_series[kind], index(ref), conv.memo, conv))
    comment_columns = [(i, name(i)) for i in dict.fromkeys(map(index, mapping.comments))]
    used = [i for _s, cols in groups for i, *_rest in cols] + [k[1] for k in kpis] + [i for i, _n in comment_columns]
    names = {i: name(i) for i in used}
    return _Plan(groups, kpis, max(used) + 1, names, raw_means, expectation_means, minimum_means,
                 kpi_series, items, comment_columns)


def _scan(records: Iterator[list[str]], plan: _Plan, first_row: int,
          on_invalid: Callable[[int, int, str, Converter], None],
          tick: Callable[[int], None]) -> int:
    """The hot loop: one pass, one dict lookup per mapped cell. Returns respondents."""
    groups, kpis, width = plan.groups, plan.kpis, plan.width
    comment_columns, comments = plan.comment_columns, plan.comments
    row_number = first_row - 1
    respondents = 0
    for row in records:
        row_number += 1
        if not row_number % CANCEL_EVERY:
            tick(row_number)
        if not any(row):
            continue  # a blank line is not a respondent
        respondents += 1
        if len(row) < width:
            row += [""] * (width - len(row))
        for out, cols in groups:
            total, n = 0.0, 0
            for i, memo, conv, answers in cols:
                cell = row[i]
                try:
                    value = memo[cell]
                except KeyError:
                    value = conv.fill(cell)
                if value is INVALID:
                    on_invalid(row_number, i, cell, conv)
                    value = None
                if answers is not None:
                    answers.append(value)
                if value is None:
                    continue
                total += value
                n += 1
            out.append(total / n if n else None)
        for out, i, memo, conv in kpis:
            cell = row[i]
            try:
                value = memo[cell]
            except KeyError:
                value = conv.fill(cell)
            if value is INVALID:
                on_invalid(row_number, i, cell, conv)
                value = None
            out.append(value)
        for i, column in comment_columns:
            text = row[i].strip()
            if text:
                comments.append((column, row_number, nfc(text)[:COMMENT_LIMIT]))
    return respondents


def _as_mapping(mapping: Mapping | str | Path) -> Mapping:
    return mapping if isinstance(mapping, Mapping) else load_mapping(mapping)


def run_import(path: Path | str, mapping: Mapping | str | Path, *, skip_invalid: bool = False,
               progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None,
               file_hash: str | None = None) -> ImportResult:
    """Read, validate and score a survey file; writes nothing (a dry run).

    Raises :class:`SurveyImportError` for problems with the file or mapping as
    a whole (missing column, empty file, unreadable encoding...). Cell problems
    are collected in the result instead: ``errors`` (first 20, with
    ``error_count``) or, with ``skip_invalid``, ``skipped``. Row numbers are
    spreadsheet rows, header rows included. ``progress(done, total)`` is
    called now and then (bytes for CSV, rows for XLSX); ``cancel()`` returning
    True stops the import with :class:`ImportCancelled`.
    """
    path = Path(path)
    mapping = _as_mapping(mapping)
    if not mapping.scale.confirmed:
        raise unconfirmed_error(mapping)
    errors: list[CellError] = []
    skipped: list[CellError] = []
    count = [0]
    with open_source(path, mapping.source) as stream:
        table = stream.table
        plan = _plan(mapping, table.headers, path.name)

        def on_invalid(row: int, column: int, value: str, conv: Converter) -> None:
            cell = CellError(row, plan.names[column], value, conv.message_code)
            if skip_invalid:
                skipped.append(cell)
                return
            count[0] += 1
            if len(errors) < MAX_LISTED_ERRORS:
                errors.append(cell)

        def tick(_row: int) -> None:
            if cancel and cancel():
                raise ImportCancelled("cancelled", _("The import was cancelled."))
            if progress:
                progress(*stream.position())

        respondents = _scan(stream.records, plan, len(table.header_rows) + 1, on_invalid, tick)
        if progress:
            done, total = stream.position()
            progress(total, total)
    if not respondents:
        raise _error("no_data", _("{file} has headers but no data rows."), file=path.name)
    low, high = mapping.scale.bounds
    series = _series(plan, low, high)
    if not count[0] and not any(v is not None for values in series.values() for v in values):
        raise _error("no_answers",
                     _("None of the {n} rows of {file} has an answer in the mapped columns."),
                     n=respondents, file=path.name)
    return ImportResult(ok=not count[0], source_name=path.name,
                        file_hash=file_hash or file_sha256(path), row_count=respondents,
                        scale_min=low, scale_max=high, series=series,
                        mapping_toml=dump_mapping(mapping), errors=errors,
                        error_count=count[0], skipped=skipped, encoding=table.encoding,
                        encoding_certain=table.encoding_certain, comments=plan.comments,
                        tool=guess_preset(table.header_rows))


def unconfirmed_error(mapping: Mapping) -> SurveyImportError:
    """The refusal of a mapping whose scale is a guess: one sentence saying what to check.

    ``suggest`` writes ``confirmed = false`` when it could not be sure of the
    order of the labels or the range; importing on that guess could turn
    every customer grade into another, so a person looks first.
    """
    scale = mapping.scale
    if scale.type == "labels":
        return _error("unconfirmed", _(
            "The mapping's answer scale is a guess: check that its labels run from worst to best, that "
            "no step is missing and that every answer meaning \"no answer\" is under not_applicable, "
            "then set confirmed = true in [scale]."))
    return _error("unconfirmed", _(
        "The mapping's answer scale is a guess: check that the questionnaire's lowest point is {low} and "
        "its highest {high}, and that every answer meaning \"no answer\" is under not_applicable, then "
        "set confirmed = true in [scale]."), low=scale.min, high=scale.max)


def _series(plan: _Plan, low: float, high: float) -> dict[str, Series]:
    """Raw respondent means -> the named series of the workbook schema."""
    factor = 4.0 / (high - low)
    series: dict[str, Series] = {}
    for key, means in plan.raw_means.items():
        series[f"dim:{key}"] = [None if m is None else (m - low) * factor for m in means]
    if plan.expectation_means or plan.minimum_means:
        for key, means in plan.raw_means.items():
            series[f"per:{key}"] = means
        for prefix, table in (("exp", plan.expectation_means), ("min", plan.minimum_means)):
            for key, means in table.items():
                series[f"{prefix}:{key}"] = means
    for item, answers in plan.items.items():
        series[f"item:{item}"] = [None if v is None else (v - low) * factor for v in answers]
    for kind, values in plan.kpi_series.items():
        series[f"kpi:{kind}"] = values
    return series


def import_into(workbook: Any, assessment_id: int, path: Path | str,
                mapping: Mapping | str | Path, *, allow_duplicate: bool = False,
                included: bool = True, **kw: Any) -> ImportResult:
    """Import a survey into a round: stored only when every cell is valid.

    With ``skip_invalid=True`` bad cells are left out and the rest is stored.
    The same file (by SHA-256) imported into the same round again is refused
    unless ``allow_duplicate``. ``included`` says whether the survey counts in
    the round's comparison (``survey_sources.place_new_survey`` decides).
    Returns the result; ``survey_id`` is set when stored, otherwise
    ``result.ok`` is False and nothing was written.
    """
    path = Path(path)
    if not path.is_file():
        raise _error("no_file", _("{file} does not exist or is not a file."), file=path.name)
    digest = file_sha256(path)
    if not allow_duplicate and workbook.find_survey_by_hash(assessment_id, digest):
        raise _error("duplicate",
                     _("{file} has already been imported into this round."), file=path.name)
    result = run_import(path, mapping, file_hash=digest, **kw)
    if result.ok:
        result.survey_id = workbook.add_survey(
            assessment_id, source_name=result.source_name, file_hash=result.file_hash,
            row_count=result.row_count, mapping_toml=result.mapping_toml,
            scale_min=result.scale_min, scale_max=result.scale_max, series=result.series,
            included=included, comments=result.comments, tool=result.tool)
    return result


_CELL_MESSAGES = {
    "off_scale": N_("is not on the scale and not a not-applicable code"),
    "not_nps": N_("is not a whole number from 0 to 10"),
    "not_csat": N_("is not a whole number from 1 to 5"),
    "not_yes_no": N_("is not a yes or no answer"),
}


def cell_error_text(error: CellError) -> str:
    """One sentence for a bad cell, in the current language."""
    return _("Row {row}, column \"{column}\": \"{value}\" {why}.").format(
        row=error.row, column=shorten(error.column), value=shorten(error.value),
        why=_(_CELL_MESSAGES[error.message_code]))
