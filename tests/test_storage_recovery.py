"""Files left behind by a crash, a full disk, a read-only folder or a busy writer get the right sentence (points 4, 5, 8).

"Damaged" is said only when SQLite itself cannot read the file after its own
recovery; everything SQLite can read, the app shows.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from storage_support import FRAMEWORK, data_dir, digest  # noqa: F401  (autouse fixture)

from rater_desktop.cli import run_cli
from rater_desktop.storage import WorkbookAccessError, create_workbook, open_workbook

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = 60


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "client.rater"
    with create_workbook(path, "Acme", framework=FRAMEWORK) as book:
        first = book.latest_assessment_id()
        with book._write():  # one transaction: this is set-up, not the subject
            for number in range(PEOPLE):
                person = book.add_participant(first, f"Person {number} " + "x" * 300)
                for criterion in book.criteria():
                    book.set_grade(person, criterion.id, "ABCDF"[number % 5], "n" * 200)
    return path


@pytest.fixture
def graded(template, tmp_path) -> Path:
    path = tmp_path / "client.rater"
    path.write_bytes(template.read_bytes())
    return path


def run_child(script: str, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    return done


KILLED_MID_TRANSACTION = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA cache_size = 2")  # spill changed pages into the file before the commit
conn.execute("BEGIN")
conn.execute("UPDATE participants SET name = 'gone ' || id")
conn.execute("DELETE FROM grades")
os._exit(0)  # killed: the rollback journal stays hot
"""


def test_a_hot_journal_is_read_as_sqlite_would_by_every_read_only_command(graded, tmp_path, capsys):
    run_child(KILLED_MID_TRANSACTION, str(graded))
    journal = Path(f"{graded}-journal")
    assert journal.stat().st_size > 0
    before = digest(graded), digest(journal)

    with open_workbook(graded, read_only=True) as book:
        first = book.latest_assessment_id()
        assert len(book.participants(first)) == PEOPLE
        assert len(book.read_assessment(first).grades) == PEOPLE * len(FRAMEWORK)
    capsys.readouterr()
    assert run_cli(["summary", str(graded), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["dimensions"][0]["internal"]["n"] == PEOPLE
    assert run_cli(["export", str(graded), "-o", str(tmp_path / "out.csv")]) == 0
    survey = tmp_path / "s.csv"
    survey.write_text("Q1\n5\n", encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text('[dimensions]\nreliability = ["Q1"]\n', encoding="utf-8")
    assert run_cli(["import", str(graded), str(survey), "--map", str(mapping), "--dry-run"]) == 0
    assert (digest(graded), digest(journal)) == before  # reading never rolled back the user's file

    with open_workbook(graded) as book:  # a writer rolls back in place, as SQLite does
        assert len(book.participants(book.latest_assessment_id())) == PEOPLE
    assert not journal.exists()


FULL_DISK_AT_CLOSE = """
import os, resource, signal, sys
from rater_desktop.storage import open_workbook
path = sys.argv[1]
book = open_workbook(path)
book._db.execute("PRAGMA wal_autocheckpoint = 0").fetchall()
first = book.latest_assessment_id()
for number in range(300):
    book.add_participant(first, f"Late {number} " + "y" * 400)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = os.path.getsize(path) + 8192  # the disk fills while the checkpoint grows the file
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
book.close()
"""


def test_after_a_full_disk_at_close_every_answer_is_still_there(graded):
    run_child(FULL_DISK_AT_CLOSE, str(graded))
    head = graded.read_bytes()[:100]
    claimed = int.from_bytes(head[28:32], "big") * int.from_bytes(head[16:18], "big")
    assert claimed > graded.stat().st_size and Path(f"{graded}-wal").exists()  # the state the disk left

    for read_only in (True, False):
        with open_workbook(graded, read_only=read_only) as book:
            first = book.latest_assessment_id()
            assert len(book.participants(first)) == PEOPLE + 300
            assert len(book.read_assessment(first).grades) == PEOPLE * len(FRAMEWORK)


def test_a_wal_workbook_in_a_read_only_place_opens_read_only(graded, monkeypatch):
    conn = sqlite3.connect(graded)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    # As in a folder nobody may write to: SQLite cannot make the -wal it wants, os.access says no.
    Path(f"{graded}-wal").mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if mode & os.W_OK else real_access(p, mode))
    before = digest(graded)
    with open_workbook(graded, read_only=True) as book:
        assert len(book.participants(book.latest_assessment_id())) == PEOPLE
    assert digest(graded) == before


def hold_write_lock(path: Path, seconds: float) -> threading.Event:
    """Another program's write transaction on ``path`` for ``seconds``; the event is set once it holds the lock."""
    held = threading.Event()
    done = threading.Event()

    def writer() -> None:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE organisation SET name = 'Other program'")
        held.set()
        done.wait(seconds)
        conn.execute("COMMIT")
        conn.close()

    threading.Thread(target=writer, daemon=True).start()
    assert held.wait(10)
    return done


def test_a_short_lock_by_another_writer_is_waited_for(graded, tmp_path):
    from rater_desktop.importing import import_into

    survey = tmp_path / "s.csv"
    survey.write_text("Q1\n5\n4\n", encoding="utf-8")
    with open_workbook(graded) as book:  # WAL mode, as while the app has it open
        hold_write_lock(graded, 1.0)
        result = import_into(book, book.latest_assessment_id(), survey, '[dimensions]\nreliability = ["Q1"]\n')
        assert result.survey_id is not None  # waited for the other writer, then saved
        assert book.organisation() == "Other program"


def test_a_lock_held_longer_than_the_wait_says_in_use_by_another_program(graded, monkeypatch):
    import rater_desktop.storage.inspection as inspection

    monkeypatch.setattr(inspection, "BUSY_TIMEOUT", 0.2)
    with open_workbook(graded) as book:
        release = hold_write_lock(graded, 30)
        try:
            with pytest.raises(WorkbookAccessError, match="in use by another program"):
                book.set_organisation("Acme again")
        finally:
            release.set()


def test_reading_a_wal_mode_workbook_leaves_no_files_beside_it(graded, tmp_path):
    conn = sqlite3.connect(graded)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()  # header says WAL, no -wal left: what a copy from another machine looks like
    before = sorted(p.name for p in graded.parent.iterdir())
    with open_workbook(graded, read_only=True) as book:
        assert len(book.participants(book.latest_assessment_id())) == PEOPLE
    assert run_cli(["export", str(graded), "-o", str(tmp_path / "out.csv")]) == 0
    assert sorted(p.name for p in graded.parent.iterdir()) == sorted([*before, "out.csv"])
