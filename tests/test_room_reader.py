"""The round read for the window off its thread while phones vote, and handed to its cache."""

from __future__ import annotations

from room_support import round_book  # noqa: F401  (fixture)

from rater_desktop.cards import drops_card
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


def test_a_read_overtaken_only_by_phones_held_for_the_next_batch_is_kept_for_the_views(round_book):
    """Sixty phones answer about every 20 ms: a read nearly always has a few of them behind it.
    Those are told (and read) with the next batch, so the views may draw this read meanwhile;
    any change they do not account for still makes it too old."""
    _path, workbook, round_id, ids = round_book
    window = Operations(workbook)
    generation, surveys, customers = window.cards.parts(round_id)
    reader = RoundReader(workbook, round_id)
    data, card = reader.read(surveys, customers).result(timeout=30)
    phones = [Change(ChangeKind.DIMENSION_GRADES, round_id, (ids["Lan"], "empathy")),
              Change(ChangeKind.PHONES, round_id, (ids["Lan"],)),  # drops no card
              Change(ChangeKind.GRADES, round_id, (ids["Minh"],))]
    for change in phones:
        window.forget_now(change)
    held = sum(drops_card(change, round_id) for change in phones)
    assert held == 2
    window.cards.keep(round_id, generation, data, card, pending=held)
    assert window.cards.data(round_id) is data

    window.forget_now(phones[0])  # one more came after the read was kept: it is dropped again
    assert window.cards.data(round_id) is not data
    generation, surveys, customers = window.cards.parts(round_id)
    data, card = reader.read(surveys, customers).result(timeout=30)
    reader.close()
    window.forget_now(phones[0])  # a phone's, held
    window.set_dimension_grade(ids["Minh"], "tangibles", "C")  # and the laptop's own, not held
    window.cards.keep(round_id, generation, data, card, pending=1)
    assert window.cards.data(round_id) is not data
