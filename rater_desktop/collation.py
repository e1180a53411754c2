"""The order names are listed in, for a reader of Vietnamese as much as of English.

Sorting by code point puts "Đà Nẵng" after "Zeta" and "Ánh" after "Yến", since
marked letters and Đ come after every plain letter.  A person expects Đ among
the Ds and a marked vowel beside its bare letter, in any language shown here;
this small key gives that without a locale database (none is needed on the
machine, and the same order holds in the window, the PDF and the CLI).
"""

from __future__ import annotations

import unicodedata


def without_marks(text: str) -> str:
    """``text`` with its accents and tone marks taken off and đ/Đ as d/D ("Đà Nẵng" -> "Da Nang")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """A sort key for a name shown to people: letters folded first, the exact text breaking ties.

    One string (not a tuple) so that Qt's sort roles can compare it too: the
    folded letters, a NUL (below every character, so "An" comes before
    "Anh"), then the name as written, so names that fold alike still keep
    one order every time.
    """
    return f"{without_marks(text).casefold()}\0{text}"
