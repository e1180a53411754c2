"""A survey import in progress: the file and how it is read, its preview, the mapping, the check, the import.

Plain Python (no Qt): the import wizard's pages show it and change it, and
tests drive it alone.  It keeps what the person has decided so far (file,
reading settings, the survey tool, a mapping to reuse, the validated mapping)
and what was read (the preview table, the column suggestions worked out with
it, the dry run's result, the import's result).

Threads.  Reading a preview, checking every row and importing take from a
moment to several seconds, so the session does not run them: it hands out
*jobs*, plain functions that capture every value they need when they are made,
and a driver runs them where it likes (the wizard: Qt's thread pool) and gives
the outcome back (``preview_ready``, ``imported``) on its own thread.  A
preview made for settings changed since is recognised by its generation and
dropped.  The import stores the survey through the operations layer with the
announcements held; the driver announces them on the thread its views live on.
"""

from __future__ import annotations

import threading
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rater_desktop.i18n import _
from rater_desktop.importing import (
    PRESETS,
    ImportCancelled,
    ImportResult,
    Mapping,
    ScaleSpec,
    SourceSpec,
    SurveyImportError,
    Table,
    dump_mapping,
    load_mapping,
    preview,
    run_import,
)
from rater_desktop.importing.column_guess import ColumnGuess, column_questions, guess_columns
from rater_desktop.importing.engine import resolve_column
from rater_desktop.importing.presets import detect_layout
from rater_desktop.importing.proposal import group_scale
from rater_desktop.importing.scale_guess import ScaleGuess
from rater_desktop.importing.sources import XLSX_SUFFIXES
from rater_desktop.importing.suggest import builtin_vocabulary, mapping_fits
from rater_desktop.sessions.column_roles import ColumnRoles, MappingParts

if TYPE_CHECKING:
    from rater_desktop.changes import Change
    from rater_desktop.model import SurveySource
    from rater_desktop.operations import Operations
    from rater_desktop.survey_sources import Placement

PREVIEW_ROWS = 200
"""rows parsed for the preview; their answers also seed the scale"""
GUI_TURN = 0.0005
"""seconds a job sleeps at each progress call, so the thread showing the window gets the GIL"""
PROGRESS_PER_SECOND = 20
"""progress reports passed on at most this often"""


@dataclass(frozen=True)
class Preview:
    """What reading the first rows gave: the table, the reading settings used, the survey tool
    recognised, the last survey's mapping when it fits this file, and the column suggestions."""

    table: Table
    source: SourceSpec
    preset_key: str
    reuse: tuple[str, Mapping] | None
    guesses: list[ColumnGuess]


@dataclass(frozen=True)
class Job:
    """Work for a driver to run off its own thread; ``generation`` tells a stale outcome apart."""

    generation: int
    work: Callable[[], Any]


def packed(result: ImportResult) -> ImportResult:
    """The result with its series as float64 arrays (NaN = no answer).

    Done in the job, where the survey is also stored: ``encode_series`` then
    takes the arrays as they are, a plain byte copy even for 100k respondents.
    """
    nan = float("nan")
    arrays = {}
    for name, values in result.series.items():
        time.sleep(GUI_TURN)  # a pure-Python pass per series: let the window's thread in between
        arrays[name] = array("d", [nan if v is None else v for v in values])
    result.series = arrays
    return result


def latest_survey_mapping(workbook: Any) -> tuple[str, Mapping] | None:
    """(source file name, mapping) of the most recently imported survey of the workbook."""
    surveys = [s for a in workbook.assessments() for s in workbook.surveys(a.id)]
    for survey in sorted(surveys, key=lambda s: (s["imported"], s["id"]), reverse=True):
        try:
            return survey["source_name"], load_mapping(survey["mapping"])
        except SurveyImportError:
            continue  # an unreadable stored mapping is simply not offered
    return None


def throttled_progress(report: Callable[[int], None]) -> Callable[[int, int], None]:
    """A progress callback for a job: per mille done, passed to ``report`` at most
    :data:`PROGRESS_PER_SECOND` times a second (and at the end).

    The engine calls it every thousand rows or so; each call also gives up the
    GIL for a moment, because the scan is pure Python and would otherwise hold
    it for whole switch intervals while every event of the window waits.
    """
    last = [-1, 0.0]

    def progress(done: int, total: int) -> None:
        time.sleep(GUI_TURN)
        value, now = int(1000 * done / total) if total else 0, time.monotonic()
        if value != last[0] and (value == 1000 or now - last[1] >= 1 / PROGRESS_PER_SECOND):
            last[0], last[1] = value, now
            report(value)

    return progress


class ImportSession:
    """Importing one survey file into round ``assessment_id`` (see the module doc)."""

    def __init__(self, operations: Operations, assessment_id: int) -> None:
        self.operations = operations
        self.assessment_id = assessment_id
        self.path: Path | None = None
        self.source = SourceSpec()
        self.preset_key = "generic"
        self.table: Table | None = None
        self.loading = False
        self.guesses: list[ColumnGuess] = []
        self.column_roles = ColumnRoles()
        """what each column holds, filled for the table read when the columns are first shown"""
        self._roles_for: Table | None = None
        self.pending_mapping: Mapping | None = None
        """a whole mapping to use (reused or loaded): its columns go to the roles when they are next shown"""
        self.pending_scale: ScaleSpec | None = None
        self.mapping: Mapping | None = None
        """the validated mapping the check and the import use"""
        self.check: ImportResult | None = None
        self.skip_invalid = False
        """leave out the answers that do not fit and import the rest"""
        self.placement: Placement | None = None
        """whether the survey counts in the round's comparison (asked when the round has surveys)"""
        self.result: ImportResult | None = None
        self.cancel = threading.Event()
        self._generation = 0

    # -- the file and how it is read ---------------------------------------------------

    def open_file(self, path: Path) -> Job:
        """Start on a new file: format from its name, then (without a mapping to use) a guessed tool."""
        self.path = Path(path)
        fmt = "xlsx" if self.path.suffix.lower() in XLSX_SUFFIXES else "csv"
        pending = self.pending_mapping
        self.source = replace(pending.source, format=pending.source.format or fmt) if pending else SourceSpec(format=fmt)
        self.preset_key = "generic"
        return self.reload(guess=pending is None, offer=pending is None)

    def choose_preset(self, key: str) -> Job | None:
        self.preset_key = key
        self.source = replace(PRESETS[key].source, format=self.source.format, encoding=self.source.encoding)
        return self.reload()

    def set_source(self, source: SourceSpec) -> Job | None:
        self.source = source
        return self.reload()

    def apply_mapping(self, mapping: Mapping) -> Job | None:
        """Use a whole mapping: its source now, its columns and scale when those are next shown."""
        self.pending_mapping = mapping
        self.pending_scale = mapping.scale
        if self.path is None:
            return None
        self.source = replace(mapping.source, format=mapping.source.format or self.source.format)
        return self.reload()

    def reload(self, guess: bool = False, offer: bool = False) -> Job | None:
        """A job reading the preview; ``guess`` also picks the survey tool from the headers and
        ``offer`` looks for the last survey's mapping.  None without a file."""
        if self.path is None:
            return None
        self._generation += 1
        path, source, key = self.path, self.source, self.preset_key
        workbook = self.operations.workbook
        last = latest_survey_mapping(workbook) if offer else None
        extra = [(c.dimension, c.text) for c in workbook.criteria()]
        self.table, self.guesses, self.loading = None, [], True

        def work() -> Preview:
            used, chosen = detect_layout(path, source) if guess else (source, key)
            table = preview(path, used, PREVIEW_ROWS)
            fits = None
            if last is not None:
                name, mapping = last
                if mapping_fits(mapping, _headers(path, mapping, source.format)):
                    fits = name, mapping
            # Column guesses read every answer of the preview: a few hundred milliseconds on a wide
            # survey, so they are worked out with it rather than when the columns are shown.
            names, criteria = builtin_vocabulary(extra)
            return Preview(table, used, chosen, fits, guess_columns(table.header_rows, table.rows, names, criteria))

        return Job(self._generation, work)

    def preview_ready(self, generation: int, outcome: Preview) -> bool:
        """Take a preview's outcome; False (and nothing changes) when settings changed since."""
        if generation != self._generation:
            return False
        self.loading = False
        self.table, self.preset_key = outcome.table, outcome.preset_key
        self.source = replace(outcome.source, sheet=outcome.table.sheet)
        self.guesses = outcome.guesses
        return True

    def preview_failed(self, generation: int) -> bool:
        if generation != self._generation:
            return False
        self.loading = False
        return True

    def forget_previews(self) -> None:
        """A preview still being read is no longer wanted (the wizard is closing)."""
        self._generation += 1

    # -- the mapping ------------------------------------------------------------------------

    def prepare_roles(self) -> SurveyImportError | None:
        """Fill the column roles for the table read, once per table: a mapping to reuse, else the suggestions.

        Returns why a mapping to reuse did not fit the file (its roles are
        then the suggestions), for the person to read.
        """
        table = self.table
        if self._roles_for is table:
            return None
        self._roles_for = table
        self.column_roles.set_table(table)
        mapping, self.pending_mapping = self.pending_mapping, None
        if mapping is not None:
            name = self.path.name
            try:
                self.column_roles.apply_mapping(mapping, lambda ref: resolve_column(ref, table.headers, name))
                return None
            except SurveyImportError as error:
                self.suggest_roles()
                return error
        self.suggest_roles()
        return None

    def forget_roles(self) -> None:
        """Fill the roles again when next prepared (a mapping was loaded meanwhile)."""
        self._roles_for = None

    def suggest_roles(self) -> None:
        """Put the column suggestions worked out with the preview back into the roles."""
        self.column_roles.apply_suggestion(self.guesses)

    def take_pending_scale(self) -> ScaleSpec | None:
        scale, self.pending_scale = self.pending_scale, None
        return scale

    def scale_guess(self, columns: list[int]) -> ScaleGuess:
        """The scale suggested by the answers and questions of the given columns."""
        table = self.table
        width = max([len(r) for r in table.header_rows] + [len(r) for r in table.rows], default=0)
        return group_scale(table, column_questions(table.header_rows, width), columns, self.preset_key)

    def current_mapping(self, scale: ScaleSpec) -> Mapping:
        """The mapping the column roles and ``scale`` describe, validated as if read from TOML."""
        return self.mapping_from(self.column_roles.mapping_parts(), scale)

    def mapping_from(self, parts: MappingParts, scale: ScaleSpec) -> Mapping:
        """The mapping of the column parts ``parts`` and ``scale``, validated as if read from TOML."""
        mapping = Mapping(self.source, replace(scale, reverse=parts.reverse), parts.dimensions, parts.expectations,
                          parts.minimum, parts.comments, parts.kpis)
        return load_mapping(dump_mapping(mapping))

    def fits(self, mapping: Mapping) -> bool:
        """True when ``mapping`` names only columns this file has (or no file is read yet)."""
        if self.table is None:
            return True
        try:
            return mapping_fits(mapping, _headers(self.path, mapping, self.source.format))
        except SurveyImportError:
            return False

    # -- the check and the import ----------------------------------------------------------

    def check_job(self, report: Callable[[int], None]) -> Callable[[], ImportResult]:
        """Reading every row without storing anything (the dry run)."""
        path, mapping, cancel = self.path, self.mapping, self._fresh_cancel()
        self.check = None
        return lambda: run_import(path, mapping, progress=throttled_progress(report), cancel=cancel.is_set)

    def checked(self, result: ImportResult) -> None:
        self.check = result

    def is_duplicate(self, result: ImportResult) -> bool:
        """True when the same file is already stored in this round."""
        return self.operations.workbook.find_survey_by_hash(self.assessment_id, result.file_hash) is not None

    def existing_sources(self) -> list[SurveySource]:
        """The surveys already in the round (the placement question asks about them)."""
        return self.operations.workbook.survey_sources(self.assessment_id)

    def import_job(self, report: Callable[[int], None]) -> Callable[[], tuple[ImportResult, list[Change]]]:
        """Reading and storing the survey as decided (``skip_invalid``, ``placement``): its result
        and the held notices of the change."""
        path, mapping, operations, assessment_id = self.path, self.mapping, self.operations, self.assessment_id
        digest, cancel = self.check.file_hash if self.check else None, self._fresh_cancel()
        skip_invalid, included = self.skip_invalid, self.placement.included if self.placement else True

        def work() -> tuple[ImportResult, list[Change]]:
            result = packed(run_import(path, mapping, skip_invalid=skip_invalid, progress=throttled_progress(report),
                                       cancel=cancel.is_set, file_hash=digest))
            if cancel.is_set():
                raise ImportCancelled("cancelled", _("The import was cancelled."))
            # Writing 100k respondents is tens of megabytes of disk I/O: done in the job, off the window's thread.
            with operations.held_announcements() as changes:
                result.survey_id = operations.add_survey(
                    assessment_id, source_name=result.source_name, file_hash=result.file_hash,
                    row_count=result.row_count, mapping_toml=result.mapping_toml,
                    scale_min=result.scale_min, scale_max=result.scale_max, series=result.series,
                    comments=result.comments, included=included, tool=result.tool)
            return result, changes

        return work

    def imported(self, result: ImportResult, changes: list[Change]) -> None:
        """The survey is stored: tell the listeners (call this on the thread they live on)."""
        for change in changes:
            self.operations.announce(change)
        self.result = result

    def _fresh_cancel(self) -> threading.Event:
        self.cancel = threading.Event()
        return self.cancel


def _headers(path: Path, mapping: Mapping, fallback_format: str) -> list[str]:
    """The column names of ``path`` read the way ``mapping`` says."""
    source = replace(mapping.source, format=mapping.source.format or fallback_format)
    return preview(path, source, 0).headers
