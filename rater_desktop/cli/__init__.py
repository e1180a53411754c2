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

from rater_desktop.cli.common import EXIT_FAILURE, EXIT_USAGE, UserError
from rater_desktop.i18n import _

__all__ = ["UserError", "cli", "run_cli"]

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rater-desktop", prog_name="rater-desktop")
def cli() -> None:
    """RATER Report Card: grade your customer service A–F and compare it with your customers.

    Run without a command to open the window.
    """


from rater_desktop.cli import outputs, survey_import, workbook  # noqa: E402 (after the group)

for _module in (workbook, survey_import, outputs):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def _plain_errors() -> tuple[type[BaseException], ...]:
    """Exception types whose message is already one sentence for the user."""
    from rater_desktop.storage import WorkbookError

    kinds: list[type[BaseException]] = [WorkbookError]
    try:
        from rater_desktop.importing import SurveyImportError
    except ImportError:  # pragma: no cover - import engine not installed
        pass
    else:
        kinds.append(SurveyImportError)
    return tuple(kinds)


def run_cli(args: list[str]) -> int:
    """Run one command; return the exit status instead of exiting."""
    try:
        cli.main(args=args, prog_name="rater-desktop", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        click.echo(_("Error: {message}").format(message=error.format_message()), err=True)
        return EXIT_USAGE if isinstance(error, click.UsageError) else EXIT_FAILURE
    except click.exceptions.Abort:
        return EXIT_FAILURE
    except SystemExit as done:
        return int(done.code or 0)
    except OSError as error:
        click.echo(_("Error: {message}").format(message=_os_error_sentence(error)), err=True)
        return EXIT_FAILURE
    except Exception as error:  # noqa: BLE001 - the user gets a sentence, never a traceback
        if isinstance(error, _plain_errors()):
            click.echo(_("Error: {message}").format(message=str(error)), err=True)
        else:
            click.echo(
                _("Error: something unexpected went wrong ({kind}: {message}).").format(
                    kind=type(error).__name__, message=error
                ),
                err=True,
            )
        return EXIT_FAILURE
    return 0


def _os_error_sentence(error: OSError) -> str:
    name = error.filename or ""
    reason = error.strerror or str(error)
    return _("Could not use {path}: {reason}.").format(path=name, reason=reason)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_cli(sys.argv[1:]))
