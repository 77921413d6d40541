"""Helpers shared by the three figures: spoiler cut-offs, chapter lists, ticks, Part bands."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .. import ir, model
from ..typography import smarten
from .metrics import Measure, text_width

# Sizes in points at full text width (about 450-500 pt). Nothing smaller than 7 pt, so that the
# EPUB's scaled SVG stays readable on a 6-inch screen at the narrower width.
LABEL_SIZE = 7.5
SMALL_SIZE = 7.0
NAME_SIZE = 8.0
TITLE_SIZE = 8.0

INK = 0.0
MID_GRAY = 0.45
LIGHT_GRAY = 0.75
BAND_GRAY = 0.92

THIN = ir.Stroke(gray=LIGHT_GRAY, width=0.4)
HAIRLINE = ir.Stroke(gray=MID_GRAY, width=0.5)
AXIS = ir.Stroke(gray=INK, width=0.75)


def event_reveal(event: model.Event) -> int:
    return event.reveals if event.reveals is not None else event.chapter


def quote_reveal(quote: model.Quote) -> int:
    return quote.reveals if quote.reveals is not None else quote.chapter


def character_reveal(character: model.Character) -> int:
    return character.reveals if character.reveals is not None else character.first_chapter


def relationship_reveal(rel: model.Relationship) -> int:
    return rel.reveals if rel.reveals is not None else rel.chapter


def last_chapter(content: model.Content, up_to_chapter: int | None) -> int:
    """The last chapter a figure may show: the pack's cut-off, within the book."""
    chapters = content.book.chapters
    if up_to_chapter is None:
        return chapters
    return max(0, min(chapters, up_to_chapter))


def nice(value: float) -> str:
    """A number as people write it: 12, 12.5 (never 12.0)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def chapter_ranges(chapters: list[int] | tuple[int, ...]) -> str:
    """'1, 4–6, 9' for [1, 4, 5, 6, 9]."""
    values = sorted(set(chapters))
    parts: list[str] = []
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[j] + 1:
            j += 1
        parts.append(str(values[i]) if i == j else f"{values[i]}\u2013{values[j]}")
        i = j + 1
    return ", ".join(parts)


def ticks(lo: float, hi: float, max_ticks: int = 7) -> tuple[float, ...]:
    """Round-numbered ticks covering [lo, hi] (steps 1, 2, 5, 10, 20, 50 …)."""
    span = max(hi - lo, 1e-9)
    step = 1.0
    for magnitude in range(-2, 9):
        for base in (1, 2, 5):
            step = base * 10.0 ** magnitude
            if span / step <= max_ticks:
                first = math.floor(lo / step) * step
                last = math.ceil(hi / step) * step
                count = int(round((last - first) / step))
                return tuple(round(first + k * step, 6) for k in range(count + 1))
    return (lo, hi)


@dataclass(frozen=True)
class PartSpan:
    number: int
    title: str
    first: int
    last: int


def part_spans(book: model.Book, last: int) -> tuple[PartSpan, ...]:
    """The book's Parts, cut at chapter ``last`` (Parts wholly after it are left out)."""
    spans = []
    for part in book.parts:
        if part.first_chapter > last:
            continue
        spans.append(PartSpan(part.number, smarten(part.title), part.first_chapter,
                              min(part.last_chapter, last)))
    return tuple(spans)


def fitting_text(measure: Measure, options: tuple[str, ...], size: float, room: float,
                 bold: bool = False) -> str:
    """The first of ``options`` that fits in ``room`` points ('' if none does)."""
    for option in options:
        if text_width(measure, option, size, bold) <= room:
            return option
    return ""


def wrap_text(measure: Measure, title: str, size: float, room: float, max_lines: int = 99) -> list[str]:
    """Greedy word wrap into at most ``max_lines``; the last line is shortened with an ellipsis."""
    lines: list[str] = []
    for word in title.split():
        if lines and text_width(measure, f"{lines[-1]} {word}", size) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [" ".join(lines[max_lines - 1:])]
    last = lines[-1]
    while len(last) > 1 and text_width(measure, last, size) > room:
        last = last[:-2].rstrip() + "\u2026"
    lines[-1] = last
    return lines


def key_rows(measure: Measure, rows: list[tuple[str, str]], y: float, width: float,
             row: float = 12.0) -> tuple[list[ir.Shape], float]:
    """A numbered key under a figure: '1  text', the text wrapped to the figure's width."""
    shapes: list[ir.Shape] = []
    for number, words in rows:
        shapes.append(ir.GText(0.0, y, number, SMALL_SIZE, bold=True))
        for line in wrap_text(measure, words, SMALL_SIZE, width - 16.0):
            shapes.append(ir.GText(14.0, y, line, SMALL_SIZE))
            y += row - 2.0
        y += 2.0
    return shapes, y


def part_label_options(span: PartSpan) -> tuple[str, ...]:
    return (span.title, f"Part {span.number}", f"P{span.number}", str(span.number))


def round_shape(shape: ir.Shape) -> ir.Shape:
    """Coordinates rounded to 1/100 pt: stable output, smaller SVG."""
    if isinstance(shape, ir.GLine):
        return ir.GLine(round(shape.x1, 2), round(shape.y1, 2), round(shape.x2, 2),
                        round(shape.y2, 2), shape.stroke)
    if isinstance(shape, ir.GRect):
        return ir.GRect(round(shape.x, 2), round(shape.y, 2), round(shape.w, 2), round(shape.h, 2),
                        shape.stroke, shape.fill, shape.radius)
    if isinstance(shape, ir.GCircle):
        return ir.GCircle(round(shape.cx, 2), round(shape.cy, 2), round(shape.r, 2), shape.stroke, shape.fill)
    if isinstance(shape, ir.GPolygon):
        points = tuple((round(x, 2), round(y, 2)) for x, y in shape.points)
        return ir.GPolygon(points, shape.stroke, shape.fill, shape.closed)
    return ir.GText(round(shape.x, 2), round(shape.y, 2), shape.text, shape.size, shape.bold,
                    shape.italic, shape.align, shape.gray, shape.font)


def char_link(content: model.Content, cid: str) -> ir.Inline:
    name = smarten(content.character(cid).name)
    return ir.Link(f"char-{cid}", (ir.Text(name),), "character")


def theme_link(theme: model.Theme) -> ir.Inline:
    return ir.Link(f"theme-{theme.id}", (ir.Text(smarten(theme.title)),), "theme")
