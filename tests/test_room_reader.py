"""The round read for the window off its thread while phones vote, and handed to its cache."""

from __future__ import annotations

from room_support import round_book  # noqa: F401  (fixture)

from rater_desktop.changes import Change, ChangeKind
from rater_desktop.operations import Operations
from rater_desktop.room.reader import RoundReader
from rater_desktop.storage import open_companion


def test_a_phones_change_is_forgotten_at_once_and_told_later_with_the_round_read_elsewhere(round_book):
    _path, workbook, round_id, ids = round_book
    window = Operations(workbook)
    heard = []
    window.subscribe(heard.append)
    stale = window.cards.data(round_id)  # the window has read the round once

    phone_side = open_companion(workbook)  # the room writes on its own connection
    phone_side.set_dimension_grade(ids["Lan"], "empathy", "A")
    change = Change(ChangeKind.DIMENSION_GRADES, round_id, (ids["Lan"], "empathy"))
    window.forget_now(change)
    assert heard == [] and window.cards.data(round_id) is not stale  # forgotten, not told yet

    generation, surveys, customers = window.cards.parts(round_id)
    reader = RoundReader(workbook, round_id)
    data, card = reader.read(surveys, customers).result(timeout=30)
    reader.close()
    window.cards.keep(round_id, generation, data, card)
    assert window.cards.data(round_id) is data and card.dimension("empathy").internal.n == 1
    window.tell([change])
    assert heard == [change]
    phone_side.close()


def test_a_round_read_before_another_change_is_not_kept(round_book):
    _path, workbook, round_id, ids = round_book
    window = Operations(workbook)
    generation, surveys, customers = window.cards.parts(round_id)
    reader = RoundReader(workbook, round_id)
    data, card = reader.read(surveys, customers).result(timeout=30)
    reader.close()
    window.set_dimension_grade(ids["Minh"], "tangibles", "C")  # the round changed meanwhile
    window.cards.keep(round_id, generation, data, card)
    assert window.cards.data(round_id) is not data
    assert window.cards.card(round_id).dimension("tangibles").internal.n == 1
