"""Copy a chart, or save it as PNG or SVG, from its right-click menu (for slides and documents).

The image is drawn afresh from the chart's spec, at print size and in the
window's language, on the chart thread (matplotlib takes longer than the GUI
thread may wait); the clipboard gets both a bitmap and the SVG, so a slide
program takes whichever it prefers.  Saving goes through the one atomic
writer, so an existing file is replaced whole or not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rater_desktop import i18n
from rater_desktop.i18n import _
from ui.dialogs.errors import show_error
from ui.qt import QFileDialog, QMenu, QWidget
from ui.tasks import Task, run_in_background

WIDTH_IN, HEIGHT_IN, DPI = 8.0, 4.5, 150
"""A 16:9 slide-friendly size, sharp enough to print"""
FILTERS = {"png": "PNG (*.png)", "svg": "SVG (*.svg)"}


def chart_menu(view: QWidget) -> QMenu:
    """The chart's context menu: copy, save as PNG, save as SVG (the caller shows it)."""
    menu = QMenu(view)
    menu.addAction(_("Copy chart"), lambda: copy_chart(view))
    menu.addAction(_("Save chart as PNG…"), lambda: save_chart(view, "png"))
    menu.addAction(_("Save chart as SVG…"), lambda: save_chart(view, "svg"))
    return menu


def _render(spec: Any, fmt: str, language: str) -> bytes:
    from rater_desktop import charts

    with i18n.language_context(language):
        return charts.image_bytes(spec, fmt, width_in=WIDTH_IN, height_in=HEIGHT_IN, dpi=DPI)


def copy_chart(view: QWidget) -> Task | None:
    """Put the chart on the clipboard as a bitmap and as SVG; returns the drawing task (None: no chart)."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication, QImage

    from ui.widgets.chart_canvas import chart_pool, keep_until_reported

    spec, language = view.spec, i18n.language()
    if spec is None:
        return None

    def copied(result: object) -> None:
        png, svg = result
        data = QMimeData()
        data.setImageData(QImage.fromData(png, "PNG"))
        data.setData("image/svg+xml", svg)
        QGuiApplication.clipboard().setMimeData(data)

    return keep_until_reported(run_in_background(lambda: (_render(spec, "png", language), _render(spec, "svg", language)),
                                   copied, lambda error: show_error(view, _("The chart was not copied"), str(error)),
                                   pool=chart_pool()))


def save_chart(view: QWidget, fmt: str, path: str | None = None) -> Task | None:
    """Save the chart as ``fmt`` (png or svg) to ``path``, asked for when not given; returns the task."""
    from rater_desktop.files import write_atomically
    from ui.widgets.chart_canvas import chart_pool, keep_until_reported

    spec, language = view.spec, i18n.language()
    if spec is None:
        return None
    if path is None:
        suggested = f"{_file_name(spec.title)}.{fmt}"
        path, _chosen = QFileDialog.getSaveFileName(view, _("Save chart"), suggested, FILTERS[fmt])
        if not path:
            return None
    target = Path(path) if Path(path).suffix.lower() == f".{fmt}" else Path(f"{path}.{fmt}")

    def work() -> Path:
        write_atomically(target, _render(spec, fmt, language))
        return target

    return keep_until_reported(run_in_background(work, lambda _target: None,
                                   lambda error: show_error(view, _("The chart was not saved"), str(error)),
                                   pool=chart_pool()))


def _file_name(title: str) -> str:
    """A chart title as a file name: letters, digits and dashes."""
    kept = "".join(c if c.isalnum() else "-" for c in title.strip().lower())
    return "-".join(part for part in kept.split("-") if part)[:60] or "chart"


