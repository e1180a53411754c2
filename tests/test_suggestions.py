"""The suggestion library: both languages alike, tied to real criteria, chosen for weak spots."""

from __future__ import annotations

import re

from round_data import CRITERION_ID, card_of

from rater_desktop.framework import builtin_criteria
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.suggestions import library, suggestions_for


def test_both_languages_have_the_same_ideas_with_the_same_links():
    english = {i.key: (i.dimension, i.criteria) for i in library("en")}
    vietnamese = {i.key: (i.dimension, i.criteria) for i in library("vi")}
    assert english == vietnamese
    assert len(english) >= 15


def test_every_dimension_has_three_to_five_ideas_on_real_criteria():
    known = {c["builtin_key"] for c in builtin_criteria("en")}
    for key in DIMENSION_KEYS:
        ideas = [i for i in library("en") if i.dimension == key]
        assert 3 <= len(ideas) <= 5, key
        for idea in ideas:
            assert idea.key.startswith(key + ".")
            assert set(idea.criteria) <= known, idea.key
    for lang in ("en", "vi"):
        assert all(re.search(r"\d", i.target) for i in library(lang)), "every target names a number"


def test_vietnamese_text_is_translated_with_diacritics():
    english = {i.key: i for i in library("en")}
    for idea in library("vi"):
        assert idea.title != english[idea.key].title and idea.target != english[idea.key].target
        assert re.search(r"[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]", idea.title + idea.detail), idea.key


def test_offers_blind_spots_first_then_the_weakest_dimension():
    card = card_of(
        {"reliability": ("A", "A", "A"), "assurance": ("A", "A", "A"), "tangibles": ("A", "A", "A"),
         "empathy": ("B", "B", "B"), "responsiveness": ("D", "D", "D")},
        {"reliability": [2.5] * 6},  # team 4, customers 2.5: blind spot
    )
    offered = suggestions_for(card, "en", dimensions=2, per_dimension=2)
    assert [s.idea.dimension for s in offered] == ["reliability", "reliability", "responsiveness", "responsiveness"]
    # the one graded criterion of each dimension comes first, with its id
    assert offered[0].reason == "weak_criterion" and offered[0].criterion_id == CRITERION_ID["reliability"]
    assert "reliability.promises" in offered[0].idea.criteria
    assert offered[1].reason == "blind_spot" and offered[1].criterion_id is None
    assert offered[2].criterion_id == CRITERION_ID["responsiveness"]
    assert offered[3].reason == "weak_dimension"


def test_nothing_to_offer_when_everything_is_an_a():
    card = card_of({key: ("A", "A", "A") for key in DIMENSION_KEYS})
    assert suggestions_for(card, "en") == []


def test_language_follows_the_argument():
    card = card_of({"empathy": ("D", "D", "D")})
    english = suggestions_for(card, "en")
    vietnamese = suggestions_for(card, "vi")
    assert [s.idea.key for s in english] == [s.idea.key for s in vietnamese]
    assert english[0].idea.title != vietnamese[0].idea.title
