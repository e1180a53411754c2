"""What the app remembers lives in RATER_CONFIG_DIR and survives a fresh Settings."""

import os
from pathlib import Path

from ui.settings import MAX_RECENT, Settings


def test_settings_file_is_in_the_config_folder():
    settings = Settings()
    settings.set_language("vi")
    settings.sync()
    assert (Path(os.environ["RATER_CONFIG_DIR"]) / "settings.ini").is_file()
    assert Settings().language() == "vi"


def test_recent_files_newest_first_without_duplicates(tmp_path):
    settings = Settings()
    a, b = tmp_path / "a.rater", tmp_path / "b.rater"
    settings.add_recent_file(a)
    settings.add_recent_file(b)
    settings.add_recent_file(a)
    assert Settings().recent_files() == [str(a), str(b)]
    settings.remove_recent_file(b)
    assert Settings().recent_files() == [str(a)]


def test_one_recent_file_reads_back_as_a_list(tmp_path):
    # An INI file cannot tell a one-element list from a string.
    Settings().add_recent_file(tmp_path / "only.rater")
    assert Settings().recent_files() == [str(tmp_path / "only.rater")]


def test_recent_files_keep_the_newest_ten(tmp_path):
    settings = Settings()
    for n in range(MAX_RECENT + 3):
        settings.add_recent_file(tmp_path / f"{n}.rater")
    assert MAX_RECENT == 10
    assert Settings().recent_files() == [str(tmp_path / f"{n}.rater") for n in range(12, 2, -1)]


def test_first_run_until_marked_done():
    assert Settings().is_first_run()
    Settings().set_first_run_done()
    assert not Settings().is_first_run()


def test_quitting_without_changes_leaves_the_settings_file_as_it_was(tmp_path):
    from ui.qt import QByteArray

    file = Path(os.environ["RATER_CONFIG_DIR"]) / "settings.ini"
    first = Settings()
    first.set_window_layout(QByteArray(b"geometry"), QByteArray(b"state"))
    first.set_last_open_file(tmp_path / "a.rater")
    first.add_recent_file(tmp_path / "a.rater")
    first.set_first_run_done()
    first.set_language("vi")
    first.sync()
    written = file.stat()
    again = Settings()  # the next run quits having changed nothing
    again.set_window_layout(QByteArray(b"geometry"), QByteArray(b"state"))
    again.set_last_open_file(tmp_path / "a.rater")
    again.add_recent_file(tmp_path / "a.rater")
    again.set_first_run_done()
    again.set_language("vi")
    again.sync()
    assert (file.stat().st_ino, file.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    again.set_window_layout(QByteArray(b"moved"), QByteArray(b"state"))
    again.sync()
    assert Settings().geometry() == QByteArray(b"moved")
