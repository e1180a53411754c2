"""Sentences for the import's guesses, in the current language.

The guessing modules return codes with details (``Note``); the wizard, the
``suggest`` command and the comments it writes into a mapping all explain a
guess with the same sentence from here, so a person reads one wording
wherever they meet it.
"""

from __future__ import annotations

from collections.abc import Iterable

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import N_, _, ngettext
from rater_desktop.importing.column_guess import ColumnGuess
from rater_desktop.importing.scale_guess import Note

FAMILY_NAMES = {
    "agreement": N_("agreement"), "satisfaction": N_("satisfaction"), "likelihood": N_("likelihood"),
    "importance": N_("importance"), "comfort": N_("comfort"), "favourability": N_("favourability"),
    "quality": N_("quality"), "frequency": N_("frequency"), "yes_no": N_("yes/no"),
}
KPI_NAMES = {"nps": N_("NPS"), "csat": N_("CSAT"), "fcr": N_("solved first time")}

_SCALE_NOTES = {
    # TR: {low} and {high} are the ends of a numeric answer scale
    "range_stated": N_("The question gives the range {low}–{high}."),
    "range_captions": N_("The answers name their ends, {low} and {high}."),
    "range_nps": N_("A question about recommending is answered from 0 to 10."),
    "range_full": N_("Every point from {low} to {high} was chosen, in {n} answers."),
    "range_guess": N_("The answers run from {low} to {high}, but nothing says where the questionnaire's "
                      "scale ends: check the lowest and highest points."),
    "range_widened": N_("The answers run from {seen} to {high}; the scale is taken as {low}–{high}, but nothing "
                        "says where the questionnaire's scale ends: check the lowest and highest points."),
    "not_whole": N_("Some answers are not whole numbers."),
    "negative_codes": N_("{answers} look like codes for \"no answer\" rather than points, so they count as "
                         "no answer: check."),
    "ranking": N_("The question asks for a ranking, where 1 is usually the best: the columns may need to be "
                  "reverse-coded."),
    "letters": N_("The answers are grades A–F."),
    "labels_family": N_("The labels are {family} answers, put in order worst first."),
    "labels_incomplete": N_("Some steps of the scale may be missing (nobody chose them, or too few people "
                            "answered to tell): add any missing label in its place, then check the order."),
    "labels_unknown": N_("These answers are not words of a scale we know: {labels}. Put every label in order, "
                         "worst first."),
    "labels_ambiguous": N_("The labels could be put in order more than one way: put them in order, worst "
                           "first."),
    "mixed": N_("The answers mix numbers and words: put them in order, worst first."),
    "no_answers": N_("No answers were found in the columns chosen."),
    "no_ratings": N_("No column was recognised as a rating on an answer scale: choose the rating columns "
                     "and set their scale yourself."),
    "several_scales": N_("Columns {columns} are answered on another scale than the rest: one import takes "
                         "one scale, so leave them out here and import them separately."),
}

_COLUMN_REASONS = {
    "named": N_("The question names {dimension} (\"{word}\")."),
    "cue": N_("Worded like a {dimension} question (\"{word}\"): check."),
    "criterion": N_("Worded like a built-in {dimension} statement: check."),
    "rating": N_("A rating question that names no dimension: choose one to import it."),
    "expectation": N_("An expectation question that names no dimension: choose one to import it."),
    "minimum": N_("A minimum-service question that names no dimension: choose one to import it."),
    "pair": N_("Worded like the rating in column {column}: check."),
    "two_dimensions": N_("The question names more than one dimension: choose one."),
    "nps": N_("Asks about recommending (\"{word}\"), answered 0–10."),
    "nps_values": N_("Asks about recommending, but the answers are not a 0–10 scale: check."),
    "csat": N_("Asks about overall satisfaction, answered 1–5."),
    "fcr": N_("Asks whether the problem was solved the first time, answered yes or no."),
    "second_kpi": N_("Another {kpi} question; column {column} is used, and only one column can be."),
    "comment": N_("Free text (\"{word}\"), kept as the customers' own words."),
    "free_text": N_("Long free-text answers: kept as the customers' own words if you choose; check."),
    "rating_words": N_("Asks for a rating (\"{word}\") in answers we cannot order: choose a dimension and "
                       "put the labels in order to import it."),
    "ranking": N_("A ranking, not a rating."),
    "yes_no": N_("Yes/no answers, not a rating."),
    "yes_no_rating": N_("Yes/no answers to a question about {dimension} (\"{word}\"): imported only if you "
                        "choose to count them as a two-point rating (no = 0 points, yes = 4); check."),
    "personal": N_("Personal details: never imported."),
    "metadata": N_("Filled in by the survey tool."),
    "empty": N_("No answers."),
    "other": N_("Not a rating, comment or key figure."),
}


def _details(note: Note) -> dict[str, object]:
    details = dict(note.details)
    if "dimension" in details:
        details["dimension"] = dimension_name(str(details["dimension"]))
    if "family" in details:
        details["family"] = _(FAMILY_NAMES.get(str(details["family"]), str(details["family"])))
    if "kpi" in details:
        details["kpi"] = _(KPI_NAMES[str(details["kpi"])])
    if "columns" in details:
        details["columns"] = column_list(details["columns"])  # type: ignore[arg-type]
    for key in ("answers", "labels"):
        if key in details:
            details[key] = ", ".join(f"“{v}”" for v in details[key])  # type: ignore[union-attr]
    for key in ("low", "high", "seen"):
        if isinstance(details.get(key), float) and details[key].is_integer():  # type: ignore[union-attr]
            details[key] = int(details[key])  # type: ignore[arg-type]
    return details


def column_list(numbers: Iterable[int]) -> str:
    """Column numbers (1-based) as a person reads them, runs shortened: "#3, #16–#29"."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"#{run[0]}" if len(run) == 1 else f"#{run[0]}–#{run[-1]}" for run in runs)


def scale_note_text(note: Note) -> str:
    """One sentence for a note about a scale guess."""
    if note.code == "not_applicable":
        return ngettext("{answers} counts as no answer.", "{answers} count as no answer.",
                        len(note.get("answers"))).format(**_details(note))  # type: ignore[arg-type]
    return _(_SCALE_NOTES[note.code]).format(**_details(note))


def column_reason_text(guess: ColumnGuess) -> str:
    """One sentence saying why a column got its suggestion."""
    note = guess.reason
    if note.code == "personal" and not note.get("word"):
        return _("The answers look like e-mail addresses, phone numbers or places: never imported.")
    return _(_COLUMN_REASONS[note.code]).format(**_details(note))


def comments_warning() -> str:
    """The warning shown wherever comment columns are chosen, before anything is imported."""
    return _("Comments may hold names or other personal details of customers or staff: read them "
             "before you show them to anyone.")
