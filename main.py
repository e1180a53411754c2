"""Launcher for RATER Report Card: the window, or a command-line subcommand.

Kept thin and cheap on purpose: with no subcommand the window starts without
the command-line framework ever being imported, so start-up stays close to a
bare Qt window.
"""

from __future__ import annotations

import sys

GUI_FLAGS = ("--quit-after-startup",)


def wants_window(args: list[str]) -> bool:
    """True when the arguments ask for the window rather than a subcommand.

    The window takes no arguments, its own flags, or a workbook path (what a
    file manager passes when a `.rater` file is double-clicked).
    """
    if not args:
        return True
    first = args[0]
    return first in GUI_FLAGS or first.lower().endswith(".rater")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if wants_window(args):
        from ui.app import run

        return run(args)
    from rater_desktop.cli import run_cli

    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
