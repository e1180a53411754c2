"""A small workbook with a round of named people, shared by the room tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rater_desktop.storage import create_workbook

PEOPLE = ("Lan", "Minh", "<b>Bảo</b> & \"Co\"")
"""Three voters; the third name is markup and quotes, which must come back as text."""


@pytest.fixture
def round_book(tmp_path: Path):
    """(workbook path, open workbook, round id, {name: participant id})."""
    path = tmp_path / "room.rater"
    workbook = create_workbook(path, "Hostile <script>alert(1)</script> Ltd")
    assessment_id = workbook.latest_assessment_id()
    ids = {name: workbook.add_participant(assessment_id, name) for name in PEOPLE}
    yield path, workbook, assessment_id, ids
    workbook.close()
