"""Workshop logic: discussion order, the privacy rule of a reveal, who votes next."""

from __future__ import annotations

import math

import pytest
from round_data import card_of, make_round

from rater_desktop.analysis import report_card
from rater_desktop.model import Participant
from rater_desktop.sessions.reveal import discussion_queue, reveal
from rater_desktop.sessions.workshop import finished_voters, next_voter

QUEUE_LETTERS = {
    "reliability": ("A", "A", "A"),     # 4, 4, 4: sd 0
    "assurance": ("A", "C", "F"),       # 4, 2, 0: sd 2
    "tangibles": ("B", "B", "C"),       # 3, 3, 2: mean 8/3, sd sqrt(1/3)
    "empathy": ("B", "B", "B"),         # sd 0
}
QUEUE_CUSTOMERS = {
    "reliability": [2.0] * 5,           # gap +2 -> blind spot
    "assurance": [2.0] * 2,             # 2 respondents -> few responses, gap not counted
    "tangibles": [4.0] * 5,             # gap 8/3 - 4 = -4/3 -> hidden strength
    "empathy": [3.0] * 5,               # gap 0 -> aligned
    "responsiveness": [1.0] * 5,        # nobody on the team graded it -> no gap, left out
}


def test_queue_orders_by_spread_plus_absolute_gap():
    queue = discussion_queue(card_of(QUEUE_LETTERS, QUEUE_CUSTOMERS))
    # reliability 0 + 2 = 2 (ties with assurance 2 + 0, first in key order),
    # tangibles sqrt(1/3) + 4/3 = 1.911, empathy 0.
    assert [item.dimension for item in queue] == ["reliability", "assurance", "tangibles", "empathy"]
    assert [item.priority for item in queue] == pytest.approx([2.0, 2.0, math.sqrt(1 / 3) + 4 / 3, 0.0])
    assert queue[0].reasons == ("blind_spot",)
    assert queue[1].reasons == ("disagreement",)
    assert queue[1].gap is None and queue[1].flag == "few_responses"
    assert queue[2].reasons == ("hidden_strength",)
    assert queue[3].reasons == ()


def test_queue_without_customers_is_by_spread_alone():
    queue = discussion_queue(card_of({"reliability": ("A", "B"), "empathy": ("A", "F"), "tangibles": ("C", "C")}))
    assert [item.dimension for item in queue] == ["empathy", "reliability", "tangibles"]
    assert queue[0].spread == pytest.approx(math.sqrt(8))


def test_reveal_of_two_people_shows_no_per_person_results():
    data = make_round({"empathy": ("A", "C")}, {"empathy": [1.0] * 6}, show_names=True)
    shown = reveal(report_card(data), data, "empathy")
    assert shown.withheld and shown.voters == 2
    assert shown.distribution == {} and shown.votes == () and shown.names == ()
    assert shown.team.mean == 3.0 and shown.customer.mean == 1.0 and shown.flag == "blind_spot"


def test_reveal_hides_names_and_order_by_default():
    data = make_round({"empathy": ("A", "F", "C", "")})  # the fourth person did not grade it
    shown = reveal(report_card(data), data, "empathy")
    assert not shown.withheld and shown.voters == 3
    assert shown.votes == (0.0, 2.0, 4.0)  # sorted, not in participant order
    assert shown.names == ()
    assert shown.distribution == {"A": 1, "B": 0, "C": 1, "D": 0, "F": 1}


def test_reveal_names_votes_only_when_the_workbook_allows():
    data = make_round({"empathy": ("A", "F", "C")}, show_names=True, consensus={"empathy": "C"})
    shown = reveal(report_card(data), data, "empathy")
    assert list(zip(shown.names, shown.votes)) == [("Ana", 4.0), ("Binh", 0.0), ("Chi", 2.0)]
    assert shown.consensus == "C"


def test_reveal_skips_not_applicable_votes():
    data = make_round({"assurance": ("NA", "B", "B", "D")})
    shown = reveal(report_card(data), data, "assurance")
    assert shown.voters == 3 and shown.votes == (1.0, 3.0, 3.0)


PEOPLE = [Participant(i, name) for i, name in enumerate(("Ana", "Binh", "Chi", "Dung"), start=1)]


def test_next_voter_goes_in_order_then_back_to_the_skipped():
    assert next_voter(PEOPLE, set()).name == "Ana"
    assert next_voter(PEOPLE, {1}, skipped={2}).name == "Chi"
    assert next_voter(PEOPLE, {1, 3, 4}, skipped={2}).name == "Binh"
    assert next_voter(PEOPLE, {1, 2, 3, 4}) is None


def test_finished_voters_need_every_visible_criterion():
    data = make_round({key: ("B", "NA", "") for key in ("reliability", "assurance", "tangibles", "empathy",
                                                         "responsiveness")})
    assert finished_voters(data) == {1, 2}
    partial = make_round({"reliability": ("B", "B"), "empathy": ("", "C")})
    assert finished_voters(partial, ["reliability"]) == {1, 2}
    assert finished_voters(partial) == set()
