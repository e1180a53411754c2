"""The demo workbook: a small café chain's two review rounds, fully graded.

A first-time user opens this instead of an empty window, so it has to show
every part of the product with believable data: varied roles, some N/A and
notes, time contexts, continuum answers, consensus with rationale, a customer
survey of a few hundred responses (imported through the real import engine,
from a CSV written on the fly) and an action plan. Everything is derived from
a fixed random seed, so the demo is the same on every machine.
"""

from __future__ import annotations

import csv
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rater_desktop.model import DIMENSION_KEYS

ORGANISATION = "Riverside Bakery & Café"
SEED = 20260401


@dataclass(frozen=True)
class DemoRound:
    name: str
    date: str
    # Mean grade in points (0–4) the team tends to give each dimension.
    team_view: dict[str, float]
    # Mean answer on the customers' 1–5 scale; None: no survey that round.
    customer_view: dict[str, float] | None


ROUNDS = (
    DemoRound(
        "Autumn review",
        "2025-10-01",
        {"reliability": 2.3, "assurance": 2.6, "tangibles": 2.1, "empathy": 2.5, "responsiveness": 1.6},
        None,
    ),
    DemoRound(
        "Spring review",
        "2026-04-01",
        {"reliability": 2.9, "assurance": 3.0, "tangibles": 2.4, "empathy": 3.1, "responsiveness": 2.3},
        {"reliability": 3.2, "assurance": 3.9, "tangibles": 4.2, "empathy": 3.0, "responsiveness": 2.9},
    ),
)

PARTICIPANTS = (
    ("Linh Tran", "Owner"),
    ("Marcus Bell", "Store manager"),
    ("Aisha Rahman", "Barista lead"),
    ("Tomás Ortega", "Barista"),
    ("Grace Okafor", "Cashier"),
    ("Ben Whitaker", "Delivery driver"),
    ("Mai Nguyen", "Online orders"),
    ("Sofia Rossi", "Weekend part-timer"),
)

NOTES = (
    "Morning queue often goes out of the door before 8:30.",
    "Two complaints last month about cold drinks in delivery orders.",
    "New card reader fixed most of the payment problems.",
    "Regulars know us by name; new customers sometimes feel ignored.",
    "Allergen folder is kept at the till and staff know where it is.",
    "Weekend cover is thin when a part-timer calls in sick.",
    "Online orders are answered within the hour on weekdays only.",
    "The toilets need attention by mid-afternoon.",
)

# Where the team places itself on the continuum (1–7): now and where it wants to be.
CONTINUUM_CURRENT = (3, 3, 2)
CONTINUUM_DESIRED = (5, 5, 4)

CUSTOMER_RESPONSES = 184

# Agreed in the autumn; the spring round starts from the autumn one, so the
# actions not yet done carry over and are checked against the new grades.
AUTUMN_ACTIONS = (
    ("responsiveness", "Second till from 7:30 to 9:00 on weekdays", "Store manager", "2026-01-31", "B", "in_progress"),
    ("empathy", "Greet every new customer within ten seconds", "Barista lead", "2026-02-28", "B", "open"),
    ("reliability", "Insulated bags and a lid check for every delivery", "Delivery driver", "2025-12-15", "B", "done"),
)
SPRING_ACTIONS = (
    ("responsiveness", "Answer online messages within two hours, seven days a week", "Online orders", "2026-07-31", "B", "open"),
    ("tangibles", "Check and restock the toilets every two hours", "Store manager", "2026-01-15", "B", "done"),
)
CARRY_NOTE = "Carried over from the Autumn review."

CONSENSUS_RATIONALE = "Agreed after discussing the spread of votes and the customer survey."


def write_demo(path: str | Path) -> Path:
    """Write the demo workbook to ``path`` (which must not exist yet)."""
    from rater_desktop.storage import create_workbook

    path = Path(path)
    rng = random.Random(SEED)
    with create_workbook(path, ORGANISATION) as workbook, workbook.batch():
        assessment_id = workbook.latest_assessment_id()
        for index, demo_round in enumerate(ROUNDS):
            if index == 0:
                workbook.update_assessment(assessment_id, name=demo_round.name, date=demo_round.date)
            else:
                assessment_id = workbook.copy_round(assessment_id, demo_round.name, demo_round.date, CARRY_NOTE)
            _fill_round(workbook, assessment_id, demo_round, rng)
            if demo_round.customer_view is not None:
                _import_survey(workbook, assessment_id, demo_round, rng)
            _add_actions(workbook, assessment_id, AUTUMN_ACTIONS if index == 0 else SPRING_ACTIONS)
    return path


def _fill_round(workbook, assessment_id: int, demo_round: DemoRound, rng: random.Random) -> None:
    from rater_desktop.framework import default_time_contexts

    criteria = workbook.criteria()
    # A round started from an earlier one already has its people and situations.
    context_ids = [context.id for context in workbook.time_contexts(assessment_id)] or [
        workbook.add_time_context(assessment_id, name) for name in default_time_contexts("en")
    ]
    people = [p.id for p in workbook.participants(assessment_id)] or [
        workbook.add_participant(assessment_id, name, role) for name, role in PARTICIPANTS
    ]
    for position, pid in enumerate(people):
        leniency = rng.uniform(-0.4, 0.4)
        for criterion in criteria:
            grade = _grade_near(demo_round.team_view[criterion.dimension] + leniency, rng)
            if rng.random() < 0.04:
                grade = "NA"
            note = NOTES[(position + criterion.id) % len(NOTES)] if rng.random() < 0.12 else ""
            workbook.set_grade(pid, criterion.id, grade, note)
        for context_index, context_id in enumerate(context_ids):
            for key in DIMENSION_KEYS:
                # Peak times hurt responsiveness and reliability most.
                strain = 0.9 if context_index == 0 and key in ("responsiveness", "reliability") else 0.2
                workbook.set_context_grade(pid, context_id, key, _grade_near(demo_round.team_view[key] - strain * rng.random(), rng))
        for item in (1, 2, 3):
            workbook.set_continuum(pid, item, "current", _clamp(CONTINUUM_CURRENT[item - 1] + rng.choice((-1, 0, 0, 1)), 1, 7))
            workbook.set_continuum(pid, item, "desired", _clamp(CONTINUUM_DESIRED[item - 1] + rng.choice((-1, 0, 1)), 1, 7))
    for key in DIMENSION_KEYS:
        workbook.set_consensus(assessment_id, key, _letter(demo_round.team_view[key]), CONSENSUS_RATIONALE)


def _import_survey(workbook, assessment_id: int, demo_round: DemoRound, rng: random.Random) -> None:
    """Write a customer export as a survey tool would, then import it for real."""
    from rater_desktop.importing import import_into, load_mapping

    items = [(key, n) for key in DIMENSION_KEYS for n in (1, 2)]
    header = ["Timestamp", "Email"] + [f"{key.title()} {n}" for key, n in items]
    header += ["How likely are you to recommend us?", "Overall satisfaction", "Was your question answered the first time?"]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "riverside-customer-survey.csv"
        with source.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in range(CUSTOMER_RESPONSES):
                answers = [
                    "N/A" if rng.random() < 0.05 else str(_clamp(round(rng.gauss(demo_round.customer_view[key], 0.9)), 1, 5))
                    for key, _n in items
                ]
                mood = sum(int(a) for a in answers if a != "N/A") / max(1, sum(a != "N/A" for a in answers))
                nps = _clamp(round(rng.gauss(mood * 1.6 + 2.4, 1.5)), 0, 10)
                csat = _clamp(round(rng.gauss(mood + 0.6, 0.7)), 1, 5)
                fcr = "Yes" if rng.random() < 0.78 else "No"
                writer.writerow([f"2026-03-{1 + row % 28:02d} 12:00:00", f"guest{row}@example.com", *answers, nps, csat, fcr])
        dimension_lines = "\n".join(
            f'{key} = ["{key.title()} 1", "{key.title()} 2"]' for key in DIMENSION_KEYS
        )
        mapping = load_mapping(
            "[source]\nformat = \"csv\"\nheader_rows = 1\n\n"
            "[scale]\ntype = \"numeric\"\nmin = 1\nmax = 5\nnot_applicable = [\"N/A\"]\n\n"
            f"[dimensions]\n{dimension_lines}\n\n"
            "[kpis]\nnps = \"How likely are you to recommend us?\"\n"
            "csat = \"Overall satisfaction\"\nfcr = \"Was your question answered the first time?\"\n"
        )
        import_into(workbook, assessment_id, source, mapping)


def _add_actions(workbook, assessment_id: int, actions: tuple[tuple[str, ...], ...]) -> None:
    for dimension, title, owner, due, target, status in actions:
        workbook.add_action(
            assessment_id, title, dimension=dimension, owner=owner, due=due, target_grade=target, status=status
        )


def _grade_near(points: float, rng: random.Random) -> str:
    return _letter(points + rng.gauss(0, 0.6))


def _letter(points: float) -> str:
    from rater_desktop.scoring import points_letter

    return points_letter(_clamp(points, 0.0, 4.0))


def _clamp(value, low, high):
    return max(low, min(high, value))
