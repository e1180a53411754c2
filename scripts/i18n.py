"""Keep the gettext catalogs in step with the code (development tool, needs Babel).

    uv run python scripts/i18n.py extract   # write resources/locale/rater.pot from the code
    uv run python scripts/i18n.py update    # extract, then merge new/changed messages into every .po
    uv run python scripts/i18n.py compile   # .po -> .mo (the app reads only the .mo)
    uv run python scripts/i18n.py check     # exit 1 if a message lacks a translation or a .mo is stale

Usual loop after adding ``_("...")`` to the code: ``update``, translate the
empty ``msgstr`` lines in ``resources/locale/vi/LC_MESSAGES/rater.po``,
``compile``, commit the .po and .mo together. Messages are extracted from
``rater_desktop/`` and ``ui/`` with the keywords ``_``, ``N_``, ``ngettext``
and ``pgettext``; a comment starting ``# TR:`` just above a message reaches the
translator. Line numbers are left out of the catalogs so that moving code
does not churn them.
"""

from __future__ import annotations

import gettext
import io
import re
import sys
import tomllib
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("rater_desktop", "ui")
LOCALE_DIR = ROOT / "resources" / "locale"
DOMAIN = "rater"
TARGET_LANGUAGES = ("vi",)  # English is the source language: no catalog
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
COMMENT_TAGS = ("TR:",)
FIX_HINT = (
    "run `uv run python scripts/i18n.py update` then translate the empty msgstr "
    "entries in resources/locale/vi/LC_MESSAGES/rater.po and run "
    "`uv run python scripts/i18n.py compile`"
)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sdifr]|%[sdifr]")


def pot_path() -> Path:
    return LOCALE_DIR / f"{DOMAIN}.pot"


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def extract_catalog(root: Path = ROOT) -> Catalog:
    """Every translatable message in the source folders, as a template catalog."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    template = Catalog(
        project="RATER Report Card",
        version=version,
        header_comment="# Messages of RATER Report Card, extracted by scripts/i18n.py.",
        fuzzy=False,
    )
    for folder in SOURCE_DIRS:
        directory = root / folder
        if not directory.is_dir():
            continue
        found = extract_from_dir(
            directory,
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        )
        for filename, lineno, message, comments, context in found:
            location = (f"{folder}/{Path(filename).as_posix()}", lineno)
            template.add(message, locations=[location], auto_comments=comments, context=context)
    return template


def load_po(lang: str) -> Catalog:
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def _new_po(lang: str) -> Catalog:
    catalog = Catalog(
        locale=lang,
        project="RATER Report Card",
        copyright_holder="RATER Report Card contributors",
        last_translator="RATER Report Card contributors",
        language_team=lang,
    )
    catalog.fuzzy = False
    return catalog


def _without_creation_date(data: bytes) -> bytes:
    return b"\n".join(line for line in data.split(b"\n") if not line.startswith(b'"POT-Creation-Date:'))


def _write_catalog(catalog: Catalog, path: Path, compiled: bool = False) -> None:
    """Write a .pot/.po/.mo, leaving the file alone when only the timestamp would change.

    Several people run ``update`` while working in parallel; a catalog that moved
    only its POT-Creation-Date would be a merge conflict for nothing.
    """
    buffer = io.BytesIO()
    if compiled:
        write_mo(buffer, catalog, use_fuzzy=False)
    else:
        write_po(buffer, catalog, width=100, include_lineno=False, ignore_obsolete=True)
    data = buffer.getvalue()
    if path.exists() and _without_creation_date(path.read_bytes()) == _without_creation_date(data):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def extract() -> Catalog:
    template = extract_catalog()
    _write_catalog(template, pot_path())
    return template


def update() -> None:
    """Merge the freshly extracted messages into every .po (new ones start empty)."""
    template = extract()
    for lang in TARGET_LANGUAGES:
        path = po_path(lang)
        catalog = load_po(lang) if path.exists() else _new_po(lang)
        catalog.update(template, no_fuzzy_matching=True)  # a guessed translation reads as a real one
        _write_catalog(catalog, path)


def compile_catalogs() -> None:
    for lang in TARGET_LANGUAGES:
        _write_catalog(load_po(lang), mo_path(lang), compiled=True)


def _is_translated(message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return not message.fuzzy and all(strings)


def _key_text(msgid) -> str:
    return msgid[0] if isinstance(msgid, (list, tuple)) else msgid


def missing_translations(lang: str, template: Catalog | None = None) -> list[str]:
    """Msgids used in the code that have no finished (non-fuzzy, non-empty) translation."""
    template = template if template is not None else extract_catalog()
    catalog = load_po(lang) if po_path(lang).exists() else Catalog(locale=lang)
    missing = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        if found is None or not _is_translated(found):
            missing.append(_key_text(message.id))
    return missing


def placeholder_mismatches(lang: str) -> list[str]:
    """Translations whose ``{name}`` / ``%s`` placeholders differ from the msgid's.

    A misspelt placeholder in a translation raises KeyError at ``.format()``
    time, i.e. crashes only for users of that language.
    """
    bad = []
    for message in load_po(lang):
        if not message.id or not _is_translated(message):
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        expected = set(_PLACEHOLDER.findall(ids[-1])) | set(_PLACEHOLDER.findall(ids[0]))
        if any(not set(_PLACEHOLDER.findall(s)) <= expected for s in strings):
            bad.append(_key_text(message.id))
    return bad


def expected_mo_entries(catalog: Catalog) -> dict:
    """What gettext should find in the compiled catalog, keyed as GNUTranslations keys it."""
    entries = {}
    for message in catalog:
        if not message.id or not _is_translated(message):
            continue
        prefix = f"{message.context}\x04" if message.context else ""
        if isinstance(message.id, (list, tuple)):
            for index, text in enumerate(message.string):
                entries[(prefix + message.id[0], index)] = text
        else:
            entries[prefix + message.id] = message.string
    return entries


def stale_mo_entries(lang: str) -> list[str]:
    """Messages on which the .mo and the .po disagree (empty list = .mo is current)."""
    if not mo_path(lang).exists():
        return [f"{mo_path(lang).relative_to(ROOT)} is missing"]
    with mo_path(lang).open("rb") as handle:
        compiled = dict(gettext.GNUTranslations(handle)._catalog)
    compiled.pop("", None)  # the header
    expected = expected_mo_entries(load_po(lang))
    keys = set(compiled) | set(expected)
    return sorted(str(key) for key in keys if compiled.get(key) != expected.get(key))


def check() -> list[str]:
    """Every problem that would make the app show English inside Vietnamese, as text lines."""
    problems = []
    template = extract_catalog()
    for lang in TARGET_LANGUAGES:
        for msgid in missing_translations(lang, template):
            problems.append(f"[{lang}] not translated: {msgid!r}")
        for msgid in placeholder_mismatches(lang):
            problems.append(f"[{lang}] placeholders differ from the msgid: {msgid!r}")
        if stale_mo_entries(lang):
            problems.append(f"[{lang}] {mo_path(lang).relative_to(ROOT)} is older than the .po")
    return problems


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "extract":
        print(f"{len(extract())} messages -> {pot_path().relative_to(ROOT)}")
    elif command == "update":
        update()
        for lang in TARGET_LANGUAGES:
            print(f"{po_path(lang).relative_to(ROOT)}: {len(missing_translations(lang))} to translate")
    elif command == "compile":
        compile_catalogs()
        print("compiled " + ", ".join(str(mo_path(lang).relative_to(ROOT)) for lang in TARGET_LANGUAGES))
    elif command == "check":
        problems = check()
        for line in problems:
            print(line)
        if problems:
            print(FIX_HINT)
            return 1
        print("catalogs complete and compiled")
    else:
        print(__doc__.strip())
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
