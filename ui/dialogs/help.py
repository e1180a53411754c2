"""In-app help (F1): the grading scale, how the figures are worked out, and the continuum.

The text follows DESIGN.md §3 (the scoring rules the code uses) in plain
words, so a facilitator can explain a result without opening the manual.
Each paragraph is its own message so translators see short, whole thoughts.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser

from rater_desktop.i18n import N_, _
from rater_desktop.model import LETTERS
from rater_desktop.scoring import LETTER_POINTS
from ui.qt import QVBoxLayout, QWidget

MEANINGS = {
    "A": N_("Excellent: we do this every time and customers notice."),
    "B": N_("Good: we do this most of the time, with small lapses."),
    "C": N_("Fair: sometimes yes, sometimes no; it depends on who is on duty."),
    "D": N_("Poor: we rarely manage it."),
    "F": N_("Failing: we do not do this, or customers suffer for it."),
}
"""What each letter of the scale means, for the person grading."""


def grade_rows() -> list[tuple[str, str, str]]:
    """(letter, points, meaning) for A–F and N/A, in the order the scale is read."""
    return [
        *((letter, str(LETTER_POINTS[letter]), _(MEANINGS[letter])) for letter in LETTERS),
        (_("N/A"), "—", _("Does not apply to us, or I cannot judge it. Left out of every mean, never counted as zero.")),
    ]


def help_html() -> str:
    """The help text as HTML in the current language (paragraph text is escaped)."""
    def para(text: str) -> str:
        return f"<p>{escape(text)}</p>"

    def heading(text: str) -> str:
        return f"<h2>{escape(text)}</h2>"

    headers = "".join(f"<th>{escape(text)}</th>" for text in (_("Grade"), _("Points"), _("Meaning")))

    rows = "".join(f"<tr><td><b>{escape(letter)}</b></td><td align='center'>{points}</td><td>{escape(meaning)}</td></tr>"
                   for letter, points, meaning in grade_rows())
    return "".join([
        heading(_("The grading scale")),
        para(_("Each statement is graded like a school report, from A (best) to F (worst). "
               "Behind every letter is a number of points, so grades can be averaged.")),
        f"<table border='1' cellpadding='4' cellspacing='0'><tr>{headers}</tr>{rows}</table>",
        para(_("An average turns back into a letter at these cut-offs: A from 3.5 points, B from 2.5, "
               "C from 1.5, D from 0.5, and F below that.")),
        heading(_("How the scores are worked out")),
        para(_("For each person we first average their own answers within a dimension. The team's score "
               "for that dimension is the average of those personal scores, counting only people who "
               "answered at least one of its statements. The overall score is the average of the five "
               "dimension scores.")),
        para(_("Customer surveys are converted to the same 0–4 points, whatever scale they used "
               "(on a 1–5 scale, 1 becomes 0 points, 3 becomes 2 and 5 becomes 4), and averaged the same "
               "way, one score per customer.")),
        para(_("The gap is the team's score minus the customers' score. When the team rates itself at "
               "least half a point higher than customers do, the dimension is marked as a blind spot: "
               "we think we are better than we look from outside. When customers rate us at least half "
               "a point higher, it is a hidden strength. With fewer than five customer answers no mark "
               "is given, because the figure is not yet reliable.")),
        heading(_("The efficiency–intimacy continuum")),
        para(_("Service sits somewhere on a line between two ends. At the efficiency end the aim is speed, "
               "low cost and the same experience for everyone. At the intimacy end the aim is knowing each "
               "customer personally and shaping the service around them. Neither end is right in itself.")),
        para(_("Everyone answers three questions twice: once for where we are today and once for where we "
               "should be. Each answer becomes a position from 0 (pure efficiency) to 100 (pure intimacy). "
               "The distance between the two positions shows which way to move, and the spread across the "
               "team shows whether people agree on it.")),
    ])


class HelpDialog(QDialog):
    """A read-only, scrollable page of the help text; opened from Help → Grading scale and continuum."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(_("Grading scale and continuum"))
        self.resize(640, 600)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName(_("Help text"))
        self.browser.setHtml(help_html())
        buttons = QDialogButtonBox()
        # Our own label: PySide6 wheels ship no Vietnamese Qt catalogue for standard buttons.
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
