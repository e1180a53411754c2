"""Reading a round's imported surveys: their sources, answers and comments.

The slow part of reading a round when it holds many responses (each series is
one float64 blob of every respondent's answer), so ``survey_results`` may be
read once and handed to ``WorkbookReads.read_assessment`` again.  Like every
read, values are checked as they are read: series that are not whole float64
arrays are skipped; non-finite numbers and points outside their range read as
"no answer".
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from rater_desktop import model
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.storage.values import (
    LONG_TEXT,
    MAPPING_TEXT,
    SHORT_TEXT,
    clean_id,
    clean_text,
    cut,
    decode_series,
    guarded,
)
from rater_desktop.survey_sources import scale_from_mapping

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database


class SurveyReads:
    """Survey side of ``WorkbookReads``; expects ``self._db``, ``self.path`` and ``self._rows``."""

    _db: Database
    path: Path

    @guarded
    def surveys(self, assessment_id: int) -> list[dict[str, Any]]:
        """Metadata of the round's imported surveys (no respondent data), oldest first."""
        rows = self._rows(
            f"SELECT id, {cut('source_name', SHORT_TEXT)}, {cut('file_hash', SHORT_TEXT)}, row_count, "
            f"{cut('mapping', MAPPING_TEXT)}, imported, scale_min, scale_max, included, {cut('tool', SHORT_TEXT)} "
            "FROM surveys "
            "WHERE assessment_id = ? ORDER BY id",
            (assessment_id,),
        )
        found = []
        for row in rows:
            scale_min, scale_max = row["scale_min"], row["scale_max"]
            numeric = all(isinstance(v, (int, float)) and math.isfinite(v) for v in (scale_min, scale_max))
            count = clean_id(row["row_count"])
            if clean_id(row["id"]) is None or not numeric or scale_min >= scale_max or count is None or count < 0:
                continue
            found.append(
                {
                    "id": row["id"],
                    "source_name": clean_text(row["source_name"], SHORT_TEXT),
                    "file_hash": clean_text(row["file_hash"], SHORT_TEXT),
                    "row_count": count,
                    "mapping": clean_text(row["mapping"], MAPPING_TEXT),
                    "imported": clean_text(row["imported"], 40),
                    "scale_min": float(scale_min),
                    "scale_max": float(scale_max),
                    "included": row["included"] != 0,
                    "tool": clean_text(row["tool"], SHORT_TEXT),
                }
            )
        return found

    def survey_sources(self, assessment_id: int) -> list[model.SurveySource]:
        """The round's imported surveys as named sources (scale, included or not), oldest first."""
        return [_source(meta) for meta in self.surveys(assessment_id)]

    def _survey_results(self, meta: dict[str, Any]) -> model.SurveyResults:
        dims: dict[str, list[float | None]] = {}
        expectation: dict[str, list[float | None]] = {}
        perception: dict[str, list[float | None]] = {}
        minimum: dict[str, list[float | None]] = {}
        items: dict[tuple[str, str], list[float | None]] = {}
        kpis: dict[str, list[float | None]] = {}
        low, high = meta["scale_min"], meta["scale_max"]
        source = _source(meta)
        cursor = self._db.execute(
            "SELECT name, data FROM survey_series WHERE survey_id = ? ORDER BY name", (meta["id"],)
        )
        for name, blob in cursor:
            values = decode_series(blob)
            if values is None or not isinstance(name, str) or ":" not in name:
                continue
            prefix, key = name.split(":", 1)
            if prefix == "dim" and key in DIMENSION_KEYS:
                dims[key] = [v if v is not None and 0.0 <= v <= 4.0 else None for v in values]
            elif prefix in ("exp", "per", "min") and key in DIMENSION_KEYS:
                target = {"exp": expectation, "per": perception, "min": minimum}[prefix]
                target[key] = [v if v is not None and low <= v <= high else None for v in values]
            elif prefix == "item" and key.split(":", 1)[0] in DIMENSION_KEYS and ":" in key:
                dimension, column = key.split(":", 1)
                items[(dimension, column[:SHORT_TEXT])] = [v if v is not None and 0.0 <= v <= 4.0 else None
                                                           for v in values]
            elif prefix == "kpi" and key in ("nps", "csat", "fcr"):
                kpis[key] = values
        return model.SurveyResults(
            id=meta["id"],
            source_name=meta["source_name"],
            row_count=meta["row_count"],
            scale_min=low,
            scale_max=high,
            dimension_scores=dims,
            expectation=expectation,
            perception=perception,
            minimum=minimum,
            items=items,
            nps=[v if v is not None and 0 <= v <= 10 else None for v in kpis.get("nps", [])],
            csat=kpis.get("csat", []),
            fcr=[None if v is None or v not in (0.0, 1.0) else v == 1.0 for v in kpis.get("fcr", [])],
            imported=meta["imported"],
            included=meta["included"],
            scale_kind=source.scale.kind,
            scale_labels=source.scale.labels,
            tool=meta["tool"],
        )

    @guarded
    def survey_comments(self, assessment_id: int) -> list[model.SurveyComment]:
        """The customers' own words kept from the round's surveys, hidden ones flagged, in file order."""
        rows = self._rows(
            f"SELECT k.id, k.survey_id, {cut('k.column_name', SHORT_TEXT)}, k.row_number, "
            f"{cut('k.text', LONG_TEXT)}, k.hidden FROM survey_comments k JOIN surveys s ON s.id = k.survey_id "
            "WHERE s.assessment_id = ? ORDER BY k.survey_id, k.row_number, k.id",
            (assessment_id,),
        )
        return [
            model.SurveyComment(
                id=row["id"],
                survey_id=row["survey_id"],
                column=clean_text(row["column_name"], SHORT_TEXT),
                row=clean_id(row["row_number"]) or 0,
                text=clean_text(row["text"], LONG_TEXT),
                hidden=row["hidden"] != 0,
            )
            for row in rows
            if clean_id(row["id"]) is not None and clean_id(row["survey_id"]) is not None
            and clean_text(row["text"], LONG_TEXT).strip()
        ]


    @guarded
    def survey_results(self, assessment_id: int) -> tuple[model.SurveyResults, ...]:
        """Every survey of the round with its answers: the slow part of :meth:`read_assessment` when
        the round holds many responses, so a cache may keep it until a survey changes."""
        return tuple(self._survey_results(meta) for meta in self.surveys(assessment_id))



def _source(meta: dict[str, Any]) -> model.SurveySource:
    """A survey's metadata row (as ``SurveyReads.surveys`` gives it) as a named source."""
    return model.SurveySource(
        id=meta["id"],
        source_name=meta["source_name"],
        imported=meta["imported"],
        rows=meta["row_count"],
        scale=scale_from_mapping(meta["mapping"], meta["scale_min"], meta["scale_max"]),
        included=meta["included"],
        tool=meta["tool"],
    )
