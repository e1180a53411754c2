"""The join address as a QR code (segno, pure Python; loaded when a code is drawn).

The window paints the module matrix itself (crisp at any size, on the laptop
and on a projector); the ``serve`` command prints it with block characters.
Error correction M at least: a projected code seen from the back of a room
at an angle still reads.
"""

from __future__ import annotations


def qr_matrix(text: str) -> list[list[bool]]:
    """Rows of dark (True) and light modules, with no quiet zone (the caller leaves one)."""
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix]


def qr_text(text: str) -> str:
    """The code drawn with half-block characters, for a terminal.

    Two rows of modules per line, with a quiet zone of two modules.  Drawn for
    the usual light text on a dark background: the ink stands for the light
    modules.  A dark-on-light terminal shows the code inverted, which most
    phone cameras read as well.
    """
    rows = qr_matrix(text)
    width = len(rows[0]) + 4
    blank = [False] * width
    padded = [blank, blank] + [[False, False, *row, False, False] for row in rows] + [blank, blank, blank]
    lines = []
    for top, bottom in zip(padded[::2], padded[1::2]):
        lines.append("".join(_HALF[(a, b)] for a, b in zip(top, bottom)))
    return "\n".join(lines)


_HALF = {(False, False): "█", (True, False): "▄", (False, True): "▀", (True, True): " "}
"""Light modules drawn as ink: a terminal's ink colour stands for the paper of a printed code."""
