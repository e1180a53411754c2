"""A Qt widget showing one chart spec drawn by the core's chart functions.

Drawing a chart takes 60–180 ms of matplotlib (layout and rendering), too long
for the GUI thread when a page with two charts is shown.  So the chart is
rendered off the GUI thread into an image, by one chart thread for the whole
window (matplotlib is not thread-safe: one thread at a time draws), and the
view shows the image when it is ready.  A view draws only while it is visible,
and only when its spec or its size changed; matplotlib itself is imported on
that thread the first time a chart is drawn, never at start-up.
"""

from __future__ import annotations

import traceback
from typing import Any

from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from rater_desktop import i18n
from ui.qt import QThreadPool, QTimer
from ui.tasks import Task, run_in_background

_POOL: QThreadPool | None = None
_IN_FLIGHT: set[Task] = set()
"""drawings under way: kept alive here until they report, even if their view is gone meanwhile"""
SETTLE_MS = 80
"""a view draws once its spec, size and visibility have stayed put this long: the page around it
paints first, and a window being resized is drawn once, at its final size"""


def chart_pool() -> QThreadPool:
    """The one chart thread (tests wait for it before checking that no thread is left running)."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


def keep_until_reported(task: Task) -> Task:
    """Hold ``task`` until it reports: its view may be closed while the chart thread still draws."""
    _IN_FLIGHT.add(task)
    for signal in (task.signals.succeeded, task.signals.failed):
        signal.connect(lambda _result, task=task: _IN_FLIGHT.discard(task))
    return task


def render_chart(spec: Any, width: int, height: int, ratio: float, language: str) -> QImage:
    """``spec`` drawn as an image of ``width`` × ``height`` device-independent pixels (any thread)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from rater_desktop import charts

    with i18n.language_context(language):
        figure = Figure(figsize=(width / 100, height / 100), dpi=100 * ratio, layout="constrained")
        canvas = FigureCanvasAgg(figure)
        charts.draw(figure, spec)
        canvas.draw()
    columns, rows = canvas.get_width_height(physical=True)
    image = QImage(bytes(canvas.buffer_rgba()), columns, rows, QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(ratio)
    return image


class ChartView(QWidget):
    """Shows the image of a chart spec, drawn on the chart thread when visible and changed."""

    def __init__(self, parent: QWidget | None = None, *, min_height: int = 260) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._image = QLabel()
        self._image.setScaledContents(True)
        self._image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._layout.addWidget(self._image)
        self._spec: Any = None
        self._drawn: tuple | None = None
        self._asked: tuple | None = None
        self.renders = 0
        """charts drawn so far (a view that redraws needlessly shows up here)"""
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._draw_if_needed)
        self.setMinimumHeight(min_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def spec(self) -> Any:
        """The spec this view shows (or is drawing), so tests can compare it with the core's figures."""
        return self._spec

    def show_spec(self, spec: Any) -> None:
        """Show ``spec`` (a ``rater_desktop.charts`` spec); nothing to do when it is already shown."""
        if spec == self._spec:
            return
        self._spec = spec
        # The page names the view; the chart's own (translated) title tells a
        # screen reader which chart is on it now.
        self.setAccessibleDescription(spec.title)
        self._settle.start()

    def drawn(self) -> bool:
        """True when the image on screen is the current spec's."""
        return self._drawn is not None and self._drawn[0] == self._spec

    def _wanted(self) -> tuple:
        return self._spec, self.width(), self.height(), self.devicePixelRatioF(), i18n.language()

    def _draw_if_needed(self) -> None:
        if self._spec is None or not self.isVisible():
            return
        wanted = self._wanted()
        if wanted in (self._drawn, self._asked):
            return
        self._asked = wanted
        keep_until_reported(run_in_background(lambda: (wanted, render_chart(*wanted[:4], wanted[4])),
                                              self._rendered, self._failed, pool=chart_pool()))

    def _rendered(self, result: object) -> None:
        wanted, image = result
        self.renders += 1
        self._drawn = wanted
        if wanted == self._asked:
            self._asked = None
        self._image.setPixmap(QPixmap.fromImage(image))

    def _failed(self, error: object) -> None:
        """A chart that cannot be drawn leaves the space empty rather than stopping the page."""
        self._asked = None
        self._image.clear()
        traceback.print_exception(error)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Right-click (or the menu key): copy the chart, or save it as PNG or SVG."""
        if self._spec is None:
            return
        from ui.widgets.chart_export import chart_menu

        menu = chart_menu(self)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._settle.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._settle.start()
