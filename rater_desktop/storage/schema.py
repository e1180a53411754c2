"""What a workbook of each version holds: built by running the migrations, never listed by hand.

A workbook is data.  Triggers, views, generated columns or a changed table in
a file from someone else could act on the user's data the moment the app
writes to it (a trigger that deletes grades when a survey is imported), so
opening compares every schema object of the file with what the migration
chain produces for the file's ``user_version``.  The expected schema comes
from running that chain on an in-memory database, so a migration added later
is covered without anyone updating a list here.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass

from rater_desktop.storage.migrations import MIGRATION_SET, migration_names, migrations

BOOKKEEPING = "_sqlite_migrations"
"""sqlite-utils' record of applied migrations: compared by its columns, since its
CREATE text belongs to sqlite-utils and may be worded differently by another release."""
STATISTICS = frozenset({"sqlite_stat1", "sqlite_stat4"})
"""Planner statistics that ``ANALYZE`` in any SQLite tool adds: data, not code."""
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SchemaObject:
    kind: str
    """table, index, trigger or view"""
    name: str
    definition: str
    """the CREATE text with runs of white space made one, or the column list of the bookkeeping table"""


@dataclass(frozen=True)
class Difference:
    """The first way a file's schema differs from the expected one."""

    problem: str
    """"extra" (an object no version makes), "other_version" (one another version makes, as in a
    file whose version number was reset), "missing" or "changed\""""
    kind: str
    name: str


def schema_of(conn: sqlite3.Connection) -> dict[tuple[str, str], SchemaObject]:
    """Every schema object of the database behind ``conn``, keyed by (kind, name)."""
    return _normalised(conn, _master_rows(conn))


def _master_rows(conn: sqlite3.Connection) -> tuple[tuple[str, str, str, str | None], ...]:
    """The schema as SQLite stores it: (type, name, table, CREATE text) of every object, in file order."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return tuple((str(kind), str(name), str(table), None if sql is None else str(sql)) for kind, name, table, sql in rows)


def _normalised(conn: sqlite3.Connection, rows) -> dict[tuple[str, str], SchemaObject]:
    found = {}
    for kind, name, table, sql in rows:
        if name in STATISTICS:
            continue
        if table == BOOKKEEPING:
            definition = _bookkeeping_shape(conn, kind, name)
        else:
            definition = _SPACE.sub(" ", sql).strip() if sql is not None else f"auto {table}"
        found[(kind, name)] = SchemaObject(kind, name, definition)
    return found


def _bookkeeping_shape(conn: sqlite3.Connection, kind: str, name: str) -> str:
    """The bookkeeping table and its index by structure (columns, hidden/generated flags, uniqueness)."""
    if kind == "table":
        rows = conn.execute("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)",
                            (name,)).fetchall()
        return "table " + repr([tuple(row) for row in rows])
    if kind == "index":
        rows = conn.execute("SELECT name, \"desc\", coll, key FROM pragma_index_xinfo(?)", (name,)).fetchall()
        unique = conn.execute("SELECT \"unique\", partial FROM pragma_index_list(?) WHERE name = ?",
                              (BOOKKEEPING, name)).fetchall()
        return "index " + repr([tuple(row) for row in rows]) + repr([tuple(row) for row in unique])
    return f"{kind} {name}"  # a trigger or view on it: never made by us, so never expected


@functools.cache
def expected_schema(version: int) -> dict[tuple[str, str], SchemaObject]:
    """The schema the migration chain gives a new database at ``version``.

    At version 0 that is only sqlite-utils' bookkeeping table, which a file
    stopped before its first migration may or may not have yet.
    """
    from sqlite_utils import Database

    memory = sqlite3.connect(":memory:")
    try:
        migrations(upto=version).apply(Database(memory, execute_plugins=False))
        return schema_of(memory)
    finally:
        memory.close()


def first_difference(conn: sqlite3.Connection, version: int) -> Difference | None:
    """How the file's schema departs from ``version``'s, worst first: code, gaps, other additions, changes.

    A schema found right once is remembered by its exact stored text: every
    object's type, name, table and CREATE text, from which SQLite itself parses
    everything else compared here.  The next file with that very text (each
    workbook of a roll-up, and the writing connection's re-check of the file
    just checked) needs no second comparison; any other text, one character
    apart, is compared in full.
    """
    rows = _master_rows(conn)
    if (version, rows) in _ACCEPTED:
        return None
    difference = _difference(_normalised(conn, rows), version)
    if difference is None and len(_ACCEPTED) < _ACCEPTED_LIMIT:
        _ACCEPTED.add((version, rows))
    return difference


_ACCEPTED: set[tuple[int, tuple]] = set()
"""(version, stored schema text) pairs found equal to what the migrations make, in this process."""
_ACCEPTED_LIMIT = 32
"""Schemas remembered at most (in practice one per version; the limit only bounds memory)."""


def _difference(actual: dict[tuple[str, str], SchemaObject], version: int) -> Difference | None:
    expected = expected_schema(version)
    extra = sorted(set(actual) - set(expected))
    code = [key for key in extra if key[0] in ("trigger", "view")]
    missing = sorted(set(expected) - set(actual)) if version else []
    for problem, keys in (("extra", code), ("missing", missing), ("extra", extra)):
        if keys:
            kind, name = keys[0]
            if problem == "extra" and _made_by_another_version(actual[keys[0]], version):
                problem = "other_version"
            return Difference(problem, kind, name)
    for key in sorted(expected):
        if actual[key].definition != expected[key].definition:
            return Difference("changed", *key)
    return None


def _made_by_another_version(found: SchemaObject, version: int) -> bool:
    """Whether some other version's migrations make exactly this object."""
    return any(expected_schema(other).get((found.kind, found.name)) == found
               for other in range(len(migration_names()) + 1) if other != version)


def recorded_migrations_match(conn: sqlite3.Connection, version: int) -> bool:
    """The bookkeeping rows name exactly the first ``version`` migrations, in order."""
    if version == 0 and ("table", BOOKKEEPING) not in schema_of(conn):
        return True
    rows = conn.execute(f"SELECT migration_set, name FROM {BOOKKEEPING} ORDER BY id").fetchall()
    return rows == [(MIGRATION_SET, name) for name in migration_names()[:version]]
