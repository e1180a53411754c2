"""Start-up: `--quit-after-startup` paints and exits 0, with nothing heavy imported first."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sqlite_utils", "numpy", "matplotlib", "reportlab", "python_calamine", "openpyxl")


def run_python(code_or_args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, *code_or_args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_quit_after_startup_exits_zero():
    result = run_python(["main.py", "--quit-after-startup"])
    assert result.returncode == 0, result.stderr


def test_no_heavy_module_is_imported_before_the_first_paint():
    probe = (
        "import sys, ui.app\n"
        "code = ui.app.run(['--quit-after-startup'])\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
        "sys.exit(code)\n"
    )
    result = run_python(["-c", probe])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"

