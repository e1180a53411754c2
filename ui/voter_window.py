"""The laptop handed to one voter (pass-the-laptop for people without a phone), locked.

Full screen, no tabs, nothing but that person's own grading walk; when they
finish, a thank-you and "hand the laptop back".  The window does not close,
by Esc, Alt+F4 or its close button, until the facilitator types the unlock
code they chose when the first voter took the laptop (DESIGN §10: leaving
needs the facilitator).  The workshop page hides its own window meanwhile,
so switching windows leads nowhere else either.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from rater_desktop.i18n import _
from ui.pages.grading import GradingPage
from ui.qt import QCloseEvent, QInputDialog, QLabel, QPushButton, QStackedWidget, Qt, QVBoxLayout, QWidget, Signal
from ui.widgets.fonts import enlarge

UNLOCK_MINIMUM = 4
"""Fewest characters of an unlock code."""


def choose_unlock_code(parent: QWidget) -> str | None:
    """Ask the facilitator for the code that unlocks the laptop after each voter (None: cancelled)."""
    prompt = _("Choose a code to unlock the laptop after each voter (at least {count} characters). "
               "The voter's screen stays locked until you type it.").format(count=UNLOCK_MINIMUM)
    while True:
        code, accepted = QInputDialog.getText(parent, _("Lock the laptop for voters"), prompt,
                                              QLineEdit.EchoMode.Password)
        if not accepted:
            return None
        if len(code.strip()) >= UNLOCK_MINIMUM:
            return code.strip()


class VoterWindow(QWidget):
    """``grading`` (one person's walk) full screen, until the facilitator unlocks with ``code``."""

    unlocked = Signal()

    def __init__(self, grading: GradingPage, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)  # a window of its own that goes with ``parent``
        self.setObjectName("voterWindow")
        self.setWindowTitle(_("Voting"))
        self.grading: GradingPage | None = grading
        self._code = code
        self._open = False
        self.thanks = QLabel()
        self.thanks.setObjectName("voterThanks")
        self.thanks.setWordWrap(True)
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        enlarge(self.thanks, 2.0, bold=True)
        self.unlock_button = QPushButton(_("Facilitator: unlock"))
        self.unlock_button.setObjectName("unlockVoter")
        self.unlock_button.clicked.connect(self.ask_unlock)
        self.thanks_page = thanks_page = QWidget()
        thanks_layout = QVBoxLayout(thanks_page)
        thanks_layout.addStretch(1)
        thanks_layout.addWidget(self.thanks)
        thanks_layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        thanks_layout.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(grading)
        self.stack.addWidget(thanks_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        corner = QPushButton(_("Facilitator: unlock"))
        corner.setObjectName("unlockCorner")
        corner.setFlat(True)
        corner.clicked.connect(self.ask_unlock)
        layout.addWidget(corner, 0, Qt.AlignmentFlag.AlignRight)

    def show_thanks(self, name: str) -> None:
        """The voter finished: their walk goes (nothing of it stays on screen), a thank-you stays."""
        self._drop_grading()
        self.thanks.setText(_("Thank you, {name}. Please hand the laptop back to the facilitator.").format(name=name))
        self.stack.setCurrentWidget(self.thanks_page)
        self.unlock_button.setFocus()

    def _drop_grading(self) -> None:
        if self.grading is not None:
            self.stack.removeWidget(self.grading)
            self.grading.setParent(None)
            self.grading.deleteLater()
            self.grading = None

    def ask_unlock(self) -> bool:
        """The facilitator types the code: the window closes and the workshop page comes back."""
        code, accepted = QInputDialog.getText(self, _("Facilitator"), _("Unlock code:"), QLineEdit.EchoMode.Password)
        if not accepted or code.strip() != self._code:
            return False
        self.release()
        self.unlocked.emit()
        return True

    def release(self) -> None:
        """Close without asking: the facilitator ends the turn from the workshop page itself."""
        self._open = True
        self._drop_grading()
        self.close()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.ask_unlock()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self._open:
            super().closeEvent(event)
            return
        event.ignore()
        self.ask_unlock()
