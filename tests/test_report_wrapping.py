"""Vietnamese table cells break lines only between words (a space sits inside Vietnamese words)."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from rater_desktop.report.fonts import register_fonts
from rater_desktop.report.render_blocks import fit_words
from rater_desktop.report.wrapping import keep_words

NB = "\u00a0"
FONT = register_fonts()


def width(text: str) -> float:
    return stringWidth(text, FONT, 8.5)


def test_known_words_hold_together_and_other_spaces_stay_breakable():
    assert keep_words("Khách hàng xếp loại trung bình", "vi") == f"Khách{NB}hàng xếp{NB}loại trung{NB}bình"
    assert keep_words("Khoảng tin cậy 95 %", "vi") == f"Khoảng{NB}tin{NB}cậy 95 %"
    assert keep_words("Customer grade", "en") == "Customer grade"  # English breaks at every space


def test_a_phrase_too_wide_for_its_column_keeps_its_shorter_words_whole():
    phrase = "Đang thực hiện"
    assert fit_words(phrase, width(phrase) + 1, FONT, 8.5, "vi") == f"Đang{NB}thực{NB}hiện"
    narrow = width("thực hiện") + 1
    assert fit_words(phrase, narrow, FONT, 8.5, "vi") == f"Đang thực{NB}hiện"
    # a word wider than the column on its own may still break (nothing else fits)
    assert fit_words("khách hàng", width("khách") + 1, FONT, 8.5, "vi") == "khách hàng"
