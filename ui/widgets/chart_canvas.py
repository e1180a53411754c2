"""A Qt widget showing one chart spec drawn by the core's chart functions.

matplotlib is imported when the first chart is shown, not at start-up: it
costs about a third of a second and most sessions open a page first.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget


class ChartView(QWidget):
    """Holds a matplotlib canvas and redraws it from a chart spec."""

    def __init__(self, parent: QWidget | None = None, *, min_height: int = 260) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._canvas: Any = None
        self._spec: Any = None
        self.setMinimumHeight(min_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def spec(self) -> Any:
        """The spec last drawn, so tests can compare it with the core's figures."""
        return self._spec

    def show_spec(self, spec: Any) -> None:
        """Draw ``spec`` (a ``rater_desktop.charts`` spec) on a fresh figure."""
        from rater_desktop import charts

        canvas = self._ensure_canvas()
        canvas.figure.clear()
        charts.draw(canvas.figure, spec)
        self._spec = spec
        # The page names the view; the chart's own (translated) title tells a
        # screen reader which chart is on it now.
        self.setAccessibleDescription(spec.title)
        canvas.draw_idle()

    def _ensure_canvas(self) -> Any:
        if self._canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self._canvas = FigureCanvasQTAgg(Figure(figsize=(6, 3), layout="constrained"))
            self._layout.addWidget(self._canvas)
        return self._canvas
