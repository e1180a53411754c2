"""The translation mechanism, the number/date formats, and the catalog gate.

``test_every_message_has_a_vietnamese_translation`` is the gate everybody
relies on: adding ``_("...")`` anywhere in ``rater_desktop/`` or ``ui/``
without translating it fails here with the list of missing messages.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from rater_desktop import i18n

ROOT = Path(__file__).resolve().parent.parent


def _load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


@pytest.fixture
def private_catalog(tmp_path, monkeypatch):
    """A tiny vi catalog in a temporary locale folder, so tests do not depend on app strings."""
    catalog = Catalog(locale="vi")
    catalog.add("Report card", "Phiếu điểm")
    catalog.add(("{n} response", "{n} responses"), ("{n} câu trả lời",))
    catalog.add("Open", "Mở")
    catalog.add("Open", "Đang mở", context="action status")
    target = tmp_path / "vi" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "rater.mo").open("wb") as handle:
        write_mo(handle, catalog)
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    monkeypatch.setattr(i18n, "_catalogs", {})
    return tmp_path


def test_switching_language_changes_translation_at_call_time(private_catalog):
    assert i18n._("Report card") == "Report card"
    i18n.set_language("vi")
    assert i18n._("Report card") == "Phiếu điểm"
    i18n.set_language("en")
    assert i18n._("Report card") == "Report card"


def test_message_without_translation_stays_english(private_catalog):
    i18n.set_language("vi")
    assert i18n._("Something nobody translated") == "Something nobody translated"


def test_ngettext_uses_each_languages_plural_rules(private_catalog):
    assert i18n.ngettext("{n} response", "{n} responses", 1) == "{n} response"
    assert i18n.ngettext("{n} response", "{n} responses", 2) == "{n} responses"
    i18n.set_language("vi")  # Vietnamese has one form for every count
    assert i18n.ngettext("{n} response", "{n} responses", 1) == "{n} câu trả lời"
    assert i18n.ngettext("{n} response", "{n} responses", 5) == "{n} câu trả lời"


def test_pgettext_separates_same_words_by_context(private_catalog):
    i18n.set_language("vi")
    assert i18n._("Open") == "Mở"
    assert i18n.pgettext("action status", "Open") == "Đang mở"
    i18n.set_language("en")
    assert i18n.pgettext("action status", "Open") == "Open"


def test_n_marks_without_translating(private_catalog):
    i18n.set_language("vi")
    assert i18n.N_("Report card") == "Report card"


def test_shipped_vietnamese_catalog_is_used():
    po = tool.load_po("vi")
    translated = [m for m in po if m.id and isinstance(m.id, str) and m.string and not m.fuzzy]
    assert translated, "the Vietnamese catalog has no translations"
    message = translated[0]
    i18n.set_language("vi")
    assert i18n._(message.id) == message.string
    i18n.set_language("en")
    assert i18n._(message.id) == message.id


@pytest.mark.parametrize(
    ("requested", "used"),
    [("vi", "vi"), ("vi_VN", "vi"), ("VI-vn", "vi"), ("en_GB", "en"),
     ("fr", "en"), ("", "en"), ("klingon", "en")],
)
def test_set_language_normalises_and_falls_back_to_english(requested, used):
    assert i18n.set_language(requested) == used
    assert i18n.language() == used


def test_languages_offered():
    assert i18n.LANGUAGES == {"en": "English", "vi": "Tiếng Việt"}


def test_resources_dir_in_source_tree_and_frozen(tmp_path, monkeypatch):
    assert i18n.resources_dir() == ROOT / "resources"
    assert (i18n.resources_dir() / "questionbank" / "en.toml").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert i18n.resources_dir() == tmp_path / "resources"


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "expected"),
    [
        (1234.567, 2, "en", "1,234.57"),
        (1234.567, 2, "vi", "1.234,57"),
        (2.75, 2, "vi", "2,75"),
        (-0.65, 2, "en", "-0.65"),
        (-0.65, 2, "vi", "-0,65"),
        (152, 0, "vi", "152"),
        (100000, 0, "vi", "100.000"),
        (-0.001, 1, "en", "0.0"),  # no "-0.0"
        (-0.04, 1, "vi", "0,0"),
        (44.0, 1, "en", "44.0"),
    ],
)
def test_format_number(value, decimals, lang, expected):
    assert i18n.format_number(value, decimals, lang) == expected


def test_format_number_follows_current_language():
    i18n.set_language("vi")
    assert i18n.format_number(3.5, 1) == "3,5"
    i18n.set_language("en")
    assert i18n.format_number(3.5, 1) == "3.5"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("2026-04-01", "en", "1 Apr 2026"),
        ("2026-04-01", "vi", "01/04/2026"),
        ("2025-12-25T09:30:00", "en", "25 Dec 2025"),
        ("2025-12-25T09:30:00", "vi", "25/12/2025"),
        (date(2026, 1, 9), "en", "9 Jan 2026"),
        ("next Tuesday", "en", "next Tuesday"),  # hand-typed text is shown as typed
    ],
)
def test_format_date(value, lang, expected):
    assert i18n.format_date(value, lang) == expected


def test_format_date_follows_current_language():
    i18n.set_language("vi")
    assert i18n.format_date("2026-06-30") == "30/06/2026"


def test_import_is_cheap():
    code = (
        "import sys, rater_desktop.i18n, rater_desktop.framework\n"
        "heavy = ('babel', 'PySide6', 'sqlite_utils', 'matplotlib', 'reportlab', 'numpy')\n"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


# --- the catalogs ---------------------------------------------------------


def test_every_message_has_a_vietnamese_translation():
    missing = tool.missing_translations("vi")
    assert not missing, (
        f"{len(missing)} message(s) in rater_desktop/ or ui/ have no Vietnamese translation:\n  "
        + "\n  ".join(repr(m) for m in missing)
        + "\n" + tool.FIX_HINT
    )


def test_translations_keep_the_placeholders():
    bad = tool.placeholder_mismatches("vi")
    assert not bad, "translations whose {placeholders} differ from the English:\n  " + "\n  ".join(map(repr, bad))


def test_compiled_catalog_matches_po():
    stale = tool.stale_mo_entries("vi")
    assert not stale, (
        "resources/locale/vi/LC_MESSAGES/rater.mo is out of date with rater.po "
        f"({len(stale)} differences, e.g. {stale[:3]}); run `uv run python scripts/i18n.py compile`"
    )


def test_gate_finds_untranslated_messages_in_code(tmp_path):
    source = tmp_path / "ui" / "page.py"
    source.parent.mkdir()
    source.write_text(
        "from rater_desktop.i18n import _, N_, ngettext\n"
        "TITLE = N_('A title only tests use')\n"
        "def label(n):\n"
        "    # TR: shown under the chart\n"
        "    return _('A label only tests use') + ngettext('{n} test row', '{n} test rows', n)\n"
        "STATUS = pgettext('test status', 'Open')\n",
        encoding="utf-8",
    )
    template = tool.extract_catalog(tmp_path)
    missing = tool.missing_translations("vi", template)
    # "Open" is translated in the shipped catalog, but not in this context
    assert missing == ["A title only tests use", "A label only tests use", "{n} test row", "Open"]
    assert template.get("A label only tests use").auto_comments == ["shown under the chart"]


def test_stale_mo_is_detected(tmp_path, monkeypatch):
    monkeypatch.setattr(tool, "LOCALE_DIR", tmp_path)
    catalog = Catalog(locale="vi")
    catalog.add("Save", "Lưu")
    tool.po_path("vi").parent.mkdir(parents=True)
    with tool.po_path("vi").open("wb") as handle:
        write_po(handle, catalog)
    tool.compile_catalogs()
    assert tool.stale_mo_entries("vi") == []

    catalog.add("Open", "Mở")
    with tool.po_path("vi").open("wb") as handle:
        write_po(handle, catalog)
    assert tool.stale_mo_entries("vi") == ["Open"]


def test_placeholder_typo_is_detected(tmp_path, monkeypatch):
    monkeypatch.setattr(tool, "LOCALE_DIR", tmp_path)
    catalog = Catalog(locale="vi")
    catalog.add("Wrote {path}.", "Đã ghi {duong_dan}.")
    catalog.add("Created {path}.", "Đã tạo {path}.")
    tool.po_path("vi").parent.mkdir(parents=True)
    with tool.po_path("vi").open("wb") as handle:
        write_po(handle, catalog)
    assert tool.placeholder_mismatches("vi") == ["Wrote {path}."]


def test_language_context_stays_in_its_own_thread():
    """A Vietnamese report built on a worker must not turn the window's text Vietnamese."""
    import threading

    from rater_desktop.i18n import language_context

    i18n.set_language("en")
    seen_on_gui: list[str] = []
    inside = threading.Event()
    release = threading.Event()

    def worker() -> None:
        with language_context("vi"):
            assert i18n.format_number(2.75, 2) == "2,75"
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    seen_on_gui.append(i18n.language())
    seen_on_gui.append(i18n.format_number(2.75, 2))
    release.set()
    thread.join(5)
    assert seen_on_gui == ["en", "2.75"]
    assert i18n.language() == "en"


def test_language_context_restores_the_outer_language():
    from rater_desktop.i18n import language_context

    i18n.set_language("vi")
    try:
        with language_context("en"):
            assert i18n.language() == "en"
            with language_context("vi"):
                assert i18n.format_number(1234.5, 1) == "1.234,5"
            assert i18n.language() == "en"
        assert i18n.language() == "vi"
    finally:
        i18n.set_language("en")
