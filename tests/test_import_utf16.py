"""UTF-16 without a BOM is recognised by where its zero bytes fall, not read as UTF-8 full of NULs."""


import pytest

from rater_desktop.cli import run_cli
from rater_desktop.importing import SourceSpec, load_mapping, preview
from rater_desktop.importing.sources import detect_encoding

AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
KOREAN = ["전혀 그렇지 않다", "그렇지 않다", "보통이다", "그렇다", "매우 그렇다"]


def survey_text(words: list[str]) -> str:
    lines = ["Timestamp,The staff deliver the service as promised (reliability),"
             "Staff are always willing to help me (responsiveness)"]
    lines += [f"2026/03/{i % 28 + 1:02d},{words[i % 5]},{words[(i + 3) % 5]}" for i in range(40)]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_suggests_a_mapping_that_imports(tmp_path, codec, capsys):
    survey = tmp_path / "u.csv"
    survey.write_bytes(survey_text(AGREE).encode(codec))
    assert detect_encoding(survey) == (codec, 1.0, True)
    target = tmp_path / "u.toml"
    assert run_cli(["suggest", str(survey), "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "\\u0000" not in text and "\x00" not in text
    mapping = load_mapping(target)
    assert mapping.scale.labels == tuple(AGREE)
    assert mapping.dimensions["reliability"] == ("The staff deliver the service as promised (reliability)",)
    book = tmp_path / "shop.rater"
    assert run_cli(["new", str(book)]) == 0
    capsys.readouterr()
    assert run_cli(["import", str(book), str(survey), "--map", str(target), "--dry-run"]) == 0
    assert "The file is valid: 40 responses" in capsys.readouterr().out


def test_utf16_korean_without_bom_is_text_not_a_binary_file(tmp_path):
    survey = tmp_path / "ko.csv"
    survey.write_bytes(survey_text(KOREAN).encode("utf-16-le"))
    table = preview(survey, SourceSpec())
    assert table.encoding == "utf-16-le" and table.rows[0][1] == KOREAN[0]


def test_plain_utf8_and_binary_keep_their_reading(tmp_path):
    survey = tmp_path / "plain.csv"
    survey.write_text(survey_text(AGREE), encoding="utf-8")
    assert detect_encoding(survey)[0] == "utf-8"
    noise = tmp_path / "noise.csv"
    noise.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(Exception, match="looks like a binary file"):
        preview(noise, SourceSpec())


def test_a_suggested_mapping_loads_back_whatever_the_file_holds(tmp_path):
    """Control characters in headers and answers reach the comments of the mapping; TOML refuses
    them there, so they are shown as � and the file still loads."""
    survey = tmp_path / "odd.csv"
    rows = ["Timestamp,Reliab\x01ility of the staff\x7f,Reliab\x01ility of the staff\x7f,Empathy\x0b of staff"]
    rows += [f"x,{1 + i % 5},{1 + i % 5},{1 + (i + 2) % 5}" for i in range(40)]
    survey.write_text("\n".join(rows) + "\n", encoding="utf-8")
    target = tmp_path / "odd.toml"
    assert run_cli(["suggest", str(survey), "-o", str(target)]) == 0
    mapping = load_mapping(target)
    assert mapping.dimensions == {"reliability": ("#2", "#3"), "empathy": ("Empathy\x0b of staff",)}
    assert "# Reliab\ufffdility of the staff\ufffd" in target.read_text(encoding="utf-8")
