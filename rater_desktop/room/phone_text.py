"""Every word the phone page shows, translated by the same catalogs as the window.

The page itself (``resources/room/``) carries no text: it asks for these in
the phone's language and puts them in with ``textContent``.  Keys are what
the page's script uses; ``{name}``-style placeholders are filled in there.
"""

from __future__ import annotations

from rater_desktop.i18n import N_, _, language_context

PHONE_TEXT: dict[str, str] = {
    "title": N_("Grade our service"),
    "choose_name": N_("Who are you? Tap your name."),
    "taken": N_("joined on another phone"),
    "add_name": N_("Not on the list? Write your name:"),
    "join": N_("Join"),
    "joining": N_("Joining…"),
    "hello": N_("Hello, {name}"),
    "position": N_("{number} of {total}"),
    "quick_prompt": N_("Grade this part of our service as a whole."),
    "criterion_prompt": N_("How well does this describe us today?"),
    "context_prompt": N_("The same part of our service, in this situation: {situation}"),
    "hint_a": N_("What an A looks like:"),
    "hint_f": N_("What an F looks like:"),
    "not_applicable": N_("Not applicable, or I cannot judge"),
    "note": N_("Note (optional)"),
    "save_note": N_("Save note"),
    "saving": N_("Saving…"),
    "saved": N_("Saved"),
    "back": N_("Back"),
    "next": N_("Next"),
    "overview": N_("All questions"),
    "unanswered": N_("not answered yet"),
    "continuum_current": N_("Where are we now?"),
    "continuum_desired": N_("Where should we be?"),
    "continuum_help": N_("1 is the first statement, 7 the second; 4 is half-way."),
    "closed": N_("Voting on this part is closed: the answer can no longer change."),
    "finished": N_("That is every question. Thank you! You can change answers until the facilitator closes voting."),
    "ended": N_("Voting has ended. Thank you!"),
    "offline": N_("Connection lost. Reconnecting… Your answers stay on this phone and are sent when it is back."),
    "wrong_room": N_("This room is closed or the address is wrong. Scan the code on the screen again."),
    "released": N_("The facilitator signed this phone out. Tap your name to join again."),
    "refused_taken": N_("Someone already joined with this name. Ask the facilitator if it is you."),
    "refused_name": N_("Write a name of 1 to 60 characters that is not on the list yet."),
    "refused_slow": N_("Too many taps at once: wait a moment and try again."),
    "refused_closed": N_("Voting on this part is closed."),
    "refused_invalid": N_("That answer could not be saved."),
    "language": N_("Language"),
}


def phone_text(lang: str) -> dict[str, str]:
    """The page's words in ``lang`` (a shipped language code, else English)."""
    with language_context(lang):
        return {key: _(message) for key, message in PHONE_TEXT.items()}
