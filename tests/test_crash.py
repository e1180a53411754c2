"""Killing the app mid-session loses at most the answer being saved (DESIGN §4)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.storage import create_workbook, open_workbook

GRADER = """
import sys
from rater_desktop.storage import open_workbook
wb = open_workbook(sys.argv[1])
first = wb.latest_assessment_id()
criterion = wb.criteria()[0].id
for number in range(100_000):
    person = wb.add_participant(first, f"P{number}")
    wb.set_grade(person, criterion, "ABCDF"[number % 5], f"answer {number}")
    print(number, flush=True)
"""


def test_sigkill_mid_session_keeps_every_answer_reported_saved(tmp_path):
    path = tmp_path / "crash.rater"
    create_workbook(path, "Acme", framework=FRAMEWORK).close()
    root = Path(__file__).resolve().parent.parent
    child = subprocess.Popen(
        [sys.executable, "-c", GRADER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    reported = []
    for line in child.stdout:
        reported.append(int(line))
        if len(reported) == 40:
            child.send_signal(signal.SIGKILL)
            break
    reported += [int(line) for line in child.stdout]  # whatever it printed before dying
    assert child.wait() == -signal.SIGKILL

    with open_workbook(path) as wb:
        first = wb.latest_assessment_id()
        criterion = wb.criteria()[0].id
        saved = {}
        for person in wb.participants(first):
            grade = wb.grades_for(person.id).get(criterion)
            if grade is not None:
                saved[int(person.name[1:])] = (grade.grade, grade.note)
    assert len(reported) >= 40
    for number in reported:
        assert saved[number] == ("ABCDF"[number % 5], f"answer {number}")
    assert set(saved) - set(reported) <= {max(reported) + 1}  # only the one in flight may be extra
