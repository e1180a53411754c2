"""A suggested mapping as TOML with a comment on every guess (``suggest -o MAP.toml``).

tomli-w writes no comments, so the file is laid out here line by line, each
value written by tomli-w itself (quoting stays exact) and the result read
back by the mapping loader in the tests. Sure suggestions are active lines
with the reason beside them; guesses to check are written commented out, so
nothing unchecked is imported by accident, and an unconfirmed scale carries
``confirmed = false``, which ``import`` refuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rater_desktop.i18n import _, ngettext
from rater_desktop.importing.column_guess import column_title
from rater_desktop.importing.guess_words import column_reason_text, comments_warning, scale_note_text
from rater_desktop.importing.points import points_text, scale_points
from rater_desktop.importing.presets import PRESETS
from rater_desktop.importing.proposal import Proposal, column_reference
from rater_desktop.model import DIMENSION_KEYS

_WIDTH = 100


def _value(value: object) -> str:
    import tomli_w

    return tomli_w.dumps({"x": value}).split(" = ", 1)[1].strip()


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
"""characters a TOML comment may not hold (a file's own text can carry any of them)"""


def _printable(text: str) -> str:
    """Text safe in a comment: each character TOML refuses there shown as �, so the file always loads back."""
    return _CONTROL.sub("\ufffd", text)


def _comment(text: str, indent: str = "") -> list[str]:
    """A sentence as comment lines no wider than the file's other lines."""
    lines, line = [], ""
    for word in _printable(text).split():
        if line and len(indent) + 2 + len(line) + 1 + len(word) > _WIDTH:
            lines.append(f"{indent}# {line}")
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([f"{indent}# {line}"] if line else [])


def _question_text(proposal: Proposal, index: int, ref: str) -> str:
    """The column's question, shortened, when its reference does not already say it ("" otherwise)."""
    return _printable(column_title([cell for cell in proposal.questions[index] if cell != ref]))


def _question(proposal: Proposal, index: int, ref: str) -> str:
    """The column's question as a comment beside its reference."""
    text = _question_text(proposal, index, ref)
    return f"  # {text}" if text else ""


def _source(proposal: Proposal) -> list[str]:
    src = proposal.mapping.source
    lines = ["[source]", f"format = {_value(src.format or 'csv')}"]
    if src.sheet:
        lines.append(f"sheet = {_value(src.sheet)}")
    lines += [f"encoding = {_value(src.encoding)}", f"delimiter = {_value(src.delimiter)}",
              f"header_rows = {src.header_rows}", f"header_row = {src.header_row}"]
    return lines


def _scale(proposal: Proposal) -> list[str]:
    guess, scale = proposal.scale, proposal.mapping.scale
    lines = ["[scale]"]
    for note in guess.notes:
        lines += _comment(scale_note_text(note))
    lines.append(f"type = {_value(scale.type)}")
    if scale.type == "numeric":
        lines += [f"min = {_value(scale.min)}", f"max = {_value(scale.max)}"]
    points = {row.answer: row.points for row in scale_points(scale)}
    if scale.type == "labels":
        lines.append(_("# Worst first; each label's points are beside it."))
        lines.append("labels = [")
        lines += [f"  {_value(label)},  # {points_text(points[label])}" for label in scale.labels]
        lines.append("]")
    lines.append(f"not_applicable = {_value(list(scale.not_applicable))}")
    if not guess.sure:
        lines.append("confirmed = false  # " + _("set to true once the scale above is right"))
    return lines


def _column_lines(proposal: Proposal, indexes: Iterable[int], active: bool, said: str = "") -> list[str]:
    """One line per column, with the reason for it unless ``said`` (a reason code) is already said above."""
    lines = []
    for i in indexes:
        guess = proposal.columns[i]
        ref = column_reference(proposal.table.headers, i)
        mark = "" if active else "# "
        lines.append(f"  {mark}{_value(ref)},{_question(proposal, i, ref)}")
        if guess.reason.code != said:
            lines += _comment(column_reason_text(guess), "    ")
    return lines


def _columns(proposal: Proposal, part: str, prefix: str) -> list[str]:
    """A [dimensions]-like table: sure columns active, guesses in its scale's columns commented out."""
    lines = [f"[{part}]"]
    for key in DIMENSION_KEYS:
        active = [i for i, g in enumerate(proposal.columns)
                  if g.sure and g.role == f"{prefix}:{key}" and i in proposal.scale_columns]
        check = [i for i, g in enumerate(proposal.columns)
                 if not g.sure and g.role == f"{prefix}:{key}" and i in proposal.scale_columns]
        if active:
            lines += [f"{key} = ["] + _column_lines(proposal, active, True) + _column_lines(proposal, check, False)
            lines.append("]")
        elif check:
            lines += [f"# {key} = ["] + _column_lines(proposal, check, False) + ["# ]"]
    return lines


def _unplaced(proposal: Proposal) -> list[str]:
    """Rating columns with no dimension, and those on another scale, named for the person."""
    lines = []
    loose = [i for i in proposal.scale_columns if proposal.columns[i].item]
    if loose:
        lines += _comment(_("Rating columns that name no dimension: add each one to the dimension it "
                            "measures (in the part above that fits it) to import it."))
        lines += _column_lines(proposal, loose, False, said="rating")
    if proposal.left_out:
        lines += _comment(_("These rating columns use another answer scale; one mapping has one scale, "
                            "so import them with a mapping of their own."))
        lines += _column_lines(proposal, proposal.left_out, False)
    return lines


def _comments_and_kpis(proposal: Proposal) -> list[str]:
    columns = proposal.columns
    sure = [i for i, g in enumerate(columns) if g.role == "comment" and g.sure]
    check = [i for i, g in enumerate(columns) if g.role == "comment" and not g.sure]
    lines = ["[comments]"]
    if sure or check:
        lines += _comment(comments_warning())
        lines += ([f"{'' if sure else '# '}columns = ["] + _column_lines(proposal, sure, True)
                  + _column_lines(proposal, check, False) + [f"{'' if sure else '# '}]"])
    lines += ["", "[kpis]"]
    for i, guess in enumerate(columns):
        if guess.kpi:
            lines.append(f"{guess.kpi} = {_value(column_reference(proposal.table.headers, i))}")
            lines += _comment(column_reason_text(guess), "  ")
    for i, guess in enumerate(columns):
        if guess.reason.code in ("second_kpi", "nps_values"):
            lines += _comment(f"{column_reference(proposal.table.headers, i)}: {column_reason_text(guess)}")
    return lines


def _set_aside(proposal: Proposal) -> list[str]:
    """Every column no part above names, each with why: nothing leaves the file unmentioned."""
    named = set(proposal.scale_columns) | set(proposal.left_out)
    named |= {g.index for g in proposal.columns if g.kpi or g.role == "comment"
              or g.reason.code in ("second_kpi", "nps_values")}
    rest = [g for g in proposal.columns if g.index not in named]
    blank = [g.index for g in rest if g.reason.code == "empty" and not _own_name(proposal, g.index)]
    rest = [g for g in rest if g.index not in blank]
    if not rest and not blank:
        return []
    lines = _comment(_("Columns not imported:"))
    for guess in rest:
        ref = column_reference(proposal.table.headers, guess.index)
        question = _question_text(proposal, guess.index, ref)
        name = f"{_value(ref)} ({question})" if question else _value(ref)
        lines += _comment(f"{name}: {column_reason_text(guess)}", "  ")
    if blank:  # one line for them all: a row of stray commas made a mapping too long to import
        lines += _comment(ngettext("{count} column holds no answers and has no name of its own ({columns}).",
                                   "{count} columns hold no answers and have no name of their own ({columns}).",
                                   len(blank)).format(count=len(blank), columns=_spans(blank)), "  ")
    return lines


def _own_name(proposal: Proposal, index: int) -> bool:
    headers = proposal.table.headers
    return index < len(headers) and bool(headers[index].strip())


def _spans(indexes: list[int]) -> str:
    """Column numbers as runs: "#4, #9–#16384"."""
    runs: list[list[int]] = []
    for index in sorted(indexes):
        if runs and index == runs[-1][1] + 1:
            runs[-1][1] = index
        else:
            runs.append([index, index])
    shown = [f"#{a + 1}" if a == b else f"#{a + 1}–#{b + 1}" for a, b in runs[:10]]
    return ", ".join(shown) + (", …" if len(runs) > 10 else "")


def proposal_toml(proposal: Proposal) -> str:
    """The suggested mapping as commented TOML that ``load_mapping`` reads."""
    header = _comment(_("Mapping suggested for {file} by \"rater-desktop suggest\" ({tool} export).").format(
        file=proposal.file_name, tool=_(PRESETS[proposal.preset].label)))
    header += _comment(_("Lines starting with # are not used: they explain a suggestion, or hold a guess "
                         "to check. Remove the # from a guess you agree with."))
    if not proposal.scale.sure:
        header += _comment(_("The answer scale is a guess: the import refuses this file until [scale] says "
                             "confirmed = true."))
    parts = [header, _source(proposal), _scale(proposal),
             _columns(proposal, "dimensions", "dim") + _unplaced(proposal),
             _columns(proposal, "expectations", "exp"), _columns(proposal, "minimum", "min"),
             _comments_and_kpis(proposal), _set_aside(proposal)]
    return "\n\n".join("\n".join(part) for part in parts if part) + "\n"
