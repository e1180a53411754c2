"""How plausible a reading of a file's bytes is, where the encoding detector cannot tell.

Kept apart from the readers (``sources.py``): one judgement, tested alone.
"""

from __future__ import annotations


def _east_asian(char: str) -> bool:
    code = ord(char)
    return 0x3040 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7A3 or 0xF900 <= code <= 0xFAFF


def east_asian_inside_latin_words(text: str) -> bool:
    """Whether most East Asian characters of ``text`` sit against a Latin letter.

    A Western file ("Très satisfait" in cp1252) read in a multi-byte East Asian
    codec turns each accented letter and the letter after it into one
    character stuck inside a Latin word ("Tr反 satisfait"); the detector took
    such a reading as certain.  In real Chinese, Japanese or Korean text the
    characters come in runs that meet Latin letters seldom.
    """
    found = [i for i, char in enumerate(text) if _east_asian(char)]
    if not found:
        return False

    def latin(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isascii() and text[i].isalpha()

    glued = sum(1 for i in found if latin(i - 1) or latin(i + 1))
    return glued > len(found) / 2
