"""The schema check remembers a schema it found right, by its exact text, and nothing looser.

Opening many workbooks (a roll-up of 500 teams) compares each file's schema with
the one its version should have; a schema already found right in this process
is not compared again, but a file whose stored schema differs by a single
object or character is still compared in full and refused.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.storage import create_workbook, open_workbook
from rater_desktop.storage import schema as schema_module
from rater_desktop.storage.errors import ForeignContentError
from rater_desktop.storage.migrations import migration_names


def new_workbook(path: Path) -> Path:
    create_workbook(path, "Acme", framework=FRAMEWORK).close()
    return path


@pytest.fixture
def normalisations(monkeypatch) -> list[int]:
    """How many times a file's schema is normalised and compared in full."""
    for version in range(len(migration_names()) + 1):
        schema_module.expected_schema(version)  # built once per process, not a file's check
    counted: list[int] = []
    real = schema_module._normalised

    def counting(conn, rows):
        counted.append(len(rows))
        return real(conn, rows)

    monkeypatch.setattr(schema_module, "_normalised", counting)
    return counted


def test_a_second_workbook_with_the_same_schema_is_not_compared_again(tmp_path, normalisations):
    first, second = new_workbook(tmp_path / "a.rater"), new_workbook(tmp_path / "b.rater")
    open_workbook(first, read_only=True).close()
    counted = len(normalisations)
    open_workbook(second).close()
    open_workbook(second, read_only=True).close()
    assert len(normalisations) == counted


@pytest.mark.parametrize("change", [
    "CREATE TRIGGER wipe AFTER INSERT ON surveys BEGIN DELETE FROM grades; END",
    "CREATE VIEW everything AS SELECT * FROM grades",
    "CREATE INDEX extra ON grades (note)",
])
def test_a_schema_one_object_apart_from_a_remembered_one_is_still_refused(tmp_path, normalisations, change):
    clean, tampered = new_workbook(tmp_path / "clean.rater"), new_workbook(tmp_path / "tampered.rater")
    open_workbook(clean).close()
    conn = sqlite3.connect(tampered)
    conn.execute(change)
    conn.commit()
    conn.close()
    for read_only in (True, False):
        before = len(normalisations)
        with pytest.raises(ForeignContentError):
            open_workbook(tampered, read_only=read_only)
        assert len(normalisations) == before + 1
    open_workbook(clean).close()  # the right schema is still known as right
