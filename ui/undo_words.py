"""Edit → Undo and Redo say what they would take back: "Undo grade B for Lan".

The operations layer keeps codes (the operation's name and a few facts, see
:class:`rater_desktop.operations.StepInfo`); the words, in the user's language,
are made here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rater_desktop.i18n import N_, _

if TYPE_CHECKING:
    from rater_desktop.operations import StepInfo

NAME_LIMIT = 32
"""characters of a name shown in a menu item before it is cut with …"""

STEP_WORDS: dict[str, str] = {
    "set_organisation": N_("the organisation's name"),
    "set_setting": N_("a workbook setting"),
    "set_settings": N_("the workbook settings"),
    "add_assessment": N_("new round {name}"),
    "start_round_from": N_("new round {name}"),
    "update_assessment": N_("changes to round {name}"),
    "delete_assessment": N_("deleting round {name}"),
    "add_participant": N_("adding {name}"),
    "update_participant": N_("changes to {name}"),
    "delete_participant": N_("removing {name}"),
    "add_time_context": N_("new situation {name}"),
    "update_time_context": N_("changes to situation {name}"),
    "delete_time_context": N_("removing situation {name}"),
    "delete_time_contexts": N_("removing every situation of the round"),
    "set_grade": N_("grade {value} for {name}"),
    "set_context_grade": N_("situation grade {value} for {name}"),
    "set_dimension_grade": N_("grade {value} for {name}"),
    "set_continuum": N_("continuum answer {value} for {name}"),
    "set_consensus": N_("consensus {value} on {dimension}"),
    "add_criterion": N_("new statement"),
    "update_criterion": N_("changes to a statement"),
    "move_criterion": N_("moving a statement"),
    "set_criterion_hidden": N_("hiding or showing a statement"),
    "restore_builtin_criteria": N_("restoring the built-in statements"),
    "add_action": N_("new action “{name}”"),
    "update_action": N_("changes to action “{name}”"),
    "delete_action": N_("deleting action “{name}”"),
    "add_survey": N_("import of {name}"),
    "delete_survey": N_("deleting survey {name}"),
    "set_survey_included": N_("counting survey {name} or not"),
    "set_comment_hidden": N_("hiding or showing a customer comment"),
}
CLEARED_WORDS: dict[str, str] = {
    "set_grade": N_("removing the grade for {name}"),
    "set_context_grade": N_("removing the situation grade for {name}"),
    "set_dimension_grade": N_("removing the grade for {name}"),
    "set_continuum": N_("removing the continuum answer for {name}"),
    "set_consensus": N_("removing the consensus on {dimension}"),
}
"""the same operations when they removed a value"""


def step_words(step: StepInfo) -> str:
    """``step`` in a few words of the current language ("grade B for Lan"), empty if unknown."""
    from rater_desktop.framework import dimension_name

    facts = step.facts
    value = facts.get("value")
    pattern = (CLEARED_WORDS if value is None else STEP_WORDS).get(step.label) or STEP_WORDS.get(step.label)
    if pattern is None:
        return ""
    name = str(facts.get("name") or "")
    dimension = facts.get("dimension")
    return _(pattern).format(
        value=_("N/A") if value == "NA" else value,
        name=name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1] + "…",
        dimension=dimension_name(dimension) if dimension else "",
    )


def undo_title(step: StepInfo | None) -> str:
    what = step_words(step) if step else ""
    return _("&Undo {what}").format(what=what) if what else _("&Undo")


def redo_title(step: StepInfo | None) -> str:
    what = step_words(step) if step else ""
    return _("&Redo {what}").format(what=what) if what else _("&Redo")
