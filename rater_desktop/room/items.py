"""The steps of a grading walk as a phone shows them, in the phone's language.

The walk itself (which steps, in which order, quick or full) is the grading
session's (:mod:`rater_desktop.sessions.grading`); this only words each step
for the phone page.  An item's key is the step's :func:`step_key`, which the
page sends back with each answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from rater_desktop import framework
from rater_desktop.i18n import language_context
from rater_desktop.sessions.grading import CONTEXT, CONTINUUM, CRITERION, SUMMARY, Step, step_key


@dataclass(frozen=True)
class Item:
    """One question as a phone shows it (every text already in the phone's language)."""

    key: str
    part: str
    """the dimension key, or ``continuum``: what the facilitator closes"""
    kind: str
    """``grade`` (A–F, N/A and a note) or ``scale`` (1–7)"""
    prompt: str
    """key of the phone text that asks the question (see ``phone_text``)"""
    section: str
    text: str
    hint_a: str = ""
    hint_f: str = ""
    left: str = ""
    right: str = ""
    situation: str = ""

    def as_json(self) -> dict[str, str]:
        return asdict(self)


def phone_items(steps: Sequence[Step], lang: str) -> list[Item]:
    """Every answerable step of a walk, in order, worded in ``lang``."""
    with language_context(lang):
        names = {info.key: info for info in framework.dimensions()}
        pairs = {pair.item: pair for pair in framework.continuum_items()}
        return [_item(step, names, pairs) for step in steps if step.kind != SUMMARY]


def _item(step: Step, names: dict, pairs: dict) -> Item:
    key = step_key(step)
    if step.kind == CONTINUUM:
        pair = pairs[step.item]
        return Item(key, "continuum", "scale", f"continuum_{step.scale}", pair.label, "",
                    left=pair.left, right=pair.right)
    info = names[step.dimension]
    if step.kind == CRITERION:
        text, hint_a, hint_f = framework.criterion_wording(step.criterion)
        return Item(key, step.dimension, "grade", "criterion_prompt", info.name, text, hint_a, hint_f)
    if step.kind == CONTEXT:
        return Item(key, step.dimension, "grade", "context_prompt", info.name, info.description,
                    situation=step.context.name)
    return Item(key, step.dimension, "grade", "quick_prompt", info.name, info.description, info.hint_a, info.hint_f)
