"""Command line over the core (DESIGN §5): a thin click layer, no business rules.

Every failure reaches the user as one plain sentence on stderr with a non-zero
exit status; tracebacks are for developers, not for a consultant in a workshop.
Each command lives in the module named after what it does; adding one means
writing that module and adding it to the import below (static imports, so
that PyInstaller finds every command).
"""

from __future__ import annotations

import sys

import click

from rater_desktop.cli.common import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE, UserError
from rater_desktop.i18n import _

__all__ = ["UserError", "cli", "run_cli"]

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rater-desktop", prog_name="rater-desktop")
def cli() -> None:
    """RATER Report Card: grade your customer service A–F and compare it with your customers.

    Run without a command to open the window.
    """


from rater_desktop.cli import (  # noqa: E402 (after the group)
    outputs,
    rollup,
    serve,
    settings,
    suggest,
    survey_import,
    surveys,
    workbook,
)

for _module in (workbook, survey_import, suggest, surveys, settings, outputs, serve, rollup):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def run_cli(args: list[str]) -> int:
    """Run one command; return the exit status instead of exiting.

    Every failure becomes one line on stderr (see ``sentences.error_sentence``);
    Ctrl+C stops the command with nothing half-written, since every write is
    one transaction or an atomic file replacement.
    """
    from rater_desktop.sentences import error_sentence, one_line

    try:
        cli.main(args=args, prog_name="rater-desktop", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        click.echo(_("Error: {message}").format(message=one_line(error.format_message())), err=True)
        return EXIT_USAGE if isinstance(error, click.UsageError) else EXIT_FAILURE
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(error_sentence(KeyboardInterrupt()), err=True)
        return EXIT_INTERRUPTED
    except SystemExit as done:
        return int(done.code or 0)
    except Exception as error:  # noqa: BLE001 - the user gets a sentence, never a traceback
        click.echo(_("Error: {message}").format(message=error_sentence(error)), err=True)
        return EXIT_FAILURE
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_cli(sys.argv[1:]))
