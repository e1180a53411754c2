"""The check that fails a test leaving a window or a thread behind (tests/conftest.py) does notice them."""

from __future__ import annotations

import threading

from conftest import _leftover_threads, _leftover_windows, _window_ids

from ui.qt import QWidget


def test_a_window_nobody_closes_is_reported(qtbot):
    before = _window_ids()
    stray = QWidget()
    stray.setObjectName("stray")
    stray.show()
    assert _leftover_windows(before) == ["window QWidget 'stray'"]
    stray.close()
    stray.deleteLater()
    del stray
    assert _leftover_windows(before) == []


def test_a_thread_still_running_is_reported(monkeypatch):
    import conftest

    monkeypatch.setattr(conftest, "LEAK_GRACE_MS", 50)
    before = set(threading.enumerate())
    release = threading.Event()
    worker = threading.Thread(target=release.wait, name="stray worker")
    worker.start()
    assert _leftover_threads(before) == ["thread 'stray worker'"]
    release.set()
    worker.join()
    assert _leftover_threads(before) == []
