"""A one-line label whose text changes often (a saved grade, a step number) without moving anything.

Setting a ``QLabel``'s text asks every layout up to the window to lay out
again, and the whole page is repainted: about 20 ms on a grading screen, most
of a key press's budget.  :class:`SteadyLabel` keeps its label outside any
layout, inside a holder of fixed height, so a new text repaints the label alone.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy

from ui.qt import QLabel, QWidget


class SteadyLabel(QWidget):
    """One line of text, as wide as its place in the layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.label.fontMetrics().height() + 6)

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name, so callers need not know)
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.label.resize(self.size())
