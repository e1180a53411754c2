"""What every page over the open workbook shares: the operations layer and one round.

A page listens to the operations layer for as long as its widget lives.  When
a change of a kind it shows touches its round (Anki's ``on_operation_did_execute``):
the page on screen reads itself again at once; a page in a hidden tab only
marks itself stale and reads itself again when it is shown; and the page that
made the change (its ``origin``) does nothing, because it already shows it.
Ctrl+Z reaches the operations layer when a page is used on its own; inside the
main window, Edit → Undo's shortcut takes it first and does the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.qt import QApplication, QKeySequence, QWidget

if TYPE_CHECKING:
    from rater_desktop.operations import Change, Operations


class WorkbookPage(QWidget):
    WATCHED: tuple[str, ...] = ()
    """change kinds (``Change.kind``) after which the page reads the workbook again"""

    def __init__(self, operations: Operations, assessment_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.assessment_id = assessment_id
        self.stale = False
        """a change this page shows happened while it was hidden: it reads itself again when shown"""
        self.retired = False
        """the page was dropped (see :meth:`retire`): it no longer reads or writes the workbook"""
        self._stop_watching = _nothing

    def watch(self) -> None:
        """Start listening; called once the page's widgets exist. Stops when the page retires or goes."""
        stop = self._stop_watching = self.operations.subscribe(self._on_change)
        self.destroyed.connect(lambda *_args, stop=stop: stop())

    def retire(self) -> None:
        """The page is being dropped: its workbook closes, or the round or the language changes.

        What is being typed into one of its fields is saved first: taking the
        focus away makes the field save itself, as when the person moves on.
        Then the page stops listening, and neither reads nor writes again: a
        field losing its focus later, or a late show, must not reach a
        workbook that may be closed by then.
        """
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        self.retired = True
        self._stop_watching()

    def watches(self, change: Change) -> bool:
        """True when ``change`` may alter what this page shows."""
        return change.kind in self.WATCHED and change.touches(self.assessment_id)

    def on_screen(self) -> bool:
        """True when the page is shown in its window (a page in a hidden tab is not); a page used
        on its own, as its own window, always counts as shown."""
        return self.isWindow() or self.isVisibleTo(self.window())

    def _on_change(self, change: Change) -> None:
        if self.watches(change) and change.origin is not self:
            self.refresh_when_seen()

    def refresh_when_seen(self) -> None:
        """Refresh now if the page is on screen, else when it is next shown."""
        if self.retired:
            return
        if self.on_screen():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.stale and not self.retired:
            self.stale = False
            self.refresh()

    def refresh(self) -> None:
        """Read the workbook again and show it (pages override this)."""

    def undo(self) -> None:
        """Take back the last change (the window's Edit → Undo does the same)."""
        self.operations.undo()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        super().keyPressEvent(event)


def _nothing() -> None:
    """Stops nothing: the page was not listening yet."""
