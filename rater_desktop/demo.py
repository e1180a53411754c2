"""The demo workbook: a small café's two review rounds, fully graded, in English or Vietnamese.

A first-time user opens this instead of an empty window, so it has to show
every part of the product with believable data: varied roles, some N/A,
notes that belong to the statement they sit under (praise under good grades,
a problem under poor ones), time contexts, continuum answers, consensus with
a rationale of its own per dimension, a customer survey per round (imported
through the real import engine, from a CSV written on the fly) with desired
and minimum items for the zone of tolerance and two comment columns, and an
action plan.  The words come from ``resources/demo/<lang>.toml``; the numbers
below are shared, so both languages tell the same story.  Everything derives
from a fixed random seed: the demo is the same on every machine.
"""

from __future__ import annotations

import csv
import random
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from rater_desktop.i18n import _, normalise_language, resources_dir
from rater_desktop.model import DIMENSION_KEYS

SEED = 20260401


@dataclass(frozen=True)
class DemoRound:
    date: str
    team_view: dict[str, float]
    """mean grade in points (0–4) the team tends to give each dimension"""
    perceived: dict[str, float]
    """customers' mean answer (1–5) on what they received"""
    desired: dict[str, float]
    minimum: dict[str, float]
    respondents: int


ROUNDS = (
    DemoRound(
        "2025-10-01",
        {"reliability": 2.3, "assurance": 2.6, "tangibles": 2.1, "empathy": 2.5, "responsiveness": 1.6},
        {"reliability": 3.0, "assurance": 3.7, "tangibles": 3.8, "empathy": 3.0, "responsiveness": 2.6},
        {"reliability": 4.6, "assurance": 4.4, "tangibles": 4.0, "empathy": 4.3, "responsiveness": 4.5},
        {"reliability": 3.1, "assurance": 3.2, "tangibles": 3.0, "empathy": 2.8, "responsiveness": 3.3},
        156,
    ),
    DemoRound(
        "2026-04-01",
        {"reliability": 2.9, "assurance": 3.0, "tangibles": 2.4, "empathy": 3.1, "responsiveness": 2.3},
        {"reliability": 3.3, "assurance": 3.9, "tangibles": 4.3, "empathy": 3.1, "responsiveness": 2.9},
        {"reliability": 4.6, "assurance": 4.4, "tangibles": 4.0, "empathy": 4.3, "responsiveness": 4.5},
        {"reliability": 3.1, "assurance": 3.2, "tangibles": 3.0, "empathy": 2.8, "responsiveness": 3.4},
        184,
    ),
)

SERVQUAL_WEIGHTS = {"reliability": 30, "assurance": 20, "tangibles": 10, "empathy": 15, "responsiveness": 25}
"""How much each dimension matters to the café's customers (importance points summing to 100)."""

# Where the team places itself on the continuum (1–7): now and where it wants to be.
CONTINUUM_CURRENT = (3, 3, 2)
CONTINUUM_DESIRED = (5, 5, 4)
NOTE_CHANCE = 0.16
COMMENT_CHANCE = 0.32
OTHER_COMMENT_CHANCE = 0.12


def words(lang: str) -> dict:
    """The demo's words in ``lang`` (English for a language without a demo)."""
    folder = resources_dir() / "demo"
    path = folder / f"{normalise_language(lang)}.toml"
    return tomllib.loads((path if path.is_file() else folder / "en.toml").read_text(encoding="utf-8"))


def write_demo(path: str | Path, lang: str = "en") -> Path:
    """Write the demo workbook in ``lang`` to ``path`` (which must not exist yet).

    It is built under a hidden name and moved into place only when complete:
    a run killed or failing half-way used to leave an empty workbook under the
    demo's name, which the window then opened as if it were the demo.
    """
    from rater_desktop.files import atomic_output
    from rater_desktop.storage import WorkbookAccessError, WorkbookError
    from rater_desktop.storage.opening import check_new_workbook

    path = Path(path)
    check_new_workbook(path)
    try:
        with atomic_output(path, workbook=True, replace=False) as partial:
            _fill_demo(partial, lang)
    except FileExistsError as error:  # made meanwhile by someone else: theirs stays
        raise WorkbookAccessError(_("“{name}” already exists; choose another name.").format(name=path.name),
                                  path) from error
    except (WorkbookError, OSError) as error:  # its sentence would name the hidden file, not the demo
        raise WorkbookAccessError(_("The demo “{name}” could not be written in {folder}: the disk may be full "
                                    "or the folder read-only.").format(name=path.name, folder=path.parent),
                                  path) from error
    return path


def _fill_demo(path: Path, lang: str) -> None:
    """The demo's whole story, written into a new workbook at ``path`` in one transaction."""
    from rater_desktop.framework import builtin_criteria
    from rater_desktop.storage import create_workbook

    text = words(lang)
    rng = random.Random(SEED)
    with create_workbook(path, text["organisation"], framework=builtin_criteria(lang)) as workbook, workbook.batch():
        workbook.set_setting("servqual_weights", SERVQUAL_WEIGHTS)
        assessment_id = workbook.latest_assessment_id()
        for index, (demo_round, name) in enumerate(zip(ROUNDS, text["rounds"])):
            if index == 0:
                workbook.update_assessment(assessment_id, name=name, date=demo_round.date)
            else:
                assessment_id = workbook.copy_round(assessment_id, name, demo_round.date, text["carry_note"])
            _fill_round(workbook, assessment_id, demo_round, index, text, lang, rng)
            _import_survey(workbook, assessment_id, demo_round, text, rng)
            _add_actions(workbook, assessment_id, text["actions"]["autumn" if index == 0 else "spring"])


def _fill_round(workbook, assessment_id: int, demo_round: DemoRound, index: int, text: dict, lang: str,
                rng: random.Random) -> None:
    from rater_desktop.framework import default_time_contexts

    criteria = workbook.criteria()
    # A round started from an earlier one already has its people and situations.
    context_ids = [context.id for context in workbook.time_contexts(assessment_id)] or [
        workbook.add_time_context(assessment_id, name) for name in default_time_contexts(lang)
    ]
    people = [p.id for p in workbook.participants(assessment_id)] or [
        workbook.add_participant(assessment_id, name, role) for name, role in text["participants"]
    ]
    noted: set[tuple[str, str]] = set()
    for pid in people:
        leniency = rng.uniform(-0.4, 0.4)
        for criterion in criteria:
            grade = _grade_near(demo_round.team_view[criterion.dimension] + leniency, rng)
            if rng.random() < 0.04:
                grade = "NA"
            workbook.set_grade(pid, criterion.id, grade, _note(text["notes"], criterion.builtin_key, grade, noted, rng))
        for context_index, context_id in enumerate(context_ids):
            for key in DIMENSION_KEYS:
                # Peak times hurt responsiveness and reliability most.
                strain = 0.9 if context_index == 0 and key in ("responsiveness", "reliability") else 0.2
                workbook.set_context_grade(pid, context_id, key, _grade_near(demo_round.team_view[key] - strain * rng.random(), rng))
        for item in (1, 2, 3):
            workbook.set_continuum(pid, item, "current", _clamp(CONTINUUM_CURRENT[item - 1] + rng.choice((-1, 0, 0, 1)), 1, 7))
            workbook.set_continuum(pid, item, "desired", _clamp(CONTINUUM_DESIRED[item - 1] + rng.choice((-1, 0, 1)), 1, 7))
    for key in DIMENSION_KEYS:
        workbook.set_consensus(assessment_id, key, _letter(demo_round.team_view[key]), text["rationales"][key][index])


def _note(notes: dict, key: str | None, grade: str, noted: set, rng: random.Random) -> str:
    """Now and then a note fitting the statement and the grade, each written once a round."""
    if grade == "NA" or key not in notes or rng.random() >= NOTE_CHANCE:
        return ""
    tone = "good" if grade in ("A", "B") else "poor"
    if (key, tone) in noted:
        return ""
    noted.add((key, tone))
    return notes[key][tone]


def _import_survey(workbook, assessment_id: int, demo_round: DemoRound, text: dict, rng: random.Random) -> None:
    """Write a customer export as a survey tool would, then import it for real."""
    from rater_desktop.importing import import_into, load_mapping

    survey = text["survey"]
    columns = _survey_columns(survey)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / text["survey_file"].format(month=_month_before(demo_round.date).rstrip("-"))
        with source.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            pools = {key: {tone: list(said) for tone, said in survey["comments"][key].items()}
                     for key in DIMENSION_KEYS}
            others = list(survey["comments"]["other"])
            for row in range(demo_round.respondents):
                writer.writerow(_respondent(row, demo_round, survey, pools, others, rng))
        import_into(workbook, assessment_id, source, load_mapping(_mapping_toml(survey)))


def _survey_columns(survey: dict) -> list[str]:
    rated = [column for key in DIMENSION_KEYS for column in
             (*survey["perceived"][key], survey["desired"][key], survey["minimum"][key])]
    return [survey["timestamp"], survey["email"], *rated, survey["nps"], survey["csat"], survey["fcr"],
            survey["better"], survey["other"]]


def _respondent(row: int, demo_round: DemoRound, survey: dict, pools: dict, others: list,
                rng: random.Random) -> list[str]:
    """One customer's answers: a personal mood shared across items, so answers hang together."""
    mood = rng.gauss(0, 0.45)
    answers, means = [], {}
    for key in DIMENSION_KEYS:
        perceived = [_answer(demo_round.perceived[key] + mood, 0.75, rng) for _ in survey["perceived"][key]]
        desired = _clamp(round(rng.gauss(demo_round.desired[key] + mood * 0.3, 0.5)), 1, 5)
        minimum = min(desired, _clamp(round(rng.gauss(demo_round.minimum[key] + mood * 0.3, 0.6)), 1, 5))
        given = [int(a) for a in perceived if a is not None]
        means[key] = sum(given) / len(given) if given else None
        answers += [survey["not_applicable"] if a is None else str(a) for a in perceived]
        answers += [str(desired), str(minimum)]
    rated = [m for m in means.values() if m is not None]
    overall = sum(rated) / len(rated) if rated else 3.0
    nps = _clamp(round(rng.gauss(overall * 1.6 + 2.4, 1.5)), 0, 10)
    csat = _clamp(round(rng.gauss(overall + 0.6, 0.7)), 1, 5)
    solved = survey["yes"] if rng.random() < 0.78 else survey["no"]
    better = _comment(means, pools, rng) if rng.random() < COMMENT_CHANCE else ""
    other = others.pop(rng.randrange(len(others))) if others and rng.random() < OTHER_COMMENT_CHANCE else ""
    day = 1 + row % 27
    stamp = f"{_month_before(demo_round.date)}{day:02d} {8 + row % 10:02d}:{(row * 7) % 60:02d}:00"
    return [stamp, f"guest{row}@example.com", *answers, str(nps), str(csat), solved, better, other]


def _comment(means: dict, pools: dict, rng: random.Random) -> str:
    """A comment about the dimension this customer rated lowest (or praise for the highest), never twice."""
    rated = [(mean, key) for key, mean in means.items() if mean is not None]
    if not rated:
        return ""
    low_mean, low_key = min(rated)
    high_mean, high_key = max(rated)
    key, tone = (low_key, "low") if low_mean <= 3 else (high_key, "high")
    pool = pools[key][tone]
    return pool.pop(rng.randrange(len(pool))) if pool else ""


def _month_before(iso: str) -> str:
    """``YYYY-MM-`` of the month before ``iso``: the survey ran in the weeks before the review."""
    year, month = int(iso[:4]), int(iso[5:7]) - 1
    if month == 0:
        year, month = year - 1, 12
    return f"{year:04d}-{month:02d}-"


def _mapping_toml(survey: dict) -> str:
    import tomli_w

    return tomli_w.dumps({
        "source": {"format": "csv", "header_rows": 1},
        "scale": {"type": "numeric", "min": 1, "max": 5, "not_applicable": [survey["not_applicable"]]},
        "dimensions": {key: list(survey["perceived"][key]) for key in DIMENSION_KEYS},
        "expectations": {key: [survey["desired"][key]] for key in DIMENSION_KEYS},
        "minimum": {key: [survey["minimum"][key]] for key in DIMENSION_KEYS},
        "comments": {"columns": [survey["better"], survey["other"]]},
        "kpis": {"nps": survey["nps"], "csat": survey["csat"], "fcr": survey["fcr"]},
    })


def _add_actions(workbook, assessment_id: int, actions: list[dict]) -> None:
    for action in actions:
        workbook.add_action(
            assessment_id, action["title"], dimension=action["dimension"], owner=action["owner"],
            due=action["due"], target_grade=action["target"], status=action["status"],
        )


def _answer(centre: float, spread: float, rng: random.Random) -> int | None:
    """A 1–5 answer near ``centre``; one in twenty is N/A (None)."""
    if rng.random() < 0.05:
        return None
    return _clamp(round(rng.gauss(centre, spread)), 1, 5)


def _grade_near(points: float, rng: random.Random) -> str:
    return _letter(points + rng.gauss(0, 0.6))


def _letter(points: float) -> str:
    from rater_desktop.scoring import points_letter

    return points_letter(_clamp(points, 0.0, 4.0))


def _clamp(value, low, high):
    return max(low, min(high, value))
