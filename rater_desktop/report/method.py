"""The method section: how grades are computed, the grading scale, who took part, and where the survey came from.

A report is only as credible as its sources: every survey counted is named
with its file, the tool it came from, when it was imported, its rows, scale,
not-applicable codes and comment columns, and how many customers answered
each dimension.  Numbers (the scale table's bands too) are written in the
report's language.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping

from rater_desktop.analysis import ReportCard
from rater_desktop.i18n import N_, _, ngettext
from rater_desktop.importing.presets import PRESETS
from rater_desktop.model import AssessmentData, SurveySource
from rater_desktop.report.model import Bullets, Section, Table, Text
from rater_desktop.report.words import NBSP, clip, date_text, points
from rater_desktop.survey_sources import scale_text

SCALE = (("A", N_("Excellent: consistently better than customers expect"), 3.5, 4.0),
         ("B", N_("Good: meets expectations with few lapses"), 2.5, 3.49),
         ("C", N_("Fair: meets expectations some of the time"), 1.5, 2.49),
         ("D", N_("Poor: often falls short"), 0.5, 1.49),
         ("F", N_("Failing: rarely meets expectations"), 0.0, 0.49))


def method_section(card: ReportCard, data: AssessmentData, names: Mapping[str, str], named: bool, private: bool,
                   mappings: Mapping[int, str]) -> Section:
    blocks: list = [
        Text(_("Each team member graded every statement privately from A to F, or N/A when it does not "
               "apply. Letters count as points (A = 4, B = 3, C = 2, D = 1, F = 0); N/A is left out, never "
               "counted as zero. A person's dimension score is the mean of their answered statements, and "
               "the team's score is the mean over the people who answered. The overall grade is the mean of "
               "the five dimensions.")),
        Text(_("Customer answers are converted to the same 0–4 scale. A dimension is a blind spot when the "
               "team's mean is at least {threshold} points above the customers', and a hidden strength when it "
               "is at least {threshold} points below; with fewer than five customer answers no flag is given."
               ).format(threshold=points(data.gap_threshold))),
        Text(_("Priorities come first from service below the minimum customers accept, then from the largest "
               "shortfall against what customers desire, weighted by importance where the team set weights (or "
               "else the lowest customer grade); a blind spot adds its gap. The 95 % interval of a mean is "
               "mean ± t·sd/√n over the people who answered.")),
        Text(_("Grading scale"), "subheading"),
        Table(header=(_("Grade"), _("Meaning"), _("Mean points")),
              rows=tuple((letter, _(meaning), f"{points(low)}–{points(high)}") for letter, meaning, low, high in SCALE),
              widths=(1, 6, 2), align=("C", "L", "R")),
    ]
    blocks += _who(data, named, private)
    blocks += survey_blocks(card, names, mappings)
    return Section("method", _("Method and grading scale"), tuple(blocks), new_page=False)


def _who(data: AssessmentData, named: bool, private: bool) -> list:
    participants = data.participants
    if not participants:
        return []
    blocks: list = [Text(_("Who took part"), "subheading")]
    if named:
        blocks.append(Bullets(tuple(f"{p.name} ({p.role})" if p.role else p.name for p in participants)))
        return blocks
    roles = sorted({p.role for p in participants if p.role}) if not private else []
    text = _("{count} team members took part.").format(count=len(participants))
    if roles:
        text += " " + _("Roles: {roles}.").format(roles=", ".join(roles))
    blocks.append(Text(text))
    return blocks


def survey_blocks(card: ReportCard, names: Mapping[str, str], mappings: Mapping[int, str]) -> list:
    """Provenance of the customer figures: each survey counted, and the responses per dimension."""
    used = [source for source in card.sources if source.included]
    aside = len(card.sources) - len(used)
    if not used and not aside:
        return []
    blocks: list = [Text(_("The customer survey"), "subheading")]
    if used:
        # one column per survey: a file name needs the width, and three surveys still fit
        facts = [_source_facts(source, mappings.get(source.id, "")) for source in used]
        labels = (_("Tool"), _("Imported"), _("Responses"), _("Scale"), _("Answers read as N/A"))
        blocks.append(Table(
            header=(_("Source file"), *(clip(source.source_name, 120) for source in used)),
            rows=tuple((label, *(fact[i] for fact in facts)) for i, label in enumerate(labels)),
            widths=(2.4, *(9.0 / len(used),) * len(used)), align=("L", *("L",) * len(used))))
        columns = [column for source in used for column in _mapping_part(mappings.get(source.id, ""), "comments")]
        if columns:
            blocks.append(Text(_("Comments were kept from: {columns}. No other text from the survey was "
                                 "stored.").format(columns="; ".join(f"“{clip(c, 80)}”" for c in columns)), "small"))
        rated = [d for d in card.dimensions if d.customer]
        if rated:
            blocks.append(Text(_("Customers who answered each dimension: {counts}.").format(
                counts=", ".join(f"{names[d.key]}{NBSP}{d.customer.n}" for d in rated))))
    if aside:
        blocks.append(Text(ngettext("{n} more survey of this round was kept aside and is not counted.",
                                    "{n} more surveys of this round were kept aside and are not counted.",
                                    aside).format(n=aside), "small"))
    return blocks


def provenance_lines(card: ReportCard, names: Mapping[str, str], mappings: Mapping[int, str]) -> list[str]:
    """The provenance of the counted surveys as sentences, for the comparison page (the report has a table)."""
    lines = []
    for source in (s for s in card.sources if s.included):
        mapping = mappings.get(source.id, "")
        tool, imported, rows, scale, codes = _source_facts(source, mapping)
        text = _("{file}: {tool}, imported {date}, {rows} responses, scale {scale}, not applicable: {codes}.").format(
            file=source.source_name, tool=tool, date=imported, rows=rows, scale=scale, codes=codes)
        columns = _mapping_part(mapping, "comments")
        if columns:
            text += " " + _("Comments kept from: {columns}.").format(
                columns="; ".join(f"“{clip(c, 80)}”" for c in columns))
        lines.append(text)
    rated = [d for d in card.dimensions if d.customer]
    if rated:
        lines.append(_("Customers who answered each dimension: {counts}.").format(
            counts=", ".join(f"{names[d.key]}{NBSP}{d.customer.n}" for d in rated)))
    return lines


def _source_facts(source: SurveySource, mapping: str) -> tuple[str, ...]:
    """Tool, import date, responses, scale and not-applicable codes of one survey."""
    preset = PRESETS.get(source.tool)
    tool = _(preset.label) if preset else (clip(source.tool, 60) or "–")
    codes = ", ".join(f"“{code}”" for code in _scale_codes(mapping)) or "–"  # quoted: the answer as written
    return (tool, date_text(source.imported[:10] if source.imported else None), str(source.rows),
            clip(scale_text(source.scale), 60), clip(codes, 120))


def _parsed(mapping: str) -> dict:
    """A stored mapping's TOML, or {} when it cannot be read (a file edited elsewhere)."""
    try:
        parsed = tomllib.loads(mapping) if mapping else {}
    except (ValueError, RecursionError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _scale_codes(mapping: str) -> list[str]:
    scale = _parsed(mapping).get("scale", {})
    codes = scale.get("not_applicable", []) if isinstance(scale, dict) else []
    return [code for code in codes if isinstance(code, str)] if isinstance(codes, list) else []


def _mapping_part(mapping: str, part: str) -> list[str]:
    table = _parsed(mapping).get(part, {})
    columns = table.get("columns", []) if isinstance(table, dict) else []
    return [c for c in columns if isinstance(c, str)] if isinstance(columns, list) else []
