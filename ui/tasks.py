"""Run slow work (writing the demo, loading heavy modules) off the GUI thread, and bring
news from other threads back to it.

The worker never touches widgets: it returns a value, and the result or the
exception reaches the GUI thread as a queued signal. Connect the callbacks to
methods of a QObject living in the GUI thread so they run there.
:func:`gui_thread_delivery` does the same for the operations layer's change
notices, whichever thread (a worker, the phone server) made the change.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from functools import partial

from ui.qt import QObject, QRunnable, QThread, QThreadPool, Signal


class TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    """carries the exception raised by the work"""


class Task(QRunnable):
    """One call of ``work()`` on the global thread pool."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self._work = work
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which decides what to say
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)


def run_in_background(
    work: Callable[[], object],
    on_success: Callable[[object], None],
    on_failure: Callable[[Exception], None],
    pool: QThreadPool | None = None,
) -> Task:
    """Start ``work`` on a thread of ``pool`` (the global one by default); keep the returned task
    alive until it reports."""
    task = Task(work)
    task.setAutoDelete(False)
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure)
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def module_ready(name: str) -> bool:
    """True when module ``name`` is imported and finished, not still running on another thread.

    ``__spec__._initializing`` is the flag the import system itself reads to decide whether an
    import has to wait for another thread's.
    """
    module = sys.modules.get(name)
    return module is not None and not getattr(getattr(module, "__spec__", None), "_initializing", False)


def import_in_background(name: str, done: Callable[[object], None]) -> Task:
    """Import module ``name`` on a pool thread, then call ``done`` (a method of a GUI-thread QObject)
    whether it worked or not: the caller imports it again on the GUI thread, at once if it worked,
    and a failure raises there, where the window's error reporter shows it."""
    return run_in_background(partial(importlib.import_module, name), done, done)


class _GuiCalls(QObject):
    """Runs the callables it is sent on the thread it lives in (the GUI thread)."""

    sent = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sent.connect(self._run)

    @staticmethod
    def _run(call: Callable[[], None]) -> None:
        call()


def gui_thread_delivery(owner: QObject) -> Callable[[Callable[[], None]], None]:
    """A ``deliver`` for :class:`rater_desktop.operations.Operations`: listeners (views) run on the
    GUI thread, at once for a change made there, queued for one made on another thread.

    ``owner`` lives on the GUI thread and keeps the courier alive.
    """
    calls = _GuiCalls(owner)

    def deliver(tell: Callable[[], None]) -> None:
        if QThread.currentThread() is calls.thread():
            tell()
        else:
            calls.sent.emit(tell)

    return deliver
