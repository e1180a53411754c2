"""The built-in question bank: shape, both languages in step, our own words."""

from __future__ import annotations

import unicodedata

import pytest

from rater_desktop import framework, i18n
from rater_desktop.model import DIMENSION_KEYS

LANGS = ("en", "vi")
VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


def _all_texts(lang: str) -> list[str]:
    texts = []
    for dim in framework.dimensions(lang):
        texts += [dim.name, dim.description, dim.hint_a, dim.hint_f]
    for crit in framework.builtin_criteria(lang):
        texts += [crit["text"], crit["hint_a"], crit["hint_f"]]
    for item in framework.continuum_items(lang):
        texts += [item.label, item.left, item.right]
    return texts + framework.default_time_contexts(lang)


def _looks_vietnamese(text: str) -> bool:
    """True if the text carries Vietnamese letters or tone marks (not bare ASCII)."""
    decomposed = unicodedata.normalize("NFD", text)
    return any(ch in VIETNAMESE_LETTERS or unicodedata.combining(ch) for ch in decomposed)


@pytest.mark.parametrize("lang", LANGS)
def test_five_dimensions_in_design_order(lang):
    assert tuple(d.key for d in framework.dimensions(lang)) == DIMENSION_KEYS


@pytest.mark.parametrize("lang", LANGS)
def test_each_dimension_has_four_to_six_criteria(lang):
    criteria = framework.builtin_criteria(lang)
    for key in DIMENSION_KEYS:
        count = sum(1 for c in criteria if c["dimension"] == key)
        assert 4 <= count <= 6, f"{lang}: {key} has {count} criteria"
    # criteria come grouped in dimension order, as a new workbook should list them
    order = [c["dimension"] for c in criteria]
    assert order == sorted(order, key=DIMENSION_KEYS.index)


def test_english_and_vietnamese_have_identical_keys():
    assert [c["builtin_key"] for c in framework.builtin_criteria("en")] == [
        c["builtin_key"] for c in framework.builtin_criteria("vi")
    ]
    assert [i.item for i in framework.continuum_items("en")] == [1, 2, 3]
    assert [i.item for i in framework.continuum_items("vi")] == [1, 2, 3]
    assert len(framework.default_time_contexts("en")) == len(framework.default_time_contexts("vi")) == 4


def test_builtin_keys_are_unique_and_prefixed_by_dimension():
    keys = [c["builtin_key"] for c in framework.builtin_criteria("en")]
    assert len(keys) == len(set(keys))
    for crit in framework.builtin_criteria("en"):
        prefix, _, name = crit["builtin_key"].partition(".")
        assert prefix == crit["dimension"] and name


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_is_empty(lang):
    for text in _all_texts(lang):
        assert text.strip() == text and text, f"{lang}: empty or padded text {text!r}"


def test_vietnamese_is_written_with_diacritics_and_nfc():
    english = set(_all_texts("en"))
    for text in _all_texts("vi"):
        assert _looks_vietnamese(text), f"no Vietnamese diacritics in {text!r}"
        assert unicodedata.normalize("NFC", text) == text, f"not NFC: {text!r}"
        assert text not in english, f"left in English: {text!r}"


def test_builtin_criteria_shape_is_what_storage_inserts():
    rows = framework.builtin_criteria("en")
    assert set(rows[0]) == {"dimension", "text", "hint_a", "hint_f", "builtin_key"}
    assert rows[0] == {
        "dimension": "reliability",
        "text": "We do what we promised, when we promised it.",
        "hint_a": framework.builtin_criterion("reliability.promises", "en").hint_a,
        "hint_f": framework.builtin_criterion("reliability.promises", "en").hint_f,
        "builtin_key": "reliability.promises",
    }
    rows[0]["text"] = "changed by a caller"
    assert framework.builtin_criteria("en")[0]["text"] == "We do what we promised, when we promised it."


def test_builtin_criterion_in_each_language():
    en = framework.builtin_criterion("reliability.promises", "en")
    vi = framework.builtin_criterion("reliability.promises", "vi")
    assert en == framework.BuiltinCriterion(
        "reliability.promises", "reliability", en.text, en.hint_a, en.hint_f)
    assert en.text == "We do what we promised, when we promised it."
    assert vi.dimension == "reliability" and vi.text.startswith("Chúng tôi làm đúng")
    assert framework.builtin_criterion("reliability.no_such_thing") is None


def test_current_language_is_the_default():
    assert framework.dimension_name("empathy") == "Empathy"
    i18n.set_language("vi")
    assert framework.dimension_name("empathy") == "Sự đồng cảm"
    assert framework.dimensions()[0].name == "Độ tin cậy"
    assert framework.default_time_contexts()[0] == "Giờ cao điểm ngày thường"


def test_unknown_language_falls_back_to_english():
    assert framework.dimensions("de") == framework.dimensions("en")


def test_unknown_dimension_name_raises():
    with pytest.raises(KeyError):
        framework.dimension_name("speed")


def test_continuum_pairs_run_from_efficiency_to_intimacy():
    first = framework.continuum_items("en")[0]
    assert first.item == 1
    assert first.left == "We work to service standards we have set ourselves."
    assert first.right == "We work to expectations we have defined together with our customers."
    third = framework.continuum_items("en")[2]
    assert "cost" in third.left and "satisfied" in third.right


def test_default_time_contexts():
    assert framework.default_time_contexts("en") == [
        "Weekday peak hours", "After hours", "Month end", "Seasonal peak"]
