"""Files the app must refuse with one clear sentence, leaving every byte as it was."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from storage_support import FRAMEWORK, data_dir, digest, sidecars  # noqa: F401  (autouse fixture)

from rater_desktop.storage import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    DamagedWorkbookError,
    NewerVersionError,
    NotAWorkbookError,
    WorkbookAccessError,
    create_workbook,
    open_workbook,
)


@pytest.fixture
def workbook_file(tmp_path):
    path = tmp_path / "good.rater"
    with create_workbook(path, "Acme", framework=FRAMEWORK) as wb:
        first = wb.latest_assessment_id()
        for number in range(40):  # enough rows for several pages
            wb.add_participant(first, f"Participant {number} " + "x" * 200)
    return path


def assert_refused(path, error_type, *, read_only=False):
    before = digest(path)
    with pytest.raises(error_type) as caught:
        open_workbook(path, read_only=read_only)
    message = str(caught.value)
    assert path.name in message and message.count(".") >= 1 and "\n" not in message
    assert digest(path) == before and sidecars(path) == []
    return message


def test_newer_version_is_refused_and_untouched(workbook_file):
    with sqlite3.connect(workbook_file) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    for read_only in (False, True):
        assert "newer version" in assert_refused(workbook_file, NewerVersionError, read_only=read_only)


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.rater"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('hello')")
    conn.commit()
    conn.close()
    assert "another program" in assert_refused(path, NotAWorkbookError)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 this is a zip, not a workbook" * 50, os.urandom(8192)])
def test_non_sqlite_files_are_refused_and_untouched(tmp_path, content):
    path = tmp_path / "odd.rater"
    path.write_bytes(content)
    assert_refused(path, NotAWorkbookError)


@pytest.mark.parametrize("keep", [50, 4096 + 100, "half"])
def test_truncated_workbook_is_refused_as_damaged(workbook_file, keep):
    data = workbook_file.read_bytes()
    workbook_file.write_bytes(data[: len(data) // 2 if keep == "half" else keep])
    assert_refused(workbook_file, DamagedWorkbookError)


def test_workbook_with_scrambled_pages_is_refused_as_damaged(workbook_file):
    data = bytearray(workbook_file.read_bytes())
    page = 4096
    assert len(data) >= 4 * page
    data[2 * page : 3 * page] = bytes((i * 37) % 251 for i in range(page))
    workbook_file.write_bytes(bytes(data))
    assert_refused(workbook_file, DamagedWorkbookError)


def test_workbook_id_without_the_tables_is_damaged(tmp_path):
    path = tmp_path / "hollow.rater"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute("CREATE TABLE something (x)")
    conn.commit()
    conn.close()
    assert_refused(path, DamagedWorkbookError)


def test_missing_path_and_folder_are_access_errors(tmp_path):
    with pytest.raises(WorkbookAccessError, match="does not exist"):
        open_workbook(tmp_path / "nowhere.rater")
    with pytest.raises(WorkbookAccessError, match="folder"):
        open_workbook(tmp_path)
    with pytest.raises(WorkbookAccessError, match="does not exist"):
        create_workbook(tmp_path / "no" / "such" / "place.rater", framework=FRAMEWORK)
    assert list(tmp_path.iterdir()) == []


def test_create_refuses_an_existing_file(workbook_file):
    before = digest(workbook_file)
    with pytest.raises(WorkbookAccessError, match="already exists"):
        create_workbook(workbook_file, framework=FRAMEWORK)
    assert digest(workbook_file) == before


@pytest.fixture
def read_only_folder(tmp_path, monkeypatch):
    """A folder without write permission (0555).

    Root ignores permission bits, so when the tests run as root ``os.access``
    is made to answer as an ordinary user would, from the mode bits alone.
    """
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() == 0:
        real_access = os.access

        def ordinary_access(path, mode, *args, **kwargs):
            if mode & os.W_OK and not os.stat(path).st_mode & stat.S_IWUSR:
                return False
            return real_access(path, mode, *args, **kwargs)

        monkeypatch.setattr(os, "access", ordinary_access)
    yield folder
    folder.chmod(0o755)


def test_creating_in_a_read_only_folder_is_an_access_error(read_only_folder):
    read_only_folder.chmod(0o555)
    with pytest.raises(WorkbookAccessError, match="read-only"):
        create_workbook(read_only_folder / "new.rater", framework=FRAMEWORK)
    assert list(read_only_folder.iterdir()) == []


def test_workbook_in_read_only_folder_opens_read_only_only(read_only_folder):
    path = read_only_folder / "shared.rater"
    create_workbook(path, "Acme", framework=FRAMEWORK).close()
    read_only_folder.chmod(0o555)
    message = assert_refused(path, WorkbookAccessError)
    # said for the command line too, which has no read-only option (its reads are read-only already)
    assert "read-only. To change it, copy it to a folder you can write to" in message
    assert "open it read-only" not in message
    with open_workbook(path, read_only=True) as wb:
        assert wb.organisation() == "Acme"
    assert sidecars(path) == []
