"""Errors of the survey import: a code for programs, one sentence for people."""

from __future__ import annotations

from dataclasses import dataclass

from rater_desktop.sentences import shorten


class SurveyImportError(Exception):
    """The import cannot go ahead; nothing was written.

    ``str(error)`` is one plain sentence in the current language that names the
    file, row or column at fault; ``code`` and ``params`` let a caller react
    without parsing the words (e.g. the wizard asks for an encoding on
    ``code == "decode_failed"``).
    """

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def import_error(code: str, text: str, **params: object) -> SurveyImportError:
    """The error with ``text`` filled in; quoted texts (a file, column or cell) are cut to one short line first,
    so a 100 MB cell or a name holding a newline cannot flood or split the sentence."""
    shown = {key: shorten(value) if isinstance(value, str) else value for key, value in params.items()}
    return SurveyImportError(code, text.format(**shown), **shown)


class ImportCancelled(SurveyImportError):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class CellError:
    """One cell that is neither on the scale nor a not-applicable code.

    ``row`` is the spreadsheet row number a user sees when opening the file
    (header rows included, so the first data row under one header row is 2);
    ``column`` is the header text, or ``#N`` when the column has no name.
    """

    row: int
    column: str
    value: str
    message_code: str
    """off_scale | not_nps | not_csat | not_yes_no"""

    def __post_init__(self) -> None:
        # Twenty listed errors of 100 MB cells would hold 2 GB; the start says enough.
        for name in ("column", "value"):
            text = getattr(self, name)
            if isinstance(text, str) and len(text) > KEPT_CHARS:
                object.__setattr__(self, name, text[:KEPT_CHARS])


KEPT_CHARS = 1000
"""Characters of a bad cell (and its column name) kept in a CellError."""
