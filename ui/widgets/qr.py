"""A QR code drawn square by square, crisp at any size (laptop panel and projector alike).

The modules come from :func:`rater_desktop.room.qr.qr_matrix`; the widget
only paints them, black on white with a four-module quiet zone whatever the
window's colours, so a phone's camera reads it on a dark presenter screen
too.  It names itself with the address it encodes, for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET = 4
"""Light modules around the code, as the QR standard asks."""


class QrCode(QWidget):
    """Shows the QR code of a text (the join address); empty until :meth:`set_text`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[bool]] = []
        self.text = ""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 160)

    def set_text(self, text: str) -> None:
        from rater_desktop.room.qr import qr_matrix

        self.text = text
        self._rows = qr_matrix(text) if text else []
        self.setAccessibleName(text)
        self.update()

    def modules(self) -> int:
        """Modules across, quiet zone included (0 when empty)."""
        return len(self._rows) + 2 * QUIET if self._rows else 0

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def sizeHint(self) -> QSize:
        return QSize(280, 280)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._rows:
            return
        side = min(self.width(), self.height())
        count = self.modules()
        cell = side // count  # whole pixels per module: no blurred edges
        if cell < 1:
            return
        origin_x = (self.width() - cell * count) / 2
        origin_y = (self.height() - cell * count) / 2
        painter = QPainter(self)
        painter.fillRect(QRectF(origin_x, origin_y, cell * count, cell * count), QColor("white"))
        dark = QColor("black")
        for y, row in enumerate(self._rows):
            for x, on in enumerate(row):
                if on:
                    painter.fillRect(QRectF(origin_x + (x + QUIET) * cell, origin_y + (y + QUIET) * cell, cell, cell),
                                     dark)
        painter.end()
