"""Test set-up shared by every test: headless Qt, private folders, optional Qt block.

With ``RATER_BLOCK_QT=1`` PySide6 and ``ui`` cannot be imported and the GUI
test files (``test_ui_*.py``) are not collected: CI runs the core's tests this
way to prove the core works on a machine without Qt.
"""

import gc
import importlib.abc
import os
import sys
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BLOCKED_PACKAGES = ("PySide6", "shiboken6", "ui", "pytestqt")


class QtBlocker(importlib.abc.MetaPathFinder):
    """Refuses the GUI packages, as on a machine where they are not installed."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in BLOCKED_PACKAGES:
            raise ImportError(f"{fullname} is blocked for this test run")
        return None


if os.environ.get("RATER_BLOCK_QT") == "1":
    sys.meta_path.insert(0, QtBlocker())
    # the phone page's browser test uses no Qt at all and already ran in the Qt run: once is enough
    collect_ignore_glob = ["test_ui_*.py", "benchmarks/*", "test_room_browser.py"]


@pytest.fixture(scope="session", autouse=True)
def private_folders_for_shared_fixtures(tmp_path_factory):
    """The same for workbooks that session and module fixtures make before any test's own folders exist
    (they took backup copies in the real home folder)."""
    base = tmp_path_factory.mktemp("shared-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RATER_DATA_DIR", str(base / "data"))
        patch.setenv("RATER_CONFIG_DIR", str(base / "config"))
        yield


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory, monkeypatch):
    """Keep backups and settings of every test out of the real home folder."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RATER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("RATER_CONFIG_DIR", str(base / "config"))


@pytest.fixture(autouse=True)
def english_again():
    """Every test starts in English, Qt's own words and number formats too, whatever a test before it chose."""
    yield
    from rater_desktop import i18n

    if i18n.language() != "en":
        i18n.set_language("en")
    qt_language = sys.modules.get("ui.qt_language")
    if qt_language is not None:
        qt_language.follow_app_language()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo workbook, written once per test run (tests copy it rather than write it again)."""
    from rater_desktop.demo import write_demo

    return write_demo(tmp_path_factory.mktemp("demo-template") / "demo.rater")


@pytest.fixture
def demo_copy(demo_template, tmp_path):
    """A private copy of the demo workbook that the test may change."""
    import shutil

    return shutil.copyfile(demo_template, tmp_path / "demo.rater")


LEAK_GRACE_MS = 10_000
"""how long a thread a test started may take to finish after it (a chart being drawn, a warm-up)"""


@pytest.fixture(autouse=True)
def no_leftover_windows_or_threads(request):
    """Fail a test that leaves a top-level window or a running thread behind (napari's leak checks).

    Runs after the test's own fixtures and pytest-qt's closing of the widgets it
    was given (``qtbot.addWidget``).  Windows still alive then (deletions
    processed, garbage collected) were never handed to anything that closes
    them; a thread still running after a grace period would outlive its test
    and disturb the next.  Qt's own pool threads are checked through the pools.
    """
    before_threads = set(threading.enumerate())
    before_windows = _window_ids()
    yield
    leaks = _leftover_threads(before_threads) + _leftover_windows(before_windows)
    if leaks:
        pytest.fail("left behind: " + "; ".join(leaks), pytrace=False)


def _window_ids() -> set[int]:
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets else None
    return {id(w) for w in app.topLevelWidgets()} if app else set()


def _leftover_windows(before: set[int]) -> list[str]:
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets else None
    if app is None:
        return []
    from PySide6.QtCore import QEvent

    # Collecting the garbage takes ~0.1 s with the app's modules loaded, three times a test was a
    # third of the suite's time: it only runs while new windows are still there (a window cannot
    # appear by being collected), after the deletions already asked for, and up to three times as before.
    for collect in (False, True, True, True):
        if not _new_windows(app, before):
            return []
        if collect:
            gc.collect()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    return _new_windows(app, before)


def _new_windows(app, before: set[int]) -> list[str]:
    """The top-level windows made since ``before``, by name only (a reference kept would keep them alive)."""
    return [f"window {type(w).__name__} {w.objectName()!r}" for w in app.topLevelWidgets()
            if id(w) not in before and type(w).__name__ not in QT_INTERNAL_WINDOWS]


QT_INTERNAL_WINDOWS = {"QTipLabel"}
"""windows Qt makes for itself once and keeps (the tooltip)"""


def _leftover_threads(before: set[threading.Thread]) -> list[str]:
    leaks = []
    core = sys.modules.get("PySide6.QtCore")
    if core is not None:
        pools = [core.QThreadPool.globalInstance()]
        canvas = sys.modules.get("ui.widgets.chart_canvas")
        if canvas is not None and canvas._POOL is not None:
            pools.append(canvas._POOL)
        leaks += [f"{pool.activeThreadCount()} busy pool thread(s)" for pool in pools
                  if not pool.waitForDone(LEAK_GRACE_MS)]
    for thread in set(threading.enumerate()) - before:
        if isinstance(thread, threading._DummyThread):  # a Qt pool thread that ran Python: checked above
            continue
        thread.join(LEAK_GRACE_MS / 1000)
        if thread.is_alive():
            leaks.append(f"thread {thread.name!r}")
    return leaks


@pytest.fixture(autouse=True)
def no_network_adapters(monkeypatch):
    """Tests never read, show or use this machine's network addresses (room voting lists them):
    the adapters look absent; a test that needs one offers 127.0.0.1 itself."""
    import ifaddr

    monkeypatch.setattr(ifaddr, "get_adapters", lambda *args, **kwargs: [])
