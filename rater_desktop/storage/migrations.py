"""Schema versions of the ``.rater`` file, as ``sqlite_utils.Migrations``.

Each migration runs in one transaction together with its bookkeeping row and
sets ``PRAGMA user_version`` to its own number, so the header always says which
schema the tables follow (a version check needs no SQL, see ``opening.py``).
Append new migrations at the end; never edit one that has shipped.  The schema
table in docs/architecture.md mirrors the latest version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rater_desktop.model import DIMENSION_KEYS

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "rater"

_V1_SCHEMA = """
CREATE TABLE organisation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    date TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE TABLE dimensions (
    key TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT
);
CREATE TABLE criteria (
    id INTEGER PRIMARY KEY,
    dimension TEXT NOT NULL REFERENCES dimensions(key),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    hint_a TEXT NOT NULL DEFAULT '',
    hint_f TEXT NOT NULL DEFAULT '',
    builtin_key TEXT UNIQUE,
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
);
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (assessment_id, name)
);
CREATE TABLE grades (
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
    grade TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'F', 'NA')),
    note TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    PRIMARY KEY (participant_id, criterion_id)
);
CREATE TABLE time_contexts (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE context_grades (
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    context_id INTEGER NOT NULL REFERENCES time_contexts(id) ON DELETE CASCADE,
    dimension TEXT NOT NULL REFERENCES dimensions(key),
    grade TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'F', 'NA')),
    note TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    PRIMARY KEY (participant_id, context_id, dimension)
);
CREATE TABLE continuum_answers (
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    item INTEGER NOT NULL CHECK (item BETWEEN 1 AND 3),
    kind TEXT NOT NULL CHECK (kind IN ('current', 'desired')),
    value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 7),
    PRIMARY KEY (participant_id, item, kind)
);
CREATE TABLE consensus (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    dimension TEXT NOT NULL REFERENCES dimensions(key),
    criterion_id INTEGER NOT NULL DEFAULT 0,
    grade TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'F', 'NA')),
    rationale TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    PRIMARY KEY (assessment_id, dimension, criterion_id)
);
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    source_name TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    mapping TEXT NOT NULL DEFAULT '',
    imported TEXT NOT NULL,
    scale_min REAL NOT NULL,
    scale_max REAL NOT NULL
);
CREATE TABLE survey_series (
    survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (survey_id, name)
);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    dimension TEXT REFERENCES dimensions(key),
    criterion_id INTEGER REFERENCES criteria(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    due TEXT,
    target_grade TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    notes TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX participants_assessment ON participants(assessment_id);
CREATE INDEX grades_criterion ON grades(criterion_id);
CREATE INDEX time_contexts_assessment ON time_contexts(assessment_id);
CREATE INDEX context_grades_context ON context_grades(context_id);
CREATE INDEX surveys_assessment ON surveys(assessment_id);
CREATE INDEX actions_assessment ON actions(assessment_id);
"""

TABLES: tuple[str, ...] = (
    "organisation",
    "settings",
    "assessments",
    "dimensions",
    "criteria",
    "participants",
    "grades",
    "time_contexts",
    "context_grades",
    "continuum_answers",
    "consensus",
    "surveys",
    "survey_series",
    "survey_comments",
    "actions",
    "dimension_grades",
    "rooms",
    "room_phones",
)
"""Tables of the latest schema; opening checks they are all there."""


def _m001_initial(db: Database) -> None:
    for statement in _V1_SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute("INSERT INTO organisation (id, name) VALUES (1, '')")
    db["dimensions"].insert_all(
        {"key": key, "position": index, "name": None}
        for index, key in enumerate(DIMENSION_KEYS)
    )


def _m002_survey_sources(db: Database) -> None:
    """Surveys become named sources a person includes or keeps aside, and keep their comments.

    ``included`` says whether a survey counts in its round's comparison (every
    survey imported before this version did, so it starts at 1); ``tool`` names
    the survey tool the export came from, for provenance. ``survey_comments``
    holds the customers' own words from the columns a mapping names in
    ``[comments]``, one row per answer, ``hidden`` when the person left it out.
    """
    db.execute(
        "ALTER TABLE surveys ADD COLUMN included INTEGER NOT NULL DEFAULT 1 CHECK (included IN (0, 1))"
    )
    db.execute("ALTER TABLE surveys ADD COLUMN tool TEXT NOT NULL DEFAULT ''")
    db.execute(
        """CREATE TABLE survey_comments (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    column_name TEXT NOT NULL,
    row_number INTEGER NOT NULL,
    text TEXT NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
)"""
    )
    db.execute("CREATE INDEX survey_comments_survey ON survey_comments(survey_id)")


def _m003_room_voting(db: Database) -> None:
    """What room voting (phones on the local network) keeps in the workbook.

    ``dimension_grades`` holds a quick round's answers: one grade per
    dimension and person, standing for the whole dimension where that person
    graded none of its statements.  ``rooms`` keeps a round's room while it is
    open for phones: the random code in the join address, the mode (``quick``:
    one grade per dimension plus the continuum; ``full``: every statement),
    whether a phone may add a name, the parts closed for voting and the
    port last used, so a restarted app serves the same address and the phones
    reconnect.  ``room_phones`` binds each phone's token to one participant;
    only a hash of the token is stored, so a copy of the file lets nobody
    vote as anyone.
    """
    db.execute(
        """CREATE TABLE dimension_grades (
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    dimension TEXT NOT NULL REFERENCES dimensions(key),
    grade TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'F', 'NA')),
    note TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    PRIMARY KEY (participant_id, dimension)
)"""
    )
    db.execute(
        """CREATE TABLE rooms (
    assessment_id INTEGER PRIMARY KEY REFERENCES assessments(id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    mode TEXT NOT NULL DEFAULT 'quick' CHECK (mode IN ('quick', 'full')),
    new_names INTEGER NOT NULL DEFAULT 0 CHECK (new_names IN (0, 1)),
    closed TEXT NOT NULL DEFAULT '[]',
    port INTEGER,
    created TEXT NOT NULL
)"""
    )
    db.execute(
        """CREATE TABLE room_phones (
    token_hash TEXT PRIMARY KEY,
    participant_id INTEGER NOT NULL UNIQUE REFERENCES participants(id) ON DELETE CASCADE,
    joined TEXT NOT NULL
)"""
    )


_STEPS = (_m001_initial, _m002_survey_sources, _m003_room_voting)
"""Migration functions in order; migration N sets user_version N."""

SCHEMA_VERSION: int = len(_STEPS)


def migrations(upto: int | None = None) -> Migrations:
    """The ordered migration set (the first ``upto`` of them when given); built on demand so sqlite_utils loads lazily."""
    from sqlite_utils.migrations import Migrations

    chain = Migrations(MIGRATION_SET)
    for version, step in enumerate(_STEPS[:upto], start=1):
        chain(name=step.__name__.lstrip("_"))(_versioned(step, version))
    return chain


def _versioned(step, version: int):
    """Wrap ``step`` so the same transaction also stamps ``user_version``."""

    def run(db: Database) -> None:
        step(db)
        db.execute(f"PRAGMA user_version = {int(version)}")

    run.__name__ = step.__name__
    return run


def migration_names() -> list[str]:
    """Migration names in order (index + 1 = the version each one reaches)."""
    return [step.__name__.lstrip("_") for step in _STEPS]
