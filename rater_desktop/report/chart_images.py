"""The report's chart pictures, drawn on a second core while the report is read and laid out.

Drawing the charts (importing matplotlib, then drawing) and the rest of a
report (reading the workbook, laying out the pages with reportlab) take about
as long as each other and need nothing from each other until the PDF is
written: the pages only reserve each chart's place, as a PDF form filled in at
the end.  So, where it is safe, a child process is forked as soon as a report
is asked for: it imports matplotlib while this process reads the workbook,
receives the charts to draw through a pipe, and sends the pictures back
through another.

Forking is safe only in a process with a single thread on Linux (the command
line, a batch job): a window builds its report on a worker thread, beside
Qt's own threads, and a fork there could inherit a lock another thread holds.
Everywhere else, and if the child fails for any reason, the charts are drawn
here, one after another.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable, Sequence

from rater_desktop.report.model import Chart

Picture = tuple[int, int, bytes]
"""a chart as (pixels wide, pixels high, RGB bytes)"""


def _draw_all(blocks: Sequence[Chart], width_in: float, dpi: int,
              tick: Callable[[int], None] = lambda done: None) -> list[Picture]:
    from rater_desktop import charts

    renderer = charts.ImageRenderer(dpi)
    pictures = []
    for done, block in enumerate(blocks, start=1):
        image = renderer.render(block.spec, width_in=width_in, height_in=width_in * block.aspect)
        pictures.append((image.width, image.height, image.tobytes()))
        tick(done)
    return pictures


def _can_fork() -> bool:
    """Linux, one thread, and no Qt loaded (a GUI process runs threads Python does not count)."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
            and "PySide6" not in sys.modules)


def _child(requests: int, answers: int, width_in: float, dpi: int) -> None:
    """In the forked child: get ready, wait for the charts, draw them, send them, leave (never returns)."""
    status = 1
    try:
        payload = b""
        try:
            from rater_desktop import charts, customer_charts  # noqa: F401  (matplotlib loads while the parent reads)

            charts.ImageRenderer(dpi)
            with os.fdopen(requests, "rb") as pipe:
                blocks = pickle.loads(pipe.read())
            payload, status = pickle.dumps(_draw_all(blocks, width_in, dpi)), 0
        finally:
            with os.fdopen(answers, "wb") as pipe:
                pipe.write(payload)
    except BaseException:  # noqa: BLE001, S110 - the parent sees the failure and draws the charts itself
        status = 1
    finally:
        os._exit(status)


class ChartImages:
    """The pictures of a report's charts: a helper process started early where possible, else drawn here."""

    def __init__(self, width_in: float, dpi: int) -> None:
        self.width_in, self.dpi = width_in, dpi
        self.blocks: list[Chart] = []
        self._pictures: list[Picture] | None = None
        self._pid: int | None = None
        """the helper process while it runs; its request and answer pipes while they are open"""
        self._requests: int | None = None
        self._answers: int | None = None
        if _can_fork():
            self._fork()

    def _fork(self) -> None:
        request_read, request_write = os.pipe()
        answer_read, answer_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(request_write)
            os.close(answer_read)
            _child(request_read, answer_write, self.width_in, self.dpi)
        os.close(request_read)
        os.close(answer_write)
        self._pid, self._requests, self._answers = pid, request_write, answer_read

    def draw(self, blocks: Sequence[Chart], tick: Callable[[int], None] = lambda done: None) -> None:
        """Have ``blocks`` drawn: handed to the helper (returns at once), or drawn here (``tick`` after each)."""
        self.blocks = list(blocks)
        if self._pid is None:
            self._pictures = _draw_all(self.blocks, self.width_in, self.dpi, tick)
            return
        requests, self._requests = self._requests, None
        try:
            with os.fdopen(requests, "wb") as pipe:
                pipe.write(pickle.dumps(self.blocks))
        except OSError:  # the helper is gone: pictures() finds out and draws here
            pass

    def pictures(self) -> list[Picture]:
        """Every chart's picture, in the order drawn, waiting for the helper when it is still drawing."""
        if self._pictures is None:
            answers, self._answers = self._answers, None
            with os.fdopen(answers, "rb") as pipe:
                payload = pipe.read()
            _pid, status = os.waitpid(self._pid, 0)
            self._pid = None
            self._pictures = pickle.loads(payload) if status == 0 and payload else _draw_all(
                self.blocks, self.width_in, self.dpi)
        return self._pictures

    def stop(self) -> None:
        """End a helper still running (the report was cancelled or failed, or no chart was asked for)."""
        for end in (self._requests, self._answers):
            if end is not None:
                os.close(end)
        self._requests = self._answers = None
        if self._pid is not None:
            pid, self._pid = self._pid, None
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
