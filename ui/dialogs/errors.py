"""How problems reach the user: one clear sentence in a message box.

The sentence comes from the core (``WorkbookError`` already says what is wrong
in plain words); this module only frames it, so every error looks the same.
"""

from __future__ import annotations

from ui.qt import QMessageBox, QWidget


def show_error(parent: QWidget | None, title: str, sentence: str) -> None:
    """A modal warning with ``sentence`` as its whole text."""
    QMessageBox.warning(parent, title, sentence)
