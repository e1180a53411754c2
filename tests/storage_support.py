"""Helpers shared by the storage, migration, operations and crash tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

FRAMEWORK = [
    {"dimension": "empathy", "text": "We listen before we answer.", "builtin_key": "emp.listen"},
    {"dimension": "reliability", "text": "We do what we promised.", "hint_a": "always", "hint_f": "rarely",
     "builtin_key": "rel.promise"},
    {"dimension": "reliability", "text": "We get it right first time.", "builtin_key": "rel.first"},
    {"dimension": "tangibles", "text": "Our premises look cared for.", "builtin_key": "tan.premises"},
]
"""A small question bank; criteria() must return it in dimension order:
rel.promise, rel.first, tan.premises, emp.listen."""


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch) -> Path:
    """A private user data folder so backups never land in the real home."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("RATER_DATA_DIR", str(folder))
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sidecars(path: Path) -> list[str]:
    """Files next to ``path`` that share its name (journals, WAL, partial copies)."""
    return sorted(p.name for p in Path(path).parent.iterdir() if p.name != Path(path).name and Path(path).name in p.name)
