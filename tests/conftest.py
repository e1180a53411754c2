"""Test set-up shared by every test: headless Qt, private folders, optional Qt block.

With ``RATER_BLOCK_QT=1`` PySide6 and ``ui`` cannot be imported and the GUI
test files (``test_ui_*.py``) are not collected: CI runs the core's tests this
way to prove the core works on a machine without Qt.
"""

import importlib.abc
import os
import sys

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


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory, monkeypatch):
    """Keep backups and settings of every test out of the real home folder."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RATER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("RATER_CONFIG_DIR", str(base / "config"))
