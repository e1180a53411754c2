"""The mapping of the synthetic surveys written by ../shared/bench/make_survey.py.

Its columns are fixed (R1–R5, A1–A5, T1–T5, E1–E5, S1–S5 on 1–5 with N/A, and
NPS), so every test and benchmark that imports such a file maps it the same way.
"""

from pathlib import Path

MAKE_SURVEY = Path(__file__).resolve().parents[2] / "shared" / "bench" / "make_survey.py"

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
