"""Change notices from another thread (the phone server's) reach the views on the GUI thread."""

from __future__ import annotations

import threading

from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook
from ui.qt import QWidget
from ui.tasks import gui_thread_delivery


def test_a_change_on_another_thread_is_heard_on_the_gui_thread(qtbot, tmp_path):
    owner = QWidget()
    qtbot.addWidget(owner)
    with create_workbook(tmp_path / "t.rater", "Acme") as workbook:
        ops = Operations(workbook)
        ops.deliver = gui_thread_delivery(owner)
        heard: list[tuple[str, bool]] = []
        ops.subscribe(lambda change: heard.append((change.kind, threading.current_thread() is threading.main_thread())))
        round_id = workbook.latest_assessment_id()
        ops.add_participant(round_id, "Lan")
        assert heard == [("participants", True)]  # made on the GUI thread: heard at once
        worker = threading.Thread(target=lambda: ops.add_participant(round_id, "Minh"))
        worker.start()
        worker.join()
        assert len(heard) == 1  # not on the worker thread...
        qtbot.waitUntil(lambda: len(heard) == 2)
        assert heard[1] == ("participants", True)  # ...but on the GUI thread, once it runs its events
