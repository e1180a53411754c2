"""The demo workbook tells one believable story, in English or Vietnamese."""

from __future__ import annotations

import re
import tomllib

import pytest

from rater_desktop.analysis import report_card
from rater_desktop.demo import words, write_demo
from rater_desktop.i18n import resources_dir
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.sessions.reveal import reveal
from rater_desktop.storage import WorkbookAccessError, open_workbook


@pytest.fixture(scope="module", params=["en", "vi"])
def demo(request, tmp_path_factory):
    path = write_demo(tmp_path_factory.mktemp("demo") / f"{request.param}.rater", request.param)
    with open_workbook(path, read_only=True) as wb:
        rounds = [wb.read_assessment(a.id) for a in wb.assessments()]
    return request.param, rounds


def test_both_demos_have_the_same_keys():
    en, vi = (tomllib.loads((resources_dir() / "demo" / f"{lang}.toml").read_text("utf-8")) for lang in ("en", "vi"))

    def shape(value):
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value] if value and isinstance(value[0], (dict, list)) else len(value)
        return type(value).__name__

    assert shape(en) == shape(vi)


def test_every_word_of_the_demo_is_in_its_language(demo):
    lang, rounds = demo
    other = words("vi" if lang == "en" else "en")
    own = words(lang)
    spring = rounds[-1]
    assert spring.organisation == own["organisation"]
    assert [data.assessment.name for data in rounds] == own["rounds"]
    texts = [p.name for p in spring.participants] + [p.role for p in spring.participants]
    texts += [c.name for c in spring.contexts] + [a.title for a in spring.actions] + [a.owner for a in spring.actions]
    texts += [g.note for g in spring.grades if g.note] + [c.rationale for c in spring.consensus]
    texts += [c.text for c in spring.comments] + [c.text for c in spring.criteria]
    foreign = {other["organisation"], *(name for name, _role in other["participants"]),
               *(note[tone] for note in other["notes"].values() for tone in ("good", "poor"))}
    assert texts and not foreign & set(texts)
    if lang == "vi":
        assert spring.criteria[0].text.startswith("Chúng tôi")


def test_notes_belong_to_their_statement_and_fit_the_grade(demo):
    lang, rounds = demo
    notes = words(lang)["notes"]
    for data in rounds:
        keys = {c.id: c.builtin_key for c in data.criteria}
        noted = [g for g in data.grades if g.note]
        assert len(noted) >= 20
        for grade in noted:
            tone = "good" if grade.grade in ("A", "B") else "poor"
            assert grade.note == notes[keys[grade.criterion_id]][tone]
        # each note at most once per round
        assert len({g.note for g in noted}) == len(noted)


def test_rationales_are_different_for_every_dimension_and_round(demo):
    _lang, rounds = demo
    rationales = [c.rationale for data in rounds for c in data.consensus]
    assert len(rationales) == 10 and len(set(rationales)) == 10


VOTE_CLAIMS = {
    "en": (r"\b(one|two|three|four|five|six|seven|eight) (?:votes? )?of ([A-F])\b",
           ("one", "two", "three", "four", "five", "six", "seven", "eight")),
    "vi": (r"\b(một|hai|ba|bốn|năm|sáu|bảy|tám) phiếu ([A-F])\b",
           ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám")),
}
"""How a rationale states a vote count ("Seven votes of B", "một phiếu A"), and the number words."""


def test_vote_counts_in_rationales_match_the_reveal(demo):
    """The facilitator reveals a dimension and reads its agreed rationale beside the dots: any count of
    votes the rationale states is the count the reveal shows (a demo that said 'two votes of D' under
    seven B dots and one A taught newcomers to distrust the screen)."""
    lang, rounds = demo
    pattern, numbers = VOTE_CLAIMS[lang]
    claims = 0
    for data in rounds:
        card = report_card(data)
        for agreed in data.consensus:
            shown = reveal(card, data, agreed.dimension).distribution
            for word, letter in re.findall(pattern, agreed.rationale, flags=re.IGNORECASE):
                claims += 1
                assert numbers.index(word.lower()) + 1 == shown[letter], (agreed.rationale, shown)
    assert claims >= 2


def test_each_round_has_a_survey_with_comments_and_a_zone_of_tolerance(demo):
    _lang, rounds = demo
    for data in rounds:
        card = report_card(data)
        assert all(d.customer.n >= 150 for d in card.dimensions)
        assert all(d.tolerance is not None for d in card.dimensions)
        assert len(card.comments) >= 20
        assert len({c.text for c in card.comments}) == len(card.comments)  # no comment twice
        assert len(card.statements.customer_top) == 5
    spring = report_card(rounds[-1])
    # the story: responsiveness falls below the minimum customers accept, tangibles exceeds what they desire
    positions = {d.key: d.tolerance.position for d in spring.dimensions}
    assert positions["responsiveness"] == "below" and positions["tangibles"] == "above"
    assert {d.flag for d in spring.dimensions} >= {"blind_spot", "hidden_strength"}
    assert spring.servqual_weighted is not None
    assert [p.dimension for p in spring.priorities][0] == "responsiveness"
    assert set(DIMENSION_KEYS) >= {p.dimension for p in spring.priorities}


def test_a_demo_that_fails_half_way_leaves_nothing_under_its_name(tmp_path, monkeypatch):
    # The command line filled the demo in place: killed or failing half-way, it left an empty
    # workbook named like the demo, which the window then opened as the demo.
    import rater_desktop.demo as demo_module

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(demo_module, "_import_survey", fail)
    target = tmp_path / "demo.rater"
    with pytest.raises(WorkbookAccessError) as caught:
        write_demo(target)
    assert list(tmp_path.iterdir()) == []
    assert str(caught.value).startswith("The demo “demo.rater” could not be written in") and "partial" not in str(
        caught.value)


def test_making_the_demo_leaves_no_backup_folder_of_its_temporary_name(tmp_path):
    from rater_desktop.paths import backups_dir

    write_demo(tmp_path / "demo.rater")
    assert not backups_dir().exists() or not [p for p in backups_dir().iterdir() if p.name.startswith(".")]
