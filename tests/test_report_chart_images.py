"""Charts drawn by a child process while the pages are laid out come back exactly as drawn here."""

from __future__ import annotations

import os
import sys
import threading
import types

import pytest

from rater_desktop import charts
from rater_desktop.report import chart_images
from rater_desktop.report.chart_images import ChartImages
from rater_desktop.report.model import Chart

BLOCKS = [Chart(charts.GapSpec("Gap", ("Reliability", "Empathy"), (0.65, -0.8), ("", ""), 0.5, "Points"), 0.4),
          Chart(charts.TrendSpec("Trend", ("R1", "R2"), (2.0, 2.5), (None, 2.2), "Team", "Customers", "Points"))]


@pytest.fixture
def forking(monkeypatch):
    """Draw in a child process even here (a test run may have Qt loaded, where reports draw in-process)."""
    monkeypatch.setattr(chart_images, "_can_fork", lambda: True)


def drawn(images: ChartImages) -> list:
    images.draw(BLOCKS)
    return images.pictures()


def test_a_child_draws_the_same_pictures_as_this_process(forking, monkeypatch):
    child = ChartImages(6.0, 60)
    assert child._pid is not None  # a helper is ready before it knows the charts
    pictures = drawn(child)
    monkeypatch.setattr(chart_images, "_can_fork", lambda: False)
    here = drawn(ChartImages(6.0, 60))
    assert [(w, h) for w, h, _pixels in pictures] == [(360, 144), (360, 162)]
    assert pictures == here


def test_a_failing_child_leaves_the_drawing_to_this_process(forking, monkeypatch):
    parent = os.getpid()
    original = chart_images._draw_all

    def fails_in_the_child(*args, **kwargs):
        if os.getpid() != parent:
            raise RuntimeError("no display for you")
        return original(*args, **kwargs)

    monkeypatch.setattr(chart_images, "_draw_all", fails_in_the_child)
    assert len(drawn(ChartImages(6.0, 60))) == 2


def test_stopping_ends_the_child_and_leaves_no_process_behind(forking):
    images = ChartImages(6.0, 60)
    pid = images._pid
    images.stop()  # before it was given any chart, as when the round cannot be read
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie


@pytest.mark.parametrize("unsafe", ["qt", "thread", "windows", "macos"])
def test_no_child_where_a_fork_is_unsafe_and_the_charts_are_drawn_here(unsafe, monkeypatch):
    """A window (Qt loaded, worker threads) and other systems (spawn, no fork) draw in-process, same pictures."""
    monkeypatch.delitem(sys.modules, "PySide6", raising=False)
    release = threading.Event()
    helper = threading.Thread(target=release.wait)
    if unsafe == "qt":
        monkeypatch.setitem(sys.modules, "PySide6", types.ModuleType("PySide6"))
    elif unsafe == "thread":
        helper.start()
    else:
        monkeypatch.setattr(sys, "platform", "win32" if unsafe == "windows" else "darwin")
    if unsafe == "windows":
        monkeypatch.delattr(os, "fork")
    forks = []
    monkeypatch.setattr(ChartImages, "_fork", lambda self: forks.append(self))
    try:
        images = ChartImages(6.0, 60)
        pictures = drawn(images)
    finally:
        release.set()
        if helper.is_alive():
            helper.join()
    assert forks == [] and images._pid is None
    assert [(w, h) for w, h, _pixels in pictures] == [(360, 144), (360, 162)]


def test_the_command_line_report_forks_only_without_qt(monkeypatch):
    """Where nothing makes a fork unsafe (one thread, Linux, no Qt), the helper starts."""
    monkeypatch.delitem(sys.modules, "PySide6", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert chart_images._can_fork() is hasattr(os, "fork")
