"""The theme tracker: themes (and symbols) down, chapters across, a mark where each is strong.

A cell's score comes from the content's own chapter references: 2 if the theme entry lists the
chapter among those where it matters most, plus 1 for each event of that chapter and each
quotation from it (from the novel, not a film) tagged with the theme. Strength is shown by the
mark's shape and size (small dot, large dot, square), never by colour alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import ir, model
from ..typography import smarten
from . import common as c
from .geometry import Box
from .metrics import Measure, text_width

ANCHOR = "fig-theme-tracker"
LISTED_WEIGHT = 2
LEVEL_WORDS = ("", "touched on", "strong", "strongest")
LEVEL_RULE = ("", "score 1", "score 2\u20133", "score 4 or more")
MAX_COLUMN = 22.0
HEADER = 26.0  # Part titles and chapter numbers above the grid
SECTION_ROW = 13.0
LINE = 9.5  # line spacing of wrapped row titles


def level(score: int) -> int:
    """0 none, 1 touched on, 2 strong, 3 strongest."""
    if score <= 0:
        return 0
    return 1 if score == 1 else 2 if score <= 3 else 3


def scores(content: model.Content, up_to_chapter: int | None,
           include_symbols: bool = True) -> dict[str, dict[int, int]]:
    """Score per theme id and chapter (1..cut-off), counting only what the cut-off reveals.
    Themes with no score in range are left out."""
    last = c.last_chapter(content, up_to_chapter)
    events = [e for e in content.events if c.event_reveal(e) <= last]
    quotes = [q for q in content.quotes if q.source == "novel" and c.quote_reveal(q) <= last]
    tagged = _tag_counts([(e.chapter, e.themes) for e in events] + [(q.chapter, q.themes) for q in quotes])
    out: dict[str, dict[int, int]] = {}
    for theme in _tracked(content, include_symbols):
        row = {}
        listed = set(theme.chapters)
        for chapter in range(1, last + 1):
            score = LISTED_WEIGHT if chapter in listed else 0
            row[chapter] = score + tagged[(theme.id, chapter)]
        if any(row.values()):
            out[theme.id] = row
    return out


def _tag_counts(items: list[tuple[int, tuple[str, ...]]]) -> Counter[tuple[str, int]]:
    """How many items (events, quotations) of each chapter are tagged with each theme, counted
    in one pass instead of scanning every item for every cell of the grid."""
    counts: Counter[tuple[str, int]] = Counter()
    for chapter, themes in items:
        for theme_id in set(themes):  # an item counts once however often it lists a theme
            counts[(theme_id, chapter)] += 1
    return counts


def _tracked(content: model.Content, include_symbols: bool) -> list[model.Theme]:
    themes = [t for t in content.themes if t.kind == "theme"]
    symbols = [t for t in content.themes if t.kind != "theme"] if include_symbols else []
    return themes + symbols


@dataclass(frozen=True)
class Cell:
    theme: str
    chapter: int
    score: int
    level: int
    box: Box


@dataclass(frozen=True)
class TrackerLayout:
    width: float
    height: float
    rows: tuple[model.Theme, ...]
    cells: tuple[Cell, ...]
    shapes: tuple[ir.Shape, ...]


@dataclass(frozen=True)
class _Grid:
    left: float  # x where chapter columns start
    column: float
    last: int

    def x_of(self, chapter: int) -> float:
        return self.left + (chapter - 1) * self.column


def _grid(themes: list[model.Theme], last: int, width: float, measure: Measure) -> _Grid:
    widest = max(text_width(measure, smarten(t.title), c.LABEL_SIZE) for t in themes) + 8
    label_w = min(widest, 0.4 * width)
    column = min(MAX_COLUMN, (width - label_w) / last)
    return _Grid(width - column * last, column, last)


def _header(grid: _Grid, spans: tuple[c.PartSpan, ...], measure: Measure) -> list[ir.Shape]:
    """Part titles over their columns (bracketed), chapter numbers under them."""
    shapes: list[ir.Shape] = []
    for span in spans:
        x0, x1 = grid.x_of(span.first) + 1, grid.x_of(span.last + 1) - 1
        title = c.fitting_text(measure, c.part_label_options(span), c.SMALL_SIZE, x1 - x0, bold=True)
        if title:
            shapes.append(ir.GText((x0 + x1) / 2, 8, title, c.SMALL_SIZE, bold=True, align="middle"))
        shapes.append(ir.GLine(x0, 11, x1, 11, c.HAIRLINE))
    step = 1 if grid.column >= text_width(measure, str(grid.last), c.SMALL_SIZE) + 2 else 2
    for chapter in range(1, grid.last + 1):
        if step == 1 or chapter % 2 == 1:
            shapes.append(ir.GText(grid.x_of(chapter) + grid.column / 2, HEADER - 5, str(chapter),
                                   c.SMALL_SIZE, align="middle"))
    return shapes


def _mark(x: float, y: float, strength: int, column: float) -> ir.Shape | None:
    room = max(column - 3.0, 3.0)
    if strength == 1:
        return ir.GCircle(x, y, min(1.4, room / 4), stroke=None, fill=c.INK)
    if strength == 2:
        return ir.GCircle(x, y, min(3.0, room / 2.2), stroke=None, fill=c.INK)
    if strength == 3:
        side = min(7.0, room)
        return ir.GRect(x - side / 2, y - side / 2, side, side, stroke=None, fill=c.INK)
    return None


def _row(theme: model.Theme, row_scores: dict[int, int], grid: _Grid, y: float,
         measure: Measure) -> tuple[list[ir.Shape], list[Cell], float]:
    """One theme's title (wrapped) and marks; returns shapes, cells and the row's height."""
    lines = c.wrap_text(measure, smarten(theme.title), c.LABEL_SIZE, grid.left - 6, max_lines=2)
    height = max(14.0, LINE * len(lines) + 4.5)
    shapes: list[ir.Shape] = []
    first_baseline = y + height / 2 - (len(lines) - 1) * LINE / 2 + 0.35 * c.LABEL_SIZE
    for i, line in enumerate(lines):
        shapes.append(ir.GText(0.0, first_baseline + i * LINE, line, c.LABEL_SIZE))
    cells = []
    for chapter in range(1, grid.last + 1):
        score = row_scores.get(chapter, 0)
        box = Box(grid.x_of(chapter), y, grid.x_of(chapter) + grid.column, y + height)
        cells.append(Cell(theme.id, chapter, score, level(score), box))
        mark = _mark((box.x0 + box.x1) / 2, y + height / 2, level(score), grid.column)
        if mark is not None:
            shapes.append(mark)
    shapes.append(ir.GLine(0.0, y + height, grid.x_of(grid.last + 1), y + height, c.THIN))
    return shapes, cells, height


def _legend(y: float, width: float, measure: Measure) -> tuple[list[ir.Shape], float]:
    shapes: list[ir.Shape] = []
    x = 0.0
    for strength in (1, 2, 3):
        words = f"{LEVEL_WORDS[strength]} ({LEVEL_RULE[strength]})"
        w = 14 + text_width(measure, words, c.SMALL_SIZE) + 14
        if x > 0 and x + w > width:
            x, y = 0.0, y + 13
        mark = _mark(x + 5, y - 0.3 * c.SMALL_SIZE, strength, 12.0)
        if mark is not None:
            shapes.append(mark)
        shapes.append(ir.GText(x + 14, y, words, c.SMALL_SIZE))
        x += w
    return shapes, y + 5


def _section_title(text: str, y: float) -> ir.GText:
    return ir.GText(0.0, y + SECTION_ROW - 3.5, text, c.SMALL_SIZE, bold=True)


def layout_theme_tracker(content: model.Content, up_to_chapter: int | None, measure: Measure,
                         width: float = 470.0, include_symbols: bool = True) -> TrackerLayout | None:
    """Compute the grid; None when nothing is tracked by the cut-off."""
    table = scores(content, up_to_chapter, include_symbols)
    rows = [t for t in _tracked(content, include_symbols) if t.id in table]
    if not rows:
        return None
    last = c.last_chapter(content, up_to_chapter)
    grid = _grid(rows, last, width, measure)
    shapes: list[ir.Shape] = _header(grid, c.part_spans(content.book, last), measure)
    cells: list[Cell] = []
    y = HEADER
    kinds = [k for k in ("theme", "symbol") if any((t.kind == "theme") == (k == "theme") for t in rows)]
    for kind in kinds:
        if len(kinds) > 1:
            shapes.append(_section_title("Themes" if kind == "theme" else "Symbols and motifs", y))
            y += SECTION_ROW
        for theme in (t for t in rows if (t.kind == "theme") == (kind == "theme")):
            row_shapes, row_cells, height = _row(theme, table[theme.id], grid, y, measure)
            shapes += row_shapes
            cells += row_cells
            y += height
    for span in c.part_spans(content.book, last)[1:]:
        # Start below the chapter numbers so the divider never strikes through "10" or "18".
        shapes.append(ir.GLine(grid.x_of(span.first), HEADER - 2, grid.x_of(span.first), y, c.HAIRLINE))
    legend, y = _legend(y + 14, width, measure)
    return TrackerLayout(grid.x_of(last + 1), round(y, 2), tuple(rows), tuple(cells),
                         tuple(c.round_shape(s) for s in shapes + legend))


def _summary(cells: list[Cell]) -> str:
    parts = []
    for strength in (3, 2, 1):
        chapters = [cell.chapter for cell in cells if cell.level == strength]
        if chapters:
            parts.append(f"{LEVEL_WORDS[strength]} in ch. {c.chapter_ranges(chapters)}")
    return "; ".join(parts).capitalize() + "."


def _equivalent(layout: TrackerLayout) -> tuple[ir.Block, ...]:
    by_theme: dict[str, list[Cell]] = {}
    for cell in layout.cells:  # grouped once: scanning all cells per row is quadratic
        by_theme.setdefault(cell.theme, []).append(cell)
    items = []
    for theme in layout.rows:
        cells = by_theme.get(theme.id, [])
        items.append(ir.Definition((c.theme_link(theme),), ir.text(_summary(cells))))
    return (ir.DefinitionList(tuple(items)),)


def build_theme_tracker(content: model.Content, up_to_chapter: int | None, measure: Measure,
                        width: float = 470.0, include_symbols: bool = True) -> ir.Figure | None:
    layout = layout_theme_tracker(content, up_to_chapter, measure, width, include_symbols)
    if layout is None:
        return None
    last = c.last_chapter(content, up_to_chapter)
    alt = (f"A grid of {len(layout.rows)} themes and symbols against chapters 1\u2013{last}, with a "
           "mark whose size shows how strongly each chapter develops each theme; the list below "
           "names each theme's strongest chapters.")
    caption = ("Small dot: touched on; large dot: strong; square: strongest. A chapter the theme "
               f"entry names scores {LISTED_WEIGHT}, and each event or quotation tagged with the "
               "theme in that chapter adds 1.")
    return ir.Figure(
        anchor=ANCHOR,
        title=ir.text("Theme tracker"),
        graphic=ir.Graphic(layout.width, layout.height, layout.shapes),
        alt=alt,
        caption=ir.text(caption),
        equivalent=_equivalent(layout),
        src=content.book.src,
    )
