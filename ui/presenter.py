"""What the room sees during a workshop: the reveal, and the voting progress.

Two pieces, both fed by the facilitator's :class:`ui.pages.workshop.WorkshopPage`:

- :class:`RevealPanel` draws one dimension's reveal (anonymous dot rows per
  letter, team mean, customers' grade, why it is on the agenda) from a
  :class:`rater_desktop.sessions.reveal.Reveal`, the only source that applies the
  privacy rule.  The facilitator view and the presenter use the same panel, at
  different sizes, so the room never sees something the facilitator did not.
- :class:`PresenterWindow` is a second top-level window for a projector: dark
  background, white text, large type.  While people vote it shows nothing but
  the hand-over line and "n of m done", never a grade; while room voting is
  on, the QR code and the address to join beside it, for latecomers.
"""

from __future__ import annotations

from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QGridLayout

from rater_desktop import scoring
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _, format_number
from rater_desktop.model import LETTERS
from rater_desktop.report.content import flag_word
from rater_desktop.sessions.reveal import Reveal
from ui.qt import QFont, QHBoxLayout, QLabel, QStackedWidget, Qt, QVBoxLayout, QWidget
from ui.widgets.qr import QrCode

DOT = "●"
DESIGN_HEIGHT = 720
"""Screen height (pixels) the presenter's point sizes are chosen for."""
PRESENTER_STYLE = "QWidget#presenter { background: #101418; } QLabel { color: #ffffff; }"
"""High contrast for a projector in a lit room: white on near-black."""
REASON_WORDS = {
    "disagreement": lambda: _("The team disagrees: the votes are spread over more than one grade."),
    "blind_spot": lambda: _("Blind spot: the team rates itself higher than the customers do."),
    "hidden_strength": lambda: _("Hidden strength: the customers rate the team higher than it rates itself."),
}


def _sized(label: QLabel, points: float, bold: bool = False) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    label.setFont(font)
    label.setProperty("designPoints", points)
    return label


def dot_row(count: int) -> str:
    """One dot per vote, then the count; zero-width spaces let thirty dots wrap
    instead of widening the window past the screen."""
    return "\u200b".join(DOT * count) + f"  {count}" if count else ""


def reason_texts(reasons: tuple[str, ...]) -> list[str]:
    return [REASON_WORDS[code]() for code in reasons if code in REASON_WORDS]


class RevealPanel(QWidget):
    """One dimension's reveal; ``base`` is the body text size in points."""

    def __init__(self, base: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _sized(QLabel(), base * 1.6, bold=True)
        self.title.setObjectName("revealTitle")
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        grid = QVBoxLayout()
        grid.setSpacing(0)
        for letter in LETTERS:
            row = QHBoxLayout()
            name = _sized(QLabel(letter), base * 1.8, bold=True)
            name.setMinimumWidth(int(base * 3))
            dots = _sized(QLabel(), base * 1.4)
            dots.setWordWrap(True)
            dots.setObjectName(f"dots{letter}")
            row.addWidget(name)
            row.addWidget(dots, 1)
            grid.addLayout(row)
            self.rows[letter] = (name, dots)
        self.withheld = _sized(QLabel(), base)
        self.withheld.setWordWrap(True)
        self.team = _sized(QLabel(), base, bold=True)
        self.team.setObjectName("revealTeam")
        self.customer = _sized(QLabel(), base, bold=True)
        self.customer.setObjectName("revealCustomer")
        self.team_grade = _sized(QLabel(), base * 3.2, bold=True)
        self.customer_grade = _sized(QLabel(), base * 3.2, bold=True)
        grades = QGridLayout()
        grades.addWidget(self.team_grade, 0, 0)
        grades.addWidget(self.customer_grade, 0, 1)
        grades.addWidget(self.team, 1, 0)
        grades.addWidget(self.customer, 1, 1)
        self.consensus = _sized(QLabel(), base)
        self.reasons = _sized(QLabel(), base)
        self.reasons.setObjectName("revealReasons")
        self.reasons.setWordWrap(True)
        self.words = QVBoxLayout()
        self.words.addLayout(grades)
        for label in (self.team, self.customer, self.consensus, self.reasons):
            label.setWordWrap(True)
        self.words.addWidget(self.consensus)
        self.words.addWidget(self.reasons)
        self.words.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(grid, 1)
        body.addLayout(self.words, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.withheld)
        layout.addLayout(body, 1)

    def show_reveal(self, reveal: Reveal, reasons: tuple[str, ...]) -> None:
        self.title.setText(dimension_name(reveal.dimension))
        named: dict[str, list[str]] = {}
        for vote, person in zip(reveal.votes, reveal.names):  # names only when the workbook allows them
            named.setdefault(scoring.points_letter(vote), []).append(person)
        for letter, (name, dots) in self.rows.items():
            count = reveal.distribution.get(letter, 0)
            name.setVisible(not reveal.withheld)
            dots.setVisible(not reveal.withheld)
            people = ", ".join(named.get(letter, ()))
            dots.setText(f"{dot_row(count)}  ({people})" if people else dot_row(count))
        self.withheld.setVisible(reveal.withheld)
        self.withheld.setText(_(
            "Fewer than 3 people voted on this dimension, so only the team mean is shown.") if reveal.withheld else "")
        self.team_grade.setText(reveal.team.grade if reveal.team else "–")
        self.team.setText(_("Team\n{mean} of 4").format(mean=format_number(reveal.team.mean, 2)) if reveal.team
                          else _("Team\nno votes yet"))
        self.customer_grade.setText(reveal.customer.grade if reveal.customer else "–")
        self.customer.setText(
            _("Customers\n{mean} of 4").format(mean=format_number(reveal.customer.mean, 2)) if reveal.customer
            else _("Customers\nno survey data"))
        self.consensus.setText(_("Agreed grade: {grade}").format(grade=reveal.consensus) if reveal.consensus else "")
        lines = reason_texts(reasons)
        if reveal.flag == "aligned":
            lines.append(flag_word("aligned") + ": " + _("the team and the customers see it alike."))
        self.reasons.setText("\n".join(lines))


class PresenterWindow(QWidget):
    """The projector's window: a mirror of the facilitator's current screen, in large type."""

    BASE_POINTS = 28.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenter")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PRESENTER_STYLE)
        self.setWindowTitle(_("RATER workshop — presenter view"))
        self.message = _sized(QLabel(), self.BASE_POINTS * 1.5, bold=True)
        self.message.setObjectName("presenterMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.join_qr = QrCode()
        self.join_qr.setObjectName("presenterQr")
        self.join_address = _sized(QLabel(), self.BASE_POINTS, bold=True)
        self.join_address.setObjectName("presenterAddress")
        self.join_address.setWordWrap(True)
        self.join_address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.join_box = QWidget()
        join_layout = QVBoxLayout(self.join_box)
        join_layout.addWidget(self.join_qr, 1)
        join_layout.addWidget(self.join_address)
        self.join_box.hide()
        self.join_url = ""
        self.panel = RevealPanel(self.BASE_POINTS)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.panel)
        self.timer = _sized(QLabel(), self.BASE_POINTS, bold=True)
        self.timer.setObjectName("presenterTimer")
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.timer)
        body = QHBoxLayout()
        body.addWidget(self.stack, 3)
        body.addWidget(self.join_box, 2)
        layout.addLayout(body, 1)
        self.show_voting(0, 0, None)

    def show_voting(self, done: int, total: int, voter: str | None, phones: int = 0) -> None:
        """Voting in progress: who has the laptop, how many are done and how many still vote on
        their phones; no grades."""
        self.timer.clear()
        if total and done >= total:
            lines = [_("Everyone has voted ({done} of {total}).").format(done=done, total=total)]
        else:
            lines = [_("Voting in progress: {done} of {total} done").format(done=done, total=total)]
        if phones:
            lines.append(_("Still voting on their phones: {count}").format(count=phones))
        if voter:
            lines.append(_("Now voting: {name}").format(name=voter))
        self.message.setText("\n\n".join(lines))
        self.stack.setCurrentWidget(self.message)
        self.join_box.setVisible(bool(self.join_url))

    def show_join(self, url: str) -> None:
        """Room voting is on at ``url`` (its code and address beside the voting progress), or off ("")."""
        self.join_url = url
        self.join_qr.set_text(url)
        # the address in two lines (no spaces in it to wrap at): the server, then the room's path
        self.join_address.setText(_("Join on your phone:\n{address}").format(address=url.replace("/j/", "\n/j/"))
                                  if url else "")
        self.join_box.setVisible(bool(url) and self.stack.currentWidget() is self.message)

    def show_reveal(self, reveal: Reveal, reasons: tuple[str, ...]) -> None:
        self.panel.show_reveal(reveal, reasons)
        self.stack.setCurrentWidget(self.panel)
        self.join_box.hide()

    def show_timer(self, text: str) -> None:
        self.timer.setText(text)

    def show_on(self, screen: QScreen) -> None:
        """Full screen on ``screen`` (a projector or second monitor); Esc leaves full screen."""
        self.showNormal()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.scale_to(screen.geometry().height())
        self.showFullScreen()
        self.raise_()

    def scale_to(self, height: int) -> None:
        """Grow the type with the screen: the layout is drawn for 720 pixels high, and on a
        1080p projector the same points would fill only the top half."""
        factor = max(1.0, height / DESIGN_HEIGHT)
        for label in self.findChildren(QLabel):
            font = QFont(label.font())
            font.setPointSizeF(label.property("designPoints") * factor)
            label.setFont(font)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            event.accept()
            return
        super().keyPressEvent(event)
