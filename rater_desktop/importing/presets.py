"""Source presets: the ``[source]`` part (and usual N/A codes) per survey tool.

The wizard offers these by name and can guess one from the first rows, so a
user who picks "Qualtrics" never has to know that its exports carry three
header rows. A preset only fills defaults; everything stays editable.
:func:`detect_layout` is the one way a file's layout is recognised, for the
wizard and for ``suggest`` alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from rater_desktop.i18n import N_
from rater_desktop.importing.mapping import SourceSpec

IMPORT_ID = re.compile(r"^\{.*\}$")
"""Qualtrics' third header row ({"ImportId":"QID1"}): the tool's bookkeeping, not words of a question"""
LOOKAHEAD = 2
"""rows read past the header row to recognise a layout (SurveyMonkey's row 2, Qualtrics' row 3)"""


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    """display name, marked for translation (call ``_()`` when showing it)"""
    source: SourceSpec
    not_applicable: tuple[str, ...] = ()
    signature: frozenset[str] = frozenset()
    """header names (case-folded, spaces removed) that together identify this tool's export"""
    lone_name: str = ""
    """a first-row name that identifies the tool when the second row holds one of ``second_row``"""
    second_row: frozenset[str] = frozenset()
    """words of the tool's second header row (folded like the signature)"""
    third_row: re.Pattern[str] | None = None
    """a pattern every cell of the tool's third header row matches, whatever the first row says"""


PRESETS: dict[str, Preset] = {p.key: p for p in (
    Preset("google_forms", N_("Google Forms"), SourceSpec(),
           signature=frozenset({"timestamp"})),
    Preset("ms_forms", N_("Microsoft Forms"), SourceSpec(format="xlsx"),
           signature=frozenset({"id", "starttime", "completiontime"})),
    # Row 1: question text; row 2: "Response" or the grid item under it.  Exports
    # cut down by hand keep RespondentID but may lose CollectorID: row 2 tells then.
    Preset("surveymonkey", N_("SurveyMonkey"), SourceSpec(header_rows=2, header_row=1),
           ("N/A",), frozenset({"respondentid", "collectorid"}), "respondentid",
           frozenset({"response", "open-endedresponse"})),
    # Row 1: Q-names; row 2: question text; row 3: ImportId JSON (the columns may have been cut down).
    Preset("qualtrics", N_("Qualtrics"), SourceSpec(header_rows=3, header_row=1),
           ("-99",), frozenset({"responseid", "startdate"}), third_row=IMPORT_ID),
    Preset("qualtrics_legacy", N_("Qualtrics (legacy export)"),
           SourceSpec(header_rows=2, header_row=1), ("-99",), frozenset({"v1", "v2", "v10"})),
    Preset("limesurvey", N_("LimeSurvey"), SourceSpec(),
           ("N/A",), frozenset({"id", "submitdate", "lastpage"})),
    Preset("kobo", N_("KoboToolbox"), SourceSpec(),
           signature=frozenset({"_uuid", "_submission_time"})),
    Preset("typeform", N_("Typeform"), SourceSpec(),
           signature=frozenset({"#", "networkid"})),
    Preset("generic", N_("Other spreadsheet"), SourceSpec()),
)}


def preset_source(key: str, file_format: str | None = None) -> SourceSpec:
    """The preset's source settings, optionally for a given file format."""
    source = PRESETS[key].source
    return replace(source, format=file_format) if file_format else source


def _fold(cell: str) -> str:
    """"Respondent ID" and "RespondentID" alike: case-folded, white space removed."""
    return "".join(cell.split()).casefold()


def _every_cell(row: list[str], pattern: re.Pattern[str] | None) -> bool:
    cells = [cell.strip() for cell in row if cell.strip()]
    return bool(pattern and cells and all(pattern.match(cell) for cell in cells))


def guess_preset(first_rows: list[list[str]]) -> str:
    """The preset the first rows of a file point to, else "generic".

    ``first_rows`` are the file's first rows as read (the header row first;
    the two rows after it help recognise SurveyMonkey's second header row and
    Qualtrics' third).  A tool's own third row wins outright; among column
    names, larger signatures win, so a Qualtrics file (which also has a
    StartDate) is not mistaken for a tool that only shares one column name with it.
    """
    third = first_rows[2] if len(first_rows) > 2 else []
    marked = [p for p in PRESETS.values() if _every_cell(third, p.third_row)]
    if marked:
        return marked[0].key
    names = {_fold(cell) for cell in (first_rows[0] if first_rows else [])}
    second = {_fold(cell) for cell in (first_rows[1] if len(first_rows) > 1 else [])}
    matches = [p for p in PRESETS.values() if p.signature and (
        p.signature <= names or (p.lone_name in names and second & p.second_row))]
    return max(matches, key=lambda p: len(p.signature)).key if matches else "generic"


def detect_layout(path: Path, source: SourceSpec) -> tuple[SourceSpec, str]:
    """(``source`` with the header rows of the survey tool the file comes from, that tool's preset key).

    The one detection path: the import wizard and ``suggest`` both call it,
    so a file is never read one way in the window and another on the command
    line.  The file's first rows are read as ``source`` says (its encoding,
    delimiter and sheet stay), with :data:`LOOKAHEAD` rows past the header.
    """
    from rater_desktop.importing.sources import read_table

    first = read_table(path, source, limit=LOOKAHEAD)
    key = guess_preset(first.header_rows + first.rows)
    preset = PRESETS[key].source
    return replace(source, header_rows=preset.header_rows, header_row=preset.header_row,
                   sheet=first.sheet or source.sheet), key
