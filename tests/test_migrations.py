"""Every older schema version opens: backed up first, then migrated in order.

The loop covers each version below SCHEMA_VERSION, so a new migration is
tested from every older file without touching this test.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database
from storage_support import data_dir, digest  # noqa: F401  (autouse fixture)

from rater_desktop.storage import APPLICATION_ID, SCHEMA_VERSION, open_workbook
from rater_desktop.storage.backups import list_backups
from rater_desktop.storage.migrations import migration_names, migrations


def build_at_version(path, version: int) -> None:
    """A workbook file exactly as the app of schema ``version`` would have made it."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    names = migration_names()
    stop = names[version] if version < len(names) else None
    migrations().apply(Database(conn), stop_before=stop)
    conn.close()


def schema_of(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '_sqlite_migrations%' ORDER BY name"
    ).fetchall()
    conn.close()
    return rows


def header(path) -> tuple[int, int]:
    head = path.read_bytes()[:100]
    return int.from_bytes(head[68:72], "big"), int.from_bytes(head[60:64], "big")


def test_migration_n_stamps_user_version_n(tmp_path):
    for version in range(SCHEMA_VERSION + 1):
        path = tmp_path / f"v{version}.rater"
        build_at_version(path, version)
        assert header(path) == (APPLICATION_ID, version)


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_older_workbook_is_backed_up_then_migrated_to_the_current_schema(tmp_path, version):
    current = tmp_path / "current.rater"
    build_at_version(current, SCHEMA_VERSION)
    old = tmp_path / "old.rater"
    build_at_version(old, version)
    original = digest(old)

    with open_workbook(old) as wb:
        assert wb.organisation() == ""
        assert wb._db.execute("PRAGMA user_version").fetchall() == [(SCHEMA_VERSION,)]
    assert header(old) == (APPLICATION_ID, SCHEMA_VERSION)
    assert schema_of(old) == schema_of(current)
    (backup,) = list_backups(old)
    assert header(backup) == (APPLICATION_ID, version)
    applied = [row[0] for row in sqlite3.connect(old).execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == migration_names()
    assert original != digest(old)


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_older_workbook_opened_read_only_is_migrated_in_memory_only(tmp_path, version):
    old = tmp_path / "old.rater"
    build_at_version(old, version)
    before = digest(old)
    with open_workbook(old, read_only=True) as wb:
        assert wb.criteria() == [] and wb.assessments() == []
    assert digest(old) == before and list_backups(old) == []


def test_current_workbook_is_not_migrated_again(tmp_path):
    path = tmp_path / "current.rater"
    build_at_version(path, SCHEMA_VERSION)
    before = schema_of(path)
    with open_workbook(path):
        pass
    assert schema_of(path) == before and header(path) == (APPLICATION_ID, SCHEMA_VERSION)


def test_surveys_imported_before_version_2_stay_in_the_comparison(tmp_path):
    """A survey already counted in a client's comparison must not vanish after an upgrade."""
    old = tmp_path / "v1.rater"
    build_at_version(old, 1)
    conn = sqlite3.connect(old)
    conn.execute("INSERT INTO assessments (id, name, date, created) VALUES (1, 'R', '2026-01-01', '2026-01-01')")
    conn.execute(
        "INSERT INTO surveys (assessment_id, source_name, file_hash, row_count, imported, scale_min, scale_max)"
        " VALUES (1, 'export.csv', 'h', 3, '2026-01-02T10:00:00', 1, 5)"
    )
    conn.commit()
    conn.close()
    with open_workbook(old) as wb:
        rows = wb._db.execute("SELECT source_name, included, tool FROM surveys").fetchall()
        comments = wb._db.execute("SELECT COUNT(*) FROM survey_comments").fetchone()
    assert rows == [("export.csv", 1, "")]
    assert comments == (0,)
