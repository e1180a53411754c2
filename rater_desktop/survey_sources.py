"""Imported surveys as named sources: the scale each one answers on, and which ones count.

A round may hold several customer surveys.  Its customer figures (analysis,
KPIs, SERVQUAL, compression ratio, flags) come from the *included* surveys
only, and surveys on different scales are pooled only when a person includes
them on purpose: a new import joins the comparison by itself only when it
answers on the scale of every survey already counted (:func:`place_new_survey`).
The command line, the summary JSON, the report and the comparison page all
describe a source with the functions here, so they name it the same way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rater_desktop.i18n import _, format_number
from rater_desktop.model import SurveyScale, SurveySource

SCALE_KINDS: tuple[str, ...] = ("numeric", "letters", "labels")


def scale_from_mapping(mapping_toml: str, low: float, high: float) -> SurveyScale:
    """The scale a stored mapping's ``[scale]`` names, with the bounds the import used.

    The mapping text comes from a file someone else may have edited: anything
    unreadable there reads as a numeric scale from ``low`` to ``high``, which is
    still exactly what the stored answers were computed with.
    """
    import tomllib

    try:
        table = tomllib.loads(mapping_toml).get("scale", {}) if mapping_toml else {}
    except (ValueError, RecursionError):
        table = {}
    if not isinstance(table, dict):
        table = {}
    kind = table.get("type") if table.get("type") in SCALE_KINDS else "numeric"
    labels = table.get("labels", ()) if kind == "labels" else ()
    if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        labels = ()
    return SurveyScale(kind, float(low), float(high), tuple(labels))


def mapping_scale(spec: Any) -> SurveyScale:
    """The scale a mapping's ``[scale]`` (an ``importing.ScaleSpec``) imports answers on."""
    low, high = spec.bounds
    return SurveyScale(spec.type, float(low), float(high), tuple(spec.labels) if spec.type == "labels" else ())


def _label_key(label: str) -> str:
    return unicodedata.normalize("NFC", label).strip().casefold()


def same_scale(a: SurveyScale, b: SurveyScale) -> bool:
    """True when answers on ``a`` and ``b`` mean the same (labels compared without case)."""
    return (a.kind, a.min, a.max, tuple(map(_label_key, a.labels))) == (
        b.kind, b.min, b.max, tuple(map(_label_key, b.labels)))


def included(sources: Iterable[SurveySource]) -> list[SurveySource]:
    """The sources that count in the comparison, in their order."""
    return [source for source in sources if source.included]


def mixed_scales(sources: Iterable[SurveySource]) -> bool:
    """True when the included sources answer on more than one scale (they are pooled anyway)."""
    counted = included(sources)
    return any(not same_scale(counted[0].scale, other.scale) for other in counted[1:])


@dataclass(frozen=True)
class Placement:
    """Whether a survey being imported joins its round's comparison, and why.

    ``reason`` codes: ``first`` (the round has no survey yet),
    ``none_counted`` (its surveys are all kept aside, so nothing is pooled),
    ``same_scale`` (it shares the scale of every counted survey),
    ``scale_differs`` (kept aside: pooling it would mix scales),
    ``chosen`` (the person said add or keep aside).
    """

    included: bool
    reason: str


def place_new_survey(existing: Sequence[SurveySource], scale: SurveyScale,
                     wanted: bool | None = None) -> Placement:
    """Where a new survey on ``scale`` goes among the round's ``existing`` sources.

    ``wanted`` is the person's choice (True: add to the comparison, False: keep
    aside); without one, the survey is added unless that would pool different
    scales.
    """
    if wanted is not None:
        return Placement(wanted, "chosen")
    if not existing:
        return Placement(True, "first")
    counted = included(existing)
    if not counted:
        return Placement(True, "none_counted")
    if all(same_scale(source.scale, scale) for source in counted):
        return Placement(True, "same_scale")
    return Placement(False, "scale_differs")


# --- words and JSON ----------------------------------------------------------------


def _bound(value: float) -> str:
    return format_number(value, 0 if float(value).is_integer() else 2)


def scale_text(scale: SurveyScale) -> str:
    """A scale in a few words of the current language: "1–5", "letters A–F", "Poor … Excellent (5 labels)"."""
    if scale.kind == "letters":
        return _("letters A–F")
    if scale.kind == "labels" and scale.labels:
        return _("{first} … {last} ({count} labels)").format(
            first=scale.labels[0], last=scale.labels[-1], count=len(scale.labels))
    return f"{_bound(scale.min)}–{_bound(scale.max)}"


def placement_sentence(placement: Placement, source_name: str, scale: SurveyScale, *, planned: bool = False) -> str:
    """Where a survey went in its round's comparison, in one sentence (``planned``: where it would go)."""
    if placement.included:
        if planned:
            return _("{name} would count in the comparison.").format(name=source_name)
        return _("{name} counts in the comparison.").format(name=source_name)
    if placement.reason == "scale_differs":
        if planned:
            return _("{name} would be kept aside: its scale ({scale}) differs from the surveys already "
                     "compared.").format(name=source_name, scale=scale_text(scale))
        return _("{name} was kept aside: its scale ({scale}) differs from the surveys already compared, "
                 "so it does not count until you include it.").format(name=source_name, scale=scale_text(scale))
    if planned:
        return _("{name} would be kept aside and not count in the comparison.").format(name=source_name)
    return _("{name} was kept aside and does not count in the comparison.").format(name=source_name)


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def scale_json(scale: SurveyScale) -> dict[str, Any]:
    """A scale as DESIGN §5 writes it: ``{"type": "numeric", "min": 1, "max": 5}`` (+ ``labels``)."""
    shown: dict[str, Any] = {"type": scale.kind, "min": _number(scale.min), "max": _number(scale.max)}
    if scale.kind == "labels":
        shown["labels"] = list(scale.labels)
    return shown


def source_json(source: SurveySource) -> dict[str, Any]:
    """One entry of the summary's ``surveys`` list (DESIGN §5)."""
    return {
        "id": source.id,
        "source_name": source.source_name,
        "imported": source.imported or None,
        "rows": source.rows,
        "scale": scale_json(source.scale),
        "included": source.included,
    }
