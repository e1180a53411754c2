"""The room's rules without any networking: what a phone may see, join and change.

The room drives the round's workshop session, as the window does: the tests
use one operations layer (as the ``serve`` command does) and check the
workshop's side of each rule too.
"""

from __future__ import annotations

import csv
import json

import pytest
from room_support import PEOPLE, round_book  # noqa: F401  (fixture)

from rater_desktop.analysis import report_card
from rater_desktop.changes import ChangeKind
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.operations import Operations
from rater_desktop.privacy import group_size
from rater_desktop.room.phones import NOTE_LIMIT, Refused, Room
from rater_desktop.sessions.reveal import reveal


@pytest.fixture
def room_of(round_book):
    """Make the round's room (quick unless told): ``room_of(**options) -> (room, {name: id})``."""
    _path, workbook, assessment_id, ids = round_book
    operations = Operations(workbook)

    def make(mode: str | None = "quick", **options) -> tuple[Room, dict[str, int]]:
        return Room(operations, operations.workshops.of(assessment_id), mode=mode, **options), ids

    return make


def vote(room: Room, name_id: int, key: str, **answer) -> str:
    return room.answer(name_id, {"key": key, **answer})


def test_before_joining_a_phone_sees_only_words_and_names(room_of):
    room, ids = room_of()
    room.workbook.set_grade(ids["Lan"], room.workbook.criteria()[0].id, "B", "a private note")
    shown = room.welcome("vi")
    assert set(shown) == {"text", "languages", "names", "new_names"}
    assert [n["name"] for n in shown["names"]] == list(PEOPLE)
    assert "private note" not in json.dumps(shown) and "Hostile" not in json.dumps(shown)
    assert shown["text"]["choose_name"] == "Bạn là ai? Hãy chạm vào tên của bạn."


def test_joining_binds_the_phone_and_tells_the_workshop(room_of):
    room, ids = room_of()
    heard = []
    room.operations.subscribe(lambda change: heard.append(change.kind))
    token, lan = room.join(ids["Lan"])
    assert room.participant(token) == lan == ids["Lan"]
    assert room.workshop.joined == {lan} and room.workshop.sealed  # voting under way: results sealed
    assert ChangeKind.PHONES in heard
    with pytest.raises(Refused) as refused:
        room.join(ids["Lan"])
    assert refused.value.code == "taken"


def test_the_laptop_is_not_offered_to_someone_voting_on_their_phone_until_signed_out(room_of):
    room, ids = room_of()
    _token, lan = room.join(ids["Lan"])
    statuses = {row.participant.id: row.status for row in room.workshop.roster()}
    assert statuses == {lan: "phone", ids["Minh"]: "waiting", ids[PEOPLE[2]]: "waiting"}
    assert room.workshop.suggested().id == ids["Minh"]
    room.release(lan)
    assert room.workshop.roster()[0].status == "waiting" and room.workshop.suggested().id == lan


def test_a_joined_phone_gets_the_items_and_only_its_own_answers(room_of):
    room, ids = room_of()
    _token, lan = room.join(ids["Lan"])
    minh = ids["Minh"]
    vote(room, lan, "dimension:empathy", grade="C", note="mine")
    vote(room, minh, "dimension:empathy", grade="A", note="Minh's secret")
    vote(room, minh, "continuum:2:desired", value=6)
    state = room.state(lan, "en")
    assert state["answers"] == {"dimension:empathy": {"grade": "C", "note": "mine"}}
    assert "secret" not in json.dumps(state) and "Minh" not in json.dumps(state)
    assert state["name"] == "Lan" and state["mode"] == "quick"


def test_quick_round_is_five_dimensions_then_six_continuum_questions(room_of):
    room, ids = room_of()
    keys = [item["key"] for item in room.state(ids["Lan"], "en")["items"]]
    assert keys == [f"dimension:{key}" for key in DIMENSION_KEYS] + [
        f"continuum:{n}:{kind}" for kind in ("current", "desired") for n in (1, 2, 3)]


def test_full_round_walks_visible_statements_and_situations_then_the_continuum(room_of):
    room, ids = room_of(mode="full")
    workbook = room.workbook
    before = len(room.state(ids["Lan"], "vi")["items"])
    hidden = workbook.criteria()[1]
    room.operations.set_criterion_hidden(hidden.id, True)  # the facilitator edits the set-up meanwhile
    context = room.operations.add_time_context(room.assessment_id, "After hours")
    items = room.state(ids["Lan"], "vi")["items"]
    keys = [item["key"] for item in items]
    assert f"criterion:{hidden.id}" not in keys
    assert len(keys) == len(workbook.criteria()) + 5 + 6 == before - 1 + 5
    assert keys[-7] == f"context:{context}:responsiveness"
    first = items[0]
    assert first["hint_a"] and first["hint_f"] and first["section"] == "Độ tin cậy"


def test_a_quick_round_counts_in_the_report_card_and_the_reveal(room_of):
    room, ids = room_of()
    for name, grade in zip(PEOPLE, "ABD"):
        vote(room, ids[name], "dimension:assurance", grade=grade)
    vote(room, ids["Lan"], "dimension:tangibles", grade="NA")
    data = room.workbook.read_assessment(room.assessment_id)
    card = report_card(data)
    assurance = card.dimension("assurance")
    assert assurance.internal.n == 3 and assurance.internal.mean == pytest.approx((4 + 3 + 1) / 3)
    assert card.dimension("tangibles").internal is None
    assert sorted(reveal(card, data, "assurance").votes) == [1.0, 3.0, 4.0]
    assert group_size(data) == 3  # quick voters count for the privacy rule of reports and exports
    assert room.workshop.votes_per_dimension()["assurance"] == 3


def test_statements_graded_by_a_person_win_over_their_quick_grade(room_of):
    room, ids = room_of()
    statement = next(c for c in room.workbook.criteria() if c.dimension == "empathy")
    room.workbook.set_grade(ids["Lan"], statement.id, "F")
    vote(room, ids["Lan"], "dimension:empathy", grade="A")
    empathy = report_card(room.workbook.read_assessment(room.assessment_id)).dimension("empathy")
    assert empathy.internal.n == 1 and empathy.internal.mean == 0.0


def test_changing_an_answer_replaces_it_and_nothing_lands_on_the_undo_history(room_of):
    room, ids = room_of()
    vote(room, ids["Lan"], "dimension:reliability", grade="B")
    vote(room, ids["Lan"], "dimension:reliability", grade="D", note="on second thoughts")
    assert room.state(ids["Lan"], "en")["answers"] == {
        "dimension:reliability": {"grade": "D", "note": "on second thoughts"}}
    assert not room.operations.can_undo


def test_parts_the_workshop_closes_refuse_answers_and_stay_closed_after_a_restart(room_of):
    room, ids = room_of()
    room.workshop.set_item_closed("reliability", True)
    room.workshop.set_item_closed("continuum", True)
    for key, answer in (("dimension:reliability", {"grade": "A"}), ("continuum:1:current", {"value": 2})):
        with pytest.raises(Refused) as refused:
            vote(room, ids["Lan"], key, **answer)
        assert refused.value.code == "closed"
    vote(room, ids["Lan"], "dimension:empathy", grade="A")
    room.keep_state()
    fresh = Operations(room.workbook)
    again = Room(fresh, fresh.workshops.of(room.assessment_id))
    assert again.record.closed == {"reliability", "continuum"} == again.workshop.closed
    assert again.workshop.mode == "quick" and again.code == room.code


@pytest.mark.parametrize("message", [
    {"key": "criterion:1", "grade": "A"},                      # a statement, in a quick round
    {"key": "dimension:nonsense", "grade": "A"},
    {"key": "dimension:empathy", "grade": "E"},
    {"key": "dimension:empathy", "grade": "A", "note": 7},
    {"key": "dimension:empathy", "grade": "A", "note": "x" * (NOTE_LIMIT + 1)},
    {"key": "continuum:1:current", "value": 8},
    {"key": "continuum:1:current", "value": True},
    {"key": "continuum:4:current", "value": 3},
    {"key": ["dimension:empathy"], "grade": "A"},
    {},
])
def test_answers_that_make_no_sense_are_refused_and_nothing_is_written(room_of, message):
    room, ids = room_of()
    with pytest.raises(Refused):
        room.answer(ids["Lan"], message)
    assert room.state(ids["Lan"], "en")["answers"] == {}


def test_markup_in_a_note_is_kept_as_plain_text_and_control_characters_go(room_of):
    room, ids = room_of()
    vote(room, ids["Lan"], "dimension:empathy", grade="A", note="<img src=x onerror=alert(1)>\x00\x1b")
    assert room.state(ids["Lan"], "en")["answers"]["dimension:empathy"]["note"] == "<img src=x onerror=alert(1)>"


def test_a_phone_adds_a_name_only_when_allowed_and_not_twice(room_of):
    room, _ids = room_of()
    with pytest.raises(Refused):
        room.join(name="Thu")
    room, _ids = room_of(new_names=True)
    _token, thu = room.join(name="  Thu ")
    assert [p.name for p in room.workbook.participants(room.assessment_id)][-1] == "Thu"
    for name in ("thu", "", "x" * 61, None, 5):
        with pytest.raises(Refused) as refused:
            room.join(name=name)
        assert refused.value.code == "name"
    assert thu in room.workbook.phone_holders(room.assessment_id)
    assert not room.operations.can_undo  # the laptop's Ctrl+Z does not remove a phone's person


def test_joining_someone_of_another_round_is_refused(room_of):
    room, _ids = room_of()
    other = room.workbook.add_assessment("Other", "2026-01-01")
    stranger = room.workbook.add_participant(other, "Stranger")
    with pytest.raises(Refused):
        room.join(stranger)


def test_a_quick_rounds_grades_are_exported_as_rows_without_a_statement(room_of, tmp_path):
    from rater_desktop.export import export_workbook

    room, ids = room_of()
    for name, grade in zip(PEOPLE, "CBA"):  # three people: per-person rows may leave the room
        vote(room, ids[name], "dimension:empathy", grade=grade, note=f"why {grade}")
    export_workbook(room.workbook, tmp_path / "out.csv")
    rows = list(csv.DictReader((tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()))
    grades = [r for r in rows if r["table"] == "internal_grades"]
    assert sorted((r["dimension"], r["criterion_id"], r["criterion"], r["grade"], r["note"]) for r in grades) == [
        ("empathy", "", "", letter, f"why {letter}") for letter in "ABC"]
