"""``serve``: room voting without the window (DESIGN §5, §10).

The join address is the first line printed, so a facilitator can read it out
and a script (or a test) can take it; then the QR code (on a terminal), what
to know about the network, and one line per person who joins.  Ctrl+C tells
the phones that voting has ended and stops, within seconds whatever the phones
do; a second Ctrl+C quits without waiting.
"""

from __future__ import annotations

import sys
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import click

from rater_desktop.cli.common import UserError, assessment_option, choose_round, existing_file, open_workbook
from rater_desktop.i18n import _


@click.command()
@click.argument("path", type=existing_file)
@assessment_option
@click.option("--port", type=click.IntRange(0, 65535), help="Port to listen on (default: the room's last one).")
@click.option("--host", help="Local address to listen on (default: the laptop's likeliest Wi-Fi address).")
@click.option("--mode", type=click.Choice(["quick", "full"]),
              help="quick: one grade per dimension and the continuum; full: every statement.")
@click.option("--new-names/--no-new-names", default=None, help="Let phones add a name that is not on the list.")
def serve(path: Path, assessment_id: int | None, port: int | None, host: str | None, mode: str | None,
          new_names: bool | None) -> None:
    """Let the room vote on their phones; prints the join address first, Ctrl+C stops."""
    from rater_desktop.operations import Operations
    from rater_desktop.room.addresses import advice, advice_text, local_addresses
    from rater_desktop.room.phones import Room
    from rater_desktop.room.runner import RoomServer

    addresses = [] if host else local_addresses()
    if not host and not addresses:
        raise UserError(advice_text("no_network"))
    workbook = open_workbook(path)
    try:
        assessment_id = choose_round(workbook, assessment_id)
    except BaseException:
        workbook.close()
        raise

    def open_room() -> Room:  # on the server's database thread, which owns the workbook from now on
        operations = Operations(workbook)
        operations.subscribe(lambda change: _say_who_joined(workbook, assessment_id, change))
        return Room(operations, operations.workshops.of(assessment_id), mode=mode, new_names=new_names)

    server = RoomServer(open_room, host or addresses[0].ip, port)
    try:
        url = server.start().result(timeout=60)
    except OSError as error:
        raise UserError(_("Could not listen on {host}: {reason}.").format(
            host=server.host, reason=error.strerror or error)) from error
    codes = [code for code in advice(addresses) if not (host and code == "no_network")]
    try:
        click.echo(url)
        _describe(url, addresses, [advice_text(code) for code in codes])
        _wait_for(server.stopped)
    except KeyboardInterrupt:
        server.stop()
        click.echo(_("Stopping: telling the phones that voting has ended… (press Ctrl+C again to quit at once)"))
        _wait_for(server.stopped)  # a few seconds at most; a second Ctrl+C quits without waiting
        server.wait_stopped()
    click.echo(_("Room voting stopped; every answer is saved in {name}.").format(name=path.name))


def _wait_for(future: Future) -> None:
    """Wait for ``future`` in short slices, so Ctrl+C is felt at once whichever thread the signal reached."""
    while True:
        try:
            future.result(timeout=0.5)
            return
        except FutureTimeout:
            continue


def _say_who_joined(workbook, assessment_id: int, change) -> None:
    """One line per phone that joins: the facilitator at the terminal sees the room fill up."""
    from rater_desktop.changes import ChangeKind

    if change.kind != ChangeKind.PHONES:
        return
    names = {person.id: person.name for person in workbook.participants(assessment_id)}
    holders = workbook.phone_holders(assessment_id)
    for ident in change.ids:
        if ident in holders:
            click.echo(_("{name} joined.").format(name=names.get(ident, "?")))


def _describe(url: str, addresses: list, notes: list[str]) -> None:
    """Everything after the first line: QR code, other addresses, advice, how to stop."""
    from rater_desktop.room.qr import qr_text

    if sys.stdout.isatty():
        click.echo(qr_text(url))
    others = [f"{a.ip} ({a.adapter})" for a in addresses[1:]]
    if others:
        click.echo(_("Other addresses of this laptop (use --host to choose one): {list}").format(
            list=", ".join(others)))
    for note in notes:
        click.echo(note)
    click.echo(_("Phones open the address above or scan the code. Press Ctrl+C to stop."))


COMMANDS = (serve,)
