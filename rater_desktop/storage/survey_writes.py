"""Writing imported surveys: their metadata, per-respondent series and comments.

A survey's answers are packed one series per blob (``encode_series``), so
100,000 respondents cost one row per series, not 100,000 rows.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Mapping, Sequence
from typing import Any

from rater_desktop.i18n import N_, _
from rater_desktop.storage.errors import translated_sqlite_errors
from rater_desktop.storage.values import LONG_TEXT, MAPPING_TEXT, SHORT_TEXT, checked_text, now_text


class SurveyWrites:
    """Survey rows of ``Workbook`` (mixed into ``Workbook``: uses its ``_write``, ``_insert``, ``_update``, ``_delete`` and ``_next_position``)."""


    def add_survey(
        self,
        assessment_id: int,
        *,
        source_name: str,
        file_hash: str,
        row_count: int,
        mapping_toml: str,
        scale_min: float,
        scale_max: float,
        series: Mapping[str, Sequence[float | None]],
        included: bool = True,
        tool: str = "",
        comments: Sequence[tuple[str, int, str]] = (),
    ) -> int:
        """Store an imported survey and its per-respondent series in one transaction.

        Series names follow docs/architecture.md (``dim:<key>``, ``exp:<key>``,
        ``per:<key>``, ``kpi:nps|csat|fcr``); each is packed into one float64
        blob, so 100k respondents cost one row per series, not 100k rows.
        ``included`` says whether it counts in the round's comparison (see
        ``rater_desktop.survey_sources.place_new_survey``); ``tool`` names the
        survey tool the export came from.
        ``comments`` are the customers' own words, (column name, spreadsheet
        row, text), from the columns the mapping names in ``[comments]`` only.
        """
        if not (math.isfinite(scale_min) and math.isfinite(scale_max) and scale_min < scale_max):
            raise ValueError(_("The survey scale needs a minimum below its maximum."))
        if not isinstance(row_count, int) or row_count < 0:
            raise ValueError(_("The survey row count must be a whole number."))
        blobs = [(name, encode_series(values)) for name, values in series.items()]
        said = [(checked_text(column, SHORT_TEXT, N_("comment column")), _row_number(row), checked_text(text, LONG_TEXT, N_("comment")))
                for column, row, text in comments]
        meta = {
            "assessment_id": assessment_id,
            "source_name": checked_text(source_name, SHORT_TEXT, N_("source file name"), required=True),
            "file_hash": checked_text(file_hash, SHORT_TEXT, N_("file hash"), required=True),
            "row_count": row_count,
            "mapping": checked_text(mapping_toml, MAPPING_TEXT, N_("mapping")),
            "imported": now_text(),
            "scale_min": float(scale_min),
            "scale_max": float(scale_max),
            "included": 1 if included else 0,
            "tool": checked_text(tool, SHORT_TEXT, N_("survey tool")),
        }
        with self._write() as db:
            survey_id = db["surveys"].insert(meta).last_pk
            db.conn.executemany(
                "INSERT INTO survey_series (survey_id, name, data) VALUES (?, ?, ?)",
                [(survey_id, name, blob) for name, blob in blobs],
            )
            db.conn.executemany(
                "INSERT INTO survey_comments (survey_id, column_name, row_number, text) VALUES (?, ?, ?, ?)",
                [(survey_id, *comment) for comment in said],
            )
            return survey_id

    def set_comment_hidden(self, comment_id: int, hidden: bool) -> None:
        """Leave a customer's comment out of the app and the report (``hidden``), or put it back."""
        with self._write() as db:
            cursor = db.execute("UPDATE survey_comments SET hidden = ? WHERE id = ?", (1 if hidden else 0, comment_id))
            if cursor.rowcount == 0:
                raise KeyError(f"no survey_comments row with id {comment_id}")

    def find_survey_by_hash(self, assessment_id: int, file_hash: str) -> int | None:
        """The survey of this round imported from a file with this hash (re-import guard)."""
        with translated_sqlite_errors(self.path, writing=False):
            rows = self._db.execute(
                "SELECT id FROM surveys WHERE assessment_id = ? AND file_hash = ? ORDER BY id LIMIT 1",
                (assessment_id, file_hash),
            ).fetchall()
        return rows[0][0] if rows else None

    def delete_survey(self, survey_id: int) -> None:
        self._delete("surveys", survey_id)

    def set_survey_included(self, survey_id: int, included: bool) -> None:
        """Count a survey in its round's comparison, or keep it aside (its answers stay stored)."""
        with self._write() as db:
            cursor = db.execute("UPDATE surveys SET included = ? WHERE id = ?", (1 if included else 0, survey_id))
            if cursor.rowcount == 0:
                raise KeyError(f"no survey with id {survey_id}")


def encode_series(values: Sequence[float | None]) -> bytes:
    """float64 little-endian bytes; None (no answer) is stored as NaN."""
    if isinstance(values, array) and values.typecode == "d":
        packed = array("d", values)
    else:
        nan = math.nan
        packed = array("d", [nan if v is None else float(v) for v in values])
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def _row_number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(_("A comment's row is a whole number from 1."))
    return value
