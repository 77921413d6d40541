"""How wide a label is: advance widths of the style's heading font.

Figures are laid out once, in Python, and drawn by both renderers; so the layout must know how
wide a label will be without asking a renderer. A ``Measure`` answers that: ``measure(text,
size)`` is the advance width in points of ``text`` at ``size`` in the heading font.
``ttf_measure`` reads the real advance widths from the TTF with fontTools; ``estimate_measure``
uses a built-in table of the shipped heading font's widths (tests, and a fallback).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

Measure = Callable[[str, float], float]

# Label boxes cover the ink of the heading font: capitals and ascenders (~0.72 em) above the
# baseline, descenders (~0.22 em) below, with a little to spare for accents.
ASCENT = 0.78
DESCENT = 0.24
# Measures give regular-weight widths; bold glyphs of the heading font run about 9% wider.
BOLD_FACTOR = 1.1

# Advance widths (1/1000 em) of Atkinson Hyperlegible Regular for ASCII 32..126, the heading
# font of every shipped style; other characters use the average lower-case width.
_ASCII_WIDTHS = (
    280, 281, 301, 655, 594, 927, 705, 160, 300, 300, 433, 602, 205, 368, 205, 377, 648, 402,
    549, 574, 614, 583, 598, 510, 615, 598, 205, 205, 553, 602, 553, 520, 780, 626, 619, 656,
    673, 567, 548, 710, 690, 414, 510, 627, 539, 820, 689, 727, 601, 753, 618, 596, 558, 690,
    589, 840, 623, 595, 607, 315, 377, 315, 552, 396, 268, 526, 566, 500, 564, 539, 311, 560,
    546, 278, 254, 490, 239, 841, 546, 552, 566, 576, 340, 471, 324, 536, 441, 654, 461, 429,
    460, 319, 233, 319, 555,
)
_OTHER_WIDTHS = {"\u2018": 235, "\u2019": 235, "\u201c": 398, "\u201d": 398, "\u2013": 480,
                 "\u2014": 800, "\u2026": 696, "\u00b7": 235}
_FALLBACK_WIDTH = 560


def estimate_measure(text: str, size: float) -> float:
    """Width of ``text`` from the built-in table of the heading font's advance widths."""
    total = 0
    for ch in text:
        code = ord(ch)
        if 32 <= code <= 126:
            total += _ASCII_WIDTHS[code - 32]
        else:
            total += _OTHER_WIDTHS.get(ch, _FALLBACK_WIDTH)
    return total * size / 1000.0


@lru_cache(maxsize=16)
def _advance_table(path: str) -> tuple[dict[int, int], int, int]:
    from fontTools.ttLib import TTFont  # a build-time dependency only the figures need

    with TTFont(path, lazy=True) as font:
        metrics = font["hmtx"].metrics
        widths = {code: metrics[name][0] for code, name in font.getBestCmap().items()}
        default = metrics[".notdef"][0] if ".notdef" in metrics else _FALLBACK_WIDTH
        return widths, default, int(font["head"].unitsPerEm)


def ttf_measure(path: str | Path) -> Measure:
    """A Measure that reads advance widths from a TrueType file (kerning ignored, which only
    ever makes the estimate a little wider than the drawn text)."""
    widths, default, units = _advance_table(str(path))

    def measure(text: str, size: float) -> float:
        return sum(widths.get(ord(ch), default) for ch in text) * size / units

    return measure


def text_width(measure: Measure, text: str, size: float, bold: bool = False) -> float:
    return measure(text, size) * (BOLD_FACTOR if bold else 1.0)
