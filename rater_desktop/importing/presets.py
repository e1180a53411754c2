"""Source presets: the ``[source]`` part (and usual N/A codes) per survey tool.

The wizard offers these by name and can guess one from the header row, so a
user who picks "Qualtrics" never has to know that its exports carry three
header rows. A preset only fills defaults; everything stays editable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rater_desktop.i18n import N_
from rater_desktop.importing.mapping import SourceSpec


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
    # Row 1: Q-names; row 2: question text; row 3: ImportId JSON.
    Preset("qualtrics", N_("Qualtrics"), SourceSpec(header_rows=3, header_row=1),
           ("-99",), frozenset({"responseid", "startdate"})),
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


def guess_preset(first_rows: list[list[str]]) -> str:
    """The preset the first rows of a file point to, else "generic".

    ``first_rows`` are the file's first rows as read (the header row first;
    the row after it helps recognise two-row headers).  Larger signatures
    win, so a Qualtrics file (which also has a StartDate) is not mistaken for
    a tool that only shares one column name with it.
    """
    names = {_fold(cell) for cell in (first_rows[0] if first_rows else [])}
    second = {_fold(cell) for cell in (first_rows[1] if len(first_rows) > 1 else [])}
    matches = [p for p in PRESETS.values() if p.signature and (
        p.signature <= names or (p.lone_name in names and second & p.second_row))]
    return max(matches, key=lambda p: len(p.signature)).key if matches else "generic"
