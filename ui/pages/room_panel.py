"""Room voting on the workshop page: start it, show the code to join, follow the votes, close parts.

Before the room starts the facilitator chooses the questions (quick round or
the full list), whether phones may add a name, and the network; the panel
says beforehand what to do without a network, on guest Wi-Fi and about the
Windows firewall.  While it runs: the QR code and the address in words (kept
on screen for latecomers), who joined on a phone, and per dimension "7 of 9
have voted" with a button to close voting on it — never a grade.

The panel draws what the round's workshop session holds (mode, closed parts,
votes per dimension) and drives the room through :func:`ui.room_bridge.room_for`,
which outlives the page.  Phones' answers reach it gathered, about once a
second, with the round already read off the window's thread (see
``ui.room_bridge``), so redrawing the counts costs the window little.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QListWidget, QListWidgetItem, QSizePolicy

from rater_desktop.changes import ANSWER_KINDS, Change, ChangeKind
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.operations import Operations
from rater_desktop.room import addresses as network
from rater_desktop.room.addresses import LocalAddress, advice, advice_text
from ui.qt import QComboBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget, Qt, QVBoxLayout, QWidget, Signal
from ui.room_bridge import room_for
from ui.widgets.fonts import enlarge
from ui.widgets.qr import QrCode

PARTS: tuple[str, ...] = (*DIMENSION_KEYS, "continuum")
HEARD = ANSWER_KINDS | {ChangeKind.PHONES, ChangeKind.PARTICIPANTS, ChangeKind.WORKSHOP}
KIND_WORDS = {
    "hotspot": lambda: _("hotspot"), "wifi": lambda: _("Wi-Fi"), "wired": lambda: _("cable"),
    "other": lambda: _("network"), "virtual": lambda: _("virtual network"),
}


def part_name(part: str) -> str:
    return _("Continuum questions") if part == "continuum" else dimension_name(part)


class RoomPanel(QWidget):
    """Room voting for round ``assessment_id`` (see the module doc)."""

    join_changed = Signal(str)
    """the join address while the room runs, "" once it stops (the presenter shows the code)"""

    def __init__(self, operations: Operations, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomPanel")
        self.operations = operations
        self.assessment_id = assessment_id
        self.workshop = operations.workshops.of(assessment_id)
        self.bridge = room_for(operations, assessment_id)
        self.addresses: list[LocalAddress] = []
        self.title = QLabel()
        enlarge(self.title, 1.3, bold=True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_setup())
        self.stack.addWidget(self._build_running())
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)

        self.bridge.started.connect(self._started)
        self.bridge.failed.connect(self._failed)
        self.bridge.stopped.connect(self._stopped)
        stop = operations.subscribe(self._heard)
        self.destroyed.connect(lambda *_args, stop=stop: stop())
        self.retranslate()
        self.stack.setCurrentIndex(1 if self.bridge.running else 0)

    # -- building ------------------------------------------------------------------

    def _build_setup(self) -> QWidget:
        panel = QWidget()
        self.mode_label, self.mode = QLabel(), QComboBox()
        self.mode.setObjectName("roomMode")
        self.mode_label.setBuddy(self.mode)
        self.new_names = QCheckBox()
        self.network_label, self.network = QLabel(), QComboBox()
        self.network.setObjectName("roomNetwork")
        self.network_label.setBuddy(self.network)
        self.network.currentIndexChanged.connect(lambda *_args: self._show_advice())
        self.look_again = QPushButton()
        self.look_again.clicked.connect(self.find_networks)
        self.advice = QLabel()
        self.advice.setObjectName("roomAdvice")
        self.advice.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("startRoom")
        self.start_button.clicked.connect(self.start)
        network_row = QHBoxLayout()
        network_row.addWidget(self.network, 1)
        network_row.addWidget(self.look_again)
        layout = QVBoxLayout(panel)
        for widget in (self.mode_label, self.mode, self.new_names, self.network_label):
            layout.addWidget(widget)
        layout.addLayout(network_row)
        layout.addWidget(self.advice)
        layout.addWidget(self.start_button)
        layout.addStretch(1)
        return panel

    def _build_running(self) -> QWidget:
        panel = QWidget()
        self.qr = QrCode()
        self.qr.setObjectName("roomQr")
        self.qr.setMinimumSize(220, 220)
        self.address = QLabel()
        self.address.setObjectName("roomAddress")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setWordWrap(True)
        enlarge(self.address, 1.2, bold=True)
        self.join_help = QLabel()
        self.join_help.setWordWrap(True)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stopRoom")
        self.stop_button.clicked.connect(self.bridge.stop)
        self.progress_rows: dict[str, tuple[QLabel, QPushButton]] = {}
        grid = QGridLayout()
        for row, part in enumerate(PARTS):
            label, button = QLabel(), QPushButton()
            button.setObjectName(f"close_{part}")
            button.clicked.connect(lambda _checked=False, p=part: self.toggle_part(p))
            grid.addWidget(label, row, 0)
            grid.addWidget(button, row, 1)
            self.progress_rows[part] = (label, button)
        self.close_all = QPushButton()
        self.close_all.setObjectName("closeAllParts")
        self.close_all.clicked.connect(self.close_everything)
        self.phones_label = QLabel()
        self.phones = QListWidget()
        self.phones.setObjectName("roomPhones")
        self.phones.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.phones_label.setBuddy(self.phones)
        self.sign_out = QPushButton()
        self.sign_out.clicked.connect(self.sign_out_chosen)
        self.phones.setMaximumHeight(120)  # the panel fits a 768-pixel laptop screen with a dozen names
        layout = QVBoxLayout(panel)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.address)
        layout.addWidget(self.join_help)
        layout.addWidget(self.stop_button)
        layout.addLayout(grid)
        layout.addWidget(self.close_all)
        layout.addWidget(self.phones_label)
        layout.addWidget(self.phones)
        layout.addWidget(self.sign_out)
        layout.addStretch(1)
        return panel

    # -- before starting -----------------------------------------------------------

    def find_networks(self) -> None:
        """List the laptop's addresses a phone could reach (read when asked, never at start-up)."""
        chosen = self.network.currentData()
        self.addresses = network.local_addresses()
        self.network.clear()
        for found in self.addresses:
            self.network.addItem(_("{address} ({adapter}, {kind})").format(
                address=found.ip, adapter=found.adapter, kind=KIND_WORDS[found.kind]()), found.ip)
        self.network.setCurrentIndex(max(0, self.network.findData(chosen)))
        self._show_advice()

    def _show_advice(self) -> None:
        codes = advice(self.addresses)
        self.advice.setText("\n\n".join(advice_text(code) for code in codes))
        self.start_button.setEnabled(bool(self.addresses))

    def start(self) -> None:
        host = self.network.currentData()
        if host:
            self.start_button.setEnabled(False)
            self.bridge.start(host, self.mode.currentData(), self.new_names.isChecked())

    def _started(self, url: str) -> None:
        self.stack.setCurrentIndex(1)
        self.qr.set_text(url)
        self.address.setText(url)
        self.refresh()
        self.join_changed.emit(url)

    def _failed(self, message: str) -> None:
        self.advice.setText(message)
        self.start_button.setEnabled(bool(self.addresses))

    def _stopped(self) -> None:
        self.stack.setCurrentIndex(0)
        self._show_advice()
        self.join_changed.emit("")

    # -- while it runs -------------------------------------------------------------

    def _heard(self, change: Change) -> None:
        if change.kind in HEARD and change.touches(self.assessment_id):
            self.refresh()

    def refresh(self) -> None:
        """Counts per part, closed or open, and who joined on a phone (when the room runs and is seen)."""
        if not self.bridge.running or not self.isVisible():
            return
        data = self.workshop.data()
        counts = self.workshop.votes_per_dimension(data)
        total = len(data.participants)
        for part, (label, button) in self.progress_rows.items():
            closed = part in self.workshop.closed
            sentence = _("{part}: {done} of {total} have voted (closed)") if closed else _(
                "{part}: {done} of {total} have voted")
            label.setText(sentence.format(part=part_name(part), done=counts[part], total=total))
            button.setText(_("Reopen") if closed else _("Close voting"))
            button.setAccessibleName(_("Reopen {part}").format(part=part_name(part)) if closed
                                     else _("Close voting on {part}").format(part=part_name(part)))
        self.close_all.setEnabled(set(PARTS) - self.workshop.closed != set())
        holders = self.operations.workbook.phone_holders(self.assessment_id)
        chosen = self.phones.currentItem().data(Qt.ItemDataRole.UserRole) if self.phones.currentItem() else None
        self.phones.clear()
        for person in data.participants:
            if person.id in holders:
                item = QListWidgetItem(person.name)
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                self.phones.addItem(item)
                if person.id == chosen:
                    self.phones.setCurrentItem(item)
        self.phones_label.setText(_("On a phone ({count} of {total}):").format(count=len(holders), total=total))
        self.sign_out.setEnabled(self.phones.currentItem() is not None)

    def toggle_part(self, part: str) -> None:
        with self.operations.acting_as(self):
            self.workshop.set_item_closed(part, part not in self.workshop.closed)
        self.refresh()

    def close_everything(self) -> None:
        with self.operations.acting_as(self):
            for part in PARTS:
                if part not in self.workshop.closed:
                    self.workshop.set_item_closed(part, True)
        self.refresh()

    def sign_out_chosen(self) -> None:
        item = self.phones.currentItem()
        if item is not None:
            self.bridge.release(item.data(Qt.ItemDataRole.UserRole))

    # -- Qt ------------------------------------------------------------------------

    def _stored_mode(self) -> str:
        """The mode of this round's last room (its restart resumes it), else the quick round."""
        stored = self.operations.workbook.room(self.assessment_id)
        return stored.mode if stored else "quick"

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self.addresses:
            self.find_networks()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(_("Room voting on phones"))
        self.mode_label.setText(_("&Questions on the phones:"))
        current = self.mode.currentData() or self._stored_mode()
        self.mode.clear()
        # short items, so the narrow panel shows them whole; what each means is its tooltip
        self.mode.addItem(_("Quick round (about 2 minutes)"), "quick")
        self.mode.setItemData(0, _("Quick round: one grade per dimension and the continuum (about 2 minutes)"),
                              Qt.ItemDataRole.ToolTipRole)
        self.mode.addItem(_("Full list: every statement"), "full")
        self.mode.setCurrentIndex(max(0, self.mode.findData(current)))
        self.new_names.setText(_("Phones may add a name that is not on the list"))
        self.network_label.setText(_("&Network the phones are on:"))
        self.look_again.setText(_("Look again"))
        self.start_button.setText(_("Start room voting"))
        self.join_help.setText(_("Phones scan the code or open the address in their browser. Keep this on "
                                 "screen for latecomers."))
        self.close_all.setText(_("Close voting on everything"))
        self.sign_out.setText(_("Sign this phone out"))
        self.stop_button.setText(_("Stop room voting"))
        if self.bridge.url:
            self.qr.set_text(self.bridge.url)
            self.address.setText(self.bridge.url)
        self.refresh()
