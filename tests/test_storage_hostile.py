"""A workbook edited by someone else's tool: bad values are skipped or clamped on read."""

from __future__ import annotations

import json
import sqlite3

from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop import model
from rater_desktop.storage import create_workbook, open_workbook
from rater_desktop.storage.values import LONG_TEXT, SHORT_TEXT


def test_hostile_values_do_not_crash_reads(tmp_path):
    path = tmp_path / "hostile.rater"
    with create_workbook(path, "Acme", framework=FRAMEWORK) as wb:
        first = wb.latest_assessment_id()
        ann = wb.add_participant(first, "Ann")
        rel = wb.criteria()[0].id
        wb.set_grade(ann, rel, "B")
        survey = wb.add_survey(first, source_name="s.csv", file_hash="h", row_count=2, mapping_toml="",
                               scale_min=1, scale_max=5, series={"dim:empathy": [1.0, 2.0]})

    huge = "N" * 10_000_000
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE organisation SET name = ?", (huge,))
    conn.execute("INSERT INTO participants (assessment_id, name, role, position) VALUES (?, ?, ?, 1)",
                 (first, huge, b"\x00\xff"))
    conn.execute("INSERT INTO participants (assessment_id, name, role, position) VALUES (?, 'Eve', '', 'x')",
                 (first,))
    conn.execute("INSERT INTO grades VALUES (?, ?, 'Z', '', '')", (ann, rel + 1))
    conn.execute("INSERT INTO grades VALUES (?, ?, 'A', ?, '')", (ann, rel + 2, huge))
    conn.execute("INSERT INTO continuum_answers VALUES (?, 1, 'current', 99)", (ann,))
    conn.execute("INSERT INTO continuum_answers VALUES (?, 7, 'current', 3)", (ann,))
    conn.execute("INSERT INTO continuum_answers VALUES (?, 2, 'desired', 5)", (ann,))
    conn.execute("INSERT INTO consensus VALUES (?, 'nonsense', 0, 'A', '', '')", (first,))
    conn.execute("INSERT INTO actions (assessment_id, dimension, title, due, target_grade, status, notes, created) "
                 "VALUES (?, 'empathy', 'Fix', 'tomorrow', 'Q', 'exploded', '', '')", (first,))
    conn.execute("INSERT INTO survey_series VALUES (?, 'dim:reliability', ?)", (survey, b"\x01\x02\x03"))
    conn.execute("INSERT INTO survey_series VALUES (?, 'dim:assurance', ?)",
                 (survey, json.dumps(None).encode() + b"\x00" * 4))  # 8 bytes: a float, but garbage
    conn.execute("UPDATE survey_series SET data = ? WHERE name = 'dim:empathy'",
                 (b"".join(v.to_bytes(8, "little") for v in (0x7FF0000000000000, 0x4000000000000000)),))
    conn.execute("INSERT INTO settings VALUES ('weights', '{\"reliability\": 90}')")
    conn.execute("INSERT INTO settings VALUES ('gap_threshold', 'not json')")
    conn.execute("UPDATE assessments SET date = '2026-13-45'")
    conn.commit()
    conn.close()

    with open_workbook(path) as wb:
        assert wb.organisation() == "N" * SHORT_TEXT
        data = wb.read_assessment(first)
    assert data.assessment.date == ""
    assert [p.name for p in data.participants] == ["Ann", "N" * SHORT_TEXT, "Eve"]
    assert [p.role for p in data.participants] == ["", "", ""]
    assert [(g.criterion_id, g.grade) for g in data.grades] == [(rel, "B"), (rel + 2, "A")]
    assert len(data.grades[1].note) == LONG_TEXT
    assert data.continuum == (model.ContinuumAnswer(ann, 2, "desired", 5),)
    assert data.consensus == ()
    (action,) = data.actions
    assert (action.due, action.target_grade, action.status) == (None, None, "open")
    (results,) = data.surveys
    assert "reliability" not in results.dimension_scores  # 3 bytes is not a float64 array
    assert results.dimension_scores["empathy"] == [None, 2.0]  # +inf is no answer
    assert data.weights is None and data.gap_threshold == 0.5
