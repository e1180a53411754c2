"""Packaging files: the PyInstaller spec bundles every resource, the Linux desktop entry
and MIME type agree with each other and with real workbooks, the icon set is complete,
and the shipped licence texts cover every runtime dependency.

The frozen build itself is checked by ``packaging/smoke.sh`` (minutes, not in pytest).
"""

from __future__ import annotations

import ast
import configparser
import json
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rater_desktop.cli import run_cli

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def spec_assignments() -> dict[str, object]:
    """Top-level constant assignments of the spec (it only runs inside PyInstaller)."""
    tree = ast.parse((PACKAGING / "rater-desktop.spec").read_text(encoding="utf-8"))
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            values[node.targets[0].id] = node.value
    return values


def test_spec_bundles_the_whole_resources_folder_from_main_py():
    source = (PACKAGING / "rater-desktop.spec").read_text(encoding="utf-8")
    datas = ast.unparse(spec_assignments()["DATAS"])
    assert datas == "[(os.path.join(ROOT, 'resources'), 'resources')]"
    assert 'os.path.join(ROOT, "main.py")' in source
    # resources_dir() looks for <_MEIPASS>/resources, the destination above.
    for needed in ("questionbank/en.toml", "questionbank/vi.toml", "suggestions/en.toml",
                   "suggestions/vi.toml", "locale/vi/LC_MESSAGES/rater.mo", "fonts/DejaVuSans.ttf",
                   "fonts/DejaVuSans-Bold.ttf", "icons/rater-desktop.ico", "licenses/index.json"):
        assert (RESOURCES / needed).is_file(), needed


def test_spec_excludes_nothing_the_app_imports():
    excludes = ast.literal_eval(spec_assignments()["EXCLUDES"])
    assert "tests" in excludes and "tkinter" in excludes
    used = {"rater_desktop", "ui", "PySide6", "matplotlib", "reportlab", "sqlite_utils", "numpy",
            "matplotlib.backends.backend_qtagg", "matplotlib.backends.backend_agg"}
    assert used.isdisjoint(excludes)


def test_build_script_fetches_pyinstaller_for_the_run_only():
    build = (PACKAGING / "build.sh").read_text(encoding="utf-8")
    assert ("uv run --with pyinstaller pyinstaller packaging/rater-desktop.spec "
            "\\\n    --noconfirm --distpath build/dist --workpath build/work") in build
    smoke = (PACKAGING / "smoke.sh").read_text(encoding="utf-8")
    for step in ("--quit-after-startup", " demo ", "summary demo.rater --json", "report demo.rater"):
        assert step in smoke, step


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(PACKAGING / "rater-desktop.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def mime_type() -> ET.Element:
    root = ET.parse(PACKAGING / "rater-workbook.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (element,) = root.findall(f"{MIME_NS}mime-type")
    return element


def test_desktop_entry_opens_rater_files_with_the_app():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "rater-desktop %f"  # one file per launch: what main.py accepts
    assert entry["MimeType"] == f"{mime_type().get('type')};"
    assert entry["Categories"].endswith(";") and entry["Terminal"] == "false"
    assert (ICONS / f"{entry['Icon']}.svg").is_file()
    assert entry["Name[vi]"] and entry["Comment[vi]"]


def test_mime_type_matches_glob_and_the_header_of_a_real_workbook(tmp_path):
    element = mime_type()
    assert element.get("type") == "application/x-rater-workbook"
    assert [g.get("pattern") for g in element.findall(f"{MIME_NS}glob")] == ["*.rater"]
    match = element.find(f"{MIME_NS}magic/{MIME_NS}match")
    assert (match.get("type"), match.get("offset")) == ("string", "0")
    path = tmp_path / "new.rater"
    assert run_cli(["new", str(path)]) == 0
    assert path.read_bytes().startswith(match.get("value").encode("ascii"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_has_its_size(size):
    assert png_size(ICONS / f"rater-desktop-{size}.png") == (size, size)


def test_ico_holds_sizes_up_to_256_and_icns_and_svg_exist():
    data = (ICONS / "rater-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    widths = sorted(data[6 + 16 * i] or 256 for i in range(count))  # 0 means 256 in ICO
    assert widths == [s for s in ICON_SIZES if s <= 256]
    assert (ICONS / "rater-desktop.icns").read_bytes()[:4] == b"icns"
    svg = ET.parse(ICONS / "rater-desktop.svg").getroot()
    bars = [r for r in svg.iter("{http://www.w3.org/2000/svg}rect") if r.get("width") == "48"]
    assert len(bars) == 5  # one bar per RATER dimension


def licence_index() -> list[dict]:
    return json.loads((RESOURCES / "licenses" / "index.json").read_text(encoding="utf-8"))


def canonical(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def test_every_runtime_dependency_ships_its_licence_text():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {canonical(dep.split(">")[0].split("<")[0].split("=")[0].strip()) for dep in project["dependencies"]}
    shipped = {canonical(e["name"]): e for e in licence_index()}
    assert wanted <= shipped.keys(), wanted - shipped.keys()
    assert "python" in shipped
    for entry in shipped.values():
        assert entry["license"] and entry["version"]
        assert (RESOURCES / "licenses" / entry["file"]).stat().st_size > 500, entry


def test_qt_bindings_ship_the_lgpl_text():
    entry = next(e for e in licence_index() if canonical(e["name"]) == "pyside6-essentials")
    text = (RESOURCES / "licenses" / entry["file"]).read_text(encoding="utf-8")
    assert entry["license"] == "LGPL-3.0-only"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3" in text
