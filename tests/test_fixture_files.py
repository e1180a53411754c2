"""The real exports in tests/fixtures are the files their SOURCES.md describes, and the
suite needs nothing outside the repository (a fresh clone tests on its own)."""

import hashlib
import re
from pathlib import Path

TESTS = Path(__file__).parent
EXPORTS = TESTS / "fixtures" / "customer-exports"


def listed_sums() -> dict[str, str]:
    lines = (EXPORTS / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split(maxsplit=1) for line in lines if line.strip())}


def test_every_export_is_byte_for_byte_the_recorded_copy():
    sums = listed_sums()
    exports = {p.name for p in EXPORTS.iterdir() if p.suffix in (".csv", ".xlsx")}
    assert exports == set(sums)
    for name, digest in sums.items():
        assert hashlib.sha256((EXPORTS / name).read_bytes()).hexdigest() == digest, name


def test_sources_name_every_export_and_each_licence_text_is_there():
    sources = (EXPORTS / "SOURCES.md").read_text(encoding="utf-8")
    for name in listed_sums():
        assert f"| {name} |" in sources, name
    named = set(re.findall(r"LICENSES/[\w.-]+\.txt", sources))
    assert named and all((EXPORTS / text).is_file() for text in named)
    assert named == {f"LICENSES/{p.name}" for p in (EXPORTS / "LICENSES").iterdir()}


def test_no_default_test_reads_the_shared_folder_beside_the_repo():
    """Only tests/benchmarks may read the folder beside the repository (its bench baselines); everything else ships in tests/."""
    pattern = re.compile(r"""["'/]shared["'/]|parents\[2\]""")
    offenders = [p.name for p in TESTS.glob("*.py")
                 if p.name != Path(__file__).name and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
