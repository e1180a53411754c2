"""The installed Qt binding must not leak references to None.

PySide6 6.12.0 on Python 3.11 drops one reference to None per call that
returns nothing; after a few thousand calls the interpreter aborts
("none_dealloc"), i.e. the app crashes a few minutes into a session. The
dependency pin keeps that release out; this test fails if it comes back.
"""

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 50
