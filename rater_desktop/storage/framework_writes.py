"""Writing the workbook's framework: the statements (criteria) graded in every round.

The framework is workbook-wide, so rounds share it; built-in statements keep
their ``builtin_key`` so a hidden one can be shown again and a missing one
restored from the question bank.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rater_desktop.i18n import N_
from rater_desktop.storage.values import LONG_TEXT, checked_dimension, checked_position, checked_text


class FrameworkWrites:
    """Criteria rows of ``Workbook`` (mixed into ``Workbook``: uses its ``_write``, ``_insert``, ``_update``, ``_delete`` and ``_next_position``)."""


    def add_criterion(self, dimension: str, text: str, hint_a: str = "", hint_f: str = "") -> int:
        dimension = checked_dimension(dimension)
        return self._insert(
            "criteria",
            {
                "dimension": dimension,
                "position": self._next_position("criteria", "dimension = ?", (dimension,)),
                "text": checked_text(text, LONG_TEXT, N_("criterion"), required=True),
                "hint_a": checked_text(hint_a, LONG_TEXT, N_("hint")),
                "hint_f": checked_text(hint_f, LONG_TEXT, N_("hint")),
                "builtin_key": None,
                "hidden": 0,
            },
        )

    def update_criterion(self, criterion_id: int, **fields: Any) -> None:
        self._update(
            "criteria",
            criterion_id,
            fields,
            {
                "text": lambda v: checked_text(v, LONG_TEXT, N_("criterion"), required=True),
                "hint_a": lambda v: checked_text(v, LONG_TEXT, N_("hint")),
                "hint_f": lambda v: checked_text(v, LONG_TEXT, N_("hint")),
            },
        )

    def move_criterion(self, criterion_id: int, new_position: int) -> None:
        """Move a criterion within its dimension; positions are renumbered 0..n-1."""
        with self._write() as db:
            found = db.execute("SELECT dimension FROM criteria WHERE id = ?", (criterion_id,)).fetchall()
            if not found:
                raise KeyError(f"no criterion with id {criterion_id}")
            row = found[0]
            order = [
                r[0]
                for r in db.execute(
                    "SELECT id FROM criteria WHERE dimension = ? ORDER BY position, id", (row[0],)
                ).fetchall()
            ]
            order.remove(criterion_id)
            order.insert(max(0, min(checked_position(new_position), len(order))), criterion_id)
            db.conn.executemany("UPDATE criteria SET position = ? WHERE id = ?", list(enumerate(order)))

    def set_criterion_hidden(self, criterion_id: int, hidden: bool) -> None:
        with self._write() as db:
            db.execute("UPDATE criteria SET hidden = ? WHERE id = ?", (1 if hidden else 0, criterion_id))

    def delete_criterion(self, criterion_id: int) -> None:
        """Remove a criterion and every grade given on it (undo of adding one; the UI hides instead)."""
        self._delete("criteria", criterion_id)

    def add_framework(self, framework: Sequence[Mapping[str, Any] | Any]) -> list[int]:
        """Append criteria from a question bank (mappings or objects with the same fields); returns new ids."""
        rows = [_framework_row(item) for item in framework]
        with self._write() as db:
            ids = []
            for row in rows:
                row["position"] = self._next_position("criteria", "dimension = ?", (row["dimension"],))
                ids.append(db["criteria"].insert(row).last_pk)
            return ids

    def restore_builtin_criteria(self, framework: Sequence[Mapping[str, Any] | Any] | None = None) -> list[int]:
        """Show every hidden built-in criterion again and add built-ins missing from this workbook.

        Wording the user edited is kept.  Returns the ids of criteria made
        visible or added.  ``framework`` defaults to the built-in English bank.
        """
        rows = [_framework_row(item) for item in (framework if framework is not None else builtin_framework())]
        with self._write() as db:
            changed = [
                r[0] for r in db.execute("SELECT id FROM criteria WHERE builtin_key IS NOT NULL AND hidden = 1").fetchall()
            ]
            db.execute("UPDATE criteria SET hidden = 0 WHERE builtin_key IS NOT NULL AND hidden = 1")
            present = {r[0] for r in db.execute("SELECT builtin_key FROM criteria WHERE builtin_key IS NOT NULL")}
            for row in rows:
                if row["builtin_key"] and row["builtin_key"] not in present:
                    row["position"] = self._next_position("criteria", "dimension = ?", (row["dimension"],))
                    changed.append(db["criteria"].insert(row).last_pk)
            return changed


def _framework_row(item: Mapping[str, Any] | Any) -> dict[str, Any]:
    """A criteria row from a question-bank entry given as a mapping or an object."""

    def field(name: str, default: Any = "") -> Any:
        if isinstance(item, Mapping):
            return item.get(name, default)
        return getattr(item, name, default)

    key = field("builtin_key", None)
    return {
        "dimension": checked_dimension(field("dimension")),
        "text": checked_text(field("text"), LONG_TEXT, N_("criterion"), required=True),
        "hint_a": checked_text(field("hint_a") or "", LONG_TEXT, N_("hint")),
        "hint_f": checked_text(field("hint_f") or "", LONG_TEXT, N_("hint")),
        "builtin_key": key if isinstance(key, str) and key else None,
        "hidden": 0,
    }


def builtin_framework() -> list[Any]:
    """The built-in English question bank (imported late: another module owns it)."""
    from rater_desktop.framework import builtin_criteria

    return list(builtin_criteria(lang="en"))
