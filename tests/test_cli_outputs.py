"""`report` and `export` never destroy a workbook; every failure and Ctrl+C is one line."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from rater_desktop.cli import run_cli
from rater_desktop.cli.common import EXIT_INTERRUPTED


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def workbook(tmp_path) -> Path:
    path = tmp_path / "client.rater"
    assert run_cli(["new", str(path), "--organisation", "Acme"]) == 0
    return path


def error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("Error: "), err
    return err.strip()


@pytest.mark.parametrize("command", ["report", "export"])
def test_output_onto_the_workbook_itself_is_refused(workbook, capsys, command):
    before = digest(workbook)
    capsys.readouterr()
    assert run_cli([command, str(workbook), "-o", str(workbook)]) == 1
    assert "being read" in error_line(capsys)
    assert digest(workbook) == before and [p.name for p in workbook.parent.iterdir()] == ["client.rater"]


@pytest.mark.parametrize("command", ["report", "export"])
def test_output_onto_another_workbook_or_a_rater_name_is_refused(workbook, tmp_path, capsys, command):
    other = tmp_path / "other.rater"
    assert run_cli(["new", str(other)]) == 0
    disguised = tmp_path / "old-data.xlsx"
    disguised.write_bytes(other.read_bytes())
    before = digest(other), digest(disguised)
    capsys.readouterr()
    for target, words in ((other, "nothing but a workbook is written to a .rater file"), (disguised, "existing workbook"),
                          (tmp_path / "fresh.rater", "nothing but a workbook is written to a .rater file")):
        assert run_cli([command, str(workbook), "-o", str(target)]) == 1
        assert words in error_line(capsys)
    assert (digest(other), digest(disguised)) == before and not (tmp_path / "fresh.rater").exists()


def test_empty_output_name_is_a_sentence_about_the_name(workbook, capsys):
    capsys.readouterr()
    assert run_cli(["export", str(workbook), "-o", ""]) == 1
    line = error_line(capsys)
    assert line == "Error: No output file name was given." and ".partial" not in line and "tmp" not in line


def test_export_through_a_symlink_writes_its_target_with_normal_permissions(workbook, tmp_path):
    real = tmp_path / "team" / "data.csv"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "data.csv"
    link.symlink_to(real)
    old = os.umask(0o022)
    try:
        assert run_cli(["export", str(workbook), "-o", str(link)]) == 0
        fresh = tmp_path / "fresh.csv"
        assert run_cli(["export", str(workbook), "-o", str(fresh)]) == 0
    finally:
        os.umask(old)
    assert link.is_symlink() and real.read_text("utf-8-sig").startswith("table,")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


def test_ctrl_c_during_an_import_is_one_line_and_writes_nothing(workbook, tmp_path, capsys, monkeypatch):
    import rater_desktop.importing.engine as engine

    survey = tmp_path / "survey.csv"
    survey.write_text("Q1\n5\n4\n", encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text('[dimensions]\nreliability = ["Q1"]\n', encoding="utf-8")

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "_scan", interrupted)
    capsys.readouterr()
    assert run_cli(["import", str(workbook), str(survey), "--map", str(mapping)]) == EXIT_INTERRUPTED
    err = capsys.readouterr().err  # click first ends the "^C" line the terminal shows
    assert err.strip() == "Cancelled; nothing more was written." and "Traceback" not in err
    assert run_cli(["summary", str(workbook), "--json"]) == 0
    assert '"customer": null' in capsys.readouterr().out
