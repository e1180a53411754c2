"""Where a table cell may break a line, for languages that put spaces inside words.

Vietnamese writes a space between the syllables of one word ("khách hàng",
customer), so a narrow column would happily end a line in the middle of a
word.  In table cells the report binds the syllables of known words with
no-break spaces (``resources/locale/<lang>/words.txt``) and binds a whole
header that fits its column, so lines break only between words.  Running text
keeps ordinary breaks: there a break between syllables is normal Vietnamese
typesetting.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rater_desktop.i18n import locale_dir

NBSP = "\u00a0"


@lru_cache(maxsize=16)
def _words(lang: str, shorter_than: int | None = None) -> re.Pattern[str] | None:
    path = locale_dir() / lang / "words.txt"
    if not path.is_file():
        return None
    words = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    words = sorted((w for w in words if shorter_than is None or len(w) < shorter_than), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def keep_words(text: str, lang: str, shorter_than: int | None = None) -> str:
    """``text`` with the spaces inside known words of ``lang`` made unbreakable.

    ``shorter_than`` leaves out the words of that many characters or more: a
    phrase too wide for its column ("đang thực hiện") may then still keep its
    shorter words whole ("thực hiện").
    """
    pattern = _words(lang, shorter_than)
    if pattern is None or " " not in text:
        return text
    return pattern.sub(lambda match: match.group(0).replace(" ", NBSP), text)


def unbreakable(text: str) -> str:
    """Every space of ``text`` made unbreakable (a short header that fits its column on one line)."""
    return text.replace(" ", NBSP)
