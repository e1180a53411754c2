"""One function words every error: one line, quoted values capped, the core's sentences kept."""

from __future__ import annotations

import errno
import sqlite3

from rater_desktop.files import OutputRefused
from rater_desktop.importing import SurveyImportError
from rater_desktop.sentences import QUOTE_LIMIT, SENTENCE_LIMIT, error_sentence, shorten
from rater_desktop.storage import DamagedWorkbookError


def test_shorten_keeps_one_line_and_caps_a_huge_value_cheaply():
    assert shorten("Very\ngood\r\n\tservice") == "Very good service"
    text = shorten("x" * 100_000_000)
    assert len(text) == QUOTE_LIMIT and text.endswith("…")
    assert "\n" not in shorten("line one\nline two\u2028three")


def test_the_cores_sentences_pass_through_on_one_line():
    assert error_sentence(DamagedWorkbookError("“a.rater” is damaged.")) == "“a.rater” is damaged."
    assert error_sentence(SurveyImportError("x", "Line one\nline two.")) == "Line one line two."
    assert error_sentence(OutputRefused("No output file name was given.", None)) == "No output file name was given."
    assert error_sentence(ValueError("A grade must be one of A, B.")) == "A grade must be one of A, B."


def test_library_errors_are_framed_and_capped():
    try:
        (b"\xff\xfe\xfd" * 1000).decode("utf-8")
    except UnicodeDecodeError as error:  # a ValueError, but worded by a library
        sentence = error_sentence(error)
    assert sentence.startswith("Something unexpected went wrong (UnicodeDecodeError: ") and len(sentence) < 200
    huge = RuntimeError("licence expired " + "call 555 " * 1_000_000 + "\nnow")
    sentence = error_sentence(huge)
    assert "\n" not in sentence and len(sentence) <= SENTENCE_LIMIT
    assert error_sentence(sqlite3.OperationalError("disk I/O error")) == (
        "Something unexpected went wrong (OperationalError: disk I/O error).")


def test_file_system_errors_name_the_file_being_saved():
    full = OSError(errno.ENOSPC, "No space left on device")
    assert error_sentence(full, path="/data/report.pdf") == "“report.pdf” could not be saved: the disk is full."
    denied = PermissionError(errno.EACCES, "Permission denied")
    assert error_sentence(denied, path="/srv/out.csv") == (
        "“out.csv” could not be saved: you may not write in the folder /srv.")
    gone = FileNotFoundError(errno.ENOENT, "No such file", "/nowhere/x.pdf")
    assert error_sentence(gone) == "Could not use /nowhere/x.pdf: No such file."
    long_name = OSError(errno.EIO, "I/O error", "/tmp/" + "n" * 5000 + ".pdf")
    assert len(error_sentence(long_name)) < 200


def test_ctrl_c_is_a_cancellation_not_an_error():
    assert error_sentence(KeyboardInterrupt()) == "Cancelled; nothing more was written."
