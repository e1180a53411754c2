"""What a phone grades, in the phone's language, and the one person's answers it may see.

An item is one screen of the phone page.  Its key names what an answer is
written to, so the page can send it back unchanged:

- ``dim:<dimension>``            a quick round's one grade for a whole dimension
- ``crit:<criterion id>``        one statement (full list)
- ``ctx:<context id>:<dimension>`` one dimension in one situation (full list)
- ``cont:<item>:<current|desired>`` one continuum question, 1–7

A quick round is the five dimensions and the continuum; a full round walks the
statements dimension by dimension, each followed by its situations, then the
continuum: the order of the laptop's walk-through.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from rater_desktop import framework
from rater_desktop.i18n import language_context
from rater_desktop.model import CONTINUUM_ITEMS, CONTINUUM_KINDS, DIMENSION_KEYS, Criterion, TimeContext


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


def build_items(mode: str, lang: str, criteria: Sequence[Criterion], contexts: Sequence[TimeContext]) -> list[Item]:
    """Every item of a ``quick`` or ``full`` round, in order, worded in ``lang``."""
    with language_context(lang):
        names = {info.key: info for info in framework.dimensions()}
        items: list[Item] = []
        for key in DIMENSION_KEYS:
            info = names[key]
            if mode == "quick":
                items.append(Item(f"dim:{key}", key, "grade", "quick_prompt", info.name, info.description,
                                  info.hint_a, info.hint_f))
                continue
            shown = sorted((c for c in criteria if c.dimension == key and not c.hidden), key=lambda c: (c.position, c.id))
            for criterion in shown:
                text, hint_a, hint_f = framework.criterion_wording(criterion)
                items.append(Item(f"crit:{criterion.id}", key, "grade", "criterion_prompt", info.name, text,
                                  hint_a, hint_f))
            for context in contexts:
                items.append(Item(f"ctx:{context.id}:{key}", key, "grade", "context_prompt", info.name,
                                  info.description, situation=context.name))
        pairs = {pair.item: pair for pair in framework.continuum_items()}
        for kind in CONTINUUM_KINDS:
            for number in CONTINUUM_ITEMS:
                pair = pairs[number]
                items.append(Item(f"cont:{number}:{kind}", "continuum", "scale", f"continuum_{kind}", pair.label,
                                  "", left=pair.left, right=pair.right))
    return items
