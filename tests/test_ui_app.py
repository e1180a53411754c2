"""Start-up: `--quit-after-startup` paints and exits 0, with nothing heavy imported first."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = (
    "sqlite_utils", "numpy", "matplotlib", "reportlab", "python_calamine", "openpyxl", "aiohttp", "segno", "ifaddr",
)
"""modules that cost tens to hundreds of milliseconds and no first paint needs"""

WHEN_PAINTED = (
    "import sys\n"
    "import ui.main_window\n"
    "built = ui.main_window.MainWindow.__init__\n"
    "def hooked(self, *args, **kwargs):\n"
    "    built(self, *args, **kwargs)\n"
    "    self.first_painted.connect(lambda: on_first_paint(self))\n"
    "ui.main_window.MainWindow.__init__ = hooked\n"
)
"""the start of a probe: ``on_first_paint(window)`` (which the probe defines) runs as the window first paints"""


def run_python(code_or_args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, *code_or_args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_quit_after_startup_exits_zero():
    result = run_python(["main.py", "--quit-after-startup"])
    assert result.returncode == 0, result.stderr


def test_no_heavy_module_is_imported_before_the_first_paint():
    probe = WHEN_PAINTED + (
        "loaded = []\n"
        "def on_first_paint(window):\n"
        "    loaded.extend(sys.modules)\n"
        "import ui.app\n"
        "code = ui.app.run(['--quit-after-startup'])\n"
        f"print(sorted(m for m in {HEAVY!r} if m in loaded) if loaded else 'never painted')\n"
        "sys.exit(code)\n"
    )
    result = run_python(["-c", probe])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_file_open_events_reach_the_window_of_the_app_run_makes():
    """macOS hands a double-clicked workbook over as a FileOpen event to the application object:
    one that comes before the first paint is opened after it, a later one at once."""
    probe = (
        "import json, sys\n"
        "from PySide6.QtGui import QFileOpenEvent\n"
        "import ui.app\n"
        "from ui.main_window import MainWindow\n"
        "from ui.qt import QApplication, QTimer\n"
        "seen = {'opened': [], 'resumed_with': None}\n"
        "def send(name):\n"
        "    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(name))\n"
        "def open_path(self, path):\n"
        "    seen['opened'].append(str(path))\n"
        "    return True\n"
        "def resume(self, paths):\n"
        "    seen['resumed_with'] = list(paths)\n"
        "    send('late.rater')\n"
        "    QTimer.singleShot(0, QApplication.quit)\n"
        "listen = ui.app.listen_for_file_opens\n"
        "def listening(app, handler):\n"
        "    listen(app, handler)\n"
        "    send('early.rater')\n"
        "MainWindow.open_path, MainWindow.resume, ui.app.listen_for_file_opens = open_path, resume, listening\n"
        "code = ui.app.run([])\n"
        "print(json.dumps(seen))\n"
        "sys.exit(code)\n"
    )
    result = run_python(["-c", probe])
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"opened": ["late.rater"], "resumed_with": ["early.rater"]}
