"""Font helpers shared by the pages."""

from __future__ import annotations

from ui.qt import QFont, QWidget


def enlarge(widget: QWidget, factor: float, bold: bool = False) -> None:
    """Scale a widget's font from its current size (stays readable at 125 % / 150 % scaling)."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
