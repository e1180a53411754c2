"""Collects the licence texts of everything the frozen app ships into ``resources/licenses``.

Run: ``uv run python packaging/collect_licenses.py`` (again after a dependency
changes; the output is committed so the About dialog and the bundle have it).

The list of components is not kept by hand: it is the closure of
``rater_desktop``'s runtime requirements as installed in the environment, plus
the Python interpreter and Qt, which PyInstaller also copies into the bundle.
Each component gets one text file (all its licence files, concatenated) and a
row in ``index.json``, which the About dialog reads.
"""

from __future__ import annotations

import json
import re
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "licenses"
LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice)", re.IGNORECASE)
# Where a wheel carries no licence text (PySide6 and shiboken6 wheels do not),
# the text of the licence it names is taken from the system's common licences.
COMMON_LICENCES = Path("/usr/share/common-licenses")
FALLBACK_TEXTS = {"pyside6-essentials": ("LGPL-3", "GPL-3"), "shiboken6": ("LGPL-3", "GPL-3")}
# Short licence names for wheels whose metadata puts a whole text in "License".
SHORT_NAMES = {
    "matplotlib": "PSF-based (Matplotlib License)",
    "cycler": "BSD-3-Clause",
    "kiwisolver": "BSD-3-Clause",
    "reportlab": "BSD-3-Clause",
    "contourpy": "BSD-3-Clause",
    "sqlite-fts4": "Apache-2.0",
    "click-default-group": "BSD-3-Clause",
    "tomli-w": "MIT",
    "pyside6-essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(root: str = "rater_desktop") -> list[str]:
    """Names of the distributions installed for ``root``'s runtime (no extras, markers evaluated)."""
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = _canonical(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        for text in distribution(name).requires or []:
            req = Requirement(text)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            try:
                distribution(req.name)
            except PackageNotFoundError:
                continue
            todo.append(req.name)
    seen.discard(_canonical(root))
    return sorted(seen)


def _licence_name(dist_name: str) -> str:
    meta = distribution(dist_name).metadata
    if dist_name in SHORT_NAMES:
        return SHORT_NAMES[dist_name]
    expression = meta.get("License-Expression")
    if expression:
        return expression
    short = (meta.get("License") or "").strip()
    if short and "\n" not in short and len(short) < 60:
        return short
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return classifiers[0] if classifiers else "see text"


def _licence_text(dist_name: str) -> str:
    dist = distribution(dist_name)
    parts = []
    for file in sorted(dist.files or [], key=str):
        if ".dist-info" in str(file) and LICENCE_FILE.search(file.name):
            parts.append(f"----- {file.name} -----\n{Path(dist.locate_file(file)).read_text(encoding='utf-8', errors='replace')}")
    for fallback in FALLBACK_TEXTS.get(dist_name, ()):
        parts.append(f"----- {fallback} -----\n{(COMMON_LICENCES / fallback).read_text(encoding='utf-8')}")
    if not parts:
        raise SystemExit(f"no licence text found for {dist_name}")
    return "\n\n".join(parts)


def _python_entry() -> tuple[dict, str]:
    text = (Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
            / "LICENSE.txt").read_text(encoding="utf-8")
    version = ".".join(map(str, sys.version_info[:3]))
    return {"name": "Python", "version": version, "license": "PSF-2.0", "file": "python.txt"}, text


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for old in OUT_DIR.glob("*.txt"):
        old.unlink()
    entry, text = _python_entry()
    entries = [entry]
    (OUT_DIR / entry["file"]).write_text(text, encoding="utf-8")
    for name in runtime_closure():
        dist = distribution(name)
        file = f"{name}.txt"
        header = f"{dist.metadata['Name']} {dist.version}\nLicence: {_licence_name(name)}\n\n"
        (OUT_DIR / file).write_text(header + _licence_text(name), encoding="utf-8")
        entries.append({"name": dist.metadata["Name"], "version": dist.version,
                        "license": _licence_name(name), "file": file})
    (OUT_DIR / "index.json").write_text(json.dumps(entries, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(entries)} components written to {OUT_DIR}")


if __name__ == "__main__":
    main()
