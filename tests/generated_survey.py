"""Synthetic customer surveys for tests and benchmarks, and the mapping they all use.

The file has fixed columns: respondent number, timestamp, e-mail (personal data
the import must never store), 25 items R1–R5, A1–A5, T1–T5, E1–E5, S1–S5 on 1–5
with about 3 % "N/A", an NPS item 0–10 and a free-text comment holding commas
and quotes. Every respondent leans kind, neutral or harsh, so dimension means
differ from row to row. The same seed always writes the same bytes; the output
matches the team's shared benchmark generator (bench/make_survey.py) byte for
byte, so figures measured with either file compare.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

SEED = 20261123
ITEMS = tuple(f"{prefix}{i}" for prefix in "RATES" for i in range(1, 6))
"""Reliability, Assurance, Tangibles, Empathy, reSponsiveness: five items each"""
NA_SHARE = 0.03


def _likert(rng: random.Random, lean: int) -> str:
    if rng.random() < NA_SHARE:
        return "N/A"
    return str(min(5, max(1, round(rng.gauss(3.6 + lean * 0.5, 1.0)))))


def write_survey(path: Path, rows: int, seed: int = SEED) -> Path:
    """Write ``rows`` respondents to ``path`` (UTF-8 CSV, one header row) and return it."""
    rng = random.Random(seed)
    with Path(path).open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["Respondent", "Timestamp", "Email", *ITEMS, "NPS", "Comment"])
        for r in range(rows):
            lean = rng.choice([-1, 0, 0, 1])
            answers = [_likert(rng, lean) for _item in ITEMS]
            out.writerow([r + 1, f"2026-10-{1 + r % 28:02d} 12:{r % 60:02d}", f"user{r}@example.com",
                          *answers, str(rng.randint(0, 10)), f'Said "fine", mostly, row {r}'])
    return Path(path)


MAPPING = """[scale]
type = "numeric"
min = 1
max = 5
not_applicable = ["N/A"]
[dimensions]
reliability = ["R1", "R2", "R3", "R4", "R5"]
assurance = ["A1", "A2", "A3", "A4", "A5"]
tangibles = ["T1", "T2", "T3", "T4", "T5"]
empathy = ["E1", "E2", "E3", "E4", "E5"]
responsiveness = ["S1", "S2", "S3", "S4", "S5"]
[kpis]
nps = "NPS"
"""
