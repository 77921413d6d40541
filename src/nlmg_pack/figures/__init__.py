"""Figures computed from the content model: the dual timeline, the relationship map and the
theme tracker.

Each figure is laid out once, here, into ``ir.Figure`` blocks of plain shapes (``GLine``,
``GRect``, ``GCircle``, ``GPolygon``, ``GText``) that both renderers draw as they are: vector
graphics in the PDF, inline SVG in the EPUB. Layout needs text widths, so every builder takes a
``measure(text, size) -> width`` for the style's heading font (the font ``GText`` uses):
``style_measure(style)`` gives the real one; tests may pass ``estimate_measure``.

All three respect the pack's chapter cut-off and return None when nothing is left to show.
Output is deterministic: the same content gives equal figures.
"""

from __future__ import annotations

from .. import ir, model
from ..styles import Style
from .dual_timeline import build_dual_timeline, layout_dual_timeline
from .metrics import Measure, estimate_measure, ttf_measure
from .relationships import build_relationships, layout_relationships
from .theme_tracker import build_theme_tracker, layout_theme_tracker

FULL_WIDTH = 470.0  # points: A4 and US Letter text width with the shipped margins
NARROW_WIDTH = 320.0  # a layout that stays readable when an e-reader scales it to its screen

__all__ = [
    "FULL_WIDTH",
    "NARROW_WIDTH",
    "Measure",
    "build_dual_timeline",
    "build_relationships",
    "build_theme_tracker",
    "estimate_measure",
    "figure_blocks",
    "layout_dual_timeline",
    "layout_relationships",
    "layout_theme_tracker",
    "style_measure",
    "ttf_measure",
]


def style_measure(style: Style) -> Measure:
    """Text widths in the style's heading font, the font every figure label is set in."""
    return ttf_measure(style.heading_font.regular)


def figure_blocks(content: model.Content, up_to_chapter: int | None, measure: Measure,
                  width: float = FULL_WIDTH) -> tuple[ir.Figure, ...]:
    """The three figures in reading order, leaving out any with nothing to show."""
    built = (
        build_dual_timeline(content, up_to_chapter, measure, width),
        build_relationships(content, up_to_chapter, measure, width),
        build_theme_tracker(content, up_to_chapter, measure, width),
    )
    return tuple(f for f in built if f is not None)
